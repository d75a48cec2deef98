/**
 * Formatting numbers, dates and names for display. Deterministic (fixed 'en-US' rules, no time
 * zone), so a server render and the browser agree to the character.
 */
import { parseCountry } from '../corpus/bib-fields';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 → '12,345'. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** 12345 → '12.3k', 2500000 → '2.5M'; below 1000 unchanged. */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  if (abs < 1e6) return `${trimZero((n / 1e3).toFixed(abs < 1e4 ? 1 : 0))}k`;
  return `${trimZero((n / 1e6).toFixed(1))}M`;
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, '');
}

/** 0.1234 → '12.3%'. */
export function formatShare(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * Shares (0..1) as whole percents, each rounded as usual unless that makes the list add up to more
 * than its rounded total: then the ones rounded up the least go down. Shares summing to at most 1
 * never read as more than 100% (0.335, 0.335, 0.33 give 34, 33, 33, not 34, 34, 33).
 */
export function roundPercents(shares: readonly number[]): number[] {
  const exact = shares.map((s) => (Number.isFinite(s) ? Math.max(0, s) * 100 : 0));
  const rounded = exact.map(Math.round);
  let excess = rounded.reduce((sum, v) => sum + v, 0) - Math.round(exact.reduce((sum, v) => sum + v, 0));
  // Rounded up by the least first (its fraction nearest .5); ties go to the later share.
  const order = exact
    .map((v, i) => i)
    .filter((i) => rounded[i] > exact[i])
    .sort((a, b) => exact[a] - Math.floor(exact[a]) - (exact[b] - Math.floor(exact[b])) || b - a);
  for (const i of order) {
    if (excess <= 0) break;
    rounded[i]--;
    excess--;
  }
  return rounded;
}

/** A score with a fixed number of decimals; '–' when missing. */
export function formatDecimal(x: number | null | undefined, digits = 3): string {
  if (x == null || !Number.isFinite(x)) return '–';
  return x.toFixed(digits);
}

/** '2019–2024', or one year when they are equal; '' when unknown. */
export function formatYearRange(first: number | null | undefined, last: number | null | undefined): string {
  if (first == null || last == null) return first != null ? String(first) : last != null ? String(last) : '';
  return first === last ? String(first) : `${first}–${last}`;
}

/** 'YYYY-MM-DD' → 'Nov 22, 2022', 'YYYY-MM' → 'Nov 2022'; falls back to the year. */
export function formatPaperDate(date: string | null | undefined, year?: number | null): string {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date) : null;
  if (m) {
    const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
    if (month && m[3]) return `${month} ${Number(m[3])}, ${m[1]}`;
    if (month) return `${month} ${m[1]}`;
    return m[1];
  }
  return year != null ? String(year) : '';
}

/** A period key: 'YYYY' stays, 'YYYY-MM' → 'Nov 2022'. */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : period;
}

/** 'A, B, C, D' → 'A, B, C et al.' when there are more than `max` names. */
export function formatAuthorsShort(authorsText: string, max = 3): string {
  const names = authorsText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} et al.`;
}

/** A source file name without its extensions, for labels: '004_f3a7.txt.gz' → '004_f3a7'. */
export function formatSourceName(file: string): string {
  return file.replace(/(\.(txt|csv|tsv|json|jsonl|bib|gz))+$/i, '');
}

/** An affiliation as shown: its name, and its country in brackets when the name does not end with one
 * (`University of Bordeaux (France)`, but `Univ Antwerp, B-2000 Antwerp, Belgium` as it is). */
export function formatAffiliation(name: string, country: string | null): string {
  return country !== null && parseCountry(name) === null ? `${name} (${country})` : name;
}

/** A format's name as users know it: 'wos' → 'Web of Science', 'scopus-csv' → 'Scopus'. */
export function formatFormatName(format: string): string {
  return FORMAT_NAMES[format] ?? format;
}

const FORMAT_NAMES: Record<string, string> = {
  wos: 'Web of Science',
  'wos-tab': 'Web of Science',
  'scopus-csv': 'Scopus',
  medline: 'PubMed',
  'pubmed-xml': 'PubMed',
  ris: 'RIS',
  'endnote-xml': 'EndNote',
  openalex: 'OpenAlex',
  'openalex-csv': 'OpenAlex',
  'semantic-scholar': 'Semantic Scholar',
  crossref: 'Crossref',
  'lens-csv': 'Lens',
  'ieee-csv': 'IEEE Xplore',
};

/** '1 paper', '3 papers'. */
export function formatPlural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A paper's short name on a citation drawing, as bibliometrix writes it: first author's surname and
 * year ('Shima 2016'); the title's start when no author is named. */
export function formatShortCitation(authors: string, year: number | null, title: string): string {
  const first = authors.split(/[,;]/)[0]?.trim() ?? '';
  const surname = first.split(/\s+/).pop() ?? '';
  const who = surname !== '' ? surname : title.length > 24 ? `${title.slice(0, 23)}…` : title;
  return year !== null ? `${who} ${year}` : who;
}
