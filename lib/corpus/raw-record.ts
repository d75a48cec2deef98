/**
 * What a layout parser hands back before normalization: the fields as the source gave them.
 * Parsers are pure (text or lines in, raw records and rejects out); `buildCandidate` cleans them.
 */

/** One record as read from a file, before text normalization, name fixing and de-duplication. */
export interface RawRecord {
  /** 1-based line where the record starts, or its ordinal for formats without lines (JSON arrays). */
  record: number;
  title: string | null;
  abstract: string | null;
  tldr?: string | null;
  /** Author names as listed (any form: `First Last`, `Last, First`, shouting, …). */
  authors: string[];
  /** When a listing gives only a number of authors. */
  authorCount?: number | null;
  year?: number | null;
  /** A date as the source wrote it (`2022-11-22`, `Nov 22, 2022`, `Nov 22`, `2019`). */
  date?: string | null;
  venue?: string | null;
  label?: string | null;
  externalId?: string | null;
}

/** A record a parser could not use, with its position in the file and why. */
export interface ParseReject {
  record: number;
  reason: string;
}

/** What every layout parser returns. */
export interface ParseResult {
  records: RawRecord[];
  rejects: ParseReject[];
}

/** A line of a text file with its 1-based number. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Splits text into numbered lines (LF or CRLF), keeping empty lines so numbers match the file. */
export function splitLines(text: string): NumberedLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t }));
}

/** The non-blank lines of a text, numbered as in the file and trimmed. */
export function contentLines(text: string): NumberedLine[] {
  return splitLines(text)
    .map((l) => ({ line: l.line, text: l.text.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, '') }))
    .filter((l) => l.text !== '');
}
