/**
 * Streaming XML for the record-list formats (PubMed XML, EndNote XML): a `saxes` parser fed text
 * chunks of any size, cut into one record element at a time. Only the open record is held in
 * memory; a format supplies a builder that turns the record's elements into a raw record.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Emit, ParserContext } from '../format-spec';
import type { RawRecord } from '../raw-record';

/** One XML element as the builders see it: its name and its attributes. */
export type XmlTag = SaxesTagPlain;

/** What a format does with the elements of one record element. */
export interface XmlRecordBuilder {
  /** The record element opened: start a fresh record. */
  begin(tag: XmlTag): void;
  /**
   * An element inside the record opened; `path` holds the names of the open elements, the
   * document's root first and this element last. Return true to be given its text when it closes.
   */
  open(tag: XmlTag, path: readonly string[]): boolean;
  /** An element inside the record closed (`path` still ends with it); `text` is its trimmed text when `open` asked for it. */
  close(name: string, path: readonly string[], text: string | null): void;
  /** The record element closed: the record read from it, reported at `line`. */
  end(line: number): RawRecord;
}

/** The parent of the element that `path` ends with (`''` at the root). */
export function parentOf(path: readonly string[]): string {
  return path.length >= 2 ? path[path.length - 2] : '';
}

/** The grandparent of the element that `path` ends with (`''` near the root). */
export function grandparentOf(path: readonly string[]): string {
  return path.length >= 3 ? path[path.length - 3] : '';
}

/**
 * Well-formedness errors that lose no structure: a bad character or entity (the text is kept as
 * written) and a second root element (several documents joined into one file; their records read fine).
 */
const HARMLESS_ERRORS = new Set([
  'undefined entity.',
  'disallowed character in entity name.',
  'empty entity name.',
  'disallowed character.',
  'the string "]]>" is disallowed in char data.',
  'documents may contain only one root.',
]);

/** Errors at the start of a second document joined onto the first (`cat a.xml b.xml`). */
const JOINED_DOCUMENT_ERRORS = new Set([
  'an XML declaration must be at the start of the document.',
  'inappropriately located doctype declaration.',
  'processing instructions are not allowed before root.',
]);

/** `3:14: undefined entity.` → `undefined entity.` (saxes prefixes line and column). */
function errorMessage(err: Error): string {
  const m = /^\d+:\d+: /.exec(err.message);
  return m === null ? err.message : err.message.slice(m[0].length);
}

/** Joins and trims collected text pieces. */
function joinText(parts: readonly string[]): string {
  return (parts.length === 1 ? parts[0] : parts.join('')).trim();
}

/**
 * Reads a stream of XML text into records: every element named in `recordNames` (wherever it
 * sits) becomes one record through `builder`. A record that the file cuts off, or that holds broken
 * markup, is rejected at its start line; broken markup between records is rejected at its own line
 * (once per gap between records). Never throws: a failure of the reader itself stops it with a reject.
 */
export class XmlRecordStream {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly path: string[] = [];
  /** Depth (`path.length`) of the open record element, or -1 between records. */
  private recordDepth = -1;
  private recordLine = 0;
  /** First structural error inside the open record. */
  private damage: string | null = null;
  /** Depth of the element whose text is being collected, or -1. */
  private captureDepth = -1;
  private captured: string[] = [];
  /** Line of the last tag seen between records: where stray text after it begins (saxes reports it at its end). */
  private gapLine = 1;
  /**
   * Depth of the shallowest element left open by a break already reported (a record cut off by the
   * next one, an element opened by broken markup): saxes closes it later out of order.
   */
  private orphanDepth = Number.POSITIVE_INFINITY;
  private lastCloseWasOrphan = false;
  /** True once the current gap between records has had its reject (or a warning), to report each break once. */
  private gapReported = false;
  private warnedJoined = false;
  private finishing = false;
  private stopped = false;

  constructor(
    private readonly recordNames: ReadonlySet<string>,
    private readonly builder: XmlRecordBuilder,
    private readonly emit: Emit,
    private readonly ctx: Pick<ParserContext, 'warn'>,
  ) {
    const p = this.parser;
    p.on('opentag', (tag) => this.onOpen(tag));
    p.on('closetag', (tag) => this.onClose(tag.name));
    p.on('cdata', (text) => {
      if (this.captureDepth >= 0) this.captured.push(text);
    });
    p.on('error', (err) => this.onError(errorMessage(err)));
  }

  /** The next piece of the file, in order (an element or a tag may straddle pieces). */
  write(text: string): void {
    if (this.stopped) return;
    try {
      this.parser.write(text);
    } catch (e) {
      this.stop(e);
    }
  }

  /** End of input: a record still open was cut off. */
  finish(): void {
    if (this.stopped) return;
    this.finishing = true;
    try {
      this.parser.close();
    } catch (e) {
      this.stop(e);
      return;
    }
    if (this.recordDepth >= 0) {
      this.emit({ record: this.recordLine, reason: 'cut off at end of file' });
      this.recordDepth = -1;
    }
    this.stopped = true;
  }

  private readonly collect = (text: string): void => {
    this.captured.push(text);
  };

  /**
   * The text handler is set only while an element's text is wanted: without one, saxes skips
   * building the strings of everything else (the indentation of pretty-printed files, unread fields).
   */
  private startCapture(depth: number): void {
    this.captureDepth = depth;
    this.captured = [];
    this.parser.on('text', this.collect);
  }

  private endCapture(): string {
    const text = joinText(this.captured);
    this.captured = [];
    this.captureDepth = -1;
    this.parser.off('text');
    return text;
  }

  private stop(e: unknown): void {
    this.stopped = true;
    const line = this.recordDepth >= 0 ? this.recordLine : this.parser.line;
    this.emit({ record: line, reason: `cannot read XML: ${e instanceof Error ? e.message : String(e)}` });
  }

  private onOpen(tag: XmlTag): void {
    const path = this.path;
    path.push(tag.name);
    if (this.recordNames.has(tag.name)) {
      if (this.recordDepth >= 0) {
        // A record opening inside the open one: the open one was cut off (a truncated copy, joined files).
        this.emit({ record: this.recordLine, reason: `cut off by the next <${tag.name}>` });
        this.orphanDepth = Math.min(this.orphanDepth, this.recordDepth);
      }
      if (this.captureDepth >= 0) this.endCapture();
      this.recordDepth = path.length;
      this.recordLine = this.parser.line;
      this.damage = null;
      this.gapReported = false;
      this.builder.begin(tag);
      return;
    }
    if (this.recordDepth < 0) {
      this.gapLine = this.parser.line;
      // Elements opened by broken markup between records close out of order later: not news.
      if (this.gapReported) this.orphanDepth = Math.min(this.orphanDepth, path.length);
      return;
    }
    if (this.builder.open(tag, path) && this.captureDepth < 0) this.startCapture(path.length);
  }

  private onClose(name: string): void {
    const path = this.path;
    const depth = path.length;
    this.lastCloseWasOrphan = depth >= this.orphanDepth && this.recordDepth < 0;
    if (depth <= this.orphanDepth) this.orphanDepth = Number.POSITIVE_INFINITY;
    if (this.recordDepth >= 0 && depth > this.recordDepth) {
      this.builder.close(name, path, depth === this.captureDepth ? this.endCapture() : null);
    } else {
      if (depth === this.recordDepth) this.endRecord();
      this.gapLine = this.parser.line;
    }
    path.pop();
  }

  private endRecord(): void {
    const line = this.recordLine;
    if (this.captureDepth >= 0) this.endCapture();
    const out = this.damage !== null ? { record: line, reason: `bad XML: ${this.damage}` } : this.builder.end(line);
    // What saxes reports while it unwinds a broken record belongs to its reject.
    if (this.damage !== null) this.gapReported = true;
    this.recordDepth = -1;
    this.emit(out);
  }

  private onError(message: string): void {
    if (this.finishing || HARMLESS_ERRORS.has(message)) return;
    if (this.recordDepth >= 0) {
      this.damage ??= message;
      return;
    }
    // Echoes of a break already reported: closing tags left over after saxes unwound its stack.
    if (message.startsWith('unmatched closing tag') || (message === 'unexpected close tag.' && this.lastCloseWasOrphan))
      return;
    if (this.gapReported) return;
    this.gapReported = true;
    if (JOINED_DOCUMENT_ERRORS.has(message)) {
      if (!this.warnedJoined) this.ctx.warn('several XML documents joined in one file; reading each');
      this.warnedJoined = true;
      return;
    }
    const line = message === 'text data outside of root node.' ? this.gapLine : this.parser.line;
    this.emit({ record: line, reason: `bad XML: ${message}` });
  }
}

/**
 * The names of the first `count` elements of an XML text (its root first), skipping the XML
 * declaration, comments, processing instructions and the DOCTYPE; empty when the text does not
 * start like XML. For detection: a format is known by its root and first children.
 */
export function readLeadingElements(text: string, count: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && out.length < count) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    // Only whitespace may stand before the root; text inside elements is skipped once we are in.
    if (out.length === 0 && text.slice(i, lt).trim() !== '') return [];
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) break;
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
    } else if (next === 0x21 /* ! */) {
      // DOCTYPE (maybe with an internal subset in brackets) or CDATA.
      const bracket = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (close < 0) break;
      if (bracket >= 0 && bracket < close) {
        const end = text.indexOf(']', bracket);
        if (end < 0) break;
        const after = text.indexOf('>', end);
        if (after < 0) break;
        i = after + 1;
      } else i = close + 1;
    } else if (next === 0x2f /* / */) {
      const close = text.indexOf('>', lt);
      if (close < 0) break;
      i = close + 1;
    } else {
      let end = lt + 1;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
        end++;
      }
      if (end === n) break;
      out.push(text.slice(lt + 1, end));
      const close = text.indexOf('>', end);
      if (close < 0) break;
      i = close + 1;
    }
  }
  return out;
}
