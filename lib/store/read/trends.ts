/**
 * Read questions for keyword trends: the periods, the vocabulary (for autocomplete), each term's
 * papers and share per period, rising/falling/bursting terms, topic shares and related terms.
 * Series are aligned to `readTrendPeriods().periods` (0 where a term has no row).
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { escapeLike, prepareCached } from './statements';

export interface TrendTerm {
  id: number;
  display: string;
  df: number;
  isPhrase: boolean;
}

export interface TrendPeriods {
  granularity: 'year' | 'month';
  periods: string[];
  /** Dated papers in each period. */
  papers: number[];
  /** The pipeline's minimum papers for a period's share to count (trends_options), if recorded. */
  minPeriodPapers: number | null;
}

/** A term's papers and share in every period. */
export interface TermSeries extends TrendTerm {
  papers: number[];
  share: number[];
}

export interface TermMover extends TermSeries {
  score: number;
  slope: number;
  recentShare: number;
  support: number;
}

export interface TermBurst extends TermSeries {
  start: string;
  end: string;
  strength: number;
}

export interface TopicShares {
  topics: { id: number; label: string; size: number }[];
  /** papers[topicIndex][periodIndex] */
  papers: number[][];
}

export interface RelatedTerm extends TrendTerm {
  /** Papers containing both terms. */
  papers: number;
  npmi: number;
}

export const TERM_SERIES_MAX = 12;

interface TermRowRaw {
  id: number;
  display: string;
  df: number;
  isPhrase: number;
}

const TERM_COLUMNS = 't.id AS id, t.display AS display, t.df AS df, t.is_phrase AS isPhrase';

function toTerm(row: TermRowRaw): TrendTerm {
  return { id: row.id, display: row.display, df: row.df, isPhrase: row.isPhrase === 1 };
}

const periodsCache = new WeakMap<Database.Database, TrendPeriods>();

/** The periods of the build in order, with their paper counts and the granularity. */
export function readTrendPeriods(db: Database.Database = openBuild()): TrendPeriods {
  const cached = periodsCache.get(db);
  if (cached) return cached;
  const rows = prepareCached(db, 'SELECT period, papers FROM periods ORDER BY ordinal').all() as {
    period: string;
    papers: number;
  }[];
  const g = prepareCached(db, "SELECT value FROM meta WHERE key = 'granularity'").get() as
    { value: string } | undefined;
  const options = prepareCached(db, "SELECT value FROM meta WHERE key = 'trends_options'").get() as
    { value: string } | undefined;
  let minPeriodPapers: number | null = null;
  try {
    const parsed = options ? (JSON.parse(options.value) as { minPeriodPapers?: unknown }) : null;
    if (typeof parsed?.minPeriodPapers === 'number' && parsed.minPeriodPapers >= 0)
      minPeriodPapers = parsed.minPeriodPapers;
  } catch {
    minPeriodPapers = null;
  }
  const result: TrendPeriods = {
    granularity: g?.value === 'month' ? 'month' : 'year',
    periods: rows.map((r) => r.period),
    papers: rows.map((r) => r.papers),
    minPeriodPapers,
  };
  periodsCache.set(db, result);
  return result;
}

/** Vocabulary entries that start with (first) or contain `query`, most frequent first. */
export function searchTerms(query: string, limit = 10, db: Database.Database = openBuild()): TrendTerm[] {
  const q = query.trim();
  if (!q) return [];
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const rows = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS}, CASE WHEN t.display LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END AS rankPrefix
       FROM terms t
       WHERE t.display LIKE @contains ESCAPE '\\'
       ORDER BY rankPrefix, t.df DESC, t.display
       LIMIT @limit`,
  ).all({ prefix: `${escapeLike(q)}%`, contains: `%${escapeLike(q)}%`, limit: bounded }) as TermRowRaw[];
  return rows.map(toTerm);
}

/**
 * Terms by their display form (case-insensitive), in the order asked; when two terms share a
 * display form the more frequent wins. Unknown displays are skipped.
 */
export function readTermsByDisplay(displays: readonly string[], db: Database.Database = openBuild()): TrendTerm[] {
  const stmt = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS} FROM terms t WHERE t.display = ? COLLATE NOCASE ORDER BY t.df DESC, t.id LIMIT 1`,
  );
  const seen = new Set<number>();
  const out: TrendTerm[] = [];
  for (const display of displays.slice(0, TERM_SERIES_MAX)) {
    const row = stmt.get(display.trim()) as TermRowRaw | undefined;
    if (row && !seen.has(row.id)) {
      seen.add(row.id);
      out.push(toTerm(row));
    }
  }
  return out;
}

function readSeries(ids: readonly number[], db: Database.Database): Map<number, { papers: number[]; share: number[] }> {
  const { periods } = readTrendPeriods(db);
  const position = new Map(periods.map((p, i) => [p, i]));
  const out = new Map<number, { papers: number[]; share: number[] }>();
  for (const id of ids) out.set(id, { papers: periods.map(() => 0), share: periods.map(() => 0) });
  if (ids.length === 0) return out;
  const rows = prepareCached(
    db,
    `SELECT tp.term_id, tp.period, tp.papers, tp.share FROM term_periods tp
       WHERE tp.term_id IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(JSON.stringify(ids)) as [number, string, number, number][];
  for (const [id, period, papers, share] of rows) {
    const series = out.get(id);
    const at = position.get(period);
    if (!series || at === undefined) continue;
    series.papers[at] = papers;
    series.share[at] = share;
  }
  return out;
}

/** Papers and share per period for the given terms (at most TERM_SERIES_MAX), in the order asked. */
export function readTermSeries(terms: readonly TrendTerm[], db: Database.Database = openBuild()): TermSeries[] {
  const bounded = terms.slice(0, TERM_SERIES_MAX);
  const series = readSeries(
    bounded.map((t) => t.id),
    db,
  );
  return bounded.map((t) => ({ ...t, ...series.get(t.id)! }));
}

/** Terms by id, in the order asked; unknown ids are skipped. */
export function readTermsById(ids: readonly number[], db: Database.Database = openBuild()): TrendTerm[] {
  const stmt = prepareCached(db, `SELECT ${TERM_COLUMNS} FROM terms t WHERE t.id = ?`);
  return ids.flatMap((id) => {
    const row = stmt.get(id) as TermRowRaw | undefined;
    return row ? [toTerm(row)] : [];
  });
}

/** How the mover lists rank: subject terms first (the default), every term by its raw score, or
 * phrases only. */
export type MoverKind = 'subjects' | 'all' | 'phrases';

/** The most rising and falling terms (by trend score) and the strongest bursts, with their
 * series; of every term, or of phrases only. */
export function readTermMovers(
  limit = 10,
  db: Database.Database = openBuild(),
  kind: MoverKind = 'subjects',
): { rising: TermMover[]; falling: TermMover[]; bursting: TermBurst[] } {
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const only = kind === 'phrases' ? 'AND t.is_phrase = 1' : '';
  const scoreColumn = kind === 'subjects' ? 'tr.subject_score' : 'tr.score';
  // Subjects first: the pipeline's order, one term per subject before the others.
  const orderColumn = kind === 'subjects' ? 'tr.subject_rank' : null;
  const burstOrder = kind === 'subjects' ? 'rank' : 'strength';
  const burstDir = kind === 'subjects' ? 'ASC' : 'DESC';
  const moverSql = (order: 'DESC' | 'ASC', sign: '>' | '<') =>
    `SELECT ${TERM_COLUMNS}, tr.score AS score, tr.slope AS slope, tr.recent_share AS recentShare, tr.support AS support
     FROM term_trends tr JOIN terms t ON t.id = tr.term_id
     WHERE ${scoreColumn} ${sign} 0 ${only} ${orderColumn ? `AND ${orderColumn} IS NOT NULL` : ''}
     ORDER BY ${orderColumn ? `${orderColumn} ASC` : `${scoreColumn} ${order}`}, t.id LIMIT ?`;
  type MoverRaw = TermRowRaw & { score: number; slope: number; recentShare: number; support: number };
  const rising = prepareCached(db, moverSql('DESC', '>')).all(bounded) as MoverRaw[];
  const falling = prepareCached(db, moverSql('ASC', '<')).all(bounded) as MoverRaw[];
  // One row per term: its strongest burst.
  const bursts = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS}, b.start AS start, b."end" AS "end", b.strength AS strength
       FROM term_bursts b JOIN terms t ON t.id = b.term_id
       WHERE b.rowid = (SELECT b2.rowid FROM term_bursts b2 WHERE b2.term_id = b.term_id
                        ORDER BY b2.${burstOrder} ${burstDir}, b2.start LIMIT 1) ${only}
       ORDER BY b.${burstOrder} ${burstDir}, t.id LIMIT ?`,
  ).all(bounded) as (TermRowRaw & { start: string; end: string; strength: number })[];
  const series = readSeries([...new Set([...rising, ...falling, ...bursts].map((r) => r.id))], db);
  const mover = (r: MoverRaw): TermMover => ({
    ...toTerm(r),
    ...series.get(r.id)!,
    score: r.score,
    slope: r.slope,
    recentShare: r.recentShare,
    support: r.support,
  });
  return {
    rising: rising.map(mover),
    falling: falling.map(mover),
    bursting: bursts.map((r) => ({
      ...toTerm(r),
      ...series.get(r.id)!,
      start: r.start,
      end: r.end,
      strength: r.strength,
    })),
  };
}

/** Papers per topic per period, topics in id order. */
export function readTopicShares(db: Database.Database = openBuild()): TopicShares {
  const { periods } = readTrendPeriods(db);
  const position = new Map(periods.map((p, i) => [p, i]));
  const topics = prepareCached(db, 'SELECT id, label, size FROM topics ORDER BY id').all() as TopicShares['topics'];
  const row = new Map(topics.map((t, i) => [t.id, i]));
  const papers = topics.map(() => periods.map(() => 0));
  const rows = prepareCached(db, 'SELECT topic_id, period, papers FROM topic_periods').raw().all() as [
    number,
    string,
    number,
  ][];
  for (const [topicId, period, count] of rows) {
    const ti = row.get(topicId);
    const pi = position.get(period);
    if (ti !== undefined && pi !== undefined) papers[ti][pi] = count;
  }
  return { topics, papers };
}

/** Terms that co-occur with `termId`, strongest first (as ranked by the pipeline). */
export function readRelatedTerms(termId: number, limit = 10, db: Database.Database = openBuild()): RelatedTerm[] {
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const rows = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS}, r.papers AS papers, r.npmi AS npmi
       FROM term_related r JOIN terms t ON t.id = r.other_id
       WHERE r.term_id = ? ORDER BY r.rank LIMIT ?`,
  ).all(termId, bounded) as (TermRowRaw & { papers: number; npmi: number })[];
  return rows.map((r) => ({ ...toTerm(r), papers: r.papers, npmi: r.npmi }));
}

/** A row of the burst timeline: a term's burst, with the subjects grouped under it. */
export interface TimelineBurst extends TrendTerm {
  start: string;
  end: string;
  strength: number;
  /** Share of papers in the burst over the share outside it. */
  lift: number;
  /** The term's main topic, or null. */
  topic: number | null;
  /** Other terms of the same subject in these years (subjects-first list only). */
  also: string[];
}

/**
 * The burst timeline (CiteSpace's burst table): the top bursts with their start and end, subjects
 * first by default (one row per subject, its other terms listed with it), or by strength over all
 * words, or phrases only; optionally only terms whose papers are mostly in `topic`.
 */
export function readBurstTimeline(
  opts: { limit?: number; topic?: number | null; kind?: MoverKind } = {},
  db: Database.Database = openBuild(),
): TimelineBurst[] {
  const limit = Math.min(200, Math.max(1, Math.floor(opts.limit ?? 40)));
  const kind = opts.kind ?? 'subjects';
  const where = [
    kind === 'subjects' ? 'b.same_as IS NULL' : '',
    kind === 'phrases' ? 't.is_phrase = 1' : '',
    opts.topic !== undefined && opts.topic !== null ? 't.topic_id = @topic' : '',
  ].filter(Boolean);
  const rows = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS}, b.start AS start, b."end" AS "end", b.strength AS strength, b.lift AS lift,
            t.topic_id AS topic
       FROM term_bursts b JOIN terms t ON t.id = b.term_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${kind === 'all' ? 'b.strength DESC' : 'b.rank'}, t.id
      LIMIT @limit`,
  ).all({ topic: opts.topic ?? null, limit }) as (TermRowRaw & {
    start: string;
    end: string;
    strength: number;
    lift: number;
    topic: number | null;
  })[];
  const also = prepareCached(
    db,
    `SELECT DISTINCT t.display FROM term_bursts b JOIN terms t ON t.id = b.term_id
      WHERE b.same_as = ? AND b.start <= ? AND b."end" >= ? ORDER BY b.rank LIMIT 4`,
  );
  return rows.map((r) => ({
    ...toTerm(r),
    start: r.start,
    end: r.end,
    strength: r.strength,
    lift: r.lift,
    topic: r.topic,
    also:
      kind === 'subjects'
        ? (also.all(r.id, r.end, r.start) as { display: string }[]).map((a) => a.display).filter((d) => d !== r.display)
        : [],
  }));
}

/** A new subject: first seen late in the corpus and taking off. */
export interface NewTerm extends TermSeries {
  firstPeriod: string | null;
  recentShare: number;
}

/** New subjects, in the pipeline's order, with their series. */
export function readNewTerms(limit = 10, db: Database.Database = openBuild()): NewTerm[] {
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const rows = prepareCached(
    db,
    `SELECT ${TERM_COLUMNS}, t.first_period AS firstPeriod, tr.recent_share AS recentShare
       FROM term_trends tr JOIN terms t ON t.id = tr.term_id
      WHERE tr.new_rank IS NOT NULL ORDER BY tr.new_rank LIMIT ?`,
  ).all(bounded) as (TermRowRaw & { firstPeriod: string | null; recentShare: number })[];
  const series = readSeries(
    rows.map((r) => r.id),
    db,
  );
  return rows.map((r) => ({
    ...toTerm(r),
    ...series.get(r.id)!,
    firstPeriod: r.firstPeriod,
    recentShare: r.recentShare,
  }));
}

/** A topic whose share grew or shrank the most over the recent periods. */
export interface TopicMover {
  id: number;
  label: string;
  size: number;
  score: number;
  recentShare: number;
  earlierShare: number;
  /** Share of each period's papers, in period order. */
  share: number[];
}

/** Emerging (score > 0, highest first) and fading (score < 0, lowest first) topics. */
export function readTopicMovers(
  limit = 5,
  db: Database.Database = openBuild(),
): { emerging: TopicMover[]; fading: TopicMover[] } {
  const bounded = Math.min(50, Math.max(1, Math.floor(limit)));
  const { periods } = readTrendPeriods(db);
  const position = new Map(periods.map((p, i) => [p, i]));
  const pick = (sign: '>' | '<', order: 'DESC' | 'ASC') =>
    prepareCached(
      db,
      `SELECT t.id, t.label, t.size, tt.score, tt.recent_share AS recentShare, tt.earlier_share AS earlierShare
         FROM topic_trends tt JOIN topics t ON t.id = tt.topic_id
        WHERE tt.score ${sign} 0 ORDER BY tt.score ${order}, t.id LIMIT ?`,
    ).all(bounded) as Omit<TopicMover, 'share'>[];
  const shares = prepareCached(db, 'SELECT period, share FROM topic_periods WHERE topic_id = ?');
  const withSeries = (t: Omit<TopicMover, 'share'>): TopicMover => {
    const share = periods.map(() => 0);
    for (const row of shares.all(t.id) as { period: string; share: number }[]) {
      const at = position.get(row.period);
      if (at !== undefined) share[at] = row.share;
    }
    return { ...t, share };
  };
  return { emerging: pick('>', 'DESC').map(withSeries), fading: pick('<', 'ASC').map(withSeries) };
}

/** The topic evolution as stored: windows of periods, topics per window, links between them. */
export interface TopicEvolutionData {
  windows: { window: number; first: string; last: string; papers: number }[];
  nodes: { id: number; window: number; label: string; size: number }[];
  links: { source: number; target: number; similarity: number; value: number }[];
}

/** The topic evolution view: its windows, the topics of each window and the links between them. */
export function readTopicEvolution(db: Database.Database = openBuild()): TopicEvolutionData {
  return {
    windows: prepareCached(
      db,
      'SELECT window, first_period AS first, last_period AS last, papers FROM evolution_windows ORDER BY window',
    ).all() as TopicEvolutionData['windows'],
    nodes: prepareCached(
      db,
      'SELECT id, window, label, size FROM evolution_nodes ORDER BY id',
    ).all() as TopicEvolutionData['nodes'],
    links: prepareCached(
      db,
      'SELECT source, target, similarity, value FROM evolution_links ORDER BY source, target',
    ).all() as TopicEvolutionData['links'],
  };
}

/** A node of the evolution with its papers (closest to its centroid first); null when unknown. */
export function readEvolutionNode(
  id: number,
  db: Database.Database = openBuild(),
): {
  node: { id: number; window: number; label: string; size: number; first: string; last: string };
  papers: { id: number; title: string; year: number | null; authors: string }[];
} | null {
  const node = prepareCached(
    db,
    `SELECT n.id, n.window, n.label, n.size, w.first_period AS first, w.last_period AS last
       FROM evolution_nodes n JOIN evolution_windows w ON w.window = n.window WHERE n.id = ?`,
  ).get(id) as { id: number; window: number; label: string; size: number; first: string; last: string } | undefined;
  if (!node) return null;
  const papers = prepareCached(
    db,
    `SELECT p.id, p.title, p.year, p.authors_text AS authors
       FROM evolution_papers e JOIN papers p ON p.id = e.paper_id WHERE e.node_id = ? ORDER BY e.rank`,
  ).all(id) as { id: number; title: string; year: number | null; authors: string }[];
  return { node, papers };
}
