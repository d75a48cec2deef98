/**
 * A build from database exports, end to end: the hand-written cross-service fixture (WoS, Scopus,
 * OpenAlex records of the same papers) and, where the machine has them, the real WoS samples. The
 * store keeps DOIs, identifiers, keywords by kind, affiliations with countries, author identifiers,
 * references with the corpus papers they cite, and which record gave each field; the read module
 * gives them to the paper and author pages; keywords are trend terms.
 */
import Database from 'better-sqlite3';
import { readCooccurrenceKinds, readCooccurrenceMap, readCooccurrencePapers } from '../../lib/store/read/graph';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../lib/cli/progress';
import { defaultPipelineOptions, runPipeline, type PipelineResult } from '../../lib/pipeline';
import { readAuthor, readPaper } from '../../lib/store/read';
import { HAVE_SAMPLES, sample } from '../corpus/formats/samples';

const root = path.resolve(import.meta.dirname, '..', '..');
const quiet = createProgress(process.stderr, { quiet: true });
let work: string;
let build: PipelineResult;
let db: Database.Database;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-exports-'));
  build = await runPipeline(
    {
      ...defaultPipelineOptions(root),
      inputs: [path.join(root, 'tests', 'fixtures', 'corpus', 'cross-service')],
      outDir: path.join(work, 'cross'),
    },
    quiet,
  );
  db = new Database(build.databaseFile, { readonly: true });
});

afterAll(() => {
  db.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const idOf = (title: string) =>
  (db.prepare('SELECT id FROM papers WHERE title LIKE ? ORDER BY id').get(`${title}%`) as { id: number }).id;

describe('a build from WoS, Scopus and OpenAlex exports of the same papers', () => {
  it('builds with a small-corpus vocabulary and says so', () => {
    expect(build.corpus.papers).toHaveLength(6);
    const meta = (key: string) =>
      (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    expect(JSON.parse(meta('model_adaptations') ?? '[]').length).toBeGreaterThan(0);
    // The Mapping paper cites the Sediment paper in OpenAlex (W-id) and in Scopus and WoS (by
    // author, year, volume and page; WoS with a DOI the corpus record lacks): the Scopus and WoS
    // references are one, and two of the paper's three references resolve.
    expect([meta('references_total'), meta('references_resolved')]).toEqual(['3', '2']);
  });

  it('stores the DOI, identifiers, cited-by and its source, keywords by kind and the merged record of each field', () => {
    const id = idOf('Mapping collaboration networks');
    expect(db.prepare('SELECT doi, cited_by, cited_by_source, doc_type FROM papers WHERE id = ?').get(id)).toEqual({
      doi: '10.2112/jcoastres-d-19-00001.1',
      cited_by: 15,
      cited_by_source: 'scopus-csv',
      doc_type: 'article',
    });
    expect(
      db.prepare("SELECT scheme || ':' || value AS v FROM paper_ids WHERE paper_id = ? ORDER BY v").pluck().all(id),
    ).toEqual(['openalex:W3000000001', 'scopus:2-s2.0-85000000001', 'wos:000500000000001']);
    const kinds = db
      .prepare('SELECT kind, COUNT(*) AS n FROM paper_keywords WHERE paper_id = ? GROUP BY kind ORDER BY kind')
      .all(id);
    expect(kinds).toEqual([
      { kind: 'author', n: 3 },
      { kind: 'concept', n: 1 },
      { kind: 'indexed', n: 4 },
    ]);
    const fields = db
      .prepare('SELECT field, file FROM paper_field_sources WHERE paper_id = ? ORDER BY field')
      .all(id) as { field: string; file: string }[];
    expect(fields.find((f) => f.field === 'cited_by')?.file).toBe('scopus-export.csv');
    expect(fields.find((f) => f.field === 'title')?.file).toBe('openalex-works.json');
  });

  it('resolves the WoS reference to the corpus paper and shows both ends on the paper pages', () => {
    const citing = readPaper(idOf('Mapping collaboration networks'), db);
    const cited = idOf('Sediment transport');
    expect(citing?.referenceCount).toBe(3);
    expect(citing?.resolvedReferenceCount).toBe(2);
    expect(citing?.references.filter((r) => r.cited?.id === cited).map((r) => r.raw)).toEqual([
      'https://openalex.org/W3000000002',
      'Okafor N., Sediment transport under storm surges: a field study, (2018) Estuarine, Coastal and Shelf Science, 210, pp. 1-12',
    ]);
    const page = readPaper(cited, db);
    expect(page?.citedByCorpus.map((p) => p.id)).toEqual([citing?.id]);
    expect(page?.citedByCorpusCount).toBe(1);
  });

  it('numbers the affiliations and ties them to their authors, with countries', () => {
    const p = readPaper(idOf('Mapping collaboration networks'), db);
    expect(p?.authors.map((a) => a.name)).toEqual(['Claire Moreau', 'Nnamdi Okafor']);
    expect(p?.affiliations.map((a) => [a.name, a.country, a.positions])).toEqual([
      ['University of Bordeaux', 'France', [0]],
      ['University of Lagos', 'Nigeria', [1]],
    ]);
  });

  it('maps the countries of the affiliations, each opening its papers', () => {
    expect(readCooccurrenceKinds(db)).toContain('countries');
    const map = readCooccurrenceMap('countries', db)!;
    expect(map.items.map((i) => i.label)).toEqual(expect.arrayContaining(['China', 'Nigeria']));
    const china = map.items.find((i) => i.label === 'China')!;
    const papers = readCooccurrencePapers('countries', china.id, 20, db)!;
    expect(papers.papers.length).toBe(china.papers);
  });

  it('gives an author their affiliations and identifiers, and keeps two Wang J. apart', () => {
    const moreau = db.prepare("SELECT id FROM authors WHERE name = 'Claire Moreau'").pluck().all() as number[];
    expect(moreau).toHaveLength(1);
    const author = readAuthor(moreau[0], db);
    expect(author?.papers).toHaveLength(4);
    expect(author?.identifiers.map((i) => i.scheme).sort()).toEqual(['openalex', 'orcid', 'scopus']);
    expect(author?.affiliations[0]).toMatchObject({ name: 'University of Bordeaux', country: 'France', papers: 1 });
    expect(db.prepare("SELECT COUNT(*) FROM authors WHERE name = 'Jing Wang'").pluck().get()).toBe(2);
  });

  it('links the preprint to its article, kept as two papers', () => {
    const preprint = db
      .prepare("SELECT id FROM papers WHERE doi = '10.48550/arxiv.2101.00003'")
      .pluck()
      .get() as number;
    const article = db.prepare("SELECT id FROM papers WHERE doi = '10.3354/meps13500'").pluck().get() as number;
    const page = readPaper(preprint, db);
    expect(page?.versions.map((v) => [v.kind, v.doi, v.paper?.id])).toEqual([
      ['is-preprint-of', '10.3354/meps13500', article],
    ]);
  });

  it('makes keywords in two or more papers trend terms', () => {
    const rows = db.prepare('SELECT display, df FROM terms WHERE is_keyword = 1 ORDER BY display').all() as {
      display: string;
      df: number;
    }[];
    expect(rows.every((r) => r.df >= 2)).toBe(true);
  });
});

describe.runIf(HAVE_SAMPLES)('a build from an 8-record export', () => {
  it.each([
    'lens/bibliometrix__lens_sample.csv',
    'scopus/bibliometrix__scopus_sample.csv',
    'openalex/bibliometrix__openalex_sample.csv',
  ])('%s builds, with the vocabulary widened for its size', async (file) => {
    const small = await runPipeline(
      { ...defaultPipelineOptions(root), inputs: [sample(file)], outDir: path.join(work, path.basename(file)) },
      quiet,
    );
    expect(small.corpus.papers).toHaveLength(8);
    expect(small.model.topics.length).toBeGreaterThanOrEqual(1);
    expect(small.model.adaptations.length).toBeGreaterThan(0);
  });
});

describe.runIf(HAVE_SAMPLES)('a build from the real WoS exports', () => {
  it('has topics, a map, a co-author graph, trends, keywords and affiliations', async () => {
    const wos = await runPipeline(
      { ...defaultPipelineOptions(root), inputs: [sample('wos')], outDir: path.join(work, 'wos') },
      quiet,
    );
    const w = new Database(wos.databaseFile, { readonly: true });
    const count = (sql: string) => w.prepare(sql).pluck().get() as number;
    expect(count('SELECT COUNT(*) FROM papers')).toBe(160);
    expect(count('SELECT COUNT(*) FROM topics')).toBeGreaterThanOrEqual(2);
    // The one paper with neither abstract nor a title of 4 words has no topic; every other one does.
    expect(count('SELECT COUNT(*) FROM paper_topics')).toBe(
      160 -
        (w.prepare("SELECT title FROM papers WHERE abstract = ''").pluck().all() as string[]).filter(
          (title) => title.split(' ').length < 4,
        ).length,
    );
    expect(count('SELECT COUNT(*) FROM coauthor_edges')).toBeGreaterThan(100);
    expect(count('SELECT COUNT(DISTINCT paper_id) FROM paper_keywords')).toBeGreaterThan(130);
    expect(count("SELECT COUNT(*) FROM affiliations WHERE country = 'United States'")).toBeGreaterThan(10);
    expect(count('SELECT COUNT(*) FROM terms WHERE is_keyword = 1')).toBeGreaterThan(20);
    expect(count('SELECT COUNT(*) FROM periods')).toBeGreaterThan(5);
    w.close();
  });
});
