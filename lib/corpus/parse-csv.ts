/**
 * Layouts `csv` and `tsv`: a header row, then one record a row (RFC 4180: fields in double quotes
 * may hold delimiters, `""` and line breaks). Fed line by line so large files stream.
 */
import type { ParseReject, RawRecord } from './raw-record';
import { buildFieldResolver, buildRecordFromFields, type FieldName } from './parse-json';

/** A finished row with the line it started on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** An RFC 4180 row splitter that accepts one line at a time and joins quoted line breaks. */
export class CsvRowReader {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private startLine = 0;
  private open = false;

  constructor(private readonly delimiter: string) {}

  /** Feeds one line (without its line break); returns the row it completes, or null while inside quotes. */
  pushLine(text: string, line: number): CsvRow | null {
    if (!this.open) {
      this.open = true;
      this.startLine = line;
      this.fields = [];
      this.field = '';
    } else {
      this.field += '\n';
    }
    const d = this.delimiter;
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          i = n;
        } else if (text[q + 1] === '"') {
          this.field += text.slice(i, q + 1);
          i = q + 2;
        } else {
          this.field += text.slice(i, q);
          this.quoted = false;
          i = q + 1;
        }
      } else {
        const c = text[i];
        if (c === '"' && this.field === '') {
          this.quoted = true;
          i++;
        } else if (c === d) {
          this.fields.push(this.field);
          this.field = '';
          i++;
        } else {
          // Copy up to the next delimiter in one slice (a stray quote mid-field is kept as text).
          let j = text.indexOf(d, i);
          if (j < 0) j = n;
          this.field += text.slice(i, j);
          i = j;
        }
      }
    }
    if (this.quoted) return null;
    this.fields.push(this.field.endsWith('\r') ? this.field.slice(0, -1) : this.field);
    this.open = false;
    return { line: this.startLine, fields: this.fields };
  }

  /** The line an unfinished quoted row started on, if the input ended inside quotes. */
  pendingLine(): number | null {
    return this.open ? this.startLine : null;
  }
}

/**
 * Turns CSV/TSV rows into raw records: the first row is the header; a row with a different number
 * of fields is rejected (`wrong field count`), as is a blank row.
 */
export class CsvRecordParser {
  private readonly rows: CsvRowReader;
  private header: string[] | null = null;
  private resolver: Partial<Record<FieldName, string>> = {};

  constructor(delimiter: string, private readonly fieldMap: Record<string, string> = {}) {
    this.rows = new CsvRowReader(delimiter);
  }

  /** The header fields once read. */
  get columns(): readonly string[] | null {
    return this.header;
  }

  /** Feeds one line; returns a record, a reject, or null (header, blank line, or row continues). */
  pushLine(text: string, line: number): RawRecord | ParseReject | null {
    const row = this.rows.pushLine(text, line);
    if (row === null) return null;
    if (this.header === null) {
      this.header = row.fields.map((f, i) => (i === 0 ? f.replace(/^\ufeff/, '') : f).trim());
      this.resolver = buildFieldResolver(this.header, this.fieldMap);
      return null;
    }
    if (row.fields.length === 1 && row.fields[0].trim() === '') return null;
    if (row.fields.length !== this.header.length) {
      return { record: row.line, reason: `wrong field count: ${row.fields.length} fields, header has ${this.header.length}` };
    }
    const obj: Record<string, string> = {};
    this.header.forEach((h, i) => {
      obj[h] = row.fields[i];
    });
    return buildRecordFromFields(obj, row.line, this.resolver);
  }

  /** Call at the end of input: a reject when the file ended inside a quoted field. */
  finish(): ParseReject | null {
    const pending = this.rows.pendingLine();
    return pending === null ? null : { record: pending, reason: 'unterminated quoted field' };
  }
}
