import { describe, expect, it } from 'vitest';
import {
  formatAuthorsShort,
  formatCompact,
  formatCount,
  formatPaperDate,
  formatPeriod,
  formatShare,
  formatSourceName,
  formatYearRange,
  roundPercents,
} from '@/lib/viz/format';

describe('format', () => {
  it('formats numbers, shares and ranges', () => {
    expect(formatCount(74726)).toBe('74,726');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(74726)).toBe('75k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatYearRange(2019, 2024)).toBe('2019–2024');
    expect(formatYearRange(2021, 2021)).toBe('2021');
    expect(formatYearRange(null, null)).toBe('');
  });
  it('formats dates without a time zone', () => {
    expect(formatPaperDate('2022-11-22')).toBe('Nov 22, 2022');
    expect(formatPaperDate('2022-11')).toBe('Nov 2022');
    expect(formatPaperDate(null, 2020)).toBe('2020');
    expect(formatPeriod('2024-03')).toBe('Mar 2024');
    expect(formatPeriod('2024')).toBe('2024');
  });
  it('shortens author lists and file names', () => {
    expect(formatAuthorsShort('A, B, C, D', 3)).toBe('A, B, C et al.');
    expect(formatAuthorsShort('A, B', 3)).toBe('A, B');
    expect(formatSourceName('004_f3a7.txt.gz')).toBe('004_f3a7');
  });
});

describe('roundPercents', () => {
  it('rounds shares to whole percents that never add up to more than their rounded total', () => {
    expect(roundPercents([0.335, 0.335, 0.33])).toEqual([34, 33, 33]);
    expect(roundPercents([0.221168, 0.143978, 0.070798])).toEqual([22, 14, 7]);
    // Under the total is left as it is: three thirds read 33% each.
    expect(roundPercents([0.3333, 0.3333, 0.3333])).toEqual([33, 33, 33]);
    expect(roundPercents([0.006, 0.006, 0.008])).toEqual([1, 0, 1]);
    expect(roundPercents([])).toEqual([]);
    expect(roundPercents([Number.NaN, 0.5])).toEqual([0, 50]);
  });
});
