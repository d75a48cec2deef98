/**
 * Layout `authors-tldr-abstract` (an OpenReview venue dump, e.g. ICLR 2021): for each paper an
 * author line (`A, B, C`), an optional `tl;dr: …` line and the abstract line. No titles.
 */
import type { ParseResult, RawRecord } from './raw-record';
import { contentLines } from './raw-record';

const TLDR = /^tl;\s?dr\s*:\s*/i;

/**
 * True when a line reads as a comma-separated list of personal names: short parts of one to six
 * words, no sentence punctuation, no trailing full stop.
 */
export function looksLikeAuthorLine(text: string): boolean {
  if (text.length > 2000 || /[.!?:]$/.test(text) || /[;()[\]{}$<>=]/.test(text)) return false;
  const parts = text.split(/\s*,\s*/);
  return parts.every((p) => {
    const words = p.split(/\s+/).filter((w) => w !== '');
    if (words.length < 1 || words.length > 6 || p.length > 60) return false;
    // Each word starts with a letter (names, initials, particles); digits mean prose.
    return words.every((w) => /^[\p{L}][\p{L}\p{M}.'’-]*$/u.test(w));
  });
}

/** Parses author / tl;dr / abstract triples; a record whose abstract is missing is rejected. */
export function parseAuthorsTldrAbstract(text: string): ParseResult {
  const lines = contentLines(text);
  const records: RawRecord[] = [];
  const rejects: ParseResult['rejects'] = [];
  let i = 0;
  while (i < lines.length) {
    const head = lines[i];
    if (!looksLikeAuthorLine(head.text) || TLDR.test(head.text)) {
      rejects.push({ record: head.line, reason: 'expected an author line' });
      i++;
      continue;
    }
    i++;
    let tldr: string | null = null;
    if (i < lines.length && TLDR.test(lines[i].text)) {
      tldr = lines[i].text.replace(TLDR, '');
      i++;
    }
    // The abstract is the next line unless that is already the next paper's author line (prose
    // ends in a full stop and has long clauses, so it never reads as a list of names).
    const next = i < lines.length ? lines[i] : null;
    if (next === null || TLDR.test(next.text) || looksLikeAuthorLine(next.text)) {
      rejects.push({ record: head.line, reason: 'no abstract' });
      continue;
    }
    i++;
    records.push({
      record: head.line,
      title: null,
      abstract: next.text,
      tldr,
      authors: head.text.split(/\s*,\s*/),
    });
  }
  return { records, rejects };
}
