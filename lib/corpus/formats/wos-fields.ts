/**
 * The field mapping shared by the two Web of Science exports (plain text and tab-delimited): both
 * carry the same two-letter tags, so each reader only collects a record's tags and hands them here.
 * Tags: https://webofscience.help.clarivate.com/en-us/Content/export-records.htm
 */
import { foldAccents } from '../normalize-text';
import { parseCount, parseCountry } from '../bib-fields';
import type {
  AuthorIdentifier,
  PaperIdentifier,
  RawAffiliation,
  RawKeyword,
  RawRecord,
  RawReference,
} from '../raw-record';

/**
 * A record's tags and their values. Plain text gives one entry per line (continuation lines
 * included); the tab-delimited file gives the items of the list tags (`WOS_LIST_TAGS`) split at
 * `; ` and one entry for every other tag, so both exports read the same from here on.
 */
export type WosFields = Record<string, string[]>;

/** Tags whose plain-text lines are separate items (one author, address or reference a line). */
export const WOS_LIST_TAGS: ReadonlySet<string> = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'BE', 'CR', 'C1']);

/** `[` count minus `]` count of a piece of text. */
function bracketBalance(text: string): number {
  let d = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) d++;
  for (let i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) d--;
  return d;
}

/** Splits `text` at `sep` outside square brackets (`[Doe, A; Roe, B] Univ X; Univ Y`, `DOI [10.1/a, 10.1/b]`). */
export function splitOutsideBrackets(text: string, sep: string): string[] {
  const parts = text.split(sep);
  if (text.indexOf('[') < 0) return parts;
  const out: string[] = [];
  let open: string[] | null = null;
  let depth = 0;
  for (const part of parts) {
    const d = part.indexOf('[') < 0 && part.indexOf(']') < 0 ? 0 : bracketBalance(part);
    if (open === null) {
      if (d > 0) {
        open = [part];
        depth = d;
      } else out.push(part);
    } else {
      open.push(part);
      depth += d;
      if (depth <= 0) {
        out.push(open.join(sep));
        open = null;
      }
    }
  }
  if (open !== null) out.push(open.join(sep));
  return out;
}

function joinText(lines: string[] | undefined): string | null {
  if (lines === undefined) return null;
  const s = (lines.length === 1 ? lines[0] : lines.join(' ')).trim();
  return s === '' ? null : s;
}

function items(lines: string[] | undefined): string[] {
  if (lines === undefined) return [];
  const out: string[] = [];
  for (const l of lines) {
    const s = l.trim();
    if (s !== '') out.push(s);
  }
  return out;
}

/** `a; b;\n c` (DE, ID, OI, RI: `;`-separated, wrapped over lines) → `['a', 'b', 'c']`. */
function semicolonItems(lines: string[] | undefined): string[] {
  const text = joinText(lines);
  if (text === null) return [];
  const out: string[] = [];
  for (const part of text.split(';')) {
    const s = part.trim();
    if (s !== '') out.push(s);
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `2019` in `text[s, e)`: four digits. */
function isYear(text: string, s: number, e: number): boolean {
  return (
    e - s === 4 &&
    isDigit(text.charCodeAt(s)) &&
    isDigit(text.charCodeAt(s + 1)) &&
    isDigit(text.charCodeAt(s + 2)) &&
    isDigit(text.charCodeAt(s + 3))
  );
}

/** The number of the four digits at `text[s]` (`isYear` holds). */
function yearAt(text: string, s: number): number {
  return (
    (text.charCodeAt(s) - 48) * 1000 +
    (text.charCodeAt(s + 1) - 48) * 100 +
    (text.charCodeAt(s + 2) - 48) * 10 +
    text.charCodeAt(s + 3) -
    48
  );
}

/** Whether `text[s, e)` has a space. */
function hasSpace(text: string, s: number, e: number): boolean {
  const at = text.indexOf(' ', s);
  return at >= 0 && at < e;
}

/** `V114`: `V`, a digit, no space. */
function isVolume(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s) === 86 && isDigit(text.charCodeAt(s + 1)) && !hasSpace(text, s, e);
}

/** `P425`, `pA27`, `pS1189`, `p[387, 531]`; with `strict` (right after the year) only `P`/`p` and a digit. */
function isPage(text: string, s: number, e: number, strict: boolean): boolean {
  const c = text.charCodeAt(s);
  if (e - s < 2) return false;
  if (c === 80) {
    for (let i = s + 1; i < e; i++) if (!isDigit(text.charCodeAt(i))) return false;
    return true;
  }
  if (c !== 112) return false;
  if (strict) return isDigit(text.charCodeAt(s + 1));
  return text.charCodeAt(s + 1) === 91 || !hasSpace(text, s, e);
}

/**
 * End of the part of a reference starting at `pos`: the next `, ` outside square brackets, or the
 * end. `open` is the first `[` at or after `pos` (-1 for none), so a reference without brackets
 * (most) is not searched for one again at every part.
 */
function partEnd(text: string, pos: number, open: number): number {
  for (;;) {
    const comma = text.indexOf(', ', pos);
    const end = comma < 0 ? text.length : comma;
    if (open >= 0 && open < pos) open = text.indexOf('[', pos);
    if (open < 0 || open >= end) return end;
    let depth = 0;
    let i = open;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) depth++;
      else if (c === 93 && --depth === 0) break;
    }
    if (i >= text.length) return text.length;
    pos = i + 1;
  }
}

/**
 * The DOI of the `DOI …` part `text[from, to)`: `DOI 10.1/x`, `DOI DOI 10.1/x`, `DOI [10.1/x, DOI
 * 10.1/X]` (WoS's upper-cased copy).
 */
function parseReferenceDoi(text: string, from: number, to: number): string | null {
  let value = text.slice(from + 4, to).trim();
  if (!value.startsWith('[')) {
    // One DOI (most references): no list of candidates to make.
    while (value.startsWith('DOI ')) value = value.slice(4).trim();
    return value.startsWith('10.') ? value : null;
  }
  const close = value.indexOf(']');
  const candidates = value.slice(1, close < 0 ? value.length : close).split(', ');
  let fallback: string | null = null;
  for (const c of candidates) {
    let s = c.trim();
    const prefixed = s.startsWith('DOI ');
    while (s.startsWith('DOI ')) s = s.slice(4).trim();
    if (!s.startsWith('10.')) continue;
    // WoS lists its upper-cased copy as `DOI 10.…` inside the brackets: prefer the other one.
    if (!prefixed) return s;
    fallback ??= s;
  }
  return fallback;
}

/**
 * Reads a WoS cited reference (`Smith J, 2019, J AM STAT ASSOC, V114, P1, DOI 10.1080/x`): first
 * author, year, source, volume (after `V`), first page (after `P`/`p`) and DOI. Anonymous and
 * undated references keep what they have; `raw` is always the line as given. Parts are read in
 * place (no split): the reader runs once per cited reference, millions of times in a large export.
 */
export function parseWosReference(raw: string): RawReference {
  const text = raw.trim();
  const n = text.length;
  const ref: RawReference = {
    raw: text,
    doi: null,
    firstAuthor: null,
    year: null,
    source: null,
    volume: null,
    page: null,
  };
  const open = text.indexOf('[');
  let s = 0;
  let e = partEnd(text, 0, open);
  if (isYear(text, s, e)) ref.year = yearAt(text, s);
  else {
    const head = text.slice(s, e).trim();
    if (head !== '' && head !== '[Anonymous]') ref.firstAuthor = head;
    if (e < n) {
      const ys = e + 2;
      const ye = partEnd(text, ys, open);
      if (isYear(text, ys, ye)) {
        ref.year = yearAt(text, ys);
        e = ye;
      }
    }
  }
  let sourceStart = -1;
  let sourceEnd = -1;
  let tagged = false;
  while (e < n) {
    s = e + 2;
    e = partEnd(text, s, open);
    let pe = e;
    while (pe > s && text.charCodeAt(pe - 1) === 32) pe--;
    while (s < pe && text.charCodeAt(s) === 32) s++;
    if (s >= pe) continue;
    if (text.startsWith('DOI ', s)) {
      ref.doi ??= parseReferenceDoi(text, s, pe);
      tagged = true;
    } else if (ref.volume === null && isVolume(text, s, pe)) {
      ref.volume = text.slice(s + 1, pe);
      tagged = true;
    } else if (ref.page === null && isPage(text, s, pe, sourceStart < 0)) {
      // `p[113, 128]`: the first of the pages WoS lists.
      ref.page =
        text.charCodeAt(s + 1) === 91
          ? text
              .slice(s + 2, pe)
              .split(/[,\]]/)[0]
              .trim()
          : text.slice(s + 1, pe);
      tagged = true;
    } else if (text.startsWith('Patent No.', s)) tagged = true;
    else if (!tagged) {
      if (sourceStart < 0) sourceStart = s;
      sourceEnd = pe;
    }
  }
  if (sourceStart >= 0) ref.source = text.slice(sourceStart, sourceEnd);
  return ref;
}

interface NameKey {
  surname: string;
  given: string;
}

function buildNameKey(name: string): NameKey {
  const s = foldAccents(name).toLowerCase();
  const comma = s.indexOf(',');
  const surname = (comma < 0 ? s : s.slice(0, comma)).trim();
  const given =
    comma < 0
      ? ''
      : s
          .slice(comma + 1)
          .replace(/[.\s-]+/g, ' ')
          .trim();
  return { surname, given };
}

/**
 * Finds an author's position by a name written another way (C1's `[Doe, Jane A.]`, OI's `Doe,
 * Jane/0000-…` against AF's `Doe, Jane A.` or AU's `Doe, JA`): same surname, then the closest
 * given names; no answer when two authors fit equally well.
 */
class AuthorMatcher {
  private readonly bySurname = new Map<string, { index: number; given: string }[]>();

  constructor(authors: readonly string[]) {
    authors.forEach((a, index) => {
      const k = buildNameKey(a);
      const list = this.bySurname.get(k.surname);
      if (list === undefined) this.bySurname.set(k.surname, [{ index, given: k.given }]);
      else list.push({ index, given: k.given });
    });
  }

  find(name: string): number | null {
    const k = buildNameKey(name);
    const list = this.bySurname.get(k.surname);
    if (list === undefined) return null;
    if (list.length === 1) return list[0].index;
    const levels: ((g: string) => boolean)[] = [
      (g) => g === k.given,
      (g) => g !== '' && k.given !== '' && (g.startsWith(k.given) || k.given.startsWith(g)),
      (g) => g !== '' && k.given !== '' && g[0] === k.given[0],
    ];
    for (const fits of levels) {
      let hit: number | null = null;
      let count = 0;
      for (const c of list) {
        if (fits(c.given)) {
          hit = c.index;
          count++;
        }
      }
      if (count === 1) return hit;
      if (count > 1) return null;
    }
    return null;
  }
}

/** An address without WoS's closing period (the tab-delimited export leaves it off). */
function trimAddress(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 32)) end--;
  return text.slice(0, end);
}

/**
 * C1 lines: `[Doe, Jane; Roe, R.] Univ X, Dept Y, City, Country.` names the authors of each address.
 * Older records list addresses alone, not linked to authors: those belong to the only author of a
 * single-author paper and to no one in particular otherwise.
 */
function buildAffiliations(
  lines: string[],
  authors: readonly string[],
  matcher: () => AuthorMatcher,
): RawAffiliation[] {
  const out: RawAffiliation[] = [];
  for (const line of lines) {
    let name = line;
    let positions: number[] = [];
    if (line.startsWith('[')) {
      const close = line.indexOf(']');
      if (close > 0) {
        name = line.slice(close + 1);
        const m = matcher();
        for (const who of line.slice(1, close).split(';')) {
          const at = m.find(who.trim());
          if (at !== null && !positions.includes(at)) positions.push(at);
        }
      }
    } else if (authors.length === 1) positions = [0];
    name = trimAddress(name.trim());
    if (name === '') continue;
    out.push({ name, country: parseCountry(name), authors: positions });
  }
  return out;
}

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** OI / RI entries `Doe, Jane/0000-0002-1825-0097` put on the matching author. */
function addAuthorIds(
  entries: string[],
  scheme: 'orcid' | 'researcherid',
  ids: AuthorIdentifier[][],
  matcher: () => AuthorMatcher,
): boolean {
  let any = false;
  for (const entry of entries) {
    const slash = entry.lastIndexOf('/');
    if (slash <= 0) continue;
    const value = entry.slice(slash + 1).trim();
    if (value === '' || (scheme === 'orcid' && !ORCID.test(value))) continue;
    const at = matcher().find(entry.slice(0, slash).trim());
    if (at === null || ids[at].some((x) => x.scheme === scheme && x.value === value)) continue;
    ids[at].push({ scheme, value });
    any = true;
  }
  return any;
}

/** UT `WOS:000220015600001` → the bare accession; `MEDLINE:123` → a PMID. */
function parseAccession(ut: string | null, ids: PaperIdentifier[]): void {
  if (ut === null) return;
  const colon = ut.indexOf(':');
  const prefix = colon < 0 ? '' : ut.slice(0, colon).toUpperCase();
  const value = ut.slice(colon + 1).trim();
  if (value === '') return;
  if (prefix === 'WOS' || prefix === 'ISI' || (prefix === '' && /^\d{15}$/.test(value)))
    ids.push({ scheme: 'wos', value });
  else if (prefix === 'MEDLINE') ids.push({ scheme: 'pmid', value });
}

/** A date from PD (`MAY 15`, `JAN-FEB`, `2019`) and PY, as WoS writes them. */
function joinWosDate(pd: string | null, py: string | null): string | null {
  if (pd === null) return null;
  if (/\d{4}/.test(pd) || py === null) return pd;
  return `${pd} ${py}`;
}

/** Builds the raw record of one WoS record from its tags (plain text or tab-delimited). */
export function buildWosRecord(f: WosFields, record: number): RawRecord {
  const fullNames = items(f.AF);
  const authors = fullNames.length > 0 ? fullNames : items(f.AU);
  let m: AuthorMatcher | null = null;
  const matcher = (): AuthorMatcher => (m ??= new AuthorMatcher(authors));

  const py = joinText(f.PY) ?? joinText(f.EY);
  const yearMatch = py === null ? null : /\d{4}/.exec(py);
  const ids: PaperIdentifier[] = [];
  parseAccession(joinText(f.UT), ids);
  const pmid = joinText(f.PM);
  if (pmid !== null && !ids.some((x) => x.scheme === 'pmid' && x.value === pmid))
    ids.push({ scheme: 'pmid', value: pmid });

  const keywords: RawKeyword[] = [];
  for (const k of semicolonItems(f.DE)) keywords.push({ keyword: k, kind: 'author' });
  for (const k of semicolonItems(f.ID)) keywords.push({ keyword: k, kind: 'indexed' });

  const authorIds: AuthorIdentifier[][] = authors.map(() => []);
  const withOrcid = addAuthorIds(semicolonItems(f.OI), 'orcid', authorIds, matcher);
  const withRid = addAuthorIds(semicolonItems(f.RI), 'researcherid', authorIds, matcher);

  const out: RawRecord = {
    record,
    title: joinText(f.TI),
    abstract: joinText(f.AB),
    authors,
    year: yearMatch === null ? null : Number(yearMatch[0]),
    date: joinWosDate(joinText(f.PD), joinText(f.PY)) ?? joinText(f.EA),
    venue: joinText(f.SO) ?? joinText(f.CT) ?? joinText(f.SE),
    doi: joinText(f.DI),
    ids,
    citedBy: parseCount(joinText(f.TC)),
    volume: joinText(f.VL),
    firstPage: joinText(f.BP) ?? joinText(f.AR),
    docType: joinText(f.DT),
    keywords,
    affiliations: buildAffiliations(items(f.C1), authors, matcher),
    references: items(f.CR).map(parseWosReference),
  };
  if (withOrcid || withRid) out.authorIds = authorIds;
  return out;
}
