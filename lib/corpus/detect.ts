/**
 * Recognizing a file's layout from its content (never its name), so a second file in the same
 * layout is read the same way. Works on the first chunk of the decoded text.
 */
import { ARXIV_SUBJECT_LINE } from './parse-arxiv-author-page';
import { looksLikeAuthorLine } from './parse-authors-tldr-abstract';
import { AUTHOR_COUNT_LINE } from './parse-hf-daily-papers';
import { looksLikeAbstract, looksLikeTitle, stripListingChrome } from './parse-hf-papers-listing';
import { NUMBERED_TITLE } from './parse-numbered-listing';
import { FIELD_ALIASES, isArxivSnapshotObject } from './parse-json';
import { parseCsvHead } from './parse-csv';
import { contentLines } from './raw-record';

/** Every layout, in the order detection tries them. */
export const LAYOUTS = [
  'arxiv-jsonl',
  'jsonl',
  'json',
  'bibtex',
  'csv',
  'tsv',
  'numbered-listing',
  'hf-daily-papers',
  'arxiv-author-page',
  'authors-tldr-abstract',
  'hf-papers-listing',
] as const;

/** A layout name. */
export type Layout = (typeof LAYOUTS)[number];

/** Layouts read line by line from a stream; the others are parsed from the whole text. */
export const LINE_LAYOUTS: ReadonlySet<Layout> = new Set<Layout>(['arxiv-jsonl', 'jsonl', 'csv', 'tsv']);

/** True when `name` is a layout name. */
export function isLayout(name: string): name is Layout {
  return (LAYOUTS as readonly string[]).includes(name);
}

/**
 * Detects the layout of a text from its first chunk. `complete` says whether `sample` is the whole
 * file (otherwise its last line may be cut). Returns null when nothing fits.
 */
export function detectLayout(sample: string, complete: boolean, fieldMap: Record<string, string> = {}): Layout | null {
  const text = sample.replace(/^\ufeff/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return null;
  const rawLines = text.split(/\r?\n/);
  if (!complete && rawLines.length > 1) rawLines.pop();
  const firstLine = rawLines.find((l) => l.trim() !== '')?.trim() ?? '';

  if (trimmed[0] === '{' || trimmed[0] === '[') {
    if (trimmed[0] === '{' && firstLine.endsWith('}')) {
      try {
        const o: unknown = JSON.parse(firstLine);
        if (o && typeof o === 'object' && !Array.isArray(o)) {
          return isArxivSnapshotObject(o as Record<string, unknown>) ? 'arxiv-jsonl' : 'jsonl';
        }
      } catch {
        // Not a whole object on the first line: a pretty-printed JSON document.
      }
    }
    if (trimmed[0] === '{' && /^\{\s*"[^"]+"\s*:/.test(firstLine) && !complete && rawLines.length <= 1) return 'jsonl';
    return 'json';
  }
  if (/^\s*@\s*[A-Za-z]+\s*[{(]/m.test(text.slice(0, 20000)) && /^(?:\s*%[^\n]*\n)*\s*@/.test(text)) return 'bibtex';

  const head = parseCsvHead(rawLines.join('\n'), 1);
  if (head !== null && head.rows.length > 0) {
    const cols = head.rows[0].map((c) => c.toLowerCase());
    const known = new Set<string>();
    for (const [field, names] of Object.entries(FIELD_ALIASES)) {
      const mapped = fieldMap[field];
      for (const n of mapped !== undefined ? [mapped] : names) known.add(n.toLowerCase());
    }
    const hits = cols.filter((c) => known.has(c)).length;
    if (hits >= 2 && cols.every((c) => c.length <= 64)) return head.delimiter === '\t' ? 'tsv' : 'csv';
  }

  const lines = contentLines(rawLines.join('\n'));
  if (lines.length === 0) return null;
  const texts = lines.map((l) => l.text);
  if (
    texts.some((t) => NUMBERED_TITLE.test(t) && /\[[A-Za-z]+\d*\]$/.test(t)) &&
    texts.some((t) => /^Authors?\s*:/.test(t))
  ) {
    return 'numbered-listing';
  }
  if (
    texts.filter((t) => AUTHOR_COUNT_LINE.test(t)).length >= 1 &&
    texts.some((t) => /^[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?$/.test(t))
  ) {
    return 'hf-daily-papers';
  }
  if (texts.some((t) => ARXIV_SUBJECT_LINE.test(t))) return 'arxiv-author-page';
  if (looksLikeAuthorLine(texts[0])) {
    if (texts.some((t) => /^tl;\s?dr\s*:/i.test(t))) return 'authors-tldr-abstract';
    // Without any tl;dr the file alternates author lists and abstracts; author lists of two or
    // more names have commas, which titles in a title/abstract listing rarely do.
    let lists = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < texts.length; i += 2) {
      pairs++;
      if (looksLikeAuthorLine(texts[i]) && texts[i].includes(',') && looksLikeAbstract(texts[i + 1])) lists++;
    }
    if (pairs >= 3 && lists >= 0.8 * pairs) return 'authors-tldr-abstract';
  }
  const body = stripListingChrome(lines).map((l) => l.text);
  if (body.length >= 2) {
    let pairs = 0;
    let bad = 0;
    for (let i = 0; i + 1 < body.length; i += 2) {
      if (looksLikeTitle(body[i]) && looksLikeAbstract(body[i + 1])) pairs++;
      else bad++;
    }
    if (pairs >= 1 && bad <= pairs / 10) return 'hf-papers-listing';
  }
  return null;
}
