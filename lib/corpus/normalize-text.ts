/**
 * Text cleaning shared by every layout: Unicode NFC, HTML stripped, whitespace collapsed, and
 * LaTeX either kept (for rendering) or reduced to plain words (for tokenizing).
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

// A tag needs a name right after `<` and attribute syntax after it, so math such as `a<b$ and c>d`
// is not mistaken for markup.
const TAG =
  /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
// C0/C1 control characters other than tab/newline, plus zero-width and BOM characters.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\ufeff]/g;

/** Decodes the common named and numeric HTML entities; unknown ones are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Removes HTML tags and comments and decodes entities. */
export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  // Inline tags vanish (`<i>S</i>parse` → `Sparse`); block tags and line breaks separate words.
  return decodeEntities(text.replace(COMMENT, ' ').replace(TAG, (tag) => (INLINE_TAG.test(tag) ? '' : ' ')));
}

const INLINE_TAG =
  /^<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b/i;

// PDF text extraction leaves glyph codes: `(cid:173)` is a soft hyphen where a word broke across
// lines ("applica(cid:173) tion"), other codes are glyphs with no Unicode mapping.
const SOFT_HYPHEN = /(?:\(cid:173\)|\u00ad)\s*/g;
const PDF_GLYPH = /\(cid:\d+\)/g;

// Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) split words into forms no reader types.
const LIGATURE = /[\ufb00-\ufb06]/g;
const HAS_LIGATURE = /[\ufb00-\ufb06]/;
// A word broken at a line end keeps its hyphen and gains a space: "classifica- tion". A suspended
// hyphen ("pre- and post-training") is followed by a conjunction or preposition and stays.
const LINE_BREAK_HYPHEN = /(\p{Ll})- (?!(?:and|or|nor|to|as|vs|versus|but|with|than|via|resp)\b)(\p{Ll}{2})/gu;
const MAYBE_BROKEN = /\p{Ll}- \p{Ll}/u;

/** Repairs PDF-extraction noise: soft hyphens and line-break hyphens join the broken word,
 * ligatures become letters, unmapped glyph codes go. */
export function repairPdfText(text: string): string {
  let out = text;
  if (out.includes('(cid:') || out.includes('\u00ad')) out = out.replace(SOFT_HYPHEN, '').replace(PDF_GLYPH, ' ');
  if (HAS_LIGATURE.test(out)) out = out.replace(LIGATURE, (c) => c.normalize('NFKC'));
  // `includes` is a fast byte search; the Unicode-aware test only runs on texts that have '- '.
  if (out.includes('- ') && MAYBE_BROKEN.test(out)) out = out.replace(LINE_BREAK_HYPHEN, '$1$2');
  return out;
}

/** Anything but printable ASCII other than `<` and `&` (markup). */
const NOT_PRINTABLE = /[^ -%'-;=-~]/;

/**
 * True when `normalizeText` would return the text as it is: printable ASCII without `<` or `&`
 * (markup), `(cid:` or `- ` (PDF repairs), and without leading, trailing or double spaces. A
 * regular expression and three substring searches instead of the general path's eight scans,
 * which dominated ingest on short fields (and a loop over the characters, twice as slow).
 */
function isNormalText(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return n === 0;
  return !NOT_PRINTABLE.test(text) && !text.includes('  ') && !text.includes('- ') && !text.includes('(cid:');
}

/** NFC, control characters dropped, PDF glyph codes repaired, HTML stripped, whitespace
 * (including NBSP) collapsed. */
export function normalizeText(raw: string): string {
  if (isNormalText(raw)) return raw;
  let text = repairPdfText(raw);
  // Most texts are printable ASCII: one scan rules out both NFC and control characters.
  if (NOT_PLAIN_ASCII.test(text)) {
    if (NON_ASCII.test(text)) text = text.normalize('NFC');
    if (CONTROL.test(text)) text = text.replace(CONTROL, '');
  }
  return stripHtml(text).replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Anything but printable ASCII, tab and line breaks (every CONTROL and NON_ASCII character). */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

// Runs of whitespace and single non-space whitespace become one space: a non-space whitespace
// character with what follows it, or a space followed by more. A lone space does not match, so
// there is no replacement per word (as /\s+/ would make), and each alternative starts with a
// single class test (faster than /\s{2,}|[^\S ]/, which tried both at every position).
const WHITESPACE_TO_COLLAPSE = /[^\S ]\s*| \s+/g;

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};
const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

/**
 * Decodes LaTeX accent commands to Unicode: `{\'e}`, `\'{e}`, `\'e`, `\c{c}`, `{\ss}`, `{\o}`.
 * Other LaTeX is left alone (so math survives for rendering).
 */
export function decodeLatexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  let out = text.replace(
    /\\([`'^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g,
    (_m, acc: string, a?: string, b?: string) => {
      const base = (a ?? b ?? '').replace('\\i', 'i').replace('\\j', 'j');
      return (base + ACCENTS[acc]).normalize('NFC');
    },
  );
  out = out.replace(
    /\\([uvHckr])(?:\s*\{\s*([A-Za-z])\s*\}|\s+([A-Za-z]))/g,
    (_m, acc: string, a?: string, b?: string) => ((a ?? b ?? '') + ACCENTS[acc]).normalize('NFC'),
  );
  out = out.replace(/\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])\s?/g, (_m, name: string) => LETTERS[name] ?? name);
  // `{é}` groups left behind around a decoded letter (ASCII groups such as `\mathbb{R}` stay).
  return out.replace(/\{([^\x00-\x7f]{1,2})\}/g, '$1');
}

/** Characters that signal LaTeX or markup worth reducing; text without them is already plain. */
const LATEX_CHARS = /[\\$^_{}~]/;

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

/**
 * Reduces LaTeX and markup to plain words for tokenizing: accents decoded, `\textit{x}` → `x`,
 * math delimiters and `^ _ { }` dropped, Greek letter commands kept as their names, other
 * commands removed. Input should already be normalized with `normalizeText`.
 */
export function stripMarkup(text: string): string {
  if (!LATEX_CHARS.test(text)) return text;
  let out = decodeLatexAccents(text);
  if (out.includes('\\')) {
    out = out
      .replace(/\\[()[\]]/g, ' ')
      .replace(/\\([a-zA-Z]+)\*?/g, (_m, name: string) => (GREEK.has(name) ? ` ${name} ` : ' '))
      .replace(/\\[,;:!% &#_{}$]/g, (m) => (m[1] === '%' || m[1] === '&' || m[1] === '#' || m[1] === '_' ? m[1] : ' '));
  }
  return out
    .replace(/[{}]/g, '')
    .replace(/[$^_~]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * The comparison key of a title or abstract: accents folded, lower case, only letters and digits
 * kept (so spacing, punctuation and markup variants collide: `Level-S$^2$fM` and `Level-S^2fM`
 * both give `levels2fm`). LaTeX commands are skipped by name (`\'e` keeps `e`). Stops after
 * `maxLength` key characters, so a long abstract is only scanned as far as needed.
 */
export function matchKey(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  // Key characters go into a reused code-unit buffer: building the key by `+=` allocates one rope
  // node per character, which dominated ingest time on large corpora.
  const limit = Math.min(maxLength, text.length * 3);
  if (keyBuffer.length < limit + 8) keyBuffer = new Uint16Array(Math.max(limit + 8, keyBuffer.length * 2));
  const buf = keyBuffer;
  let len = 0;
  const n = text.length;
  for (let i = 0; i < n && len < maxLength; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) buf[len++] = c;
      else if (c >= 65 && c <= 90) buf[len++] = c + 32;
      else if (c === 92) {
        // A backslash starts a command name (skipped whole) or escapes one symbol.
        let j = i + 1;
        while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
        i = j > i + 1 ? j - 1 : i + 1;
      }
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    let folded = FOLDED_CHARS.get(cp);
    if (folded === undefined) {
      folded = foldAccents(String.fromCodePoint(cp))
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');
      FOLDED_CHARS.set(cp, folded);
    }
    for (let k = 0; k < folded.length && len < buf.length; k++) buf[len++] = folded.charCodeAt(k);
  }
  const end = Math.min(len, maxLength);
  let out = '';
  for (let start = 0; start < end; start += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(start, Math.min(end, start + 8192)) as unknown as number[]);
  }
  return out;
}

let keyBuffer = new Uint16Array(1024);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Key characters of each non-ASCII code point seen (a few thousand at most). */
const FOLDED_CHARS = new Map<number, string>();

const NON_ASCII = /[^\x00-\x7f]/;
const FOLD: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/** Removes diacritics (é → e) and folds letters without a decomposition (ß → ss, ø → o). */
export function foldAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßøØæÆœŒłŁđĐı]/g, (c) => FOLD[c] ?? c);
}

/**
 * A display title for a paper the source lists without one: the tl;dr if there is one, else the
 * abstract's first sentence, cut at a word boundary to at most `maxLength` characters.
 */
export function derivedTitle(tldr: string | null, abstract: string, maxLength = 120): string {
  const source = tldr !== null && usableTldr(tldr) ? tldr : abstract;
  const first = firstSentence(source);
  let title = first.replace(/[.;:,\s]+$/, '');
  if (title.length > maxLength) {
    const cut = title.slice(0, maxLength + 1);
    const space = cut.lastIndexOf(' ');
    title = `${(space > maxLength / 2 ? cut.slice(0, space) : cut.slice(0, maxLength)).replace(/[.;:,\s]+$/, '')}…`;
  }
  return title;
}

/** A tl;dr that says something: not a dangling pointer such as `The code is available at:`. */
function usableTldr(tldr: string): boolean {
  const t = tldr.trim();
  return t.split(/\s+/).length >= 3 && !/:$/.test(t) && !/^(?:the )?code\b/i.test(t);
}

/** The first sentence: up to the first `. `, `? ` or `! ` that follows a word of two or more letters. */
function firstSentence(text: string): string {
  // Skip abbreviations such as "e.g." / "i.e." / "et al." by demanding a lower-case or digit word
  // of length >= 2 before the stop, followed by a space and an upper-case letter or the end.
  const m = /^(.+?(?:[a-z0-9)\]]{2}|\$)[.?!])(?=\s+[A-Z(“"]|\s*$)/su.exec(text);
  return (m ? m[1] : text).trim();
}
