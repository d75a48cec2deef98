/**
 * The contract of a streaming format reader (Web of Science, Scopus, PubMed, RIS, OpenAlex, …):
 * how it recognizes a file from its first bytes and how it turns the file's text, fed piece by
 * piece, into raw records. Readers are pure: no file access, no console; the ingest loop in
 * `index.ts` does the reading, decoding and counting.
 */
import type { ParseReject, RawRecord } from './raw-record';

/** The decoded start of a file (at most 64 KB), for detection. */
export interface FormatSample {
  /** Text with any byte-order mark removed; line ends as in the file (LF or CRLF). */
  text: string;
  /** True when `text` is the whole file; otherwise its last line may be cut. */
  complete: boolean;
}

/** What a reader gets besides the text. */
export interface ParserContext {
  /** The file's name in reports. */
  file: string;
  /** The user's field names (`--field-map`), for layouts with free column names. */
  fieldMap: Readonly<Record<string, string>>;
  /** A note about the whole file (an encoding guess, a column it does not know); shown in the summary. */
  warn(message: string): void;
}

/** Receives each finished record, or a reject naming its 1-based start line and why. */
export type Emit = (out: RawRecord | ParseReject) => void;

/** A reader's running state over one file. */
export interface StreamParser {
  /**
   * The next piece of input, in order. For `input: 'lines'`: one line without its line break
   * (a trailing `\r` already removed) and its 1-based line number. For `input: 'chunks'`: a chunk
   * of decoded text of any length (line breaks kept) and the 1-based number of the line it starts on.
   */
  push(text: string, line: number): void;
  /** End of input: emit the last record, and report one left unfinished (no `ER`, a cut-off element). */
  finish(): void;
}

/** A format: its name (`--format NAME`), how to spot it, and how to read it. */
export interface FormatSpec {
  name: string;
  /** One line for `--help` and error messages: what the format is. */
  description: string;
  input: 'lines' | 'chunks';
  /** True when the sample is this format. Specs are tried in registry order: specific ones first. */
  detect(sample: FormatSample): boolean;
  /** A fresh reader for one file; it calls `emit` for every record or reject, in file order. */
  createParser(ctx: ParserContext, emit: Emit): StreamParser;
  /** Venue for records that name none (e.g. 'arXiv'). */
  defaultVenue?: string;
  /**
   * For JSON readers that are `createJsonTextParser(emit, takeItem)`: what the reader does with
   * each record's text. Ingest then cuts records out on one thread and parses them on several, with
   * the output of one reader (lib/corpus/read-blocks.ts).
   */
  takeItem?(text: string, line: number, emit: Emit): void;
}
