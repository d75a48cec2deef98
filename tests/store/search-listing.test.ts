/**
 * The listing without a query (newest first) paged by cursor, on a real SQLite build of generated
 * papers with every kind of year and date (missing, month only, full): the cursor pages cover the
 * listing in its order, agree with page-numbered links, and each is a seek into the papers_browse
 * index, not a walk from the start as OFFSET was.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/random';
import { createSmallBuild, type Row as SmallRow } from '../fixtures/store/small-build';
import { AUTHOR_PAGE_PAPERS, readAuthor } from '@/lib/store/read/authors';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  explainListingAfter,
  openSearchExport,
  searchPapers,
  SearchCursorError,
  type SearchFilters,
} from '@/lib/store/read';

const PAPERS = 3_000;

interface Row {
  id: number;
  year: number | null;
  date: string | null;
  topic: number;
}

let db: Database.Database;
const rows: Row[] = [];

beforeAll(() => {
  const build = createSmallBuild();
  db = build.db;
  build.insert('topics', [
    { id: 0, label: 'zero', size: 0, x: 0, y: 0, node_id: 0 },
    { id: 1, label: 'one', size: 0, x: 0, y: 0, node_id: 1 },
  ]);
  // One prolific author on every paper, with one of seven co-authors.
  build.insert('authors', [
    { id: 1, key: 'a author', name: 'A. Author' },
    ...Array.from({ length: 7 }, (_, i) => ({ id: i + 2, key: `co ${i}`, name: `Co ${i}` })),
  ]);
  const random = createRandom(11);
  const papers: SmallRow[] = [];
  const topics: SmallRow[] = [];
  const bylines: SmallRow[] = [];
  for (let id = 1; id <= PAPERS; id++) {
    // A tenth without a year; of the dated, a third without a month, a third with the month only.
    const year = random() < 0.1 ? null : 2015 + Math.floor(random() * 8);
    const kind = random();
    const month = String(1 + Math.floor(random() * 3)).padStart(2, '0');
    const date =
      year == null || kind < 1 / 3 ? null : kind < 2 / 3 ? `${year}-${month}` : `${year}-${month}-0${1 + (id % 3)}`;
    const t = id % 2;
    papers.push({
      id,
      title: `Paper ${id}`,
      title_derived: 0,
      abstract: `abstract ${id}`,
      year,
      date,
      author_count: 2,
      authors_text: 'A. Author',
    });
    topics.push({ paper_id: id, topic_id: t, distance: 0, confidence: 1, x: 0, y: 0 });
    bylines.push({ paper_id: id, author_id: 1, position: 0 }, { paper_id: id, author_id: 2 + (id % 7), position: 1 });
    rows.push({ id, year, date, topic: t });
  }
  db.transaction(() => {
    build.insert('papers', papers);
    build.insert('paper_topics', topics);
    build.insert('paper_authors', bylines);
  })();
});

afterAll(() => db.close());

/** The listing's order worked out here: dated first, newest year, newest date (none last), id. */
function expectedOrder(keep: (r: Row) => boolean): number[] {
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? 1 : -1);
  return rows
    .filter(keep)
    .sort(
      (a, b) =>
        Number(a.year == null) - Number(b.year == null) ||
        (b.year ?? 0) - (a.year ?? 0) ||
        cmp(a.date, b.date) ||
        a.id - b.id,
    )
    .map((r) => r.id);
}

/** Every page of the listing by following the cursors. */
function walk(filters: SearchFilters, size: number): number[][] {
  const pages: number[][] = [];
  let after: string | null = null;
  for (let page = 1; page <= 10_000; page++) {
    const r = searchPapers('', filters, page, size, db, after);
    expect(r.ranking).toBe('browse');
    pages.push(r.hits.map((h) => h.paper.id));
    after = r.next;
    if (!after) break;
  }
  return pages;
}

describe('the listing without a query', () => {
  it('pages by cursor through every paper once, newest first', () => {
    const pages = walk({}, 37);
    expect(pages.flat()).toEqual(expectedOrder(() => true));
    expect(pages.slice(0, -1).every((p) => p.length === 37)).toBe(true);
  });

  it('pages a filtered listing by cursor', () => {
    expect(walk({ topic: 1 }, 50).flat()).toEqual(expectedOrder((r) => r.topic === 1));
    expect(walk({ from: 2019, to: 2020 }, 25).flat()).toEqual(
      expectedOrder((r) => r.year != null && r.year >= 2019 && r.year <= 2020),
    );
  });

  it('gives old page= links the rows of the cursor pages', () => {
    const pages = walk({}, 100);
    for (const k of [1, 2, 17, pages.length]) {
      expect(searchPapers('', {}, k, 100, db).hits.map((h) => h.paper.id)).toEqual(pages[k - 1]);
    }
  });

  it('reads each range after a cursor from the papers_browse index, without a sort', () => {
    const cursors = [
      { kind: 'browse', year: 2020, date: '2020-02-01', id: 10 },
      { kind: 'browse', year: 2020, date: null, id: 10 },
      { kind: 'browse', year: null, date: null, id: 10 },
    ] as const;
    for (const cursor of cursors) {
      for (const plan of explainListingAfter(cursor, {}, db)) {
        expect(plan).toMatch(/SEARCH p USING INDEX papers_browse \(/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('round-trips its cursors and refuses one of a search with a query', () => {
    for (const cursor of [
      { kind: 'browse', year: 2021, date: '2021-03-02', id: 5 },
      { kind: 'browse', year: 2021, date: '2021-03', id: 5 },
      { kind: 'browse', year: null, date: null, id: 77 },
    ] as const) {
      expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
    }
    expect(() => searchPapers('', {}, 1, 20, db, 'n12')).toThrow(SearchCursorError);
    expect(() => searchPapers('abstract', {}, 1, 20, db, 'b2020_~_3')).toThrow(SearchCursorError);
    expect(() => decodeSearchCursor('b2020_March_3')).toThrow(SearchCursorError);
  });

  it("lists an author's newest papers on their page, counts all, and pages the rest by cursor", () => {
    const author = readAuthor(1, db)!;
    const all = expectedOrder(() => true);
    expect(author.papers.map((p) => p.id)).toEqual(all.slice(0, AUTHOR_PAGE_PAPERS));
    expect([author.paperCount, author.coauthorCount, author.coauthors.length]).toEqual([PAPERS, 7, 7]);
    // Joint papers counted from the bylines: co-author 2 + (id mod 7) on every seventh paper, most first.
    const joint = (c: number) => rows.filter((r) => 2 + (r.id % 7) === c).length;
    expect(author.coauthors.map((c) => [c.id, c.joint])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((c) => [c, joint(c)]).sort((a, b) => b[1] - a[1] || a[0] - b[0]),
    );
    expect(walk({ author: 1 }, 250).flat()).toEqual(all);
  });

  it('exports the listing slice by slice in the same order', () => {
    const reader = openSearchExport('', { topic: 0 }, db);
    const ids: number[] = [];
    for (let slice = reader.readRows(500); slice.length > 0; slice = reader.readRows(500)) {
      for (const row of slice) ids.push(row.id);
    }
    expect(ids).toEqual(expectedOrder((r) => r.topic === 0));
  });
});
