/**
 * Web of Science plain text ("Full Record and Cited References"): an `FN`/`VR` header, then records
 * from `PT` to `ER`, each line a two-letter tag and its value, continuation lines indented three
 * spaces, `EF` at the end. https://webofscience.help.clarivate.com/en-us/Content/export-records.htm
 */
import type { Emit, FormatSample, FormatSpec, ParserContext, StreamParser } from '../format-spec';
import { buildWosRecord, type WosFields } from './wos-fields';

export { parseWosReference } from './wos-fields';

/** `XY` or `XY value`: an upper-case letter, a letter or digit, then a space or the line's end. */
function isTagLine(text: string): boolean {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  return (
    a >= 65 &&
    a <= 90 &&
    ((b >= 65 && b <= 90) || (b >= 48 && b <= 57)) &&
    (text.length === 2 || text.charCodeAt(2) === 32)
  );
}

/** The tag names by code (`tagCode`), made once: a tag cut from each line would be a new string to hash. */
const TAG_NAMES: string[] = [];

/** The name of the tag `text` starts with (`isTagLine` holds). */
function tagName(text: string): string {
  const code = (text.charCodeAt(0) - 65) * 43 + text.charCodeAt(1) - 48;
  return (TAG_NAMES[code] ??= text.slice(0, 2));
}

/** Reads WoS plain text line by line; a record without `ER` (before the next `PT`, `EF` or the end) is rejected. */
class WosParser implements StreamParser {
  /** Tags of the open record, or null between records. */
  private fields: WosFields | null = null;
  private start = 0;
  /** The value list continuation lines extend. */
  private last: string[] | null = null;
  /** First line of tagged lines met outside any record (0: none pending). */
  private stray = 0;

  constructor(private readonly emit: Emit) {}

  push(text: string, line: number): void {
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length === 0) return;
    if (text.charCodeAt(0) === 32 || !isTagLine(text)) {
      // Continuation line (three spaces); an untagged line inside a record is read the same way.
      if (this.last !== null) {
        const s = text.trim();
        if (s !== '') this.last.push(s);
      }
      return;
    }
    const tag = tagName(text);
    switch (tag) {
      case 'PT':
        if (this.fields !== null) this.emit({ record: this.start, reason: 'no ER before the next record' });
        this.flushStray();
        this.fields = Object.create(null) as WosFields;
        this.start = line;
        break;
      case 'ER':
        if (this.fields !== null) this.emit(buildWosRecord(this.fields, this.start));
        else if (this.stray === 0) this.emit({ record: line, reason: 'ER without PT' });
        this.flushStray();
        this.fields = null;
        this.last = null;
        return;
      case 'EF':
        if (this.fields !== null) this.emit({ record: this.start, reason: 'no ER before EF' });
        this.flushStray();
        this.fields = null;
        this.last = null;
        return;
      case 'FN':
      case 'VR':
        if (this.fields === null) return;
        break;
      default:
        if (this.fields === null) {
          if (this.stray === 0) this.stray = line;
          this.last = null;
          return;
        }
    }
    const fields = this.fields;
    const value = text.length > 3 ? text.slice(3).trim() : '';
    const list = fields[tag];
    if (list === undefined) this.last = fields[tag] = value === '' ? [] : [value];
    else {
      if (value !== '') list.push(value);
      this.last = list;
    }
  }

  finish(): void {
    if (this.fields !== null) this.emit({ record: this.start, reason: 'cut off at end of file' });
    this.flushStray();
    this.fields = null;
  }

  private flushStray(): void {
    if (this.stray !== 0) this.emit({ record: this.stray, reason: 'fields before PT' });
    this.stray = 0;
  }
}

/** True for a WoS plain-text export: `FN …` then `VR …` or `PT …`, or a bare `PT J` record start. */
function detectWos(sample: FormatSample): boolean {
  const lines = sample.text.replace(/^\ufeff/, '').split('\n', 3);
  const first = lines[0]?.replace(/\r$/, '') ?? '';
  const second = lines[1]?.replace(/\r$/, '') ?? '';
  if (first.startsWith('FN ')) return second.startsWith('VR ') || second.startsWith('PT ');
  return /^PT [A-Z]$/.test(first) && /^[A-Z][A-Z0-9] \S/.test(second);
}

/** Web of Science plain text (FN/VR header, two-letter tags, ER/EF). */
export const WOS_FORMAT: FormatSpec = {
  name: 'wos',
  description: 'Web of Science plain text (FN/VR header, two-letter tags, ER/EF)',
  input: 'lines',
  detect: detectWos,
  createParser: (_ctx: ParserContext, emit: Emit) => new WosParser(emit),
};
