/**
 * Layout `arxiv-author-page`: a page listing one author's papers (page chrome, the author's name
 * as `Last, First`, then blocks of title / `arXiv.org <Subject>` / abstract). Every paper on the
 * page is by that author.
 */
import type { NumberedLine, ParseResult, RawRecord } from './raw-record';
import { contentLines } from './raw-record';

/** The subject line that marks a paper block: `arXiv.org Artificial Intelligence`. */
export const ARXIV_SUBJECT_LINE = /^arXiv\.org\s+([A-Z][A-Za-z ,&-]+)$/;
const CHROME = new Set(['goto', 'collaborating authors', 'authors', 'papers']);

/** Parses an arXiv author page into one record per paper, each crediting the page's author. */
export function parseArxivAuthorPage(text: string): ParseResult {
  const lines = contentLines(text);
  const subjects: number[] = [];
  lines.forEach((l, i) => {
    if (ARXIV_SUBJECT_LINE.test(l.text)) subjects.push(i);
  });
  const records: RawRecord[] = [];
  const rejects: ParseResult['rejects'] = [];
  const author = findPageAuthor(lines.slice(0, subjects.length > 0 ? Math.max(0, subjects[0] - 1) : 0));
  subjects.forEach((s, k) => {
    const next = k + 1 < subjects.length ? subjects[k + 1] - 1 : lines.length;
    const titleLine = s > 0 ? lines[s - 1] : null;
    const prevEnd = k > 0 ? subjects[k - 1] + 1 : -1;
    // A block normally has exactly one abstract line between its subject and the next title.
    const body = lines.slice(s + 1, next);
    const titleOk = titleLine !== null && s - 1 > prevEnd;
    const record = titleOk ? titleLine.line : lines[s].line;
    if (!titleOk) {
      rejects.push({ record, reason: 'no title' });
      return;
    }
    if (body.length === 0) {
      rejects.push({ record, reason: 'no abstract' });
      return;
    }
    records.push({
      record,
      title: titleLine.text,
      abstract: body.map((b) => b.text).join(' '),
      authors: author ? [author] : [],
      label: ARXIV_SUBJECT_LINE.exec(lines[s].text)?.[1] ?? null,
    });
  });
  return { records, rejects };
}

/** The page owner's name: the last chrome line before the first title that looks like a name. */
function findPageAuthor(chrome: NumberedLine[]): string | null {
  for (let i = chrome.length - 1; i >= 0; i--) {
    const t = chrome[i].text;
    if (CHROME.has(t.toLowerCase())) continue;
    if (/^[\p{L}.'’ -]+,\s*[\p{L}.'’ -]+$/u.test(t) || /^[\p{L}.'’-]+(?: [\p{L}.'’-]+){1,4}$/u.test(t)) return t;
  }
  return null;
}
