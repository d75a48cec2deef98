/**
 * Writing the corpus part of a build (papers, authors, sources, full-text index) on a small
 * hand-made corpus whose row counts are not multiples of the writer's batches.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBareBibliography, type Corpus, type Paper } from '../../lib/corpus/types';
import { buildReferenceKeys } from '../../lib/corpus/references';
import { TABLES_SQL } from '../../lib/store/schema';
import {
  attachFullTextIndex,
  createBuildDatabase,
  finishBuildDatabase,
  startFullTextIndex,
  writeCorpus,
} from '../../lib/store/write';

const PAPERS = 101;

/** Paper i has i % 4 authors drawn from a pool of 23 names; Ada Lovelace is listed six times,
 * first as 'Ada LOVELACE', then five times as 'Ada Lovelace'. */
function makeCorpus(): Corpus {
  const papers: Paper[] = [];
  for (let i = 1; i <= PAPERS; i++) {
    const authors = [];
    for (let k = 0; k < i % 4; k++) {
      const a = (i * 7 + k * 5) % 23;
      const name = a === 0 ? (i % 5 === 0 ? 'Ada LOVELACE' : 'Ada Lovelace') : `Author Number${a}`;
      authors.push({ name, key: a === 0 ? 'ada lovelace' : `author number${a}` });
    }
    const abstract = `We study problem ${i}. ${i % 2 === 0 ? 'Graph neural networks' : 'Diffusion models'} are used.`;
    papers.push({
      id: i,
      title: i === 7 ? 'Équations différentielles' : `Paper ${i} on topic ${i % 5}`,
      titleDerived: false,
      abstract,
      abstractPlain: '',
      abstractLength: abstract.length,
      tldr: null,
      year: 2000 + (i % 10),
      date: null,
      venue: 'Test',
      label: null,
      externalId: `x${i}`,
      authors,
      authorCount: authors.length > 0 ? null : 3,
      sources:
        i === 5
          ? [
              { file: 'a.jsonl', record: 5 },
              { file: 'b.jsonl', record: 1 },
            ]
          : [{ file: 'a.jsonl', record: i }],
      ...buildBareBibliography(),
    });
  }
  return {
    papers,
    files: [
      {
        file: 'a.jsonl',
        layout: 'jsonl',
        venue: null,
        year: null,
        notes: null,
        recordsRead: PAPERS + 1,
        papersKept: PAPERS,
        duplicatesMerged: 0,
        rejected: 1,
        rejectReasons: { 'bad JSON': 1 },
        warnings: [],
        mergedBy: { doi: 0, id: 0, title: 0, abstract: 0 },
        mergedWith: {},
        withoutAbstract: 0,
      },
    ],
    rejects: [{ file: 'a.jsonl', record: 9, reason: 'bad JSON: Unexpected token' }],
    referenceTargets: papers.map(() => new Int32Array(0)),
    referenceKeys: buildReferenceKeys(papers),
    references: { total: 0, resolved: 0 },
  };
}

async function writeBuild(dir: string, corpus: Corpus): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'build.db');
  const fts = path.join(dir, 'fts.db');
  const fullText = startFullTextIndex(corpus, fts);
  const db = createBuildDatabase(file);
  writeCorpus(db, corpus);
  await fullText;
  attachFullTextIndex(db, fts);
  finishBuildDatabase(db);
  return file;
}

let work: string;
let corpus: Corpus;
let file: string;
let db: Database.Database;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-write-'));
  corpus = makeCorpus();
  file = await writeBuild(path.join(work, 'a'), corpus);
  db = new Database(file);
});

afterAll(() => {
  db?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('writeCorpus', () => {
  it('writes every paper, authorship and source', () => {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('papers')).toBe(PAPERS);
    expect(count('paper_authors')).toBe(corpus.papers.reduce((s, p) => s + p.authors.length, 0));
    expect(count('paper_sources')).toBe(PAPERS + 1);
    expect(count('authors')).toBe(23);
    expect(count('rejected_records')).toBe(1);
    expect(db.prepare('SELECT reject_reasons FROM source_files').get()).toEqual({ reject_reasons: '{"bad JSON":1}' });
    // The file's papers, counted once from paper_sources (one paper has two records here).
    expect(db.prepare('SELECT papers FROM source_files').get()).toEqual({ papers: PAPERS });
  });

  it('stores each field of a paper as given', () => {
    const row = db.prepare('SELECT * FROM papers WHERE id = 7').get();
    expect(row).toEqual({
      id: 7,
      title: 'Équations différentielles',
      title_derived: 0,
      abstract: 'We study problem 7. Diffusion models are used.',
      tldr: null,
      year: 2007,
      date: null,
      venue: 'Test',
      label: null,
      external_id: 'x7',
      author_count: 3,
      authors_text: 'Author Number3, Author Number8, Author Number13',
      doi: null,
      cited_by: null,
      cited_by_source: null,
      doc_type: null,
      volume: null,
      first_page: null,
    });
    // no names: the listed count
    expect(db.prepare('SELECT author_count, authors_text FROM papers WHERE id = 4').get()).toEqual({
      author_count: 3,
      authors_text: '',
    });
  });

  it('numbers authors by first appearance and shows the most frequent spelling', () => {
    // paper 1 lists author 7 first; the later spelling of Ada Lovelace is the more frequent
    expect(db.prepare('SELECT id, key, name FROM authors WHERE id = 1').get()).toEqual({
      id: 1,
      key: 'author number7',
      name: 'Author Number7',
    });
    expect(db.prepare("SELECT name FROM authors WHERE key = 'ada lovelace'").get()).toEqual({ name: 'Ada Lovelace' });
    const listed = db
      .prepare(
        'SELECT a.key FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = 99 ORDER BY pa.position',
      )
      .all();
    expect(listed).toEqual(corpus.papers[98].authors.map((a) => ({ key: a.key })));
  });

  it('keeps every reference sound and the full-text index consistent with the papers', () => {
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(() =>
      db.prepare("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    const hits = db
      .prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'graph AND neural' ORDER BY rowid")
      .all() as { rowid: number }[];
    expect(hits.map((h) => h.rowid)).toEqual(corpus.papers.filter((p) => p.id % 2 === 0).map((p) => p.id));
    expect(
      (db.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'equations'").all() as { rowid: number }[]).map(
        (h) => h.rowid,
      ),
    ).toEqual([7]);
    expect(
      (db.prepare("SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH 'lovelace'").get() as { n: number }).n,
    ).toBe(corpus.papers.filter((p) => p.authors.some((a) => a.key === 'ada lovelace')).length);
  });

  it('leaves no build-time settings in the index and no side file', () => {
    const config = db.prepare('SELECT k FROM papers_fts_config ORDER BY k').all() as { k: string }[];
    expect(config.map((c) => c.k)).not.toContain('hashsize');
    expect(fs.readdirSync(path.join(work, 'a'))).toEqual(['build.db']);
  });

  it('creates every secondary index of the schema', () => {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .pluck()
      .all() as string[];
    const declared = [...TABLES_SQL.matchAll(/CREATE (?:UNIQUE )?INDEX (\w+)/g)].map((m) => m[1]).sort();
    expect(declared.length).toBeGreaterThan(10);
    expect(names).toEqual(declared);
  });

  it('gives the same bytes when written again', async () => {
    const again = await writeBuild(path.join(work, 'b'), makeCorpus());
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true);
  });
});
