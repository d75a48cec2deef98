/**
 * Layout `numbered-listing` (a papers.cool venue page, e.g. "ICLR.2023 - Notable-top-25%"): a
 * header, `Total: N`, then per paper `#N Title [PDF5] [Copy] [Kimi8]`, `Authors: A ; B`, abstract.
 */
import type { ParseResult, RawRecord } from './raw-record';
import { contentLines } from './raw-record';

/** A numbered title line: `#12 Some Title [PDF] [Copy] [Kimi4]`. */
export const NUMBERED_TITLE = /^#(\d+)\s+(.+?)((?:\s*\[[A-Za-z]+\d*\])*)$/;
const AUTHORS_LINE = /^Authors?\s*:\s*(.*)$/;
const VENUE_HEADER = /^([A-Za-z][A-Za-z-]*)\.(\d{4})(?:\s+-\s+(.+))?$/;

/** Parses a numbered venue listing. The header (`ICLR.2023 - …`) gives venue and year. */
export function parseNumberedListing(text: string): ParseResult {
  const lines = contentLines(text);
  const records: RawRecord[] = [];
  const rejects: ParseResult['rejects'] = [];
  let venue: string | null = null;
  let year: number | null = null;
  const firstTitle = lines.findIndex((l) => NUMBERED_TITLE.test(l.text));
  for (const l of lines.slice(0, Math.max(0, firstTitle))) {
    const h = VENUE_HEADER.exec(l.text);
    if (h) {
      venue = `${h[1]} ${h[2]}`;
      year = Number(h[2]);
    }
  }
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (NUMBERED_TITLE.test(l.text)) starts.push(i);
  });
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    const m = NUMBERED_TITLE.exec(lines[s].text);
    const block = lines.slice(s + 1, end);
    const authorIdx = block.findIndex((b) => AUTHORS_LINE.test(b.text));
    const authorsText = authorIdx >= 0 ? (AUTHORS_LINE.exec(block[authorIdx].text)?.[1] ?? '') : '';
    const rest = block.filter((_b, i) => i !== authorIdx).map((b) => b.text);
    if (!m) return;
    if (rest.length === 0) {
      rejects.push({ record: lines[s].line, reason: 'no abstract' });
      return;
    }
    records.push({
      record: lines[s].line,
      title: m[2].trim(),
      abstract: rest.join(' '),
      authors: authorsText.split(/\s*;\s*/).filter((a) => a !== ''),
      venue,
      year,
    });
  });
  return { records, rejects };
}
