/**
 * Reading fields of parsed JSON records (OpenAlex, Semantic Scholar, Crossref) without trusting
 * their types: a field that is missing, null, empty or of another type reads as null.
 */

/** True when `v` is a plain JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object `v`, or null. */
export function readObject(v: unknown): Record<string, unknown> | null {
  return isJsonObject(v) ? v : null;
}

/** The array `v`, or an empty one. */
export function readArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A trimmed non-empty string (numbers written out), or null. */
export function readText(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The first non-empty string of an array of strings (Crossref `title: [..]`), or the string itself. */
export function readFirstText(v: unknown): string | null {
  if (!Array.isArray(v)) return readText(v);
  for (const x of v) {
    const s = readText(x);
    if (s !== null) return s;
  }
  return null;
}

/** A year: an integer (or a string of four digits, `'2008a'` included) from 1000 to 2999, or null. */
export function readYear(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 2999 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /(?:^|\D)([12]\d{3})(?!\d)/.exec(v);
  return m === null ? null : Number(m[1]);
}

/** The part of an id URL after its last `/` (`https://openalex.org/W123` → `W123`); bare ids pass through. */
export function readLastSegment(v: unknown): string | null {
  const s = readText(v);
  if (s === null) return null;
  const cut = s.replace(/\/+$/, '');
  const at = cut.lastIndexOf('/');
  const tail = at >= 0 ? cut.slice(at + 1) : cut;
  return tail === '' ? null : tail;
}

/** A PubMed Central id in its usual form `PMC5139140` (from `5139140`, `PMC5139140` or a PMC URL). */
export function readPmcid(v: unknown): string | null {
  const s = readLastSegment(v);
  if (s === null) return null;
  if (/^\d+$/.test(s)) return `PMC${s}`;
  return /^pmc\d+$/i.test(s) ? `PMC${s.slice(3)}` : null;
}

/** A PubMed id: the digits of `31452104` or `https://pubmed.ncbi.nlm.nih.gov/31452104`. */
export function readPmid(v: unknown): string | null {
  const s = readLastSegment(v);
  return s !== null && /^\d+$/.test(s) ? s : null;
}

/** A bare ORCID (`0000-0002-1825-0097`) from an ORCID URL or the bare form. */
export function readOrcid(v: unknown): string | null {
  const s = readLastSegment(v);
  return s !== null && /^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$/.test(s) ? s.toUpperCase() : null;
}

/** The first page of a page range (`'433-460'` → `433`, `'e1234'` stays), or null. */
export function readFirstPage(v: unknown): string | null {
  const s = readText(v);
  if (s === null) return null;
  const first = s.split(/[-–]/)[0].trim();
  return first === '' ? null : first;
}
