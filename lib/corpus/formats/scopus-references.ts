/**
 * Scopus cited references, in the two forms its exports write them: the old layout
 * `Smith, J., Doe, A., Title (2019) Journal, 12 (3), pp. 45-67` and the current one (2023-)
 * `Smith J.; Doe A., Title, Journal, 12, pp. 45-67, (2019)`, with the 2020-2023 variant that
 * separates the authors with commas (`Smith J., Doe A., Title, …, (2019)`).
 *
 * A Scopus export holds some 50 references per record, so these run on index ranges of the
 * reference text (one `slice` per part kept) rather than on split arrays and regular expressions.
 */
import type { RawReference } from '../raw-record';

/** An upper-case letter, for the rare initial outside Latin-1 (`Ł.`). */
const UPPER = /^\p{Lu}$/u;
/** A bare capitalized surname of one or two words (`Dorr`, `Van Dyke`). */
const BARE_SURNAME = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?$/u;
const DOI_IN_TEXT = /\b10\.\d{4,9}\/[^\s,;]+/;

const SPACE = 32;
const COMMA = 44;
const DOT = 46;
const HYPHEN = 45;

function isUpper(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c > 0xff && UPPER.test(String.fromCharCode(c)))
  );
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A letter, or any character past ASCII that is not punctuation (names are written in every script). */
function isNameChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f))
  );
}

/** `s[start..end)` without spaces at either end. */
function sliceTrim(s: string, start: number, end: number): string {
  while (start < end && s.charCodeAt(start) === SPACE) start++;
  while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
  return s.slice(start, end);
}

/** Where the next `, ` at or after `from` starts, or `end` when there is none before `end`. */
function nextComma(s: string, from: number, end: number): number {
  const c = s.indexOf(', ', from);
  return c < 0 || c >= end ? end : c;
}

/** Where the last `, `-separated part of `s[from..end)` starts. */
function lastPartStart(s: string, from: number, end: number): number {
  const c = end - 2 >= from ? s.lastIndexOf(', ', end - 2) : -1;
  return c >= from ? c + 2 : from;
}

/** Initials as the old layout writes them after a comma: `J.`, `J.V.`, `H.-O.`, `Th.`, `Jr.`, `T`. */
function isInitials(s: string, start: number, end: number): boolean {
  while (start < end && s.charCodeAt(start) === SPACE) start++;
  while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
  const n = end - start;
  if (n === 0 || n > 12) return false;
  if (n === 1) return isUpper(s.charCodeAt(start));
  let k = start;
  while (k < end) {
    if (!isUpper(s.charCodeAt(k++))) return false;
    if (k < end && isLower(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k++) !== DOT) return false;
    if (k < end && (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === HYPHEN)) k++;
  }
  return k === end;
}

/** A name with its initials last, as the current layout writes authors: `Cheng M.`, `Calin GA`, `Yuan K.-C.`, `de Vries J.`. */
function isNameWithInitials(s: string, start: number, end: number): boolean {
  while (start < end && s.charCodeAt(start) === SPACE) start++;
  while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
  const space = s.lastIndexOf(' ', end - 1);
  if (space <= start || end - space < 2 || end - space > 9 || !isUpper(s.charCodeAt(space + 1))) return false;
  for (let k = space + 2; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c !== DOT && c !== HYPHEN && !isUpper(c)) return false;
  }
  if (!isNameChar(s.charCodeAt(start))) return false;
  // At most four words before the initials (`de la Fuente Garcia`): a title ending in `OS` has more.
  let words = 1;
  for (let k = start + 1; k < space; k++) {
    const c = s.charCodeAt(k);
    if (c === SPACE && ++words > 4) return false;
    if (!isNameChar(c) && c !== SPACE && c !== DOT && c !== HYPHEN && c !== 39 && c !== 0x2019) return false;
  }
  return true;
}

/** True when every `; `-separated part of `s[start..end)` is a name with initials. */
function isNameList(s: string, start: number, end: number): boolean {
  for (let at = start; ;) {
    const semi = s.indexOf('; ', at);
    const stop = semi < 0 || semi >= end ? end : semi;
    if (!isNameWithInitials(s, at, stop)) return false;
    if (stop === end) return true;
    at = stop + 2;
  }
}

/** The `(2019)` (or `(2019a)`) at `open`: the year and the index after `)`; null when there is none. */
function readYearAt(s: string, open: number): { year: number; end: number } | null {
  if (s.charCodeAt(open) !== 40 || open + 5 >= s.length) return null;
  for (let k = 1; k <= 4; k++) if (!isDigit(s.charCodeAt(open + k))) return null;
  let close = open + 5;
  const c = s.charCodeAt(close);
  if (c >= 97 && c <= 122) close++;
  if (s.charCodeAt(close) !== 41) return null;
  const year = Number(s.slice(open + 1, open + 5));
  return year >= 1500 && year <= 2099 ? { year, end: close + 1 } : null;
}

/** The `(2019)` that ends a current-layout reference (a final `.` allowed): the year and where the `, (` starts. */
function readTrailingYear(s: string): { year: number; start: number } | null {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === DOT || s.charCodeAt(end - 1) === SPACE)) end--;
  if (s.charCodeAt(end - 1) !== 41) return null;
  const open = s.lastIndexOf('(', end - 1);
  if (open < 0 || end - open > 7) return null;
  const y = readYearAt(s, open);
  if (y === null || y.end !== end) return null;
  let start = open;
  while (start > 0 && s.charCodeAt(start - 1) === SPACE) start--;
  if (start > 0 && s.charCodeAt(start - 1) === COMMA) start--;
  return { year: y.year, start };
}

/** The first `(2019)` at the start or after a space or comma: the year, where `(` is, the index after `)`. */
function readFirstYear(s: string): { year: number; open: number; end: number } | null {
  for (let open = s.indexOf('('); open >= 0; open = s.indexOf('(', open + 1)) {
    const before = open === 0 ? SPACE : s.charCodeAt(open - 1);
    if (before !== SPACE && before !== COMMA) continue;
    const y = readYearAt(s, open);
    if (y !== null) return { year: y.year, open, end: y.end };
  }
  return null;
}

/** The first page of `p. 5`, `pp. 45-67`, `pp. E128-E139` in `s[start..end)`; null for anything else. */
function readPage(s: string, start: number, end: number): string | null {
  while (start < end && s.charCodeAt(start) === SPACE) start++;
  if (s.charCodeAt(start) !== 112) return null;
  let k = start + 1;
  if (s.charCodeAt(k) === 112) k++;
  if (s.charCodeAt(k) !== DOT) return null;
  k++;
  while (k < end && s.charCodeAt(k) === SPACE) k++;
  let stop = k;
  while (stop < end) {
    const c = s.charCodeAt(stop);
    if (c === SPACE || c === HYPHEN || c === 0x2013) break;
    stop++;
  }
  if (stop > k && s.charCodeAt(stop - 1) === DOT) stop--;
  return stop > k ? s.slice(k, stop) : null;
}

/** The volume of `12`, `12A`, `28 (4).` in `s[start..end)`; null for anything else. */
function readVolume(s: string, start: number, end: number): string | null {
  while (start < end && s.charCodeAt(start) === SPACE) start++;
  while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
  if (end > start && s.charCodeAt(end - 1) === DOT) end--;
  let k = start;
  while (k < end && isDigit(s.charCodeAt(k))) k++;
  if (k === start) return null;
  if (k < end && (s.charCodeAt(k) | 32) >= 97 && (s.charCodeAt(k) | 32) <= 122) k++;
  const volumeEnd = k;
  while (k < end && s.charCodeAt(k) === SPACE) k++;
  if (k < end) {
    if (s.charCodeAt(k) !== 40 || s.charCodeAt(end - 1) !== 41 || s.indexOf(')', k) !== end - 1) return null;
  }
  return s.slice(start, volumeEnd);
}

/** Reads a current-layout reference whose year part starts at `bodyEnd`. */
function readCurrentStyle(s: string, bodyEnd: number, year: number, ref: RawReference): void {
  ref.year = year;
  // Authors: `Smith J.; Doe A.` as the first part, or (2020-2023) `Smith J., Doe A.` one a part.
  let from = 0;
  for (;;) {
    const comma = nextComma(s, from, bodyEnd);
    if (comma === bodyEnd || !isNameList(s, from, comma)) break;
    const semicolon = nextSemicolon(s, from, comma);
    if (from === 0) ref.firstAuthor = sliceTrim(s, 0, semicolon);
    from = comma + 2;
    if (semicolon < comma) break;
  }
  let end = bodyEnd;
  let found = false;
  if (end > from) {
    const last = lastPartStart(s, from, end);
    const page = readPage(s, last, end);
    if (page !== null) {
      ref.page = page;
      end = last > from ? last - 2 : from;
      found = true;
    }
  }
  if (end > from) {
    const last = lastPartStart(s, from, end);
    const volume = readVolume(s, last, end);
    if (volume !== null) {
      ref.volume = volume;
      end = last > from ? last - 2 : from;
      found = true;
    }
  }
  if (end <= from) return;
  const last = lastPartStart(s, from, end);
  if (last > from) {
    setText(ref, 'source', sliceTrim(s, last, end));
    setText(ref, 'title', sliceTrim(s, from, last - 2));
  } else setText(ref, found ? 'source' : 'title', sliceTrim(s, from, end));
}

function nextSemicolon(s: string, from: number, end: number): number {
  const c = s.indexOf('; ', from);
  return c < 0 || c >= end ? end : c;
}

function setText(ref: RawReference, key: 'title' | 'source', value: string): void {
  if (value !== '') ref[key] = value;
}

/** Reads an old-layout reference: `Authors, Title (Year) Source, Volume (Issue), pp. Pages`. */
function readOldStyle(s: string, ref: RawReference): void {
  const year = readFirstYear(s);
  if (year !== null) ref.year = year.year;
  let preEnd = year === null ? s.length : year.open;
  while (preEnd > 0 && s.charCodeAt(preEnd - 1) === SPACE) preEnd--;
  const endsWithComma = preEnd > 0 && s.charCodeAt(preEnd - 1) === COMMA;
  if (endsWithComma) {
    preEnd--;
    while (preEnd > 0 && s.charCodeAt(preEnd - 1) === SPACE) preEnd--;
  }
  // Authors as `Surname, I.` pairs.
  let at = 0;
  while (at < preEnd) {
    const c1 = nextComma(s, at, preEnd);
    if (c1 === preEnd) break;
    const c2 = nextComma(s, c1 + 2, preEnd);
    if (!isInitials(s, c1 + 2, c2)) break;
    ref.firstAuthor ??= `${sliceTrim(s, at, c1)}, ${sliceTrim(s, c1 + 2, c2)}`;
    at = c2 === preEnd ? preEnd : c2 + 2;
  }
  if (at === 0 && preEnd > 0) at = readOtherAuthors(s, preEnd, endsWithComma && year !== null, ref);
  // `et al.` after the names.
  while (at < preEnd && (s.charCodeAt(at) | 32) === 101) {
    const c = nextComma(s, at, preEnd);
    if (!/^et al\.?$/i.test(sliceTrim(s, at, c))) break;
    at = c === preEnd ? preEnd : c + 2;
  }
  if (at < preEnd) setText(ref, 'title', sliceTrim(s, at, preEnd));
  if (year !== null) readOldSource(s, year.end, ref);
}

/**
 * Authors not written as `Surname, I.` pairs: a lone name before `, (2019)`, names with their
 * initials (`Smith J.A., Doe B., Title`) or bare surnames (`Altheide, Title`). Returns where the
 * title starts (0 when no author was found).
 */
function readOtherAuthors(s: string, preEnd: number, nameOnly: boolean, ref: RawReference): number {
  const first = nextComma(s, 0, preEnd);
  if (first === preEnd) {
    if (!nameOnly) return 0;
    ref.firstAuthor = sliceTrim(s, 0, preEnd);
    return preEnd;
  }
  if (isNameWithInitials(s, 0, first)) {
    ref.firstAuthor = sliceTrim(s, 0, first);
    let at = 0;
    for (;;) {
      const c = nextComma(s, at, preEnd);
      if ((c === preEnd && !nameOnly) || !isNameWithInitials(s, at, c)) return at;
      if (c === preEnd) return preEnd;
      at = c + 2;
    }
  }
  const surname = sliceTrim(s, 0, first);
  if (!BARE_SURNAME.test(surname)) return 0;
  ref.firstAuthor = surname;
  let at = 0;
  for (;;) {
    const c = nextComma(s, at, preEnd);
    if (c === preEnd || !BARE_SURNAME.test(sliceTrim(s, at, c))) return at;
    at = c + 2;
  }
}

/** What follows an old-layout year: `Source, Volume (Issue), pp. Pages, …` or a book's `Title, With Commas, , Publisher`. */
function readOldSource(s: string, from: number, ref: RawReference): void {
  const end = s.length;
  let sourceEnd = nextComma(s, from, end);
  // A book: the first empty part (`, , `) ends the source, unless a volume or page comes first.
  const empty = s.indexOf(', , ', from);
  if (empty > sourceEnd) {
    let plain = true;
    for (let at = sourceEnd + 2; at < empty && plain;) {
      const c = nextComma(s, at, empty);
      if (readVolume(s, at, c) !== null || readPage(s, at, c) !== null) plain = false;
      at = c + 2;
    }
    if (plain) sourceEnd = empty;
  }
  setText(ref, 'source', sliceTrim(s, from, sourceEnd));
  for (let at = sourceEnd + 2; at < end;) {
    const c = nextComma(s, at, end);
    if (ref.volume === undefined) {
      const volume = readVolume(s, at, c);
      if (volume !== null) {
        ref.volume = volume;
        at = c + 2;
        continue;
      }
    }
    const page = readPage(s, at, c);
    if (page !== null) {
      ref.page = page;
      return;
    }
    at = c + 2;
  }
}

/** True when the second comma-separated part is initials (`Smith, J., …`): the old layout. */
function opensWithInitialsPair(s: string): boolean {
  const a = s.indexOf(', ');
  if (a < 0) return false;
  return isInitials(s, a + 2, nextComma(s, a + 2, s.length));
}

/**
 * Reads one Scopus reference into its parts: first author, year, title, source, volume and first
 * page (and a DOI when one is written in it), from either layout.
 */
export function parseScopusReference(raw: string): RawReference {
  const text = raw.trim();
  const ref: RawReference = { raw: text };
  const doi = text.includes('10.') ? DOI_IN_TEXT.exec(text) : null;
  if (doi !== null) ref.doi = doi[0].replace(/[.)\]]+$/, '');
  const end = readTrailingYear(text);
  if (end !== null && !opensWithInitialsPair(text)) readCurrentStyle(text, end.start, end.year, ref);
  else readOldStyle(text, ref);
  return ref;
}

/**
 * The references of a Scopus `References` cell. Both layouts separate references with `; `; the
 * current one also separates a reference's authors with `; `, so there the author names (no
 * comma, initials last) are joined back to the reference they open.
 */
export function splitScopusReferences(cell: string): string[] {
  const out: string[] = [];
  const current = isCurrentLayout(cell);
  // A current-layout reference is the run of pieces from its first author's to the one with a
  // comma: a substring of the cell, taken as one slice.
  let groupStart = -1;
  for (let at = 0; at <= cell.length;) {
    let stop = cell.indexOf('; ', at);
    if (stop < 0) stop = cell.length;
    let start = at;
    let end = stop;
    while (start < end && cell.charCodeAt(start) === SPACE) start++;
    while (end > start && cell.charCodeAt(end - 1) === SPACE) end--;
    if (end > start) {
      const comma = cell.indexOf(',', start);
      if (current && (comma < 0 || comma >= end) && isNameWithInitials(cell, start, end)) {
        if (groupStart < 0) groupStart = start;
      } else {
        out.push(cell.slice(groupStart < 0 ? start : groupStart, end));
        groupStart = -1;
      }
    }
    at = stop + 2;
  }
  if (groupStart >= 0) out.push(sliceTrim(cell, groupStart, cell.length));
  return out;
}

/** True when the first references of a cell end with `(2019)`, as the current layout writes them. */
function isCurrentLayout(cell: string): boolean {
  let withComma = 0;
  let endYear = 0;
  for (let at = 0; at < cell.length && withComma < 5;) {
    let stop = cell.indexOf('; ', at);
    if (stop < 0) stop = cell.length;
    const comma = cell.indexOf(', ', at);
    if (comma >= 0 && comma < stop) {
      withComma++;
      if (readTrailingYear(cell.slice(at, stop)) !== null) endYear++;
    }
    at = stop + 2;
  }
  return endYear > 0 && endYear * 2 >= withComma;
}
