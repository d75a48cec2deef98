/**
 * The read module against a real build of the bundled corpus (data/raw), made by the pipeline in
 * a temporary folder, so the app's questions are checked on the data users actually see.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readAuthor,
  readOverview,
  readPaper,
  readQualityReport,
  readTopic,
  readTopicTree,
  listTopics,
  parseMarkedText,
  searchAuthors,
  searchPapers,
  type SearchFilters,
} from '@/lib/store/read';
import { parseTopicMethod } from '@/lib/store/read/build';
import { DATABASE_FILE } from '@/lib/store/schema';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const KNOWN_TITLE = 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion';
let outDir: string;
let db: Database.Database;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-read-'));
  // Imported here so a type error elsewhere in the pipeline reports as this hook failing.
  const { defaultPipelineOptions, runPipeline } = await import('@/lib/pipeline');
  const { createProgress } = await import('@/lib/cli/progress');
  await runPipeline({ ...defaultPipelineOptions(ROOT), outDir }, createProgress(new PassThrough(), { quiet: true }));
  db = new Database(path.join(outDir, DATABASE_FILE), { readonly: true });
});

afterAll(() => {
  db?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the bundled corpus through the read module', () => {
  it('gives an overview whose parts add up', () => {
    const o = readOverview(db);
    expect(o.sources).toHaveLength(5);
    expect(o.papers).toBeGreaterThan(500);
    // Each paper is kept once, by the file that listed it first; later listings count as merged.
    expect(o.sources.reduce((s, f) => s + f.papersKept, 0)).toBe(o.papers);
    expect(o.topics.reduce((s, t) => s + t.size, 0)).toBe(o.papers);
    expect(o.papersPerYear.reduce((s, y) => s + y.papers, 0) + o.undatedPapers).toBe(o.papers);
    expect(o.topics.map((t) => t.size)).toEqual([...o.topics.map((t) => t.size)].sort((a, b) => b - a));
    expect(o.papersWithNames).toBeLessThan(o.papers);
    for (const t of o.risingTerms) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.series.length).toBeGreaterThan(0);
    }
  });

  it('finds a known title first, with the words marked', () => {
    const r = searchPapers(KNOWN_TITLE, {}, 1, 20, db);
    expect(r.total).toBeGreaterThanOrEqual(1);
    expect(r.hits[0].paper.title).toBe(KNOWN_TITLE);
    const marked = r.hits[0].titleParts.filter((p) => p.hit).map((p) => p.text.toLowerCase());
    expect(marked.join(' ').split(/\s+/)).toEqual(expect.arrayContaining(['worth', 'textual', 'inversion']));
    expect(r.hits[0].titleParts.map((p) => p.text).join('')).toBe(KNOWN_TITLE);
  });

  it('answers a typed-in-progress query and malformed syntax without failing', () => {
    expect(searchPapers('textual inver', {}, 1, 20, db).hits[0]?.paper.title).toBe(KNOWN_TITLE);
    for (const q of ['"unbalanced', 'AND OR NOT', 'foo*bar(', '^', '-'])
      expect(() => searchPapers(q, {}, 1, 20, db)).not.toThrow();
  });

  it('filters by source and year consistently with the overview', () => {
    const o = readOverview(db);
    for (const source of o.sources) {
      const r = searchPapers('', { source: source.file }, 1, 5, db);
      expect(r.total).toBeGreaterThan(0);
      expect(r.total).toBeGreaterThanOrEqual(source.papersKept);
      expect(r.total).toBeLessThanOrEqual(source.papersKept + source.duplicatesMerged);
    }
    for (const y of o.papersPerYear)
      expect(searchPapers('', { from: y.year, to: y.year }, 1, 1, db).total).toBe(y.papers);
  });

  it("filters, ranks and marks up as one plain query over the build's own index would", () => {
    // The reference: every filter as a join or subquery on each match, and highlight() and
    // snippet() of the build's index on each hit.
    const reference = db.prepare(
      `SELECT p.id AS id FROM papers_fts f JOIN papers p ON p.id = f.rowid LEFT JOIN paper_topics pt ON pt.paper_id = p.id
       WHERE papers_fts MATCH @match AND (@topic IS NULL OR pt.topic_id = @topic)
         AND (@from IS NULL OR p.year >= @from) AND (@to IS NULL OR p.year <= @to)
         AND (@source IS NULL OR EXISTS (SELECT 1 FROM paper_sources ps WHERE ps.paper_id = p.id AND ps.file = @source))
         AND (@author IS NULL OR EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = p.id AND pa.author_id = @author))
       ORDER BY bm25(papers_fts, 10.0, 1.0, 3.0), p.id`,
    );
    const markup = db.prepare(
      `SELECT highlight(papers_fts, 0, char(57344), char(57345)) AS title,
              snippet(papers_fts, 1, char(57344), char(57345), '…', 40) AS snippet,
              highlight(papers_fts, 2, char(57344), char(57345)) AS authors
       FROM papers_fts WHERE papers_fts MATCH @match AND rowid = CAST(@id AS INTEGER)`,
    );
    const o = readOverview(db);
    const topic = listTopics(db)[0].id;
    const [author] = searchAuthors('Rinon Gal', 1, db);
    const year = o.papersPerYear[o.papersPerYear.length - 1].year;
    const filters: SearchFilters[] = [
      { topic },
      { from: year },
      { to: year - 1 },
      { source: o.sources[3].file },
      { author: author.id },
      { topic, from: year - 1, to: year, source: o.sources[4].file },
    ];
    let compared = 0;
    for (const q of ['neural networks', 'learning', 'diffusion model', 'image', 'text']) {
      for (const f of filters) {
        for (const page of [1, 2]) {
          const r = searchPapers(q, f, page, 10, db);
          const ids = (
            reference.all({ topic: null, from: null, to: null, source: null, author: null, ...f, match: r.match }) as {
              id: number;
            }[]
          ).map((row) => row.id);
          expect(r.ranking).toBe('exact');
          expect(r.total).toBe(ids.length);
          expect(r.hits.map((h) => h.paper.id)).toEqual(ids.slice((r.page - 1) * 10, r.page * 10));
          for (const h of r.hits) {
            const m = markup.get({ match: r.match, id: h.paper.id }) as {
              title: string;
              snippet: string;
              authors: string;
            };
            expect([h.titleParts, h.snippetParts, h.authorParts]).toEqual(
              [m.title, m.snippet, m.authors].map(parseMarkedText),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("lists each topic's top authors as counting its papers' authors would", () => {
    const reference = db.prepare(
      `SELECT a.id AS id, a.name AS name, COUNT(*) AS papers
       FROM paper_topics pt JOIN paper_authors pa ON pa.paper_id = pt.paper_id JOIN authors a ON a.id = pa.author_id
       WHERE pt.topic_id = ? GROUP BY a.id ORDER BY papers DESC, a.name, a.id LIMIT 12`,
    );
    let listed = 0;
    for (const t of listTopics(db)) {
      const { topAuthors } = readTopic(t.id, db)!;
      expect(topAuthors).toEqual(reference.all(t.id));
      listed += topAuthors.length;
    }
    expect(listed).toBeGreaterThan(12);
  });

  it('marks derived titles (ICLR 2021 lists none) and counts unnamed authors', () => {
    const iclr2021 = readOverview(db).sources.find((s) => s.file.startsWith('001_'))!;
    const hits = searchPapers('', { source: iclr2021.file }, 1, 50, db).hits;
    expect(hits.filter((h) => h.paper.titleDerived).length).toBeGreaterThan(0);
    const hf = readOverview(db).sources.find((s) => s.file.startsWith('002_'))!;
    const unnamed = searchPapers('', { source: hf.file }, 1, 100, db).hits.find(
      (h) => h.paper.authorsText === '' && (h.paper.authorCount ?? 0) > 0,
    );
    expect(unnamed).toBeDefined();
    const paper = readPaper(unnamed!.paper.id, db)!;
    expect(paper.authors).toEqual([]);
    expect(paper.sources.some((s) => s.file === hf.file)).toBe(true);
  });

  it('reads an ICLR 2023 author with co-authors and the ego network', () => {
    const [match] = searchAuthors('Rinon Gal', 5, db);
    expect(match.name).toBe('Rinon Gal');
    const a = readAuthor(match.id, db)!;
    expect(a.papers.map((p) => p.title)).toContain(KNOWN_TITLE);
    expect(a.coauthors.find((c) => c.name === 'Yuval Alaluf')?.joint).toBeGreaterThanOrEqual(1);
    expect(a.ego?.coauthors.length).toBeGreaterThanOrEqual(1);
  });

  it('reads every topic and the tree covers them all', () => {
    const topics = listTopics(db);
    expect(topics.length).toBeGreaterThan(1);
    for (const t of topics) {
      const d = readTopic(t.id, db)!;
      expect(d.terms.length).toBeGreaterThan(0);
      expect(d.representatives.length).toBeLessThanOrEqual(t.size);
      expect(d.related.map((r) => r.similarity)).toEqual([...d.related.map((r) => r.similarity)].sort((a, b) => b - a));
      for (const term of d.terms) expect(Number.isFinite(term.logPwt)).toBe(true);
      // Every term finds its document frequency through its term id, whichever form it shows.
      expect(d.terms.filter((term) => term.logLift === null).map((term) => term.term)).toEqual([]);
    }
    expect(readTopicTree(db)?.topics).toBe(topics.length);
    const q = readQualityReport(db);
    if (q.kScores.length > 0) expect(q.chosenK).toBe(topics.length);
  });
});

describe('parseTopicMethod', () => {
  const stored = {
    cluster: 'hybrid',
    chosenBy: 'default',
    papers: 10,
    linkedPapers: 6,
    citationsWeight: 0.5,
    why: '6 of 10 papers (60%) have a citation link',
    reason: 'hybrid (words and citations), the default here: 6 of 10 papers (60%) have a citation link',
  };

  it('reads the stored why, and takes the whole reason for a build from before it was stored', () => {
    expect(parseTopicMethod({ topic_method: JSON.stringify(stored) })?.why).toBe(
      '6 of 10 papers (60%) have a citation link',
    );
    const { why: _why, ...older } = stored;
    expect(parseTopicMethod({ topic_method: JSON.stringify(older) })?.why).toBe(stored.reason);
    expect(parseTopicMethod({})).toBeNull();
  });
});
