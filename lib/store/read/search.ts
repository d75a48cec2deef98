/**
 * Full-text search over titles, abstracts and author names (FTS5, ranked by bm25 with the title
 * weighted most), with filters and paging. User input never reaches FTS5 as syntax: it is cut into
 * words and quoted phrases, so `"foo`, `a AND (` or `*` cannot make a query fail.
 */
import Database from 'better-sqlite3';
import { openBuild } from '../db';
import { FTS_TOKENIZE } from '../schema';
import { PAPER_LIST_COLUMNS, PAPER_TOPIC_JOINS, toPaperListItem, type PaperListItem } from './papers';
import { prepareCached, selectAll, selectOne } from './statements';

/**
 * Where the next page of a search starts: after the last row seen. 'ranked' is a row of the ranked
 * part (its bm25 score and id), 'rest' one of the matches that follow it unranked (bounded order).
 */
export type SearchCursor =
  | { kind: 'ranked'; score: number; id: number }
  | { kind: 'rest'; id: number }
  /** The last row of a listing without a query: its place in the newest-first order. */
  | { kind: 'browse'; year: number | null; date: string | null; id: number };

/** A cursor that is not one this search wrote: the API answers 400 with the message. */
export class SearchCursorError extends Error {
  constructor(what: string) {
    super(`after is not a cursor of this search (${what}): start again from the first page`);
    this.name = 'SearchCursorError';
  }
}

/** True for SearchCursorError, checked by name too (a bundler may copy the class). */
export function isSearchCursorError(error: unknown): error is SearchCursorError {
  return error instanceof Error && error.name === 'SearchCursorError';
}

/** A cursor as a URL-safe string: `r<score>_<id>`, `n<id>` or `b<year>_<date>_<id>` (`~` for a
 * missing year or date), the score as JavaScript writes it (which reads back to the same double). */
export function encodeSearchCursor(cursor: SearchCursor): string {
  if (cursor.kind === 'ranked') return `r${cursor.score}_${cursor.id}`;
  if (cursor.kind === 'rest') return `n${cursor.id}`;
  return `b${cursor.year ?? '~'}_${cursor.date ?? '~'}_${cursor.id}`;
}

/** Reads a cursor written by encodeSearchCursor; throws SearchCursorError on anything else. */
export function decodeSearchCursor(text: string): SearchCursor {
  const ranked = /^r(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)_(\d{1,15})$/.exec(text);
  if (ranked) {
    const score = Number(ranked[1]);
    if (Number.isFinite(score)) return { kind: 'ranked', score, id: Number(ranked[2]) };
  }
  const rest = /^n(\d{1,15})$/.exec(text);
  if (rest) return { kind: 'rest', id: Number(rest[1]) };
  const browse = /^b(-?\d{1,6}|~)_(\d{4}-\d{2}(?:-\d{2})?|~)_(\d{1,15})$/.exec(text);
  if (browse) {
    return {
      kind: 'browse',
      year: browse[1] === '~' ? null : Number(browse[1]),
      date: browse[2] === '~' ? null : browse[2],
      id: Number(browse[3]),
    };
  }
  throw new SearchCursorError(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Filters of a search; every one optional. */
export interface SearchFilters {
  topic?: number;
  /** A sub-topic of `topic` (subtopics.id); ignored without a topic. */
  subtopic?: number;
  /** First year, inclusive. */
  from?: number;
  /** Last year, inclusive. */
  to?: number;
  /** A source file name as in source_files.file. */
  source?: string;
  author?: number;
}

/** A run of text, marked when it matched the query. React renders hits as <mark>. */
export interface TextPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  paper: PaperListItem;
  titleParts: TextPart[];
  /** A window of the abstract around the best match (or its start when only the title matched). */
  snippetParts: TextPart[];
  /** Author names with matches marked. */
  authorParts: TextPart[];
}

export interface SearchResults {
  /** The query as typed, trimmed. */
  query: string;
  /** The FTS5 expression it became, or null when it had no searchable words (then filters only). */
  match: string | null;
  filters: SearchFilters;
  /** Matches counted, at most SEARCH_COUNT_CAP (then `totalCapped`). */
  total: number;
  /** True when there are more matches than SEARCH_COUNT_CAP: `total` is a lower bound. */
  totalCapped: boolean;
  /**
   * 'exact': every match ranked by bm25. 'bounded': more than SEARCH_RANK_CAP matches, so only the
   * candidates (matches with every query term in the title, the first SEARCH_RANK_CAP of them by
   * paper id) are ranked, and the other matches follow by paper id. 'browse': no query, newest first.
   */
  ranking: 'exact' | 'bounded' | 'browse';
  /** The page's number, for display (a cursor page carries it in its URL). */
  page: number;
  pageSize: number;
  /** Pages of `total` (a lower bound when `totalCapped`). */
  pageCount: number;
  /** The cursor of the next page (`after=`), or null on the last page. */
  next: string | null;
  hits: SearchHit[];
  /** Time spent in SQLite for this search, in milliseconds. */
  elapsedMs: number;
}

/** One flat row of an export. */
export interface SearchExportRow {
  id: number;
  title: string;
  titleDerived: boolean;
  authors: string;
  year: number | null;
  date: string | null;
  venue: string | null;
  topicId: number | null;
  topicLabel: string | null;
  sources: string;
}

/** The choices the search form offers. */
export interface SearchOptions {
  topics: { id: number; label: string; size: number }[];
  sources: { file: string; venue: string | null; papers: number }[];
  years: { min: number; max: number } | null;
}

export const SEARCH_PAGE_SIZE = 20;
/**
 * Matches ranked by bm25 when there are at most this many. Above, the ranking is bounded: bm25 over
 * at most this many candidates, so a query whose words are in half a million papers costs what one
 * in 10,000 does.
 */
export const SEARCH_RANK_CAP = 10_000;
/** Matches counted up to this many; above, the page says "more than". */
export const SEARCH_COUNT_CAP = 100_000;
export const SEARCH_MAX_PAGE_SIZE = 100;
/** Most rows an export streams. */
export const SEARCH_EXPORT_MAX_ROWS = 20_000;

// Private-use characters mark matches inside highlight() and snippet() output: they never occur
// in paper text, so splitting on them cannot be fooled by a title that contains "<b>".
const OPEN = '\uE000';
const CLOSE = '\uE001';
const ELLIPSIS = '…';
// bm25 weights per column: title, abstract, authors_text.
const BM25 = 'bm25(papers_fts, 10.0, 1.0, 3.0)';
const MAX_QUERY_WORDS = 24;

/**
 * Turns what a user typed into a safe FTS5 expression: words are ANDed, "double quoted" text stays
 * a phrase, a hyphenated or dotted chunk (`gpt-4`, `u.s.`) becomes a phrase, and the last word is
 * matched as a prefix while the user may still be typing it (no trailing space, 2+ characters), unless
 * `keepPrefix` says the prefix adds nothing worth its cost. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string, keepPrefix: (word: string) => boolean = () => true): string | null {
  const chunks: { tokens: string[]; quoted: boolean }[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const m of input.matchAll(pattern)) {
    const quoted = m[1] !== undefined;
    const tokens = (m[1] ?? m[2] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (tokens.length > 0) chunks.push({ tokens, quoted });
    if (chunks.length >= MAX_QUERY_WORDS) break;
  }
  if (chunks.length === 0) return null;
  const endsOpen = /[\p{L}\p{N}]$/u.test(input);
  return chunks
    .map((chunk, i) => {
      const phrase = `"${chunk.tokens.join(' ')}"`;
      const last = chunk.tokens[chunk.tokens.length - 1];
      const prefix = i === chunks.length - 1 && !chunk.quoted && endsOpen && last.length >= 2 && keepPrefix(last);
      return prefix ? `${phrase}*` : phrase;
    })
    .join(' ');
}

/** A word's papers in the full-text index: as the word, and as other words that start with it. */
export interface PrefixCounts {
  exact: number;
  longer: number;
}

/**
 * Whether the last word of a query should match as a prefix: yes while it is not a word of the
 * index, or when the longer words that start with it are in more than 5% as many papers as the word
 * itself. "models" (199,578 papers of 300,000) is followed by "modelscope" and a few dozen others in
 * 300 papers: matched as a prefix it costs FTS5 a merged copy of all their lists on every query (9 ms
 * at 300,000 papers, three times that at a million, and a search runs three queries), for at most
 * 0.2% more papers. "model" keeps its prefix ("models", "modeling").
 */
export function prefixWorthIt(counts: PrefixCounts): boolean {
  return counts.exact === 0 || counts.longer > 0.05 * counts.exact;
}

interface VocabularyReader {
  db: Database.Database;
  vocab: Database.Database;
  read: Database.Statement;
  decided: Map<string, boolean>;
}

let vocabulary: VocabularyReader | undefined;

/**
 * prefixWorthIt for a word of the build's index, decided once per word and build. FTS5's vocabulary
 * table is created on a second read-only connection of the build (the app's own is query-only,
 * which forbids creating even a temporary table); it is closed when the build changes.
 */
function keepPrefixIn(db: Database.Database): (word: string) => boolean {
  if (!vocabulary || vocabulary.db !== db) {
    try {
      vocabulary?.vocab.close();
    } catch {
      // already closed
    }
    vocabulary = undefined;
    if (db.memory) return () => true;
    const vocab = new Database(db.name, { readonly: true, fileMustExist: true });
    vocab.exec("CREATE VIRTUAL TABLE temp.papers_vocab USING fts5vocab(main, 'papers_fts', 'row')");
    vocabulary = {
      db,
      vocab,
      read: vocab.prepare(
        `SELECT COALESCE(SUM(CASE WHEN term = @word THEN doc END), 0) AS exact,
                COALESCE(SUM(CASE WHEN term > @word THEN doc END), 0) AS longer
         FROM temp.papers_vocab WHERE term >= @word AND term < @word || char(1114111)`,
      ),
      decided: new Map(),
    };
  }
  const reader = vocabulary;
  return (word) => {
    let keep = reader.decided.get(word);
    if (keep === undefined) {
      keep = prefixWorthIt(reader.read.get({ word }) as PrefixCounts);
      if (reader.decided.size >= 10_000) reader.decided.clear();
      reader.decided.set(word, keep);
    }
    return keep;
  };
}

/**
 * Splits highlight()/snippet() output into text parts (pure). Unbalanced markers are tolerated.
 * Matches separated only by white space are one part: "diffusion models" reads as one highlight.
 */
export function parseMarkedText(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text) {
      const previous = parts[parts.length - 1];
      const gap = parts[parts.length - 2];
      if (previous && previous.hit === hit) previous.text += text;
      else if (hit && gap?.hit && previous.text.trim() === '') {
        gap.text += previous.text + text;
        parts.pop();
      } else parts.push({ text, hit });
    }
    text = '';
  };
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      hit = ch === OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

interface FilterParams {
  topic: number | null;
  subtopic: number | null;
  from: number | null;
  to: number | null;
  source: string | null;
  author: number | null;
}

function filterParams(filters: SearchFilters): FilterParams {
  return {
    topic: filters.topic ?? null,
    subtopic: filters.topic != null ? (filters.subtopic ?? null) : null,
    from: filters.from ?? null,
    to: filters.to ?? null,
    source: filters.source ?? null,
    author: filters.author ?? null,
  };
}

// Nullable named parameters keep one cached statement for every combination of filters.
const FILTER_SQL = `(@topic IS NULL OR pt.topic_id = @topic)
  AND (@subtopic IS NULL OR pt.subtopic_id = @subtopic)
  AND (@from IS NULL OR p.year >= @from)
  AND (@to IS NULL OR p.year <= @to)
  AND (@source IS NULL OR EXISTS (SELECT 1 FROM paper_sources ps WHERE ps.paper_id = p.id AND ps.file = @source))
  AND (@author IS NULL OR EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = p.id AND pa.author_id = @author))`;

const BROWSE_FROM = `FROM papers p ${PAPER_TOPIC_JOINS} WHERE ${FILTER_SQL}`;

/** Newest first: the order of the papers_browse index, expression for expression, so listing
 * walks the index instead of sorting the table. */
const BROWSE_ORDER = 'p.year IS NULL, p.year DESC, p.date DESC, p.id';
/** The same order inside one range of {@link browseRangesAfter}, where `year IS NULL` is fixed by
 * an equality: SQLite does not take that first key as constant and would sort the range. */
const BROWSE_RANGE_ORDER = 'p.year DESC, p.date DESC, p.id';

/**
 * What follows a row of the listing, as ranges of the papers_browse index, in the listing's order:
 * the same year and date with later ids; the same year with earlier dates, then without a date;
 * earlier years; then the papers without a year. Read one after the other until a page is full,
 * each is a seek into the index, so the 5,000th page costs what the second does (OFFSET would walk
 * every row before it). SQLite sorts NULL below every value, so a DESC order puts it last.
 */
function browseRangesAfter(cursor: Extract<SearchCursor, { kind: 'browse' }>): string[] {
  const same = '(p.year IS NULL) = @undated AND p.year IS @year';
  const ranges = [`${same} AND p.date IS @date AND p.id > @id`];
  if (cursor.date != null) ranges.push(`${same} AND p.date < @date`, `${same} AND p.date IS NULL`);
  if (cursor.year != null) ranges.push('(p.year IS NULL) = 0 AND p.year < @year', '(p.year IS NULL) = 1');
  return ranges;
}

type BrowseRow = ListRow & { year: number | null; date: string | null };

/** Up to `limit` rows of the listing, from the start of its `skip`-th row (an old `page=` link) or
 * after a cursor, with `columns` selected beside the list's. */
function readBrowse<Row extends BrowseRow>(
  db: Database.Database,
  params: FilterParams,
  start: { cursor: Extract<SearchCursor, { kind: 'browse' }> } | { skip: number },
  limit: number,
  columns: string,
): Row[] {
  const select = `SELECT ${PAPER_LIST_COLUMNS}, ${columns} ${BROWSE_FROM}`;
  if ('skip' in start) {
    return selectAll<Row>(db, `${select} ORDER BY ${BROWSE_ORDER} LIMIT @limit OFFSET @skip`, {
      ...params,
      limit,
      skip: start.skip,
    });
  }
  const { cursor } = start;
  const bound = {
    ...params,
    undated: cursor.year == null ? 1 : 0,
    year: cursor.year,
    date: cursor.date,
    id: cursor.id,
  };
  const rows: Row[] = [];
  for (const range of browseRangesAfter(cursor)) {
    if (rows.length >= limit) break;
    const part = selectAll<Row>(db, `${select} AND ${range} ORDER BY ${BROWSE_RANGE_ORDER} LIMIT @limit`, {
      ...bound,
      limit: limit - rows.length,
    });
    for (const row of part) rows.push(row);
  }
  return rows;
}

/** SQLite's plan for each range read after `cursor` (for the tests: every one a search of the
 * papers_browse index, none a sort). */
export function explainListingAfter(
  cursor: Extract<SearchCursor, { kind: 'browse' }>,
  filters: SearchFilters = {},
  db: Database.Database = openBuild(),
): string[] {
  const bound = {
    ...filterParams(filters),
    undated: cursor.year == null ? 1 : 0,
    year: cursor.year,
    date: cursor.date,
    id: cursor.id,
    limit: 20,
  };
  return browseRangesAfter(cursor).map((range) =>
    (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT ${PAPER_LIST_COLUMNS} ${BROWSE_FROM} AND ${range} ORDER BY ${BROWSE_RANGE_ORDER} LIMIT @limit`,
        )
        .all(bound) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('; '),
  );
}

/** The cursor after a row of the listing. */
function browseCursorAfter(row: BrowseRow): SearchCursor {
  return { kind: 'browse', year: row.year, date: row.date, id: row.id };
}

/** Papers passing the filters; the unfiltered count is read once per build handle. */
function countListing(db: Database.Database, params: FilterParams): number {
  if (hasFilters(params)) return selectOne<{ n: number }>(db, `SELECT COUNT(*) AS n ${BROWSE_FROM}`, params)?.n ?? 0;
  let n = paperCountByBuild.get(db);
  if (n === undefined) {
    n = selectOne<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM papers')?.n ?? 0;
    paperCountByBuild.set(db, n);
  }
  return n;
}

const paperCountByBuild = new WeakMap<Database.Database, number>();

function hasFilters(params: FilterParams): boolean {
  return Object.values(params).some((v) => v !== null);
}

/**
 * The matches that pass the filters which are set, for counting and ranking: each filter in the
 * shape cheapest per match (a narrow row by id, an index probe, or a small set built once), and
 * none of the joins the listed columns need. The matches drive the joins (CROSS JOIN keeps SQLite
 * from starting at a filter's rows: a lookup by id in the full-text index costs a whole query).
 * One cached statement per combination of filters, at most 2^5.
 */
function filteredMatchFrom(params: FilterParams): string {
  const joins: string[] = [];
  const where = ['papers_fts MATCH @match'];
  if (params.topic !== null) {
    joins.push('CROSS JOIN paper_topics pt ON pt.paper_id = f.rowid');
    where.push('pt.topic_id = @topic');
    if (params.subtopic !== null) where.push('pt.subtopic_id = @subtopic');
  }
  if (params.from !== null || params.to !== null) {
    joins.push('CROSS JOIN papers p ON p.id = f.rowid');
    if (params.from !== null) where.push('p.year >= @from');
    if (params.to !== null) where.push('p.year <= @to');
  }
  if (params.source !== null) {
    where.push('EXISTS (SELECT 1 FROM paper_sources ps WHERE ps.paper_id = f.rowid AND ps.file = @source)');
  }
  // An author has few papers: a set built once beats an index probe per match. The unary + keeps
  // SQLite from handing the set to the full-text index as rowids to look up one by one.
  if (params.author !== null) where.push('+f.rowid IN (SELECT paper_id FROM paper_authors WHERE author_id = @author)');
  return `FROM papers_fts f ${joins.join(' ')} WHERE ${where.join(' AND ')}`;
}

/** The named parameters of filteredMatchFrom: the filters that are set, and the query. */
function filteredMatchParams(params: FilterParams, match: string): Record<string, string | number> {
  const bound: Record<string, string | number> = { match };
  for (const [key, value] of Object.entries(params)) if (value !== null) bound[key] = value;
  return bound;
}

/** The list rows of the given papers with `extraColumns` (over `p`, the papers row), in the
 * order of `ids`. */
function readListRowsById<Row extends { id: number }>(
  db: Database.Database,
  ids: readonly number[],
  extraColumns: string,
): Row[] {
  const byId = new Map(
    selectAll<Row>(
      db,
      `SELECT ${PAPER_LIST_COLUMNS}, ${extraColumns} FROM papers p ${PAPER_TOPIC_JOINS}
       WHERE p.id IN (SELECT value FROM json_each(@ids))`,
      { ids: JSON.stringify(ids) },
    ).map((row) => [row.id, row]),
  );
  return ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
}

interface MarkupIndex {
  db: Database.Database;
  insert: Database.Statement;
  select: Database.Statement;
}

let markupIndex: MarkupIndex | undefined;

/**
 * A scratch full-text index in memory, tokenized as the build's, that holds one page of hits at a
 * time. highlight() and snippet() depend only on a row's text and the query, so marking up the
 * page here gives what the build's index would, without the build's index having to find each
 * hit again: FTS5 answers a rowid lookup by walking the query's whole posting lists (for a prefix
 * term, merging them first), which made marking up 20 hits cost more than the search.
 */
function openMarkupIndex(): MarkupIndex {
  if (!markupIndex) {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE page_fts USING fts5(title, abstract, authors_text, tokenize='${FTS_TOKENIZE}')`);
    markupIndex = {
      db,
      // better-sqlite3 binds numbers as REAL; FTS5 wants an integer rowid.
      insert: db.prepare(
        'INSERT INTO page_fts (rowid, title, abstract, authors_text) VALUES (CAST(? AS INTEGER), ?, ?, ?)',
      ),
      select: db.prepare(
        `SELECT rowid AS id, highlight(page_fts, 0, char(57344), char(57345)) AS title,
                snippet(page_fts, 1, char(57344), char(57345), '${ELLIPSIS}', 40) AS snippet,
                highlight(page_fts, 2, char(57344), char(57345)) AS authors
         FROM page_fts WHERE page_fts MATCH @match`,
      ),
    };
  }
  return markupIndex;
}

/** Title, snippet and authors of each row with the query's matches marked, by paper id. */
function markPage(
  rows: readonly { id: number; title: string; abstract: string; authors_text: string }[],
  match: string,
): Map<number, { title: string; snippet: string; authors: string }> {
  const { db, insert, select } = openMarkupIndex();
  // The page lives only inside this transaction: rolled back, the scratch index is empty again.
  db.exec('BEGIN');
  try {
    for (const row of rows) insert.run(row.id, row.title, row.abstract, row.authors_text);
    const marked = select.all({ match }) as { id: number; title: string; snippet: string; authors: string }[];
    return new Map(marked.map((m) => [m.id, m]));
  } finally {
    db.exec('ROLLBACK');
  }
}

type ListRow = Parameters<typeof toPaperListItem>[0];

function pageCountOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Where a page starts: after a cursor's row, or after `skip` rows (an old `page=` link, an export). */
type PageStart = { cursor: SearchCursor } | { skip: number };

/** One page of matches in the search's order. */
interface MatchPage {
  ids: number[];
  /** Cursor of the page's last row when more rows follow, else null. */
  next: SearchCursor | null;
}

/**
 * The order of a search's matches, read a page at a time without ranking or skipping every match.
 * With at most SEARCH_RANK_CAP matches, all of them by bm25 (then id): the exact ranking. With more,
 * first the candidates, the matches with every query term in the title (bm25 weighs the title ten
 * times the abstract, so the best matches are among them) up to SEARCH_RANK_CAP of them by paper id,
 * ranked by bm25 over their title hits; then every other match by paper id. Each part is read from
 * a cursor (the last row's score and id, or id), so page 5,000 costs what page 2 does.
 */
class MatchOrder {
  readonly total: number;
  readonly totalCapped: boolean;
  readonly bounded: boolean;
  private readonly from: string;
  private readonly bound: Record<string, string | number>;
  private readonly titleBound: Record<string, string | number>;
  private candidates: { ids: Set<number>; json: string; last: number } | undefined;

  constructor(
    private readonly db: Database.Database,
    match: string,
    params: FilterParams,
  ) {
    this.from = filteredMatchFrom(params);
    this.bound = filteredMatchParams(params, match);
    this.titleBound = filteredMatchParams(params, `{title} : (${match})`);
    // Counted up to the cap: walking every match of two common words is what this avoids.
    const n =
      selectOne<{ n: number }>(db, `SELECT COUNT(*) AS n FROM (SELECT 1 ${this.from} LIMIT @cap)`, {
        ...this.bound,
        cap: SEARCH_COUNT_CAP + 1,
      })?.n ?? 0;
    this.total = Math.min(n, SEARCH_COUNT_CAP);
    this.totalCapped = n > SEARCH_COUNT_CAP;
    this.bounded = n > SEARCH_RANK_CAP;
  }

  /** The ranked part from `start`, at most `limit` rows, with each row's score. */
  private readRanked(start: PageStart, limit: number): { id: number; score: number }[] {
    const after = 'cursor' in start && start.cursor.kind === 'ranked' ? start.cursor : null;
    const skip = 'skip' in start ? start.skip : 0;
    // Bounded: the whole query's bm25 over the candidates only. Their ids are a set built once (the
    // unary + keeps SQLite from looking each one up in the full-text index), and the walk stops at
    // the last of them: the matches walked are about those of the first 10,000 title matches'
    // id range, however large the corpus. The LIMIT keeps SQLite from moving the score condition
    // below into this query, where it would score every match walked.
    const candidates = this.bounded ? this.candidateIds() : null;
    const inner = candidates
      ? `SELECT f.rowid AS id, ${BM25} AS score ${this.from}
           AND f.rowid <= @last AND +f.rowid IN (SELECT value FROM json_each(@candidates)) LIMIT ${SEARCH_RANK_CAP}`
      : `SELECT f.rowid AS id, ${BM25} AS score ${this.from}`;
    const bound = candidates ? { ...this.bound, last: candidates.last, candidates: candidates.json } : this.bound;
    return selectAll<{ id: number; score: number }>(
      this.db,
      `SELECT id, score FROM (${inner})
       WHERE @score IS NULL OR score > @score OR (score = @score AND id > @id)
       ORDER BY score, id LIMIT @limit OFFSET @skip`,
      { ...bound, score: after?.score ?? null, id: after?.id ?? null, limit, skip },
    );
  }

  /** The ranked part's ids (bounded order only): as a set (the rest skips them), as JSON, and the
   * largest. */
  private candidateIds(): { ids: Set<number>; json: string; last: number } {
    if (!this.candidates) {
      const ids = selectAll<{ id: number }>(
        this.db,
        `SELECT f.rowid AS id ${this.from} ORDER BY f.rowid LIMIT ${SEARCH_RANK_CAP}`,
        this.titleBound,
      ).map((r) => r.id);
      this.candidates = {
        ids: new Set(ids),
        json: JSON.stringify(ids),
        last: ids.length > 0 ? ids[ids.length - 1] : 0,
      };
    }
    return this.candidates;
  }

  /** The unranked rest (bounded order only) after paper id `afterId`, skipping `skip` rows. */
  private readRest(afterId: number, skip: number, limit: number): number[] {
    const candidates = this.candidateIds().ids;
    const ids: number[] = [];
    let skipped = 0;
    const rows = prepareCached(
      this.db,
      `SELECT f.rowid AS id ${this.from} AND f.rowid > @after ORDER BY f.rowid`,
    ).iterate({ ...this.bound, after: afterId }) as IterableIterator<{ id: number }>;
    for (const { id } of rows) {
      if (candidates.has(id)) continue;
      if (skipped < skip) {
        skipped++;
        continue;
      }
      ids.push(id);
      if (ids.length >= limit) break;
    }
    // Leaving the loop early closes the statement (the iterator's return()).
    return ids;
  }

  /** `size` rows from `start`, and the cursor after them when more follow. */
  read(start: PageStart, size: number): MatchPage {
    if ('cursor' in start && start.cursor.kind === 'rest' && !this.bounded)
      throw new SearchCursorError('a cursor of another search');
    const inRest = 'cursor' in start && start.cursor.kind === 'rest';
    const ranked = inRest ? [] : this.readRanked(start, size + 1);
    if (ranked.length > size) {
      const page = ranked.slice(0, size);
      const last = page[page.length - 1];
      return { ids: page.map((r) => r.id), next: { kind: 'ranked', score: last.score, id: last.id } };
    }
    const ids = ranked.map((r) => r.id);
    if (!this.bounded) return { ids, next: null };
    // Into the rest: after the cursor's id, or from its start, skipping what an offset has not
    // used up in the ranked part.
    let afterId = 0;
    let skip = 0;
    if ('cursor' in start && start.cursor.kind === 'rest') afterId = start.cursor.id;
    else if ('skip' in start && ranked.length === 0)
      skip = Math.max(0, start.skip - Math.min(this.candidateIds().ids.size, start.skip));
    const wanted = size - ids.length;
    const rest = this.readRest(afterId, skip, wanted + 1);
    const taken = rest.slice(0, wanted);
    for (const id of taken) ids.push(id);
    // After the last row of the rest on this page; when the page ended with the ranked part, the
    // rest starts from its beginning (id 0).
    const next: SearchCursor = { kind: 'rest', id: taken.length > 0 ? taken[taken.length - 1] : afterId };
    return { ids, next: rest.length > wanted ? next : null };
  }
}

/**
 * Ranked search with filters and paging. An empty query (or one with no searchable words) lists
 * the papers that pass the filters, newest first. A page starts after the cursor `after` (the
 * `next` of the page before: no rows skipped one by one), or else at the 1-based `page`, clamped to
 * the last page (old `page=` links, which give the same rows as the cursors do).
 * Throws SearchCursorError when `after` is not a cursor of this search.
 */
export function searchPapers(
  query: string,
  filters: SearchFilters = {},
  page = 1,
  pageSize = SEARCH_PAGE_SIZE,
  db: Database.Database = openBuild(),
  after: string | null = null,
): SearchResults {
  const started = performance.now();
  const trimmed = query.trim();
  const match = toFtsQuery(trimmed, keepPrefixIn(db));
  const size = Math.min(SEARCH_MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const params = filterParams(filters);
  const requested = Math.max(1, Math.floor(page) || 1);
  const cursor = after ? decodeSearchCursor(after) : null;
  let total: number;
  let totalCapped = false;
  let ranking: SearchResults['ranking'] = 'browse';
  let next: string | null = null;
  let current: number;
  let hits: SearchHit[];
  if (match) {
    if (cursor?.kind === 'browse') throw new SearchCursorError('a cursor of a listing without a query');
    // Order ids first (only ids and scores move), fetch the page's rows, and mark up only the
    // page: snippet() on every match would cost more than the search.
    const order = new MatchOrder(db, match, params);
    total = order.total;
    totalCapped = order.totalCapped;
    ranking = order.bounded ? 'bounded' : 'exact';
    current = cursor || totalCapped ? requested : Math.min(pageCountOf(total, size), requested);
    const read = order.read(cursor ? { cursor } : { skip: (current - 1) * size }, size);
    next = read.next ? encodeSearchCursor(read.next) : null;
    const rows = readListRowsById<ListRow & { abstract: string }>(db, read.ids, 'p.abstract AS abstract');
    const marked = markPage(rows, match);
    hits = rows.map((row) => {
      const m = marked.get(row.id);
      return {
        paper: toPaperListItem(row),
        titleParts: parseMarkedText(m?.title ?? row.title),
        snippetParts: parseMarkedText(m?.snippet ?? ''),
        authorParts: parseMarkedText(m?.authors ?? row.authors_text),
      };
    });
  } else {
    if (cursor && cursor.kind !== 'browse') throw new SearchCursorError('a cursor of a search with a query');
    total = countListing(db, params);
    current = cursor ? requested : Math.min(pageCountOf(total, size), requested);
    const read = readBrowse<BrowseRow & { abstract: string }>(
      db,
      params,
      cursor ? { cursor } : { skip: (current - 1) * size },
      size + 1,
      'substr(p.abstract, 1, 280) AS abstract',
    );
    const rows = read.slice(0, size);
    next = read.length > size ? encodeSearchCursor(browseCursorAfter(rows[rows.length - 1])) : null;
    hits = rows.map((row) => ({
      paper: toPaperListItem(row),
      titleParts: [{ text: row.title, hit: false }],
      snippetParts: [
        { text: row.abstract.length >= 280 ? `${row.abstract.trimEnd()}${ELLIPSIS}` : row.abstract, hit: false },
      ],
      authorParts: row.authors_text ? [{ text: row.authors_text, hit: false }] : [],
    }));
  }
  return {
    query: trimmed,
    match,
    filters,
    total,
    totalCapped,
    ranking,
    page: current,
    pageSize: size,
    pageCount: pageCountOf(total, size),
    next,
    hits,
    elapsedMs: performance.now() - started,
  };
}

/** A search's rows for CSV, read a slice at a time: see {@link openSearchExport}. */
export interface SearchExportReader {
  /** The next `limit` rows (fewer at the end, none after it). */
  readRows(limit: number): SearchExportRow[];
}

/**
 * A search's results as flat rows for CSV, in the order the search page shows them, bound to one
 * build (a build swapped while an export streams cannot mix two corpora in one file). Each slice is
 * one complete query that starts after the last row of the slice before (no statement stays open
 * between slices, and none walks the rows already sent).
 */
export function openSearchExport(
  query: string,
  filters: SearchFilters,
  db: Database.Database = openBuild(),
): SearchExportReader {
  const match = toFtsQuery(query.trim(), keepPrefixIn(db));
  const params = filterParams(filters);
  const sources =
    "(SELECT group_concat(file || ':' || record, '; ') FROM paper_sources WHERE paper_id = p.id) AS sources";
  type Row = ListRow & { sources: string | null };
  const order = match ? new MatchOrder(db, match, params) : null;
  let after: SearchCursor | null = null;
  let done = false;
  const readSlice = (limit: number): Row[] => {
    if (order) {
      const read = order.read(after ? { cursor: after } : { skip: 0 }, limit);
      after = read.next;
      done = read.next == null;
      return readListRowsById<Row>(db, read.ids, sources);
    }
    const rows = readBrowse<BrowseRow & { sources: string | null }>(
      db,
      params,
      after?.kind === 'browse' ? { cursor: after } : { skip: 0 },
      limit,
      sources,
    );
    if (rows.length > 0) after = browseCursorAfter(rows[rows.length - 1]);
    done = rows.length < limit;
    return rows;
  };
  return {
    readRows(limit) {
      const wanted = Math.max(0, Math.min(Math.floor(limit), 5000));
      if (done || wanted === 0) return [];
      return readSlice(wanted).map((r) => ({
        id: r.id,
        title: r.title,
        titleDerived: r.title_derived === 1,
        authors: r.authors_text,
        year: r.year,
        date: r.date,
        venue: r.venue,
        topicId: r.topic_id,
        topicLabel: r.topic_label,
        sources: r.sources ?? '',
      }));
    },
  };
}

/** Topics, sources and the year span, for the search form. */
export function readSearchOptions(db: Database.Database = openBuild()): SearchOptions {
  // A build never changes once written (a new one comes as a new handle), so its options are
  // read once per handle: the per-file paper counts cost a few ms on every search page otherwise.
  let options = searchOptionsByBuild.get(db);
  if (!options) {
    options = selectSearchOptions(db);
    searchOptionsByBuild.set(db, options);
  }
  return options;
}

const searchOptionsByBuild = new WeakMap<Database.Database, SearchOptions>();

function selectSearchOptions(db: Database.Database): SearchOptions {
  const topics = selectAll<{ id: number; label: string; size: number }>(
    db,
    'SELECT id, label, size FROM topics ORDER BY size DESC, id',
  );
  const sources = selectAll<{ file: string; venue: string | null; papers: number }>(
    db,
    `SELECT sf.file AS file, sf.venue AS venue,
            sf.papers AS papers
     FROM source_files sf ORDER BY sf.file`,
  );
  const span = selectOne<{ min: number | null; max: number | null }>(
    db,
    // Two subqueries, so each reads one end of the year index instead of scanning it.
    'SELECT (SELECT MIN(year) FROM papers) AS min, (SELECT MAX(year) FROM papers) AS max',
  );
  return {
    topics,
    sources,
    years: span && span.min != null && span.max != null ? { min: span.min, max: span.max } : null,
  };
}
