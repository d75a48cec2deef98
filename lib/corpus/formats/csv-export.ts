/**
 * What the CSV exports of Scopus, Lens, IEEE Xplore and OpenAlex share: rows read by
 * `CsvTableReader` (delimiter sniffed, broken quotes recovered), columns found by name once per
 * file, and cells read the same way (trimmed; empty and R's `NA` as missing).
 */
import type { Emit, FormatSample, ParserContext, StreamParser } from '../format-spec';
import type { KeywordKind, RawKeyword, RawRecord } from '../raw-record';
import { CsvTableReader, parseCsvHead } from '../parse-csv';
import { parseCountry } from '../bib-fields';

/** Column positions of one file, by name (compared in lower case). */
export class CsvColumns {
  private readonly at = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((n, i) => {
      const key = n.toLowerCase();
      if (!this.at.has(key)) this.at.set(key, i);
    });
  }

  /** Position of the first of `names` the file has, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const i = this.at.get(n.toLowerCase());
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** True when the file has a column `name`. */
  has(name: string): boolean {
    return this.at.has(name.toLowerCase());
  }
}

/**
 * The cell at position `i`, trimmed; null when the column is absent (`i < 0`), the cell is empty,
 * or it holds `NA` (what R writes for a missing value in re-saved exports, and IEEE for no affiliation).
 */
export function readCell(fields: readonly string[], i: number): string | null {
  if (i < 0) return null;
  const v = fields[i].trim();
  return v === '' || v === 'NA' ? null : v;
}

/** The parts of a list cell split at `separator`, trimmed, without empty and `NA` parts. */
export function splitCell(value: string | null, separator: string): string[] {
  if (value === null) return [];
  const out: string[] = [];
  for (const part of value.split(separator)) {
    const t = part.trim();
    if (t !== '' && t !== 'NA') out.push(t);
  }
  return out;
}

/** Adds the keywords of a list cell, each of `kind`. */
export function addKeywords(out: RawKeyword[], value: string | null, separator: string, kind: KeywordKind): void {
  for (const keyword of splitCell(value, separator)) out.push({ keyword, kind });
}

/** A year cell (`2019`) as a number; null for anything else. */
export function readYear(value: string | null): number | null {
  return value !== null && /^\d{4}$/.test(value) ? Number(value) : null;
}

/** The part of an identifier URL after its last `/` or `=` (`https://openalex.org/W123` → `W123`). */
export function stripIdUrl(value: string): string {
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('='));
  return cut >= 0 ? value.slice(cut + 1) : value;
}

let regionNames: Intl.DisplayNames | null = null;
const countryByCode = new Map<string, string | null>();

/** A country from its ISO 3166 two-letter code (`IT` → `Italy`), named as `parseCountry` names it. */
export function parseCountryCode(code: string): string | null {
  const key = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(key)) return null;
  let hit = countryByCode.get(key);
  if (hit === undefined) {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    let name: string | undefined;
    try {
      name = regionNames.of(key);
    } catch {
      name = undefined;
    }
    if (name === undefined || name === key || name === 'Unknown Region') hit = null;
    else {
      name = name.replace(/ SAR China$/, '');
      hit = parseCountry(name) ?? name;
    }
    countryByCode.set(key, hit);
  }
  return hit;
}

/** The header of a CSV sample and its first data rows, for detection. */
export interface CsvSampleHead {
  delimiter: string;
  /** Header names in lower case. */
  columns: ReadonlySet<string>;
  header: readonly string[];
  rows: readonly string[][];
}

const heads = new WeakMap<FormatSample, CsvSampleHead | null>();

/** The CSV header of a sample (BOM, quotes and any of `,` `;` tab `|` handled); cached per sample. */
export function readSampleHead(sample: FormatSample): CsvSampleHead | null {
  const cached = heads.get(sample);
  if (cached !== undefined) return cached;
  let text = sample.text;
  if (!sample.complete) {
    const cut = text.lastIndexOf('\n');
    if (cut > 0) text = text.slice(0, cut);
  }
  const parsed = parseCsvHead(text, 3);
  let head: CsvSampleHead | null = null;
  if (parsed !== null && parsed.rows.length > 0 && parsed.rows[0].length >= 2) {
    const header = parsed.rows[0];
    head = {
      delimiter: parsed.delimiter,
      header,
      columns: new Set(header.map((h) => h.toLowerCase())),
      rows: parsed.rows.slice(1),
    };
  }
  heads.set(sample, head);
  return head;
}

/** One CSV export format's row reading. */
export interface CsvExportReader {
  /** The format's name, for the warning about a file without its columns. */
  format: string;
  /** Columns every file of the format has; a file without them gets a warning. */
  required: readonly string[];
  /** The row reader for a file's columns (positions resolved once per file). */
  buildRow(columns: CsvColumns, ctx: ParserContext): (fields: readonly string[], line: number) => RawRecord;
}

/** A stream parser for a CSV export: the header row names the columns, each row is a record. */
export function createCsvExportParser(reader: CsvExportReader, ctx: ParserContext, emit: Emit): StreamParser {
  let row: ((fields: readonly string[], line: number) => RawRecord) | null = null;
  const table = new CsvTableReader({
    header: (names) => {
      const columns = new CsvColumns(names);
      const missing = reader.required.filter((c) => !columns.has(c));
      if (missing.length > 0)
        ctx.warn(`no ${missing.map((c) => `"${c}"`).join(', ')} column; is this a ${reader.format} export?`);
      row = reader.buildRow(columns, ctx);
    },
    row: (fields, line) => {
      if (row !== null) emit(row(fields, line));
    },
    reject: emit,
  });
  return {
    push: (text, line) => table.push(text, line),
    finish: () => table.finish(),
  };
}
