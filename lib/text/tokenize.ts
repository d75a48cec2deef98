/**
 * From raw abstract text to lower-case surface words: markup that is not prose (LaTeX, inline
 * math, URLs, e-mail addresses) is cut out, and every place where a phrase must not continue
 * (punctuation, cut-out markup, stop words, numbers) is marked with a boundary.
 */
import { Buffer } from 'node:buffer';
import { STOP_WORDS } from './stop-words';

/** Marks a place a phrase may not span, in the output of splitWords. */
export const BOUNDARY = '';

/** Stands in for removed markup: not whitespace, so it breaks phrases. */
const CUT = ' | ';

const URL_RE =
  /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>()[\]{}"']+|\b[\w.-]+\.(?:com|org|net|io|edu|ai|gov)\/[^\s<>()[\]{}"']*/gi;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DISPLAY_MATH_RE = /\$\$[^$]{0,2000}\$\$|\\\[[\s\S]{0,2000}?\\\]/g;
const INLINE_MATH_RE = /\$[^$]{1,500}\$|\\\([\s\S]{0,500}?\\\)/g;
/** Citation-like commands: the argument is a key or address, not prose; drop it too. */
const REFERENCE_COMMAND_RE =
  /\\(?:cite[a-z]*|ref|eqref|autoref|cref|Cref|label|url|href|footnote|includegraphics)\*?(?:\[[^\]]{0,200}\])?(?:\{[^{}]{0,500}\})*/g;
/** Accents written as LaTeX: \"{o}, \'e, \v{s} -> the bare letter. */
const LATEX_ACCENT_RE = /\\['"^`~=.uvHckrbd]\{?([a-zA-Z])\}?/g;
/** Any other command (\textbf, \emph, \alpha): the name goes, a {prose} argument stays. */
const COMMAND_RE = /\\(?:[a-zA-Z]+\*?|.)/g;
const HYPHENS_RE = /[\u2010\u2011\u00ad]/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * Removes what is not prose from a text and lower-cases it: NFKC (ligatures, full-width forms),
 * URLs, e-mail addresses, inline and display math, LaTeX commands (the argument of a formatting
 * command such as \textbf{...} is kept; that of \cite{...}, \ref{...}, \url{...} is dropped).
 * Removed spans become a phrase boundary.
 */
export function cleanText(text: string): string {
  let s = text;
  if (NON_ASCII_RE.test(s)) s = s.normalize('NFKC').replace(HYPHENS_RE, (c) => (c === '\u00ad' ? '' : '-'));
  if (s.includes('://') || s.includes('www.') || s.includes('.com/') || s.includes('.org/') || s.includes('.io/')) {
    s = s.replace(URL_RE, CUT);
  }
  if (s.includes('@')) s = s.replace(EMAIL_RE, CUT);
  if (s.includes('$') || s.includes('\\')) {
    s = s.replace(/\\\$/g, ' ');
    s = s.replace(DISPLAY_MATH_RE, CUT).replace(INLINE_MATH_RE, CUT);
    s = s.replace(REFERENCE_COMMAND_RE, CUT).replace(LATEX_ACCENT_RE, '$1').replace(COMMAND_RE, ' ');
  }
  if (s.includes('{') || s.includes('}') || s.includes('~')) s = s.replace(/[{}~]/g, ' ');
  return s.toLowerCase();
}

/** 1 = letter, mark or digit; 2 = anything else but 3 = ASCII white space; 0 = not yet
 * classified (non-ASCII only). */
const charClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  charClass[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 2;
}
for (const c of [32, 10, 9, 13, 12, 11]) charClass[c] = 3;
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** Classifies a non-ASCII code unit on first sight: 1 (word) or 2 (other). */
function classify(c: number): number {
  // Surrogate halves stay non-word: astral characters are mostly emoji and symbols here.
  const k = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
  charClass[c] = k;
  return k;
}

function isWordChar(c: number): boolean {
  const k = charClass[c];
  return (k === 0 ? classify(c) : k) === 1;
}

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128 && /\p{L}/u.test(word[i])) return true;
  }
  return false;
}

/**
 * Surface words of a corpus interned by their characters: the scanner hashes a word while reading
 * it and only allocates a string the first time a word is seen, so a large corpus costs one
 * string per word type. Each word also records whether it is dropped (stop word, no letter,
 * one character).
 */
export class WordTable {
  /** Word id -> word. */
  readonly words: string[] = [];
  /** Word id -> 1 when the word is dropped (stop word, number, single character). */
  dropped = new Uint8Array(1024);
  // Open addressing over [hash, id] pairs in one array, and the words' characters packed in one
  // pool: a lookup touches two places in memory instead of following string pointers.
  private slots = new Int32Array(2 * 2048).fill(-1);
  private mask = 2047;
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private offsets = new Int32Array(1025);

  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, added if new. */
  internWord(word: string): number {
    const units = toCodeUnits(word);
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ units[i], 0x01000193);
    return this.intern(units, 0, word.length, h, word);
  }

  /**
   * The id of the word in code units chars[start, end), whose FNV-1a hash is `hash`, added if
   * new; `text` is the string the code units were read from (its slice names a new word).
   */
  intern(chars: Uint16Array, start: number, end: number, hash: number, text: string): number {
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const id = slots[2 * slot + 1];
      if (id < 0) break;
      if (slots[2 * slot] === hash) {
        const from = this.offsets[id];
        if (this.offsets[id + 1] - from === len) {
          const pool = this.pool;
          let k = 0;
          while (k < len && pool[from + k] === chars[start + k]) k++;
          if (k === len) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.add(text.slice(start, end), hash, slot);
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id + 2 > this.offsets.length) {
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    if (id >= this.dropped.length) {
      const dropped = new Uint8Array(this.dropped.length * 2);
      dropped.set(this.dropped);
      this.dropped = dropped;
    }
    while (this.poolUsed + word.length > this.pool.length) {
      const pool = new Uint16Array(this.pool.length * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < word.length; k++) this.pool[this.poolUsed + k] = word.charCodeAt(k);
    this.poolUsed += word.length;
    this.offsets[id + 1] = this.poolUsed;
    this.dropped[id] = word.length < 2 || STOP_WORDS.has(word) || !hasLetter(word) ? 1 : 0;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id;
    if (this.words.length * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const capacity = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * capacity).fill(-1);
    const mask = capacity - 1;
    for (let slot = 0; slot <= this.mask; slot++) {
      const id = this.slots[2 * slot + 1];
      if (id < 0) continue;
      const hash = this.slots[2 * slot];
      let to = hash & mask;
      while (slots[2 * to + 1] >= 0) to = (to + 1) & mask;
      slots[2 * to] = hash;
      slots[2 * to + 1] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

let codeUnits = new Uint16Array(4096);
let codeUnitBytes = Buffer.from(codeUnits.buffer);

/** The UTF-16 code units of `text` in a shared scratch array (valid until the next call). */
function toCodeUnits(text: string): Uint16Array {
  if (text.length > codeUnits.length) {
    codeUnits = new Uint16Array(Math.max(text.length, 2 * codeUnits.length));
    codeUnitBytes = Buffer.from(codeUnits.buffer);
  }
  // Buffer.write copies (and widens one-byte strings) natively.
  codeUnitBytes.write(text, 0, 'utf16le');
  return codeUnits;
}

/** Receives word ids and boundaries (-1) from scanWords. */
export interface IdSink {
  push(id: number): void;
}

/**
 * Scans cleaned text into word ids of `table` in reading order, with -1 where a phrase may not
 * continue (punctuation, removed markup, dropped words); no leading or repeated -1. A word is a
 * run of letters, marks and digits, hyphenated parts kept together ("self-supervised"); a
 * possessive "'s" is dropped. Stop words, words without a letter (numbers) and one-character
 * words are not emitted. Returns the number of ids emitted (boundaries included).
 */
export function scanWords(cleaned: string, table: WordTable, out: IdSink): number {
  // Reading code units from a typed array rather than with charCodeAt keeps the loops below
  // monomorphic, whatever the string's internal representation; the class table is read inline.
  const n = cleaned.length;
  const chars = toCodeUnits(cleaned);
  const cls = charClass;
  let boundary = false;
  let emitted = 0;
  let lastWasBoundary = true;
  let i = 0;
  while (i < n) {
    let c = chars[i];
    let k = cls[c];
    if (k === 0) k = classify(c);
    if (k !== 1) {
      if (k === 2) boundary = true;
      i++;
      continue;
    }
    const start = i;
    // FNV-1a over the word's UTF-16 code units.
    let h = 0x811c9dc5;
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193);
      i++;
      if (i >= n) break;
      c = chars[i];
      k = cls[c];
      if (k === 0) k = classify(c);
      if (k === 1) continue;
      if (c === 45 && i + 1 < n) {
        let k2 = cls[chars[i + 1]];
        if (k2 === 0) k2 = classify(chars[i + 1]);
        if (k2 === 1) continue;
      }
      break;
    }
    const end = i;
    if (i + 1 < n && (c === 39 || c === 0x2019) && chars[i + 1] === 115 && (i + 2 >= n || !isWordChar(chars[i + 2]))) {
      i += 2;
    }
    const id = table.intern(chars, start, end, h, cleaned);
    if (table.dropped[id] === 1) {
      boundary = true;
      continue;
    }
    if (boundary && !lastWasBoundary) {
      out.push(-1);
      emitted++;
    }
    boundary = false;
    out.push(id);
    emitted++;
    lastWasBoundary = false;
  }
  return emitted;
}

/**
 * Splits cleaned text into surface words in reading order, with BOUNDARY entries where a phrase
 * may not continue (see scanWords).
 */
export function splitWords(cleaned: string): string[] {
  const table = new WordTable();
  const ids: number[] = [];
  scanWords(cleaned, table, ids);
  return ids.map((id) => (id < 0 ? BOUNDARY : table.words[id]));
}

/** Surface tokens of a text after cleaning and stop-word removal, lower case, unstemmed:
 * what a search query or a test compares against. */
export function tokenizeText(text: string): string[] {
  return splitWords(cleanText(text)).filter((w) => w !== BOUNDARY);
}
