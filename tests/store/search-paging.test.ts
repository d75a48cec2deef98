/**
 * Search paging by cursor and the bounded ranking, on a real SQLite build of 24,000 generated papers
 * (schema from lib/store/schema.ts): enough for two common words to match more than
 * SEARCH_RANK_CAP papers, so the bounded order is what is read.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/random';
import { createSmallBuild, type Row } from '../fixtures/store/small-build';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  prefixWorthIt,
  openSearchExport,
  searchPapers,
  SearchCursorError,
  SEARCH_RANK_CAP,
} from '@/lib/store/read';

const PAPERS = 24_000;
const FILLER = ['signal', 'noise', 'method', 'data', 'study', 'system', 'result', 'sample', 'field', 'value'];
const BM25 = 'bm25(papers_fts, 10.0, 1.0, 3.0)';

let db: Database.Database;

beforeAll(() => {
  const random = createRandom(7);
  const pick = (words: string[], n: number) =>
    Array.from({ length: n }, () => words[Math.floor(random() * words.length)]);
  const papers: Row[] = [];
  for (let id = 1; id <= PAPERS; id++) {
    // "graph" and "learning" each in about 70% of papers, in the title of 70% (more than SEARCH_RANK_CAP papers have both there);
    // "rare" in about 2%.
    const title = pick(FILLER, 3);
    if (random() < 0.7) title.push('graph');
    if (random() < 0.7) title.push('learning');
    const text = pick(FILLER, 20 + Math.floor(random() * 20));
    if (random() < 0.6) for (let i = Math.floor(random() * 3); i >= 0; i--) text.push('graph');
    if (random() < 0.6) text.push('learning');
    if (random() < 0.02) text.push('rare');
    papers.push({
      id,
      title: title.join(' '),
      title_derived: 0,
      abstract: text.join(' '),
      year: 2000 + (id % 20),
      author_count: 1,
      authors_text: `Author ${id % 500}`,
    });
  }
  const build = createSmallBuild();
  db = build.db;
  db.transaction(() => build.insert('papers', papers))();
  build.indexPapers();
});

afterAll(() => db.close());

/** Every page of a search, read by following the cursors. */
function walk(query: string, size: number): { ids: number[][]; ranking: string; total: number } {
  const pages: number[][] = [];
  let after: string | null = null;
  let ranking = '';
  let total = 0;
  for (let page = 1; page <= 1000; page++) {
    const r = searchPapers(query, {}, page, size, db, after);
    ranking = r.ranking;
    total = r.total;
    pages.push(r.hits.map((h) => h.paper.id));
    after = r.next;
    if (!after) break;
  }
  return { ids: pages, ranking, total };
}

function allMatches(match: string): number[] {
  return (db.prepare('SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ?').all(match) as { id: number }[]).map(
    (r) => r.id,
  );
}

describe('search pages by cursor', () => {
  it('reads disjoint pages that cover every match once, in the bounded order, above the rank cap', () => {
    const { ids, ranking, total } = walk('graph learning ', 100);
    const flat = ids.flat();
    const matches = allMatches('"graph" "learning"');
    expect(matches.length).toBeGreaterThan(SEARCH_RANK_CAP);
    expect(ranking).toBe('bounded');
    expect(total).toBe(matches.length);
    expect(new Set(flat).size).toBe(flat.length);
    expect([...flat].sort((a, b) => a - b)).toEqual([...matches].sort((a, b) => a - b));
    expect(ids.slice(0, -1).every((page) => page.length === 100)).toBe(true);
    // The ranked part: the first SEARCH_RANK_CAP papers (by id) with both words in the title, by
    // the whole query's bm25; then the other matches by id.
    const titleMatches = new Set(
      (
        db
          .prepare(
            `SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid LIMIT ${SEARCH_RANK_CAP}`,
          )
          .all('{title} : ("graph" "learning")') as { id: number }[]
      ).map((r) => r.id),
    );
    const candidates = (
      db
        .prepare(`SELECT rowid AS id, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ?`)
        .all('"graph" "learning"*') as { id: number; score: number }[]
    )
      .filter((c) => titleMatches.has(c.id))
      .sort((a, b) => a.score - b.score || a.id - b.id);
    expect(candidates).toHaveLength(SEARCH_RANK_CAP);
    expect(flat.slice(0, candidates.length)).toEqual(candidates.map((c) => c.id));
    const inCandidates = new Set(candidates.map((c) => c.id));
    const rest = matches.filter((id) => !inCandidates.has(id)).sort((a, b) => a - b);
    expect(flat.slice(candidates.length)).toEqual(rest);
  });

  it('ranks every match by bm25 at or below the rank cap, the same as ranking them all', () => {
    const { ids, ranking } = walk('rare', 50);
    const full = (
      db
        .prepare(`SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY ${BM25}, rowid`)
        .all('"rare"*') as { id: number }[]
    ).map((r) => r.id);
    expect(ranking).toBe('exact');
    expect(full.length).toBeGreaterThan(100);
    expect(ids.flat()).toEqual(full);
  });

  it('keeps old page= links: page k has the rows of the k-th cursor page, and past the end the last page', () => {
    const { ids } = walk('graph learning ', 100);
    for (const k of [1, 2, 50, Math.floor(SEARCH_RANK_CAP / 100) + 2, ids.length]) {
      const r = searchPapers('graph learning ', {}, k, 100, db);
      expect([k, r.page, r.hits.map((h) => h.paper.id)]).toEqual([k, k, ids[k - 1]]);
    }
    const past = searchPapers('graph learning ', {}, ids.length + 40, 100, db);
    expect([past.page, past.hits.map((h) => h.paper.id)]).toEqual([ids.length, ids[ids.length - 1]]);
    // The export reads the same order.
    expect(
      openSearchExport('graph learning ', {}, db)
        .readRows(300)
        .map((r) => r.id),
    ).toEqual(ids.slice(0, 3).flat());
  });

  it('puts the same kind of paper first as ranking every match would: both words in the title', () => {
    const top = searchPapers('graph learning ', {}, 1, 20, db).hits.map((h) => h.paper.title);
    const fullTop = (
      db
        .prepare(
          `SELECT p.title FROM papers_fts f JOIN papers p ON p.id = f.rowid WHERE papers_fts MATCH ? ORDER BY ${BM25}, f.rowid LIMIT 20`,
        )
        .all('"graph" "learning"') as { title: string }[]
    ).map((r) => r.title);
    const inTitle = (t: string) => t.includes('graph') && t.includes('learning');
    expect(top.filter(inTitle)).toHaveLength(20);
    expect(fullTop.filter(inTitle)).toHaveLength(20);
  });
});

describe('search cursors', () => {
  it('round-trips scores exactly', () => {
    for (const cursor of [
      { kind: 'ranked', score: -1.2345678901234567e-7, id: 42 },
      { kind: 'ranked', score: -17.25, id: 1 },
      { kind: 'ranked', score: 3, id: 999_999 },
      { kind: 'rest', id: 123_456 },
    ] as const) {
      expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
    }
  });

  it('rejects what is not a cursor of the search, with a message', () => {
    for (const bad of [
      '',
      'x',
      'r1',
      'r_5',
      'rabc_5',
      'n',
      'n-3',
      'nfoo',
      'r1_2_3',
      'rInfinity_1',
      `n${'9'.repeat(20)}`,
    ]) {
      expect(() => decodeSearchCursor(bad)).toThrow(SearchCursorError);
    }
    // A cursor of the unranked rest on a search ranked whole, and any cursor on a listing.
    expect(() => searchPapers('rare', {}, 2, 20, db, 'n5')).toThrow(/not a cursor of this search/);
    expect(() => searchPapers('', {}, 2, 20, db, 'r-1.5_3')).toThrow(SearchCursorError);
  });
});

describe('the last word as a prefix', () => {
  it('stays a prefix unless the longer words add under 5% of its papers', () => {
    // "models" and "modelscope": not worth a merged list on every query.
    expect(prefixWorthIt({ exact: 199_578, longer: 300 })).toBe(false);
    // "model": "models", "modeling" are most of what is meant.
    expect(prefixWorthIt({ exact: 165_154, longer: 236_000 })).toBe(true);
    // Not a word of the index: the user is still typing it.
    expect(prefixWorthIt({ exact: 0, longer: 12 })).toBe(true);
  });
});
