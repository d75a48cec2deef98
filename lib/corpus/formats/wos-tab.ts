/**
 * Web of Science tab-delimited export ("Tab-delimited (Win/Mac, UTF-8)"): a header row of the
 * plain-text tags (`PT AU BA … UT`), then one record a row, each row ending in a tab; list fields
 * (AU, AF, C1, CR, …) hold their items joined by `; `. The tags mean what they mean in plain text
 * (see `wos-fields.ts`). https://webofscience.help.clarivate.com/en-us/Content/export-records.htm
 */
import type { Emit, FormatSample, FormatSpec, ParserContext, StreamParser } from '../format-spec';
import { WOS_LIST_TAGS, buildWosRecord, splitOutsideBrackets, type WosFields } from './wos-fields';

const TAG = /^[A-Z][A-Z0-9]$/;

/** The header's tags, without the empty names a trailing tab leaves; null when it is no WoS header. */
function parseHeader(text: string): string[] | null {
  const names = text
    .replace(/^\ufeff/, '')
    .replace(/\r$/, '')
    .split('\t');
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names[0] !== 'PT' || names.length < 5) return null;
  for (const n of names) if (!TAG.test(n)) return null;
  return names.includes('TI') && (names.includes('AU') || names.includes('UT')) ? names : null;
}

/** Reads the header row, then one record a row; a row with another number of fields is rejected. */
class WosTabParser implements StreamParser {
  private tags: string[] | null = null;
  private headerSeen = false;

  constructor(private readonly emit: Emit) {}

  push(text: string, line: number): void {
    if (text.length === 0 || (text.length < 3 && text.trim() === '')) return;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.tags = parseHeader(text);
      if (this.tags === null) this.emit({ record: line, reason: 'not a WoS tab-delimited header row' });
      return;
    }
    const tags = this.tags;
    if (tags === null) {
      this.emit({ record: line, reason: 'no WoS tab-delimited header row' });
      return;
    }
    const cells = text.split('\t');
    // Every data row ends with a tab: one empty cell more than the header has names.
    if (cells.length === tags.length + 1 && cells[tags.length].trim() === '') cells.pop();
    if (cells.length !== tags.length) {
      this.emit({ record: line, reason: `${cells.length} fields where the header has ${tags.length}` });
      return;
    }
    const fields = Object.create(null) as WosFields;
    for (let i = 0; i < tags.length; i++) {
      const value = cells[i].trim();
      if (value === '') continue;
      const tag = tags[i];
      fields[tag] = WOS_LIST_TAGS.has(tag) ? splitOutsideBrackets(value, '; ') : [value];
    }
    this.emit(buildWosRecord(fields, line));
  }

  finish(): void {
    // One row is one record: nothing can be left open.
  }
}

/** True for a WoS tab-delimited export: a header row of two-letter tags starting with `PT`. */
function detectWosTab(sample: FormatSample): boolean {
  const nl = sample.text.indexOf('\n');
  if (nl < 0 && !sample.complete) return false;
  return parseHeader(nl < 0 ? sample.text : sample.text.slice(0, nl)) !== null;
}

/** Web of Science tab-delimited (Win/Mac, UTF-8 or UTF-16). */
export const WOS_TAB_FORMAT: FormatSpec = {
  name: 'wos-tab',
  description: 'Web of Science tab-delimited (Win/Mac, UTF-8 or UTF-16)',
  input: 'lines',
  detect: detectWosTab,
  createParser: (_ctx: ParserContext, emit: Emit) => new WosTabParser(emit),
};
