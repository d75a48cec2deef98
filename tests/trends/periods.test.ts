import { describe, expect, it } from 'vitest';
import { buildPeriods } from '../../lib/trends/periods';
import { makePaper } from '../fixtures/graph/papers';

const dated = (date: string | null, year: number | null = date ? Number(date.slice(0, 4)) : null) =>
  makePaper(1, [], year, date);

describe('buildPeriods', () => {
  it('uses months when every dated paper has one, with empty months kept', () => {
    const result = buildPeriods(
      [dated('2024-11-05'), dated('2025-01'), dated(null, null), dated('2025-01-30')],
      'auto',
    );
    expect(result.granularity).toBe('month');
    expect(result.periods).toEqual([
      { label: '2024-11', ordinal: 0, papers: 1 },
      { label: '2024-12', ordinal: 1, papers: 0 },
      { label: '2025-01', ordinal: 2, papers: 2 },
    ]);
    expect(Array.from(result.periodOf)).toEqual([0, 2, -1, 2]);
    expect(result.undatedPapers).toBe(1);
  });

  it('falls back to years when one dated paper has only a year', () => {
    const result = buildPeriods([dated('2024-11-05'), dated(null, 2023), dated(null, null)], 'auto');
    expect(result.granularity).toBe('year');
    expect(result.periods.map((p) => [p.label, p.papers])).toEqual([
      ['2023', 1],
      ['2024', 1],
    ]);
    expect(result.undatedPapers).toBe(1);
  });

  it('with months forced, leaves out and counts papers without a month', () => {
    const result = buildPeriods([dated('2024-11-05'), dated(null, 2024)], 'month');
    expect(result.granularity).toBe('month');
    expect(result.periods.map((p) => p.label)).toEqual(['2024-11']);
    expect(result.undatedPapers).toBe(1);
  });

  it('has no periods when nothing is dated', () => {
    const result = buildPeriods([dated(null, null)], 'auto');
    expect(result.periods).toEqual([]);
    expect(result.undatedPapers).toBe(1);
  });
});
