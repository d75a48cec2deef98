/**
 * Full-text search over titles, abstracts and author names (FTS5, ranked by bm25 with the title
 * weighted most), with filters and paging. User input never reaches FTS5 as syntax: it is cut into
 * words and quoted phrases, so `"foo`, `a AND (` or `*` cannot make a query fail.
 */
import Database from 'better-sqlite3';
import { openBuild } from '../db';
import { FTS_TOKENIZE } from '../schema';
import { PAPER_LIST_COLUMNS, PAPER_TOPIC_JOINS, toPaperListItem, type PaperListItem } from './papers';
import { selectAll, selectOne } from './statements';

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
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
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
 * matched as a prefix while the user may still be typing it (no trailing space, 2+ characters).
 * Returns null when nothing searchable is left.
 */
export function buildFtsQuery(input: string): string | null {
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
      const prefix = i === chunks.length - 1 && !chunk.quoted && endsOpen && last.length >= 2;
      return prefix ? `${phrase}*` : phrase;
    })
    .join(' ');
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

/** Ids of the matches that pass the filters, in rank order, from `offset`, at most `limit`. */
function rankFilteredMatches(
  db: Database.Database,
  match: string,
  params: FilterParams,
  offset: number,
  limit: number,
): number[] {
  return selectAll<{ id: number }>(
    db,
    `SELECT f.rowid AS id ${filteredMatchFrom(params)} ORDER BY ${BM25}, f.rowid LIMIT @limit OFFSET @offset`,
    { ...filteredMatchParams(params, match), limit, offset },
  ).map((r) => r.id);
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

/**
 * The ids of one page of matches in rank order, how many matches there are, and the page they
 * are from (the requested one, or the last when it asked for more).
 */
function rankMatches(
  db: Database.Database,
  match: string,
  params: FilterParams,
  requested: number,
  size: number,
): { total: number; page: number; ids: number[] } {
  if (!hasFilters(params)) {
    // Without filters the full-text index alone answers the count and the ranking: no join per match.
    const total =
      selectOne<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM papers_fts WHERE papers_fts MATCH @match', { match })
        ?.n ?? 0;
    const page = Math.min(pageCountOf(total, size), requested);
    const ids = selectAll<{ id: number }>(
      db,
      `SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH @match ORDER BY ${BM25}, rowid LIMIT @limit OFFSET @offset`,
      { match, limit: size, offset: (page - 1) * size },
    ).map((r) => r.id);
    return { total, page, ids };
  }
  // With filters, one pass counts and ranks: the window sees every match that passes before the
  // page is cut, so each match is found and its filters probed once, not once per count and rank.
  const from = filteredMatchFrom(params);
  const bound = filteredMatchParams(params, match);
  const readPage = (page: number) =>
    selectAll<{ id: number; total: number }>(
      db,
      `SELECT id, COUNT(*) OVER () AS total FROM (SELECT f.rowid AS id, ${BM25} AS score ${from})
       ORDER BY score, id LIMIT @limit OFFSET @offset`,
      { ...bound, limit: size, offset: (page - 1) * size },
    );
  let rows = readPage(requested);
  if (rows.length > 0) return { total: rows[0].total, page: requested, ids: rows.map((r) => r.id) };
  if (requested === 1) return { total: 0, page: 1, ids: [] };
  // Past the last page: count, then read the last page.
  const total = selectOne<{ n: number }>(db, `SELECT COUNT(*) AS n ${from}`, bound)?.n ?? 0;
  const page = pageCountOf(total, size);
  rows = total > 0 ? readPage(page) : [];
  return { total, page, ids: rows.map((r) => r.id) };
}

/**
 * Ranked search with filters and paging. An empty query (or one with no searchable words) lists
 * the papers that pass the filters, newest first. `page` is 1-based and clamped.
 */
export function searchPapers(
  query: string,
  filters: SearchFilters = {},
  page = 1,
  pageSize = SEARCH_PAGE_SIZE,
  db: Database.Database = openBuild(),
): SearchResults {
  const started = performance.now();
  const trimmed = query.trim();
  const match = buildFtsQuery(trimmed);
  const size = Math.min(SEARCH_MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const params = filterParams(filters);
  const requested = Math.max(1, Math.floor(page) || 1);
  let total: number;
  let current: number;
  let hits: SearchHit[];
  if (match) {
    // Rank ids first (the sort then carries only ids and scores), fetch the page's rows, and mark
    // up only the page: snippet() on every match would cost more than the search.
    const ranked = rankMatches(db, match, params, requested, size);
    total = ranked.total;
    current = ranked.page;
    const rows = readListRowsById<ListRow & { abstract: string }>(db, ranked.ids, 'p.abstract AS abstract');
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
    const counted = hasFilters(params)
      ? selectOne<{ n: number }>(db, `SELECT COUNT(*) AS n ${BROWSE_FROM}`, params)
      : selectOne<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM papers');
    total = counted?.n ?? 0;
    current = Math.min(pageCountOf(total, size), requested);
    const rows = selectAll<ListRow & { abstract: string }>(
      db,
      `SELECT ${PAPER_LIST_COLUMNS}, substr(p.abstract, 1, 280) AS abstract ${BROWSE_FROM}
       ORDER BY ${BROWSE_ORDER} LIMIT @limit OFFSET @offset`,
      { ...params, limit: size, offset: (current - 1) * size },
    );
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
    page: current,
    pageSize: size,
    pageCount: pageCountOf(total, size),
    hits,
    elapsedMs: performance.now() - started,
  };
}

/**
 * One slice of a search as flat rows for CSV, in the order the search page shows them. Read in
 * slices so a streamed export never holds a statement open between chunks.
 */
export function readSearchExportRows(
  query: string,
  filters: SearchFilters,
  offset: number,
  limit: number,
  db: Database.Database = openBuild(),
): SearchExportRow[] {
  const match = buildFtsQuery(query.trim());
  const params = filterParams(filters);
  const window = { offset: Math.max(0, offset), limit: Math.max(0, Math.min(limit, 5000)) };
  const sources =
    "(SELECT group_concat(file || ':' || record, '; ') FROM paper_sources WHERE paper_id = p.id) AS sources";
  type Row = ListRow & { sources: string | null };
  const rows = match
    ? readListRowsById<Row>(db, rankFilteredMatches(db, match, params, window.offset, window.limit), sources)
    : selectAll<Row>(
        db,
        `SELECT ${PAPER_LIST_COLUMNS}, ${sources} ${BROWSE_FROM} ORDER BY ${BROWSE_ORDER} LIMIT @limit OFFSET @offset`,
        {
          ...params,
          ...window,
        },
      );
  return rows.map((r) => ({
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
            (SELECT COUNT(DISTINCT ps.paper_id) FROM paper_sources ps WHERE ps.file = sf.file) AS papers
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

/**
 * A reader of one search's export bound to the current build, so a build swapped while the export
 * streams cannot mix two corpora in one file.
 */
export function openSearchExport(
  query: string,
  filters: SearchFilters,
): { readRows(offset: number, limit: number): SearchExportRow[] } {
  const db = openBuild();
  return { readRows: (offset, limit) => readSearchExportRows(query, filters, offset, limit, db) };
}
