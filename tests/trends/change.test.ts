import { describe, expect, it } from 'vitest';
import { buildChangeLists, buildTermChanges } from '../../lib/trends/change';
import type { TermSeries } from '../../lib/trends/types';

/** Ten periods of 100 papers; term 7 rises by 2 points a period, term 9 falls, term 3 is flat. */
function series(): TermSeries {
  const periods = 10;
  const rows = [
    { term: 3, counts: Array(periods).fill(20) },
    { term: 7, counts: Array.from({ length: periods }, (_, t) => 10 + 2 * t) },
    { term: 9, counts: Array.from({ length: periods }, (_, t) => 40 - 3 * t) },
  ];
  const counts = Int32Array.from(rows.flatMap((r) => r.counts));
  return {
    terms: Int32Array.from(rows, (r) => r.term),
    support: Int32Array.from(rows, (r) => r.counts.reduce((a, b) => a + b, 0)),
    counts,
    shares: Float64Array.from(counts, (c) => c / 100),
  };
}

describe('buildTermChanges', () => {
  const papers = Array(10).fill(100);

  it('gives the slope of a linear share, smoothed or not', () => {
    for (const smoothing of [1, 3]) {
      const [flat, up, down] = buildTermChanges(series(), papers, { smoothing, recentPeriods: 5, minPeriodPapers: 1 });
      expect(flat.slope).toBeCloseTo(0, 12);
      expect(up.slope).toBeCloseTo(0.02, 12);
      expect(down.slope).toBeCloseTo(-0.03, 12);
    }
  });

  it('reports window shares and a score in units of the share spread', () => {
    const [, up] = buildTermChanges(series(), papers, { smoothing: 1, recentPeriods: 5, minPeriodPapers: 1 });
    // Last five periods: 20, 22, 24, 26, 28 of 100 each; the five before: 10..18.
    expect(up.recentShare).toBeCloseTo(0.24, 12);
    expect(up.earlierShare).toBeCloseTo(0.14, 12);
    expect(up.windowPapers).toBe(120 + 70);
    expect(up.score).toBeCloseTo(0.02 / Math.sqrt(0.24), 12);
  });

  it('skips periods with too few papers', () => {
    const thin = [...papers.slice(0, 9), 5];
    const [, up] = buildTermChanges(series(), thin, { smoothing: 1, recentPeriods: 5, minPeriodPapers: 20 });
    // The window is periods 4..8: shares 0.18 .. 0.26, slope still 0.02.
    expect(up.slope).toBeCloseTo(0.02, 12);
    expect(up.recentShare).toBeCloseTo(1.1 / 5, 12);
  });

  it('lists rising and falling terms with enough papers', () => {
    const changes = buildTermChanges(series(), papers, { smoothing: 3, recentPeriods: 5, minPeriodPapers: 1 });
    expect(buildChangeLists(changes, 10, 10)).toEqual({ rising: [7], falling: [9] });
    expect(buildChangeLists(changes, 1000, 10)).toEqual({ rising: [], falling: [] });
  });
});
