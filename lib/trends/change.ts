import type { TermChange, TermSeries } from './types';

/** Options of `buildTermChanges`. */
export interface ChangeOptions {
  smoothing: number;
  recentPeriods: number;
  minPeriodPapers: number;
}

/** Recent change of every term's share: a trailing moving average of width `smoothing` over the
 * periods with at least `minPeriodPapers` papers, then the least-squares slope of that smoothed
 * share over the last `recentPeriods` such periods. The score divides the slope by the square
 * root of the mean smoothed share in the window (see `TermChange.score`). */
export function buildTermChanges(
  series: TermSeries,
  periodPapers: ArrayLike<number>,
  opts: ChangeOptions,
): TermChange[] {
  const periodCount = periodPapers.length;
  // The periods that count, in time order; the recent window and the one before it.
  const usable: number[] = [];
  for (let p = 0; p < periodCount; p++)
    if (periodPapers[p] >= opts.minPeriodPapers && periodPapers[p] > 0) usable.push(p);
  const window = usable.slice(Math.max(0, usable.length - opts.recentPeriods));
  const before = usable.slice(Math.max(0, usable.length - 2 * opts.recentPeriods), usable.length - window.length);
  const windowStart = usable.length - window.length;
  const papersIn = (periods: number[]) => periods.reduce((sum, p) => sum + periodPapers[p], 0);
  const windowPapersTotal = papersIn(window);
  const beforePapersTotal = papersIn(before);
  // x centred on the window's mean position, for the slope.
  const xMean = (window.length - 1) / 2;
  let sxx = 0;
  for (let i = 0; i < window.length; i++) sxx += (i - xMean) ** 2;

  const changes: TermChange[] = new Array(series.terms.length);
  const smoothed = new Float64Array(window.length);
  for (let row = 0; row < series.terms.length; row++) {
    const base = row * periodCount;
    for (let i = 0; i < window.length; i++) {
      const u = windowStart + i;
      let sum = 0;
      let count = 0;
      for (let j = Math.max(0, u - opts.smoothing + 1); j <= u; j++) {
        sum += series.shares[base + usable[j]];
        count++;
      }
      smoothed[i] = sum / count;
    }
    let slope = 0;
    let mean = 0;
    for (let i = 0; i < window.length; i++) mean += smoothed[i] / window.length;
    if (sxx > 0) {
      let sxy = 0;
      for (let i = 0; i < window.length; i++) sxy += (i - xMean) * (smoothed[i] - mean);
      slope = sxy / sxx;
    }
    let recent = 0;
    for (const p of window) recent += series.counts[base + p];
    let earlier = 0;
    for (const p of before) earlier += series.counts[base + p];
    changes[row] = {
      term: series.terms[row],
      support: series.support[row],
      slope,
      recentShare: windowPapersTotal > 0 ? recent / windowPapersTotal : 0,
      earlierShare: beforePapersTotal > 0 ? earlier / beforePapersTotal : 0,
      windowPapers: recent + earlier,
      score: mean > 0 ? slope / Math.sqrt(mean) : 0,
    };
  }
  return changes;
}

/** The rising (score desc) and falling (score asc) term ids among terms with at least
 * `minPapers` papers in the two windows; ties by term id. */
export function buildChangeLists(
  changes: TermChange[],
  minPapers: number,
  size: number,
): { rising: number[]; falling: number[] } {
  const eligible = changes.filter((c) => c.windowPapers >= minPapers);
  const rising = eligible
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.term - b.term)
    .slice(0, size)
    .map((c) => c.term);
  const falling = eligible
    .filter((c) => c.score < 0)
    .sort((a, b) => a.score - b.score || a.term - b.term)
    .slice(0, size)
    .map((c) => c.term);
  return { rising, falling };
}
