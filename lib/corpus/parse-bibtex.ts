/**
 * Layout `bibtex` (Zotero / Google Scholar exports): `@type{key, field = {value} | "value" | 123, …}`.
 * Authors are `Last, First and …`; braces and LaTeX accents (`{\'e}`) are decoded.
 */
import type { ParseResult, RawRecord } from './raw-record';
import { decodeLatexAccents } from './normalize-text';

const SKIP_TYPES = new Set(['comment', 'preamble', 'string']);

/** One entry: its type, citation key, lower-cased field names to raw values, and starting line. */
export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
  line: number;
}

/** Splits a BibTeX text into entries; an entry that never closes is reported as broken. */
export function parseBibEntries(text: string): { entries: BibEntry[]; broken: number[] } {
  const entries: BibEntry[] = [];
  const broken: number[] = [];
  const strings: Record<string, string> = {};
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const head = /@\s*([A-Za-z]+)\s*([{(])/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text)) !== null) {
    const type = m[1].toLowerCase();
    const open = m.index + m[0].length - 1;
    const close = findClose(text, open);
    if (close < 0) {
      // Unclosed: report it and look for the next entry after its head.
      broken.push(lineOf(m.index));
      continue;
    }
    head.lastIndex = close + 1;
    if (SKIP_TYPES.has(type)) {
      if (type === 'string') {
        const fields = parseFields(text.slice(open + 1, close), strings);
        Object.assign(strings, fields);
      }
      continue;
    }
    const body = text.slice(open + 1, close);
    const comma = body.indexOf(',');
    const key = (comma < 0 ? body : body.slice(0, comma)).trim();
    entries.push({
      type,
      key,
      fields: comma < 0 ? {} : parseFields(body.slice(comma + 1), strings),
      line: lineOf(m.index),
    });
  }
  return { entries, broken };
}

/** Index of the bracket closing the one at `open` (`{` or `(`), minding nested braces; -1 if none. */
function findClose(text: string, open: number): number {
  const closer = text[open] === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (closer === '}' && depth === 0) return i;
    } else if (c === closer && depth === 0 && i > open) return i;
    // An `@type{` at the start of a line inside an unclosed entry means the entry was broken.
    if (c === '\n' && depth > 0 && /^@\s*[A-Za-z]+\s*[{(]/.test(text.slice(i + 1, i + 40)) && depth === 1) return -1;
  }
  return -1;
}

function parseFields(body: string, strings: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = body.length;
  while (i < n) {
    const nm = /\s*,?\s*([A-Za-z][\w:.-]*)\s*=\s*/y;
    nm.lastIndex = i;
    const m = nm.exec(body);
    if (!m) break;
    i = nm.lastIndex;
    let value = '';
    // A value is a concatenation (`#`) of {…}, "…", numbers and @string names.
    for (;;) {
      while (i < n && /\s/.test(body[i])) i++;
      if (body[i] === '{') {
        const end = findClose(body, i);
        if (end < 0) return out;
        value += body.slice(i + 1, end);
        i = end + 1;
      } else if (body[i] === '"') {
        let j = i + 1;
        let depth = 0;
        while (j < n && !(body[j] === '"' && depth === 0)) {
          if (body[j] === '{') depth++;
          else if (body[j] === '}') depth--;
          else if (body[j] === '\\') j++;
          j++;
        }
        value += body.slice(i + 1, j);
        i = j + 1;
      } else {
        const w = /[^\s,#}]+/y;
        w.lastIndex = i;
        const wm = w.exec(body);
        if (!wm) break;
        value += strings[wm[0].toLowerCase()] ?? wm[0];
        i = w.lastIndex;
      }
      while (i < n && /\s/.test(body[i])) i++;
      if (body[i] === '#') {
        i++;
        continue;
      }
      break;
    }
    out[m[1].toLowerCase()] = value;
  }
  return out;
}

/** A BibTeX value as plain text: accents decoded, `--` as an en dash, grouping braces dropped. */
export function decodeBibValue(value: string): string {
  return decodeLatexAccents(value)
    .replace(/\\&/g, '&')
    .replace(/\\%/g, '%')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/(?<!\\)[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a BibTeX author field on top-level ` and `. */
export function splitBibAuthors(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c)) {
      const m = /^\s+and\s+/i.exec(value.slice(i, i + 8));
      if (m) {
        out.push(value.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  out.push(value.slice(start));
  return out.map((a) => decodeBibValue(a)).filter((a) => a !== '' && a.toLowerCase() !== 'others');
}

/** Parses a BibTeX file into raw records (abstract kept with its LaTeX, minus grouping braces). */
export function parseBibtex(text: string): ParseResult {
  const { entries, broken } = parseBibEntries(text);
  const records: RawRecord[] = entries.map((e) => {
    const f = e.fields;
    const text = (k: string): string | null => (f[k] !== undefined && f[k].trim() !== '' ? decodeBibValue(f[k]) : null);
    const abstract =
      f.abstract !== undefined ? decodeLatexAccents(f.abstract).replace(/(?<![\\^_A-Za-z])\{([^{}$]*)\}/g, '$1') : null;
    const year = f.year !== undefined && /^\s*\d{4}\s*$/.test(f.year) ? Number(f.year) : null;
    return {
      record: e.line,
      title: text('title'),
      abstract: abstract !== null && abstract.trim() !== '' ? abstract : null,
      authors: f.author !== undefined ? splitBibAuthors(f.author) : [],
      year,
      date: text('date') ?? (year === null ? text('year') : null),
      venue: text('journal') ?? text('booktitle') ?? text('journaltitle') ?? text('publisher'),
      label: null,
      externalId: e.key || null,
    };
  });
  return { records, rejects: broken.map((line) => ({ record: line, reason: 'unterminated entry' })) };
}
