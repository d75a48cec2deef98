/** Reading the many ways listings write a date into an ISO date as precise as the source. */

/** A parsed date: ISO `YYYY-MM-DD` or `YYYY-MM` (or null for a bare year) and its year. */
export interface DateParts {
  date: string | null;
  year: number | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)] ?? null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

function build(year: number, month: number | null, day: number | null): DateParts | null {
  if (!validYear(year)) return null;
  if (month === null) return { date: null, year };
  if (month < 1 || month > 12) return null;
  if (day === null) return { date: `${year}-${pad(month)}`, year };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, year };
}

/**
 * Parses `2022-11-22`, `2022-11-22T10:00:00Z`, `2022-11`, `2022/11/22`, `2019`, `Nov 22, 2022`,
 * `November 2022`, `22 Nov 2022`, `Mon, 2 Apr 2007 19:18:42 GMT`, and `Nov 22` (year taken from
 * `referenceYear`).
 * Returns null when the text is not a date it understands.
 */
export function parseDate(
  text: string | number | null | undefined,
  referenceYear: number | null = null,
): DateParts | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return validYear(text) ? { date: null, year: text } : null;
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T\s].*)?$/.exec(s);
  if (m) return build(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(s);
  if (m) {
    const month = monthOf(m[1]);
    const year = m[3] ? Number(m[3]) : referenceYear;
    if (month === null || year === null) return null;
    return build(year, month, Number(m[2]));
  }
  // RFC 2822, as the arXiv snapshot's versions write it: `Mon, 2 Apr 2007 19:18:42 GMT`.
  m =
    /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?)?$/.exec(
      s,
    );
  if (m) {
    const month = monthOf(m[2]);
    return month === null ? null : build(Number(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1]);
    return month === null ? null : build(Number(m[2]), month, null);
  }
  return null;
}

/**
 * The year in a file name, when it has exactly one (`papers-2019.json`, `nips1995.json`,
 * `wos_2021_part3.txt` → 2019, 1995, 2021); a name with
 * none or with several different years (`neurips-1987-2021.csv`) gives null.
 */
export function parseFileNameYear(fileName: string): number | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  const years = new Set<number>();
  // Digits on either side make a longer number (an id), letters do not: `nips1995.json` is 1995.
  for (const m of base.matchAll(/(?<![0-9])(19\d\d|20\d\d)(?![0-9])/g)) years.add(Number(m[1]));
  if (years.size !== 1) return null;
  const [year] = years;
  return validYear(year) ? year : null;
}
