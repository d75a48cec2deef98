/**
 * The corpus at a glance: counts, sources with what became of their records, topics by size,
 * papers per year, rising terms with their share per period, the most connected authors.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { readBuildInfo, type BuildInfo } from './build';
import { cachedPerBuild, selectAll, selectOne } from './statements';
import { listTopics, type TopicSummary } from './topics';

/** One input file and what became of its records. */
export interface SourceFile {
  file: string;
  layout: string;
  venue: string | null;
  year: number | null;
  notes: string | null;
  recordsRead: number;
  papersKept: number;
  duplicatesMerged: number;
  rejected: number;
  /** Reason → records rejected for it. */
  rejectReasons: Record<string, number>;
  /** How the duplicates merged (`doi`, `id`, `title`, `abstract` → count) and into which file's papers. */
  mergedBy: Record<string, number>;
  mergedWith: Record<string, number>;
  withoutAbstract: number;
  /** Notes about the file (an encoding guessed). */
  warnings: string[];
}

/** A rising term with its share of papers per period (every period, zeros filled in). */
export interface OverviewTerm {
  termId: number;
  term: string;
  isPhrase: boolean;
  score: number;
  slope: number;
  recentShare: number;
  support: number;
  series: { period: string; share: number }[];
}

/** An author among the most connected. */
export interface OverviewAuthor {
  id: number;
  name: string;
  papers: number;
  degree: number;
  coauthors: number;
}

export interface Overview {
  build: BuildInfo;
  papers: number;
  authors: number;
  /** Papers with at least one named author. */
  papersWithNames: number;
  topics: TopicSummary[];
  years: { first: number; last: number } | null;
  papersPerYear: { year: number; papers: number }[];
  undatedPapers: number;
  sources: SourceFile[];
  risingTerms: OverviewTerm[];
  topAuthors: OverviewAuthor[];
}

/** Every input file of the build, by name. */
export function listSources(db: Database.Database = openBuild()): SourceFile[] {
  return selectAll<{
    file: string;
    layout: string;
    venue: string | null;
    year: number | null;
    notes: string | null;
    records_read: number;
    papers_kept: number;
    duplicates_merged: number;
    rejected: number;
    reject_reasons: string;
    merged_by: string;
    merged_with: string;
    without_abstract: number;
    warnings: string;
  }>(db, 'SELECT * FROM source_files ORDER BY file').map((r) => ({
    file: r.file,
    layout: r.layout,
    venue: r.venue,
    year: r.year,
    notes: r.notes,
    recordsRead: r.records_read,
    papersKept: r.papers_kept,
    duplicatesMerged: r.duplicates_merged,
    rejected: r.rejected,
    rejectReasons: parseReasons(r.reject_reasons),
    mergedBy: parseReasons(r.merged_by),
    mergedWith: parseReasons(r.merged_with),
    withoutAbstract: r.without_abstract,
    warnings: parseStrings(r.warnings),
  }));
}

function parseStrings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseReasons(json: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  } catch {
    return {};
  }
}

/** The overview page. */
export function readOverview(db: Database.Database = openBuild()): Overview {
  // Counts over every paper and author: read once per build (COUNT(DISTINCT paper_id) alone walks
  // every author listing, 150 ms at 300,000 papers).
  const { counts, papersPerYear } = cachedPerBuild(db, 'overview counts', () => ({
    counts: selectOne<{ papers: number; authors: number; named: number; undated: number }>(
      db,
      `SELECT (SELECT COUNT(*) FROM papers) AS papers,
              (SELECT COUNT(*) FROM authors) AS authors,
              (SELECT COUNT(DISTINCT paper_id) FROM paper_authors) AS named,
              (SELECT COUNT(*) FROM papers WHERE year IS NULL) AS undated`,
    ) ?? { papers: 0, authors: 0, named: 0, undated: 0 },
    papersPerYear: selectAll<{ year: number; papers: number }>(
      db,
      'SELECT year, COUNT(*) AS papers FROM papers WHERE year IS NOT NULL GROUP BY year ORDER BY year',
    ),
  }));
  return {
    build: readBuildInfo(db),
    papers: counts.papers,
    authors: counts.authors,
    papersWithNames: counts.named,
    topics: listTopics(db),
    years:
      papersPerYear.length > 0
        ? { first: papersPerYear[0].year, last: papersPerYear[papersPerYear.length - 1].year }
        : null,
    papersPerYear,
    undatedPapers: counts.undated,
    sources: listSources(db),
    risingTerms: readRisingTerms(10, db),
    topAuthors: selectAll<OverviewAuthor>(
      db,
      `SELECT a.id AS id, a.name AS name, s.papers AS papers, s.degree AS degree, s.coauthors AS coauthors
       FROM author_stats s JOIN authors a ON a.id = s.author_id
       WHERE s.degree > 0
       ORDER BY s.degree DESC, s.papers DESC, a.name LIMIT 10`,
    ),
  };
}

/** The strongest rising terms (score > 0) with their share in every period. */
function readRisingTerms(limit: number, db: Database.Database): OverviewTerm[] {
  const terms = selectAll<{
    term_id: number;
    display: string;
    is_phrase: number;
    score: number;
    slope: number;
    recent_share: number;
    support: number;
  }>(
    db,
    `SELECT tt.term_id, t.display, t.is_phrase, tt.score, tt.slope, tt.recent_share, tt.support
     FROM term_trends tt JOIN terms t ON t.id = tt.term_id
     WHERE tt.subject_score > 0 AND tt.subject_rank IS NOT NULL ORDER BY tt.subject_rank, tt.term_id LIMIT ?`,
    limit,
  );
  if (terms.length === 0) return [];
  const periods = selectAll<{ period: string }>(db, 'SELECT period FROM periods ORDER BY ordinal').map((p) => p.period);
  const shares = selectAll<{ term_id: number; period: string; share: number }>(
    db,
    `SELECT term_id, period, share FROM term_periods WHERE term_id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(terms.map((t) => t.term_id)),
  );
  const byTerm = new Map<number, Map<string, number>>();
  for (const s of shares) {
    const m = byTerm.get(s.term_id) ?? new Map<string, number>();
    m.set(s.period, s.share);
    byTerm.set(s.term_id, m);
  }
  return terms.map((t) => ({
    termId: t.term_id,
    term: t.display,
    isPhrase: t.is_phrase === 1,
    score: t.score,
    slope: t.slope,
    recentShare: t.recent_share,
    support: t.support,
    series: periods.map((period) => ({ period, share: byTerm.get(t.term_id)?.get(period) ?? 0 })),
  }));
}
