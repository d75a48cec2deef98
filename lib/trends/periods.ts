import type { Paper } from '../corpus/types';
import type { Granularity, Period } from './types';

/** Each paper's period and the periods themselves. */
export interface PeriodAssignment {
  granularity: Granularity;
  periods: Period[];
  /** Period ordinal per paper, -1 when the paper is left out (undated). */
  periodOf: Int32Array;
  undatedPapers: number;
}

/** Year and month (1-12, or 0 when unknown) of a paper; null when it has no date and no year. */
function paperDate(paper: Paper): { year: number; month: number } | null {
  if (paper.date) {
    const year = Number(paper.date.slice(0, 4));
    const month = paper.date.length >= 7 ? Number(paper.date.slice(5, 7)) : 0;
    if (Number.isInteger(year)) return { year, month: month >= 1 && month <= 12 ? month : 0 };
  }
  if (paper.year !== null && Number.isInteger(paper.year)) return { year: paper.year, month: 0 };
  return null;
}

/** Assigns papers to periods. With 'auto', months are used only when every dated paper has a
 * month; papers without a date (or, for months, without a month) are counted and left out. */
export function buildPeriods(papers: Paper[], granularity: Granularity | 'auto'): PeriodAssignment {
  const dates = papers.map(paperDate);
  let resolved: Granularity = granularity === 'auto' ? 'month' : granularity;
  if (granularity === 'auto' && dates.some((d) => d !== null && d.month === 0)) resolved = 'year';
  if (granularity === 'auto' && dates.every((d) => d === null)) resolved = 'year';

  const index = (d: { year: number; month: number }) =>
    resolved === 'year' ? d.year : d.month === 0 ? null : d.year * 12 + (d.month - 1);
  let min = Infinity;
  let max = -Infinity;
  const keys = dates.map((d) => (d === null ? null : index(d)));
  for (const key of keys) {
    if (key === null) continue;
    if (key < min) min = key;
    if (key > max) max = key;
  }
  const periodOf = new Int32Array(papers.length).fill(-1);
  let undatedPapers = 0;
  if (min > max) return { granularity: resolved, periods: [], periodOf, undatedPapers: papers.length };

  const periods: Period[] = [];
  for (let key = min; key <= max; key++) {
    const label =
      resolved === 'year'
        ? String(key).padStart(4, '0')
        : `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`;
    periods.push({ label, ordinal: key - min, papers: 0 });
  }
  keys.forEach((key, p) => {
    if (key === null) {
      undatedPapers++;
      return;
    }
    periodOf[p] = key - min;
    periods[key - min].papers++;
  });
  return { granularity: resolved, periods, periodOf, undatedPapers };
}
