/**
 * Author names: splitting one-string lists, turning `Last, First` around, fixing SHOUTING and
 * lower case, and an identity key that merges spelling variants of one person conservatively.
 */
import type { AuthorName } from './types';
import { decodeLatexAccents, foldAccents, normalizeText } from './normalize-text';

/** Lower-case name particles that stay lower case inside a name (`Emmanuel de Bezenac`). */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'del',
  'della',
  'der',
  'den',
  'des',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
  'zu',
  'af',
  'av',
  'bin',
  'binti',
  'al',
  'el',
  'og',
]);
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;
const NOT_NAMES = /^(?:et al\.?|others|and others|\.\.\.|…)$/i;

/**
 * Splits a list of authors given as one string: on `;` when present (each part may itself be
 * `Last, First`), on ` and ` when every part is `Last, First` (BibTeX style), otherwise on `,`,
 * ` and ` and `&`. A lone `Smith, John` is one person, not two.
 */
export function parseAuthorList(text: string): string[] {
  const s = normalizeText(text);
  if (s === '') return [];
  let parts: string[];
  if (s.includes(';')) {
    parts = s.split(';');
  } else {
    const byAnd = s.split(/\s+and\s+|\s*&\s*/i);
    if (byAnd.length > 1 && byAnd.every((p) => (p.match(/,/g) ?? []).length === 1)) {
      parts = byAnd;
    } else {
      parts = s.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i);
      // "Smith, John": two parts, one of them a single word → one inverted name.
      if (
        parts.length === 2 &&
        !/\band\b|&/i.test(s) &&
        parts.some((p) => !/\s/.test(p.trim())) &&
        !/\s/.test(parts[0].trim())
      ) {
        parts = [s];
      }
    }
  }
  return parts.map((p) => p.trim()).filter((p) => p !== '' && !NOT_NAMES.test(p));
}

function capitalizeWord(word: string): string {
  // Upper-case the first letter and any letter after a hyphen, apostrophe or dot: jean-pierre →
  // Jean-Pierre, o'brien → O'Brien, j. → J.
  return word.toLowerCase().replace(/(^|[-'’.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function fixCase(token: string, index: number, count: number, wholeNameLower: boolean): string {
  const up = token.toUpperCase();
  const low = token.toLowerCase();
  if (up === low) return token;
  if (token === up) {
    const letters = token.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2 || ROMAN.test(letters)) return token;
    return capitalizeWord(token);
  }
  if (token === low) {
    const letters = token.replace(/[^\p{L}]/gu, '');
    // A particle keeps its lower case inside a name (`de Bezenac`), and also when the whole name
    // was lower case (`emmanuel de bezenac` → `Emmanuel de Bezenac`).
    const inside = index > 0 && index < count - 1;
    if (PARTICLES.has(letters) && (inside || (!wholeNameLower && index < count - 1))) return token;
    return capitalizeWord(token);
  }
  return token;
}

/**
 * The display form of one author name: LaTeX accents decoded, NFC, `Last, First` → `First Last`
 * (`Last, Jr., First` → `First Last Jr.`), and case fixed word by word — SHOUTING and all-lower
 * words are capitalized (`JIANFEI YANG` → `Jianfei Yang`), mixed case is trusted (`McDonald`,
 * `YinChao`), particles stay lower (`de Bezenac`).
 */
export function formatAuthorName(raw: string): string {
  let s = normalizeText(decodeLatexAccents(raw));
  if (/[{}*†‡,;]/.test(s)) {
    s = s
      .replace(/[{}]/g, '')
      .replace(/^[\s,;*†‡]+|[\s,;*†‡]+$/g, '')
      .replace(/(?<=\p{L})[*†‡]+/gu, '');
  }
  const commas = s.includes(',') ? s.split(/\s*,\s*/) : [s];
  if (commas.length === 2 && commas[0] && commas[1]) {
    s = `${commas[1]} ${commas[0]}`;
  } else if (commas.length === 3 && commas[0] && commas[2] && /^(?:jr|sr|ii|iii|iv)\.?$/i.test(commas[1])) {
    s = `${commas[2]} ${commas[0]} ${commas[1]}`;
  }
  const tokens = s.split(' ').filter((t) => t !== '');
  const wholeLower = s === s.toLowerCase();
  return tokens.map((t, i) => fixCase(t, i, tokens.length, wholeLower)).join(' ');
}

/**
 * The identity key of a name: accents folded, lower case, hyphens and dots as spaces,
 * apostrophes dropped. `Jérémie Dona`, `JEREMIE DONA` and `Jeremie Dona` share a key; `J. Smith`
 * and `J Smith` share one, but `J. Smith` and `John Smith` do not (that would be a guess).
 */
export function authorKey(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[-‐‑–—.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Prolific authors recur across thousands of papers: remember recent names (bounded, so memory
// stays flat on huge corpora). Pure: the cache only ever returns what the functions would.
const NAME_CACHE = new Map<string, AuthorName>();
const NAME_CACHE_LIMIT = 200_000;

// Most names are plain capitalized words (`Xianming Zeng`): already in display form, and their
// key is just the lower case. Checking that is much cheaper than the general path.
const PLAIN_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/;

function buildAuthorName(raw: string): AuthorName {
  if (PLAIN_NAME.test(raw)) return { name: raw, key: raw.toLowerCase() };
  let hit = NAME_CACHE.get(raw);
  if (hit === undefined) {
    const name = formatAuthorName(raw);
    hit = { name, key: authorKey(name) };
    if (NAME_CACHE.size >= NAME_CACHE_LIMIT) NAME_CACHE.clear();
    NAME_CACHE.set(raw, hit);
  }
  return hit;
}

/**
 * {@link buildAuthorNames} with, per raw name, its position in the result (-1 when it was dropped
 * as empty or as a repeat of an earlier identity), so per-author data (ids, affiliations) follows.
 */
export function buildAuthorNamesAligned(raw: readonly string[]): { authors: AuthorName[]; positions: Int32Array } {
  const seen = new Map<string, number>();
  const authors: AuthorName[] = [];
  const positions = new Int32Array(raw.length).fill(-1);
  for (let i = 0; i < raw.length; i++) {
    const { name, key } = buildAuthorName(raw[i]);
    if (key === '') continue;
    const at = seen.get(key);
    if (at !== undefined) {
      positions[i] = at;
      continue;
    }
    seen.set(key, authors.length);
    positions[i] = authors.length;
    authors.push({ name, key });
  }
  return { authors, positions };
}

/** Display names and keys for an author list, in order, each identity once. */
export function buildAuthorNames(raw: readonly string[]): AuthorName[] {
  const seen = new Set<string>();
  const out: AuthorName[] = [];
  for (const r of raw) {
    const { name, key } = buildAuthorName(r);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}
