/**
 * Layout `hf-papers-listing` (a Hugging Face papers search/listing page): page chrome, then
 * alternating title and abstract lines. The chrome's `Subscribe` button text is glued to the
 * first title (`SubscribeLegendreTron: …`).
 */
import type { NumberedLine, ParseResult, RawRecord } from './raw-record';
import { contentLines } from './raw-record';

const CHROME_LINE = /^(?:Get trending papers in your email inbox.*|Subscribe|Papers|Trending|new)$/i;
const GLUED_CHROME = /^Subscribe(?=[\p{Lu}\p{N}])/u;

/** True for a line short enough to be a paper title rather than an abstract (titles may hold `vs. X`). */
export function looksLikeTitle(text: string): boolean {
  return text.length <= 300 && text.split(' ').length <= 40;
}

/** True for a line that reads as an abstract: long prose. */
export function looksLikeAbstract(text: string): boolean {
  return text.length >= 150 && text.split(' ').length >= 20;
}

/** Strips the page chrome: leading chrome lines, and `Subscribe` glued to the first title. */
export function stripListingChrome(lines: NumberedLine[]): NumberedLine[] {
  let i = 0;
  while (i < lines.length && CHROME_LINE.test(lines[i].text)) i++;
  const rest = lines.slice(i);
  if (rest.length > 0 && GLUED_CHROME.test(rest[0].text)) {
    rest[0] = { line: rest[0].line, text: rest[0].text.replace(GLUED_CHROME, '') };
  }
  return rest;
}

/**
 * Parses title/abstract pairs. A title followed by another title (no abstract) is rejected and
 * the pairing resynchronizes on the next line.
 */
export function parseHfPapersListing(text: string): ParseResult {
  const lines = stripListingChrome(contentLines(text));
  const records: RawRecord[] = [];
  const rejects: ParseResult['rejects'] = [];
  let i = 0;
  while (i < lines.length) {
    const title = lines[i];
    const next = i + 1 < lines.length ? lines[i + 1] : null;
    if (!looksLikeTitle(title.text)) {
      rejects.push({ record: title.line, reason: 'expected a title line' });
      i++;
      continue;
    }
    if (next === null || !looksLikeAbstract(next.text)) {
      rejects.push({ record: title.line, reason: 'no abstract' });
      i++;
      continue;
    }
    records.push({ record: title.line, title: title.text, abstract: next.text, authors: [] });
    i += 2;
  }
  return { records, rejects };
}
