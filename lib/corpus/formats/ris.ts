/**
 * RIS, as Zotero, Scopus, IEEE Xplore, PubMed, Lens and EndNote export it: records from `TY  - ` to
 * `ER  - `, each line a two-character tag, two spaces, `-`, a space and the value; untagged lines
 * continue the field before them. Tags: https://en.wikipedia.org/wiki/RIS_(file_format)
 */
import type { Emit, FormatSample, FormatSpec, ParserContext, StreamParser } from '../format-spec';
import { parseCountry } from '../bib-fields';
import type { PaperIdentifier, RawAffiliation, RawKeyword, RawRecord, RawReference } from '../raw-record';

/** A record's tags; each occurrence of a tag is its lines (the tagged one, then continuations). */
type RisFields = Record<string, string[][]>;

/** `XY  - value` or `XY  -`: upper-case letter, letter or digit, two spaces, a dash. */
function isTagLine(s: string): boolean {
  if (s.length < 5 || s.charCodeAt(2) !== 32 || s.charCodeAt(3) !== 32 || s.charCodeAt(4) !== 45) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  return (
    a >= 65 && a <= 90 && ((b >= 65 && b <= 90) || (b >= 48 && b <= 57)) && (s.length === 5 || s.charCodeAt(5) === 32)
  );
}

function joined(lines: string[]): string | null {
  const s = (lines.length === 1 ? lines[0] : lines.join(' ')).trim();
  return s === '' ? null : s;
}

/** The first non-empty value among the tags, in order. */
function first(f: RisFields, ...tags: string[]): string | null {
  for (const tag of tags) {
    const occ = f[tag];
    if (occ === undefined) continue;
    for (const lines of occ) {
      const s = joined(lines);
      if (s !== null) return s;
    }
  }
  return null;
}

/** Every non-empty value of a tag. */
function all(f: RisFields, tag: string): string[] {
  const out: string[] = [];
  for (const lines of f[tag] ?? []) {
    const s = joined(lines);
    if (s !== null) out.push(s);
  }
  return out;
}

/** RIS dates `2019/05/03/`, `2019///`, `2019/10//undefined` → `2019/05/03`, `2019`, `2019/10`; other text as given. */
function parseRisDate(text: string | null): string | null {
  if (text === null || !/^\d{4}\//.test(text)) return text;
  const parts = text.split('/');
  const keep = [parts[0]];
  for (let i = 1; i < 3 && i < parts.length && /^\d{1,2}$/.test(parts[i]); i++) keep.push(parts[i]);
  return keep.join('/');
}

const LENS_ID = /^\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX]$/;
const DOI_URL = /doi\.org\/(10\.\S+)/i;

/** Ids a RIS record gives: Lens ids (ID / lens.org links), Scopus EIDs in Scopus links, PMIDs, WoS accessions. */
function buildIds(f: RisFields): PaperIdentifier[] {
  const ids: PaperIdentifier[] = [];
  const add = (scheme: PaperIdentifier['scheme'], value: string): void => {
    if (!ids.some((x) => x.scheme === scheme && x.value === value)) ids.push({ scheme, value });
  };
  const id = first(f, 'ID');
  if (id !== null && LENS_ID.test(id)) add('lens', id);
  const db = (first(f, 'DB') ?? first(f, 'DP') ?? '').toLowerCase();
  for (const url of all(f, 'UR')) {
    const lens = /lens\.org\/(\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX])/.exec(url);
    if (lens !== null) add('lens', lens[1]);
    const eid = /[?&]eid=(2-s2\.0-\d+)/.exec(url);
    if (eid !== null) add('scopus', eid[1]);
  }
  const an = first(f, 'AN');
  if (an !== null) {
    if (/^WOS:/i.test(an)) add('wos', an.slice(4).trim());
    // A bare number is a PMID only when the record says it came from PubMed/MEDLINE.
    else if (/^\d{1,9}$/.test(an) && /pubmed|medline|nlm/.test(db)) add('pmid', an);
  }
  // Scopus writes the PubMed id of a record in C2.
  const c2 = first(f, 'C2');
  if (c2 !== null && db === 'scopus' && /^\d{1,9}$/.test(c2)) add('pmid', c2);
  return ids;
}

/** `Cited By :2` (Scopus), `Cited By: 12`, `Times Cited: 5` in a note. */
function parseCitedBy(notes: string[]): number | null {
  for (const n of notes) {
    const m = /^(?:Cited By|Times Cited[^:]*)\s*:\s*(\d{1,9})\b/i.exec(n);
    if (m !== null) return Number(m[1]);
  }
  return null;
}

const INITIALS = /^(?:\p{Lu}[\p{Ll}]?\.[\s-]?)+$/u;

/** Position of the last `(YYYY)` in `raw`, or -1. */
function lastYearAt(raw: string): number {
  for (let at = raw.lastIndexOf('('); at >= 0; at = at > 0 ? raw.lastIndexOf('(', at - 1) : -1) {
    if (raw.charCodeAt(at + 5) !== 41) continue;
    let digits = true;
    for (let k = 1; k <= 4 && digits; k++) {
      const c = raw.charCodeAt(at + k);
      digits = c >= 48 && c <= 57;
    }
    if (digits) return at;
  }
  return -1;
}

/**
 * A reference as Scopus writes it (`Doe, J., Roe, R.A., Title (2017) Source, 29, pp. 1-10`):
 * first author, title, year, source, volume and first page where the text has that shape.
 * Read with `indexOf` rather than split: references are a Scopus export's bulk.
 */
export function parseScopusReference(raw: string): RawReference {
  const ref: RawReference = {
    raw,
    doi: null,
    firstAuthor: null,
    year: null,
    title: null,
    source: null,
    volume: null,
    page: null,
  };
  if (raw.indexOf('10.') >= 0) {
    const doi = /\bdoi:?\s*(10\.\d{4,9}\/\S+)/i.exec(raw);
    if (doi !== null) ref.doi = doi[1].replace(/[.,;]+$/, '');
  }
  const y = lastYearAt(raw);
  const limit = y < 0 ? raw.length : y;
  // Authors come in `Surname, I.` pairs; what follows them, up to the year, is the title.
  let pos = 0;
  for (;;) {
    const c1 = raw.indexOf(', ', pos);
    if (c1 < 0 || c1 >= limit) break;
    let c2 = raw.indexOf(', ', c1 + 2);
    if (c2 < 0 || c2 > limit) c2 = limit;
    if (!INITIALS.test(raw.slice(c1 + 2, c2).trim())) break;
    if (pos === 0) ref.firstAuthor = raw.slice(0, c2).trim();
    pos = c2 + 2;
    if (c2 >= limit) break;
  }
  if (y < 0) return ref;
  ref.year = Number(raw.slice(y + 1, y + 5));
  if (pos > 0 && pos < y) {
    const title = raw.slice(pos, y).trim();
    if (title !== '') ref.title = title;
  }
  // After the year: `Source, volume, pp. first-last`.
  let s = y + 6;
  while (raw.charCodeAt(s) === 32) s++;
  let e = raw.indexOf(', ', s);
  if (e < 0) e = raw.length;
  if (e > s) ref.source = raw.slice(s, e).trim();
  for (let k = 1; e < raw.length; k++) {
    s = e + 2;
    e = raw.indexOf(', ', s);
    if (e < 0) e = raw.length;
    const part = raw.slice(s, e).trim();
    if (k === 1 && /^\d+\w*(?:\s*\(.*\))?$/.test(part)) ref.volume = part.split(' ')[0];
    else if (ref.page === null && (part.startsWith('pp. ') || part.startsWith('p. ')))
      ref.page = part
        .slice(part.indexOf(' ') + 1)
        .split('-')[0]
        .trim();
  }
  return ref;
}

/** The references Scopus puts in its `N1  - References: …` note, one a line. */
function buildReferences(f: RisFields): RawReference[] {
  const out: RawReference[] = [];
  for (const lines of f.N1 ?? []) {
    if (!lines[0]?.startsWith('References:')) continue;
    for (let i = 0; i < lines.length; i++) {
      let s = (i === 0 ? lines[0].slice('References:'.length) : lines[i]).trim();
      if (s.endsWith(';')) s = s.slice(0, -1).trimEnd();
      if (s !== '') out.push(parseScopusReference(s));
    }
  }
  return out;
}

/** Builds the raw record of one RIS record. */
function buildRisRecord(f: RisFields, record: number): RawRecord {
  const authors = all(f, 'AU');
  if (authors.length === 0) for (const a of all(f, 'A1')) authors.push(a);
  const py = first(f, 'PY', 'Y1', 'DA');
  const year = py === null ? null : /\d{4}/.exec(py);
  let doi = first(f, 'DO', 'DI');
  if (doi === null) {
    for (const url of [...all(f, 'UR'), ...all(f, 'L3')]) {
      if (DOI_URL.test(url)) {
        doi = url;
        break;
      }
    }
  }
  const m3 = first(f, 'M3');
  const keywords: RawKeyword[] = [];
  for (const lines of f.KW ?? []) {
    // Some writers put one keyword a line under a single KW.
    for (const l of lines) {
      const k = l.trim();
      if (k !== '') keywords.push({ keyword: k, kind: 'author' });
    }
  }
  const affiliations: RawAffiliation[] = all(f, 'AD').map((name) => ({
    name,
    country: parseCountry(name),
    // RIS does not tie addresses to authors; only a single author's are certainly theirs.
    authors: authors.length === 1 ? [0] : [],
  }));
  const sp = first(f, 'SP');
  return {
    record,
    title: first(f, 'TI', 'T1'),
    abstract: first(f, 'AB', 'N2'),
    authors,
    year: year === null ? null : Number(year[0]),
    date: parseRisDate(first(f, 'DA', 'Y1', 'PY')),
    venue: first(f, 'T2', 'JO', 'JF', 'JA', 'J2', 'T3'),
    doi,
    ids: buildIds(f),
    citedBy: parseCitedBy(all(f, 'N1')),
    volume: first(f, 'VL', 'VO'),
    firstPage: sp === null ? first(f, 'C7') : sp.split('-')[0].trim(),
    docType: m3 !== null && !m3.startsWith('10.') ? m3 : first(f, 'TY'),
    keywords,
    affiliations,
    references: buildReferences(f),
  };
}

/**
 * Reads RIS line by line. A record left open at the next `TY` or at the end is rejected, and so are
 * tagged lines outside any record (before a `TY`, or an `ER` with none); untagged text there is ignored.
 */
class RisParser implements StreamParser {
  private fields: RisFields | null = null;
  private start = 0;
  private last: string[] | null = null;
  private stray = 0;

  constructor(private readonly emit: Emit) {}

  push(text: string, line: number): void {
    let s = text;
    const c = s.charCodeAt(0);
    // IEEE separates records with `\n\r`: a stray CR (or a BOM, or indentation) before the tag.
    if (c === 13 || c === 32 || c === 9 || c === 0xfeff) s = s.replace(/^[\s\ufeff]+/, '');
    if (s.length === 0) return;
    if (!isTagLine(s)) {
      if (this.last !== null) this.last.push(s.trim());
      return;
    }
    const tag = s.slice(0, 2);
    const value = s.length > 6 ? s.slice(6).trim() : '';
    if (tag === 'TY') {
      if (this.fields !== null) this.emit({ record: this.start, reason: 'no ER before the next record' });
      this.flushStray();
      this.fields = Object.create(null) as RisFields;
      this.start = line;
    } else if (tag === 'ER') {
      if (this.fields !== null) this.emit(buildRisRecord(this.fields, this.start));
      else if (this.stray === 0) this.emit({ record: line, reason: 'ER without TY' });
      this.flushStray();
      this.fields = null;
      this.last = null;
      return;
    } else if (this.fields === null) {
      if (this.stray === 0) this.stray = line;
      this.last = null;
      return;
    }
    const occurrence = value === '' ? [] : [value];
    const list = this.fields[tag];
    if (list === undefined) this.fields[tag] = [occurrence];
    else list.push(occurrence);
    this.last = occurrence;
  }

  finish(): void {
    if (this.fields !== null) this.emit({ record: this.start, reason: 'cut off at end of file' });
    this.flushStray();
    this.fields = null;
  }

  private flushStray(): void {
    if (this.stray !== 0) this.emit({ record: this.stray, reason: 'fields before TY' });
    this.stray = 0;
  }
}

/** True for RIS: the first non-blank line is `TY  - …` and another tagged line follows. */
function detectRis(sample: FormatSample): boolean {
  const lines = sample.text.slice(0, 4096).split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length) return false;
  const head = lines[i].replace(/^[\s\ufeff]+/, '');
  if (!/^TY {2}- ?\S/.test(head)) return false;
  for (let k = i + 1; k < lines.length; k++) {
    const s = lines[k].replace(/^[\s\ufeff]+/, '').replace(/\r$/, '');
    if (s !== '') return isTagLine(s);
  }
  return sample.complete;
}

/** RIS (TY … ER), as Zotero, Scopus, IEEE Xplore, PubMed and Lens export it. */
export const RIS_FORMAT: FormatSpec = {
  name: 'ris',
  description: 'RIS (TY … ER), as Zotero, Scopus, IEEE Xplore, PubMed and Lens export it',
  input: 'lines',
  detect: detectRis,
  createParser: (_ctx: ParserContext, emit: Emit) => new RisParser(emit),
};
