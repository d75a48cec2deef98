/**
 * Layout `hf-daily-papers` (a Hugging Face daily-papers page): page chrome, then per paper a title
 * line, an abstract line, `• N authors`, `·` and a date (`Nov 22, 2022`, or `Nov 7` for the
 * current year, which the manifest gives as the reference year), sometimes followed by an upvote count.
 */
import type { ParseResult, RawRecord } from './raw-record';
import { contentLines } from './raw-record';

/** The line that closes a paper block: `• 4 authors`. */
export const AUTHOR_COUNT_LINE = /^[•·*-]?\s*(\d+)\s+authors?$/;
// A trailing number after the date is the page's upvote counter (`Feb 13, 2023 1`).
const DATE_LINE = /^([A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)(?:\s+\d+)?$/;

/** Parses a daily-papers page; blocks are anchored on their author-count line. */
export function parseHfDailyPapers(text: string): ParseResult {
  const lines = contentLines(text);
  const records: RawRecord[] = [];
  const rejects: ParseResult['rejects'] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = AUTHOR_COUNT_LINE.exec(lines[i].text);
    if (!m) continue;
    const block = lines.slice(start, i);
    let j = i + 1;
    if (j < lines.length && lines[j].text === '·') j++;
    const date = j < lines.length ? (DATE_LINE.exec(lines[j].text)?.[1] ?? null) : null;
    if (date !== null) j++;
    start = j;
    // The first block also holds the page chrome; title and abstract are its last two lines.
    if (block.length < 2) {
      const at = block.length === 1 ? block[0].line : lines[i].line;
      rejects.push({ record: at, reason: block.length === 1 ? 'no abstract' : 'no title or abstract' });
      continue;
    }
    const title = block[block.length - 2];
    records.push({
      record: title.line,
      title: title.text,
      abstract: block[block.length - 1].text,
      authors: [],
      authorCount: Number(m[1]),
      date,
    });
  }
  return { records, rejects };
}
