import { describe, expect, it } from 'vitest';
import {
  buildTrendRows,
  defaultMinPeriodPapers,
  densePeriods,
  formatBurst,
  formatSlope,
  formatSparsePeriods,
  formatTermSeriesCsv,
  pickIndices,
  toChartData,
} from '@/lib/viz/trend-series';
import { sparklinePath } from '@/lib/viz/sparkline';
import { formatCsv, formatCsvCell } from '@/lib/viz/csv';

describe('trend rows', () => {
  it('leaves sparse periods off the chart, counts kept for the rest', () => {
    const rows = buildTrendRows(
      ['2019', '2020', '2021'],
      [3, 200, 400],
      [{ key: 't1', papers: [1, 20, 100], share: [1 / 3, 0.1, 0.25] }],
      10,
    );
    expect(rows.map((r) => r.period)).toEqual(['2020', '2021']);
    expect(rows[1]).toEqual({ period: '2021', total: 400, sparse: false, values: { t1: 0.25, 't1:n': 100 } });
    expect(toChartData(rows)[0]).toEqual({ period: '2020', total: 200, sparse: false, t1: 0.1, 't1:n': 20 });
  });

  it('keeps every period, shares hidden where sparse, when fewer than two are dense', () => {
    expect(densePeriods([3, 200, 400, 9], 10)).toEqual([1, 2]);
    expect(densePeriods([3, 200, 4], 10)).toEqual([0, 1, 2]);
    const rows = buildTrendRows(['a', 'b'], [3, 50], [{ key: 'k', papers: [1, 5], share: [1 / 3, 0.1] }], 10);
    expect(rows.map((r) => [r.period, r.sparse, r.values.k])).toEqual([
      ['a', true, null],
      ['b', false, 0.1],
    ]);
    expect(pickIndices(['x', 'y', 'z'], [2, 0])).toEqual(['z', 'x']);
  });

  it('derives the minimum from the median period, within 10..50', () => {
    expect(defaultMinPeriodPapers([])).toBe(10);
    expect(defaultMinPeriodPapers([3, 500, 700, 900])).toBe(30); // median 600 → 30
    expect(defaultMinPeriodPapers([5, 40, 60])).toBe(10);
    expect(defaultMinPeriodPapers([5000, 6000, 7000])).toBe(50);
  });
});

describe('sparkline', () => {
  it('scales to the box and breaks at missing values', () => {
    expect(sparklinePath([0, 1, 0.5], 20, 10, 0)).toBe('M0,10L10,0L20,5');
    expect(sparklinePath([1, null, 1], 20, 10, 0)).toBe('M0,0ZM20,0Z');
    expect(sparklinePath([null, null], 20, 10)).toBe('');
  });
});

describe('csv', () => {
  it('quotes, escapes and defuses formulas', () => {
    expect(formatCsvCell('plain')).toBe('plain');
    expect(formatCsvCell('a, "b"')).toBe('"a, ""b"""');
    expect(formatCsvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(formatCsvCell(-3)).toBe('-3');
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsv(['id', 'title'], [[1, 'x\ny']])).toBe('id,title\r\n1,"x\ny"\r\n');
  });
});

describe('trend formatting', () => {
  it('writes the compared terms as CSV, the sparse periods, slopes and bursts', () => {
    const csv = formatTermSeriesCsv(
      ['2019', '2020'],
      [10, 4],
      [{ display: 'kernel', papers: [3, 1], share: [0.3, 0.25] }],
    );
    expect(csv.split(/\r?\n/).slice(0, 3)).toEqual([
      'period,papers,kernel papers,kernel share',
      '2019,10,3,0.3',
      '2020,4,1,0.25',
    ]);
    expect(formatSparsePeriods(['2019', '2020'], [10, 4], 5)).toEqual(['2020 (4)']);
    expect(formatSlope(0.0125, 'year')).toBe('+1.25 pts/year');
    expect(formatSlope(-0.001, 'month')).toBe('-0.10 pts/month');
    expect(formatBurst({ start: '2019', end: '2021', strength: 3.24 })).toBe('2019–2021 · 3.2');
    expect(formatBurst({ start: '2019', end: '2019', strength: 2 })).toBe('2019 · 2.0');
  });
});
