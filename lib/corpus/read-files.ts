/**
 * The only file I/O of ingestion: expanding input folders and zip archives, reading (and
 * gunzipping) files, telling their text encoding (UTF-8, UTF-16 with a BOM, Windows-1252 with a
 * warning), and refusing binary data and undecidable text with a clear message. Everything is
 * streamed, so a large file never becomes one giant string.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { readdir, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from './errors';

/** One file to read: its absolute path, the name used in reports, and the folder it was found under. */
export interface InputFile {
  path: string;
  /** Path relative to the input folder (posix separators), or the base name of a file input. */
  name: string;
  /** The folder whose `sources.json` describes this file. */
  root: string;
  size: number;
  /** For a member of a `.zip` archive at `path`: the member's name in the archive. */
  member?: string;
}

/** Text encodings read: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252 for files
 * that are not UTF-8 but read as it (a CSV re-saved by Excel). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the readers need to know of a file: where its bytes are, its name in reports, its encoding. */
export interface TextSource {
  path: string;
  name: string;
  member?: string;
  /** Default: UTF-8. */
  encoding?: TextEncoding;
}

/** The start of a decoded file, for layout detection. */
export interface TextSample {
  text: string;
  /** True when `text` is the whole file. */
  complete: boolean;
  gzip: boolean;
  /** The encoding to read the file in. */
  encoding: TextEncoding;
  /** Set when the encoding is a guess worth telling the user about. */
  warning: string | null;
}

/** Longest line streamed from a line-oriented file; longer lines are skipped and reported. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;
/** Largest decoded text read whole (block layouts, JSON arrays). V8 strings top out near 512 MB. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
const MANIFEST_NAME = 'sources.json';
const SKIPPED_IN_FOLDERS = /^(?:\.|readme(?:\.|$)|license(?:\.|$))|^sources\.json$/i;

/**
 * Expands inputs (files or folders, recursively) into files sorted by absolute path, each once.
 * Hidden files, READMEs and the `sources.json` manifest inside folders are skipped.
 */
export async function listInputFiles(inputs: readonly string[]): Promise<InputFile[]> {
  if (inputs.length === 0) throw new InputError('(no input)', 'no input files or folders were given');
  const found = new Map<string, InputFile>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      throw new InputError(input, `cannot read: ${describeFsError(e)}`);
    }
    if (st.isDirectory()) {
      const files = await walk(abs, input);
      if (files.length === 0) throw new InputError(input, 'the folder holds no input files');
      for (const f of files) if (!found.has(f.path)) found.set(f.path, f);
    } else if (st.isFile()) {
      if (!found.has(abs))
        found.set(abs, { path: abs, name: path.basename(abs), root: path.dirname(abs), size: st.size });
    } else {
      throw new InputError(input, 'not a regular file or folder');
    }
  }
  const sorted = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A .zip archive stands for its members, read in the archive's order.
  const out: InputFile[] = [];
  for (const f of sorted) {
    if (!/\.zip$/i.test(f.path) || !(await isZip(f.path))) {
      out.push(f);
      continue;
    }
    const members = await listZipMembers(f.path, f.name);
    if (members.length === 0) throw new InputError(f.name, 'the zip archive holds no input files');
    for (const m of members)
      out.push({ path: f.path, name: `${f.name}/${m.name}`, root: f.root, size: m.size, member: m.name });
  }
  return out;
}

async function walk(root: string, label: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(path.join(label, path.relative(root, dir)), `cannot read folder: ${describeFsError(e)}`);
    }
    for (const entry of entries) {
      if (SKIPPED_IN_FOLDERS.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.isFile()) {
        const st = await stat(full);
        out.push({ path: full, name: path.relative(root, full).split(path.sep).join('/'), root, size: st.size });
      }
    }
  };
  await visit(root);
  return out;
}

/** The manifest path in a folder, if it has one. */
export async function findManifest(folder: string): Promise<string | null> {
  const p = path.join(folder, MANIFEST_NAME);
  try {
    return (await stat(p)).isFile() ? p : null;
  } catch {
    return null;
  }
}

/** Reads a small UTF-8 text file whole (the manifest). */
export async function readSmallText(file: string, label: string): Promise<string> {
  return readWholeText({ path: file, name: label });
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a folder';
  return err.message ?? String(e);
}

async function readMagic(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function isGzip(file: string): Promise<boolean> {
  const b = await readMagic(file, 2);
  return b.length === 2 && b[0] === 0x1f && b[1] === 0x8b;
}

async function isZip(file: string): Promise<boolean> {
  const b = await readMagic(file, 4);
  return b.length === 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

function openZip(file: string, label: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true },
      (err, zip) => {
        if (err || !zip)
          reject(new InputError(label, `cannot read the zip archive: ${err?.message ?? 'unknown error'}`));
        else resolve(zip);
      },
    );
  });
}

/** Walks a zip archive's entries in order; `visit` returns true to stop early. */
function walkZip(zip: yauzl.ZipFile, label: string, visit: (entry: yauzl.Entry) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (visit(entry)) resolve();
      else zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: Error) => reject(new InputError(label, `cannot read the zip archive: ${e.message}`)));
    zip.readEntry();
  });
}

const SKIPPED_IN_ZIPS =
  /(?:^|\/)(?:__MACOSX|\.[^/]*)(?:\/|$)|(?:^|\/)(?:readme|license)(?:\.[^/]*)?$|(?:^|\/)sources\.json$|\/$/i;

/** The files in a zip archive, in the archive's order (folders, hidden files and READMEs skipped). */
async function listZipMembers(file: string, label: string): Promise<{ name: string; size: number }[]> {
  const zip = await openZip(file, label);
  const out: { name: string; size: number }[] = [];
  try {
    await walkZip(zip, label, (entry) => {
      if (!SKIPPED_IN_ZIPS.test(entry.fileName)) out.push({ name: entry.fileName, size: entry.uncompressedSize });
      return false;
    });
  } finally {
    zip.close();
  }
  return out;
}

/** One zip member's bytes; `close` closes the archive too. */
async function openZipMember(
  file: string,
  member: string,
  label: string,
): Promise<{ stream: NodeJS.ReadableStream; close: () => void }> {
  const zip = await openZip(file, label);
  let found: yauzl.Entry | undefined;
  try {
    await walkZip(zip, label, (entry) => {
      if (entry.fileName === member) found = entry;
      return found !== undefined;
    });
    const entry = found;
    if (entry === undefined) throw new InputError(label, 'the member is no longer in the zip archive');
    const stream = await new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (err, s) => {
        if (err || !s) reject(new InputError(label, `cannot read the zip member: ${err?.message ?? 'unknown error'}`));
        else resolve(s);
      });
    });
    return {
      stream,
      close: () => {
        stream.destroy();
        zip.close();
      },
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** A byte stream of a file's content (or a zip member's), gunzipped when it is gzip data. */
async function openContent(
  source: TextSource,
  onRawBytes: (n: number) => void,
): Promise<{ stream: NodeJS.ReadableStream; gzip: boolean; close: () => void }> {
  const label = source.name;
  let raw: Readable;
  let closeRaw: () => void;
  let gzip: boolean;
  if (source.member !== undefined) {
    const opened = await openZipMember(source.path, source.member, label);
    raw = opened.stream as Readable;
    closeRaw = opened.close;
    gzip = /\.gz$/i.test(source.member);
  } else {
    try {
      gzip = await isGzip(source.path);
    } catch (e) {
      throw new InputError(label, `cannot read: ${describeFsError(e)}`);
    }
    const file = createReadStream(source.path, { highWaterMark: 1 << 20 });
    raw = file;
    closeRaw = () => file.destroy();
  }
  raw.on('data', (chunk: Buffer) => onRawBytes(chunk.length));
  if (!gzip) return { stream: raw, gzip, close: closeRaw };
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  return {
    stream: gunzip,
    gzip,
    close: () => {
      closeRaw();
      gunzip.destroy();
    },
  };
}

/** Offset of the first byte that breaks UTF-8 in `buf`, or -1. A sequence cut at the end is fine. */
export function findInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = buf[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The line (1-based) and offset of the first invalid UTF-8 byte of a chunk. */
function locateBadUtf8(chunk: Uint8Array, bytesBefore: number, linesBefore: number): { offset: number; line: number } {
  const at = Math.max(0, findInvalidUtf8(chunk));
  let line = linesBefore + 1;
  for (let k = 0; k < at; k++) if (chunk[k] === 10) line++;
  return { offset: bytesBefore + at, line };
}

function utf8Error(label: string, chunk: Buffer, bytesBefore: number, linesBefore: number): InputError {
  const { offset, line } = locateBadUtf8(chunk, bytesBefore, linesBefore);
  return new InputError(
    label,
    `not valid UTF-8 text (first bad byte at offset ${offset}, line ${line}); save the file as UTF-8, or give its encoding with --encoding windows-1252`,
  );
}

function gzipError(label: string, e: unknown): InputError {
  return new InputError(label, `cannot decompress: ${(e as Error).message} (is the .gz file complete?)`);
}

/** Bytes Windows-1252 leaves undefined: text holding them is not Windows-1252 either. */
const NOT_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The encoding of a file from its first bytes: a UTF-16 or UTF-8 byte-order mark; UTF-8 when the
 * bytes are valid UTF-8; Windows-1252 (with a warning) when they are not but hold no byte that
 * Windows-1252 leaves undefined. Throws for NUL bytes without a UTF-16 mark (binary data) and for
 * text that is neither.
 */
export function detectEncoding(
  head: Buffer,
  complete: boolean,
  label: string,
): { encoding: TextEncoding; warning: string | null } {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', warning: null };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', warning: null };
  if (head.subarray(0, 8192).includes(0)) {
    throw new InputError(
      label,
      'this is a binary file (it contains NUL bytes), not a text listing of papers; UTF-16 text needs its byte-order mark',
    );
  }
  const bad = findInvalidUtf8(complete ? head : head.subarray(0, Math.max(0, head.length - 4)));
  if (bad < 0) return { encoding: 'utf-8', warning: null };
  const { offset, line } = locateBadUtf8(head, 0, 0);
  for (const b of head) {
    if (NOT_CP1252.has(b)) {
      throw new InputError(
        label,
        `neither UTF-8 nor Windows-1252 text (first bad byte 0x${b.toString(16)} near offset ${offset}, line ${line}); save the file as UTF-8`,
      );
    }
  }
  return {
    encoding: 'windows-1252',
    warning: `not valid UTF-8 (first bad byte at offset ${offset}, line ${line}): read as Windows-1252 (Latin-1)`,
  };
}

function newDecoder(encoding: TextEncoding): TextDecoder {
  // Windows-1252 maps every byte; UTF-8 and UTF-16 errors must stop the read, not become U+FFFD.
  return new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
}

/**
 * Reads the first `SAMPLE_BYTES` of decoded text and tells the encoding. Throws InputError for an
 * empty file, a binary file or undecidable text. `encoding` forces one.
 */
export async function readSample(source: TextSource, forced?: TextEncoding): Promise<TextSample> {
  const label = source.name;
  const { stream, gzip, close } = await openContent(source, () => undefined);
  const parts: Buffer[] = [];
  let total = 0;
  let complete = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      total += chunk.length;
      if (total >= SAMPLE_BYTES) {
        complete = false;
        break;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw gzip ? gzipError(label, e) : new InputError(label, `cannot read: ${describeFsError(e)}`);
  } finally {
    close();
  }
  const buf = Buffer.concat(parts).subarray(0, complete ? undefined : SAMPLE_BYTES);
  if (buf.length === 0) throw new InputError(label, gzip ? 'the file is empty once decompressed' : 'the file is empty');
  const { encoding, warning } =
    forced !== undefined ? { encoding: forced, warning: null } : detectEncoding(buf, complete, label);
  let text: string;
  try {
    text = newDecoder(encoding).decode(buf, { stream: !complete });
  } catch {
    throw encoding === 'utf-8' ? utf8Error(label, buf, 0, 0) : new InputError(label, `not valid ${encoding} text`);
  }
  text = text.replace(/^\ufeff/, '');
  if (complete && text.trim() === '')
    throw new InputError(label, gzip ? 'the file is empty once decompressed' : 'the file is empty');
  return { text, complete, gzip, encoding, warning };
}

/** Wraps an error thrown by a caller's callback so it is not mistaken for a read error. */
class CallbackFailure {
  constructor(readonly error: unknown) {}
}

/** Refuses a UTF-8 file whose first chunk holds NUL bytes: binary data, not text. */
function refuseBinary(label: string, chunk: Buffer): void {
  if (chunk.subarray(0, 8192).includes(0)) {
    throw new InputError(label, 'this is a binary file (it contains NUL bytes), not a text listing of papers');
  }
}

/**
 * Streams a file's content (gunzipped) to `onChunk` chunk by chunk, then calls `onEnd`. An error
 * either throws passes as it is; a read or gzip error becomes an InputError naming the file.
 */
async function streamBytes(
  source: TextSource,
  onChunk: (chunk: Buffer) => void,
  onEnd: () => void,
  onRawBytes: (n: number) => void,
): Promise<void> {
  const label = source.name;
  const { stream, gzip, close } = await openContent(source, onRawBytes);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      try {
        onChunk(chunk);
      } catch (e) {
        throw new CallbackFailure(e);
      }
    }
    try {
      onEnd();
    } catch (e) {
      throw new CallbackFailure(e);
    }
  } catch (e) {
    if (e instanceof CallbackFailure) throw e.error;
    if (e instanceof InputError) throw e;
    throw gzip ? gzipError(label, e) : new InputError(label, `cannot read: ${describeFsError(e)}`);
  } finally {
    close();
  }
}

/**
 * Streams a file's decoded text to `onText` chunk by chunk (BOM removed), with the number of line
 * breaks before each chunk. Every reader below is built on it, except UTF-8 lines (readUtf8Lines).
 */
async function streamText(
  source: TextSource,
  onText: (text: string, linesBefore: number) => void,
  onRawBytes: (n: number) => void,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<void> {
  const label = source.name;
  const encoding = source.encoding ?? 'utf-8';
  const decoder = newDecoder(encoding);
  let bytes = 0;
  let lines = 0;
  let first = true;
  const take = (text: string): void => {
    if (text === '') return;
    const t = first ? text.replace(/^\ufeff/, '') : text;
    first = false;
    onText(t, lines);
    for (let at = t.indexOf('\n'); at >= 0; at = t.indexOf('\n', at + 1)) lines++;
  };
  await streamBytes(
    source,
    (chunk) => {
      if (bytes === 0 && encoding === 'utf-8') refuseBinary(label, chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw encoding === 'utf-8'
          ? utf8Error(label, chunk, bytes, lines)
          : new InputError(label, `not valid ${encoding} text near line ${lines + 1}`);
      }
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new InputError(
          label,
          `too large to read whole (over ${Math.round(maxBytes / 1048576)} MB decoded); split it, or use JSON lines or CSV, which are streamed`,
        );
      }
      take(text);
    },
    () => {
      let tail: string;
      try {
        tail = decoder.decode();
      } catch {
        throw new InputError(
          label,
          `not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding} text (the file ends inside a character)`,
        );
      }
      take(tail);
    },
    onRawBytes,
  );
}

/** Reads a whole file as text (gunzipped, decoded), reporting raw bytes read as it goes. */
export async function readWholeText(
  source: TextSource,
  onRawBytes: (n: number) => void = () => undefined,
): Promise<string> {
  const parts: string[] = [];
  await streamText(source, (t) => parts.push(t), onRawBytes, MAX_TEXT_BYTES);
  return parts.join('');
}

/** A line handed to `readLines`' callback; `tooLong` lines carry their length instead of text. */
export type StreamedLine =
  { line: number; text: string; tooLong: false } | { line: number; length: number; tooLong: true };

/**
 * Streams a file's lines (LF or CRLF) to `onLine`, never holding more than one line plus one
 * chunk. A line longer than `MAX_LINE_CHARS` is skipped and reported as `tooLong`.
 */
export async function readLines(
  source: TextSource,
  onLine: (l: StreamedLine) => void,
  onRawBytes: (n: number) => void = () => undefined,
  maxLineChars = MAX_LINE_CHARS,
): Promise<void> {
  if ((source.encoding ?? 'utf-8') === 'utf-8') return readUtf8Lines(source, onLine, onRawBytes, maxLineChars);
  let carry = '';
  let skipping = 0; // > 0 while inside an over-long line: its length so far
  let lineNo = 0;
  const emit = (text: string): void => {
    lineNo++;
    onLine({ line: lineNo, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLong: false });
  };
  await streamText(
    source,
    (text) => {
      let start = 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        if (skipping > 0) {
          lineNo++;
          onLine({ line: lineNo, length: skipping + nl - start, tooLong: true });
          skipping = 0;
        } else if (carry !== '') {
          emit(carry + text.slice(start, nl));
          carry = '';
        } else {
          emit(text.slice(start, nl));
        }
        start = nl + 1;
      }
      const rest = text.length - start;
      if (skipping > 0) skipping += rest;
      else if (carry.length + rest > maxLineChars) {
        skipping = carry.length + rest;
        carry = '';
      } else if (rest > 0) carry += text.slice(start);
    },
    onRawBytes,
  );
  if (skipping > 0) {
    lineNo++;
    onLine({ line: lineNo, length: skipping, tooLong: true });
  } else if (carry !== '') emit(carry);
}

/**
 * Buffer's own UTF-8 decoder, which `toString('utf8', from, to)` calls after checking its
 * arguments: called once a line, millions of times in a large export, the checks cost more than
 * the decoding of a short line. The bounds here are always in range.
 */
interface Utf8Slicer {
  utf8Slice(from: number, to: number): string;
}

/** Bytes at the end of `buf` that begin a UTF-8 character the next chunk finishes (0 to 3). */
function cutCharacterBytes(buf: Uint8Array): number {
  const n = buf.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = buf[n - k];
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k ? k : 0;
  }
  return 0;
}

/** Length in UTF-16 code units of the valid UTF-8 in `buf[from, to)`, as a decoded string's `length`. */
function utf16Length(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/**
 * `readLines` for UTF-8 text: the lines are cut from the bytes and each is decoded on its own, so a
 * line's string (and any part of it a reader keeps) holds no larger decoded chunk, and a line of
 * ASCII is a one-byte string whatever the rest of its chunk holds. Same lines, line numbers,
 * long-line reports and errors as decoding the chunks whole; the bytes are checked as UTF-8 chunk
 * by chunk, a character cut at a chunk's end with the next.
 */
async function readUtf8Lines(
  source: TextSource,
  onLine: (l: StreamedLine) => void,
  onRawBytes: (n: number) => void,
  maxLineChars: number,
): Promise<void> {
  const label = source.name;
  /** File offset of the next chunk's bytes (after `cut`). */
  let offset = 0;
  let newlines = 0;
  /** Bytes of a character the last chunk ended inside of. */
  let cut: Buffer | null = null;
  /** The start of a line that earlier chunks began, and its length in UTF-16 code units. */
  let carry: Buffer[] = [];
  let carryLength = 0;
  let skipping = 0; // > 0 while inside an over-long line: its length so far
  let lineNo = 0;
  let first = true;
  const emit = (buf: Buffer, from: number, to: number): void => {
    lineNo++;
    const end = to > from && buf[to - 1] === 13 ? to - 1 : to;
    onLine({ line: lineNo, text: (buf as unknown as Utf8Slicer).utf8Slice(from, end), tooLong: false });
  };
  const emitCarried = (): void => {
    const line = Buffer.concat(carry);
    carry = [];
    carryLength = 0;
    emit(line, 0, line.length);
  };
  await streamBytes(
    source,
    (chunk) => {
      if (offset === 0 && cut === null) refuseBinary(label, chunk);
      let buf = cut === null ? chunk : Buffer.concat([cut, chunk]);
      const start = offset - (cut === null ? 0 : cut.length);
      const whole = buf.length - cutCharacterBytes(buf);
      cut = whole < buf.length ? Buffer.from(buf.subarray(whole)) : null;
      buf = buf.subarray(0, whole);
      offset += chunk.length;
      if (!isUtf8(buf)) throw utf8Error(label, buf, start, newlines);
      let from = 0;
      if (first && buf.length > 0) {
        // A byte-order mark, as the decoder drops it (and one more, as streamText does).
        first = false;
        for (let k = 0; k < 2 && buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf; k++) from += 3;
      }
      for (;;) {
        const nl = buf.indexOf(10, from);
        if (nl < 0) break;
        newlines++;
        if (skipping > 0) {
          lineNo++;
          onLine({ line: lineNo, length: skipping + utf16Length(buf, from, nl), tooLong: true });
          skipping = 0;
        } else if (carry.length > 0) {
          carry.push(buf.subarray(from, nl));
          emitCarried();
        } else emit(buf, from, nl);
        from = nl + 1;
      }
      if (from === buf.length) return;
      const rest = utf16Length(buf, from, buf.length);
      if (skipping > 0) skipping += rest;
      else if (carryLength + rest > maxLineChars) {
        skipping = carryLength + rest;
        carry = [];
        carryLength = 0;
      } else {
        carry.push(buf.subarray(from));
        carryLength += rest;
      }
    },
    () => {
      if (cut !== null) {
        throw findInvalidUtf8(cut) >= 0
          ? utf8Error(label, cut, offset - cut.length, newlines)
          : new InputError(label, 'not valid UTF-8 text (the file ends inside a character)');
      }
    },
    onRawBytes,
  );
  if (skipping > 0) {
    lineNo++;
    onLine({ line: lineNo, length: skipping, tooLong: true });
  } else if (carry.length > 0) emitCarried();
}

/**
 * Streams a file's decoded text in chunks (as they come, line breaks kept) to `onChunk`, with the
 * 1-based number of the line each chunk starts on. For formats that split records themselves
 * (XML, JSON documents), which may hold a whole file on one line.
 */
export async function readChunks(
  source: TextSource,
  onChunk: (text: string, line: number) => void,
  onRawBytes: (n: number) => void = () => undefined,
): Promise<void> {
  await streamText(source, (text, linesBefore) => onChunk(text, linesBefore + 1), onRawBytes);
}
