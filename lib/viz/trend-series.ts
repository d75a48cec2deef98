/**
 * Rows for the term comparison chart. A period with very few papers gives wild shares (1 of 3
 * papers is "33%"), so periods below a minimum are left off the share charts (their counts stay
 * in the table); when fewer than two periods qualify, every period is kept and marked sparse, with
 * its share hidden, so there is still something honest to show.
 */

import { formatCsv } from './csv';
import { formatCount, formatPeriod } from './format';

export interface TrendSeriesInput {
  /** Stable key of the line (e.g. `t12`). */
  key: string;
  papers: readonly number[];
  share: readonly number[];
}

export interface TrendRow {
  period: string;
  /** Dated papers in the period. */
  total: number;
  /** True when the period has too few papers for a share. */
  sparse: boolean;
  /** Share per series key (null when sparse), and papers under `${key}:n`. */
  values: Record<string, number | null>;
}

/**
 * The smallest period worth a share: 5% of the median period, but at least 10 papers and never
 * more than 50 (so a large corpus still shows its young years).
 */
export function defaultMinPeriodPapers(periodPapers: readonly number[]): number {
  const sorted = periodPapers.filter((n) => n > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return 10;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.min(50, Math.max(10, Math.round(median * 0.05)));
}

/** Indices of the periods with at least `min` papers; every index when fewer than two qualify. */
export function densePeriods(periodPapers: readonly number[], min: number): number[] {
  const dense = periodPapers.flatMap((n, i) => (n >= min ? [i] : []));
  return dense.length >= 2 ? dense : periodPapers.map((_, i) => i);
}

/** The values at the given indices, in order. */
export function pickIndices<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}

/** One row per period with enough papers to show (`densePeriods`): each series' share, null
 * where the period has fewer than `minPeriodPapers`, and its papers under `key:n`. */
export function buildTrendRows(
  periods: readonly string[],
  periodPapers: readonly number[],
  series: readonly TrendSeriesInput[],
  minPeriodPapers: number,
): TrendRow[] {
  return densePeriods(periodPapers, minPeriodPapers).map((p) => {
    const total = periodPapers[p] ?? 0;
    const sparse = total < minPeriodPapers;
    const values: Record<string, number | null> = {};
    for (const s of series) {
      values[s.key] = sparse ? null : (s.share[p] ?? 0);
      values[`${s.key}:n`] = s.papers[p] ?? 0;
    }
    return { period: periods[p], total, sparse, values };
  });
}

/** Flattens rows into the plain objects a recharts LineChart takes (`period`, `total`, keys…). */
export function toChartData(rows: readonly TrendRow[]): Record<string, string | number | boolean | null>[] {
  return rows.map((r) => ({ period: r.period, total: r.total, sparse: r.sparse, ...r.values }));
}

/** The compared terms as CSV: per period, its papers, then each term's papers and share. */
export function formatTermSeriesCsv(
  periods: readonly string[],
  papers: readonly number[],
  terms: readonly { display: string; papers: readonly number[]; share: readonly number[] }[],
): string {
  return formatCsv(
    ['period', 'papers', ...terms.flatMap((c) => [`${c.display} papers`, `${c.display} share`])],
    periods.map((p, i) => [p, papers[i], ...terms.flatMap((c) => [c.papers[i], Number(c.share[i].toFixed(6))])]),
  );
}

/** Periods too small for a share, each with its papers: `2016 (3)`. */
export function formatSparsePeriods(periods: readonly string[], papers: readonly number[], min: number): string[] {
  return periods.flatMap((p, i) => (papers[i] < min ? [`${formatPeriod(p)} (${formatCount(papers[i])})`] : []));
}

/** A term's slope in points of share per period, signed: `+1.25 pts/year`. */
export function formatSlope(slope: number, periodWord: string): string {
  return `${slope >= 0 ? '+' : ''}${(slope * 100).toFixed(2)} pts/${periodWord}`;
}

/** A burst's periods and strength: `2019–2021 · 3.2`. */
export function formatBurst(burst: { start: string; end: string; strength: number }): string {
  const end = burst.end !== burst.start ? `–${formatPeriod(burst.end)}` : '';
  return `${formatPeriod(burst.start)}${end} · ${burst.strength.toFixed(1)}`;
}
