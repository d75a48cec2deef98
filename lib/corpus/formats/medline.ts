/**
 * PubMed's MEDLINE display (`.nbib`, `.medline`, `.txt`): records begin with `PMID- ` and are
 * separated by a blank line; each line is a tag of up to four letters, padded to column 4, then `- `
 * and the value; continuation lines are indented six spaces. Author details (AD, AUID) follow the
 * author (FAU/AU) they belong to. https://www.nlm.nih.gov/bsd/mms/medlineelements.html
 */
import type { Emit, FormatSample, FormatSpec, ParserContext, StreamParser } from '../format-spec';
import { parseCountry } from '../bib-fields';
import type { AuthorIdentifier, PaperIdentifier, RawAffiliation, RawKeyword, RawRecord } from '../raw-record';

/** `PMID- 1`, `TI  - …`, `FAU - …`: capital letters (or padding) in columns 0-3, `-` in column 4. */
function isTagLine(s: string): boolean {
  if (s.length < 5 || s.charCodeAt(4) !== 45 || (s.length > 5 && s.charCodeAt(5) !== 32)) return false;
  const a = s.charCodeAt(0);
  if (a < 65 || a > 90) return false;
  for (let i = 1; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && (c < 65 || c > 90)) return false;
  }
  return true;
}

/** One record being read: its tags, and for each AD/AUID the author (FAU and AU position) it follows. */
interface OpenRecord {
  start: number;
  fields: Record<string, string[][]>;
  fau: number;
  au: number;
  adAt: [number, number][];
  auidAt: [number, number][];
}

function joined(lines: string[]): string | null {
  const s = (lines.length === 1 ? lines[0] : lines.join(' ')).trim();
  return s === '' ? null : s;
}

function first(f: Record<string, string[][]>, ...tags: string[]): string | null {
  for (const tag of tags) {
    for (const lines of f[tag] ?? []) {
      const s = joined(lines);
      if (s !== null) return s;
    }
  }
  return null;
}

function all(f: Record<string, string[][]>, tag: string): string[] {
  const out: string[] = [];
  for (const lines of f[tag] ?? []) {
    const s = joined(lines);
    if (s !== null) out.push(s);
  }
  return out;
}

/** An affiliation without the e-mail PubMed appends (`…, Poland. Electronic address: x@y.pl.`, `…, China x@y.com`). */
function trimAffiliation(text: string): string {
  const at = text.indexOf(' Electronic address:');
  let s = (at < 0 ? text : text.slice(0, at)).replace(/^[\s.;,]+|[\s.;,]+$/g, '');
  for (;;) {
    const space = s.lastIndexOf(' ');
    if (space < 0 || !s.includes('@', space)) break;
    s = s.slice(0, space).replace(/[\s.;,]+$/, '');
  }
  return s;
}

/** The DOI among LID/AID values (`10.1016/j.gene.2015.10.064 [doi]`). */
function findDoi(values: string[]): string | null {
  for (const v of values) if (v.endsWith('[doi]')) return v.slice(0, -5).trim();
  return null;
}

const ORCID = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/;

/** Builds the raw record of one MEDLINE record. */
function buildMedlineRecord(r: OpenRecord): RawRecord {
  const f = r.fields;
  const full = all(f, 'FAU');
  const useFull = full.length > 0;
  const authors = useFull ? full : all(f, 'AU');
  const positionOf = (at: [number, number]): number => (useFull ? at[0] : at[1]);

  const affiliations: RawAffiliation[] = [];
  const byName = new Map<string, RawAffiliation>();
  (f.AD ?? []).forEach((lines, i) => {
    const text = joined(lines);
    if (text === null) return;
    const name = trimAffiliation(text);
    if (name === '') return;
    const who = positionOf(r.adAt[i]);
    let aff = byName.get(name);
    if (aff === undefined) {
      aff = { name, country: parseCountry(name), authors: [] };
      byName.set(name, aff);
      affiliations.push(aff);
    }
    if (who >= 0 && who < authors.length && !aff.authors.includes(who)) aff.authors.push(who);
  });

  const authorIds: AuthorIdentifier[][] = authors.map(() => []);
  let anyId = false;
  (f.AUID ?? []).forEach((lines, i) => {
    const text = joined(lines);
    const who = positionOf(r.auidAt[i]);
    if (text === null || who < 0 || who >= authors.length || !/^ORCID/i.test(text)) return;
    const m = ORCID.exec(text);
    if (m === null || authorIds[who].some((x) => x.value === m[1])) return;
    authorIds[who].push({ scheme: 'orcid', value: m[1] });
    anyId = true;
  });

  const ids: PaperIdentifier[] = [];
  const pmid = first(f, 'PMID');
  if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
  const pmc = first(f, 'PMC');
  if (pmc !== null) ids.push({ scheme: 'pmcid', value: pmc });

  const keywords: RawKeyword[] = [];
  for (const mh of all(f, 'MH')) {
    // `*Brain/physiology`: the heading without the major-topic star and the subheadings.
    const slash = mh.indexOf('/');
    const heading = (slash < 0 ? mh : mh.slice(0, slash)).replace(/^\*/, '').trim();
    if (heading !== '') keywords.push({ keyword: heading, kind: 'mesh' });
  }
  for (const ot of all(f, 'OT')) keywords.push({ keyword: ot.replace(/^\*/, ''), kind: 'author' });

  const dp = first(f, 'DP');
  const year = /\d{4}/.exec(dp ?? first(f, 'DEP') ?? '');
  const pg = first(f, 'PG');
  const out: RawRecord = {
    record: r.start,
    title: first(f, 'TI', 'BTI'),
    abstract: first(f, 'AB'),
    authors,
    year: year === null ? null : Number(year[0]),
    date: dp,
    venue: first(f, 'JT', 'TA'),
    doi: findDoi([...all(f, 'LID'), ...all(f, 'AID')]),
    ids,
    volume: first(f, 'VI'),
    firstPage: pg === null ? null : pg.split('-')[0].trim(),
    docType: first(f, 'PT'),
    keywords,
    affiliations,
  };
  if (anyId) out.authorIds = authorIds;
  return out;
}

/**
 * Reads MEDLINE text line by line. A blank line or the next `PMID- ` closes a record; tagged lines
 * outside a record (no `PMID- ` before them) are rejected. PubMed ends every record with `SO`: when
 * the file's records do and its last one does not, that one was cut off and is rejected.
 */
class MedlineParser implements StreamParser {
  private open: OpenRecord | null = null;
  private last: string[] | null = null;
  private stray = 0;
  private recordsEndWithSo = false;

  constructor(private readonly emit: Emit) {}

  push(text: string, line: number): void {
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length === 0 || (text.charCodeAt(0) === 32 && text.trim() === '')) {
      this.close();
      return;
    }
    if (text.charCodeAt(0) === 32 || !isTagLine(text)) {
      if (this.last !== null) this.last.push(text.trim());
      return;
    }
    const tag = text.slice(0, 4).trimEnd();
    const value = text.length > 6 ? text.slice(6).trim() : '';
    if (tag === 'PMID') {
      this.close();
      this.open = {
        start: line,
        fields: Object.create(null) as Record<string, string[][]>,
        fau: 0,
        au: 0,
        adAt: [],
        auidAt: [],
      };
    }
    const r = this.open;
    if (r === null) {
      if (this.stray === 0) this.stray = line;
      this.last = null;
      return;
    }
    if (tag === 'FAU') r.fau++;
    else if (tag === 'AU') r.au++;
    else if (tag === 'AD') r.adAt.push([r.fau - 1, r.au - 1]);
    else if (tag === 'AUID') r.auidAt.push([r.fau - 1, r.au - 1]);
    const occurrence = value === '' ? [] : [value];
    const list = r.fields[tag];
    if (list === undefined) r.fields[tag] = [occurrence];
    else list.push(occurrence);
    this.last = occurrence;
  }

  finish(): void {
    const r = this.open;
    if (r !== null && this.recordsEndWithSo && r.fields.SO === undefined) {
      this.emit({ record: r.start, reason: 'cut off at end of file' });
      this.open = null;
    }
    this.close();
  }

  private close(): void {
    if (this.stray !== 0) this.emit({ record: this.stray, reason: 'fields before PMID' });
    this.stray = 0;
    const r = this.open;
    if (r !== null) {
      if (r.fields.SO !== undefined) this.recordsEndWithSo = true;
      this.emit(buildMedlineRecord(r));
    }
    this.open = null;
    this.last = null;
  }
}

/** True for MEDLINE text: the first non-blank line is `PMID- <digits>` and a tagged line follows. */
function detectMedline(sample: FormatSample): boolean {
  const lines = sample.text.slice(0, 4096).split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i + 1 >= lines.length || !/^PMID- ?\d+\s*$/.test(lines[i])) return false;
  return isTagLine(lines[i + 1].replace(/\r$/, ''));
}

/** PubMed MEDLINE / .nbib text (PMID- …). */
export const MEDLINE_FORMAT: FormatSpec = {
  name: 'medline',
  description: 'PubMed MEDLINE / .nbib text (PMID- …)',
  input: 'lines',
  detect: detectMedline,
  createParser: (_ctx: ParserContext, emit: Emit) => new MedlineParser(emit),
};
