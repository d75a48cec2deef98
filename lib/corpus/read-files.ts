/**
 * The only file I/O of ingestion: expanding input folders, reading (and gunzipping) files, and
 * refusing binary data and invalid UTF-8 with a clear message. Line formats are streamed so a
 * large file never becomes one giant string.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { InputError } from './errors';

/** One file to read: its absolute path, the name used in reports, and the folder it was found under. */
export interface InputFile {
  path: string;
  /** Path relative to the input folder (posix separators), or the base name of a file input. */
  name: string;
  /** The folder whose `sources.json` describes this file. */
  root: string;
  size: number;
}

/** The start of a decoded file, for layout detection. */
export interface TextSample {
  text: string;
  /** True when `text` is the whole file. */
  complete: boolean;
  gzip: boolean;
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
      if (!found.has(abs)) found.set(abs, { path: abs, name: path.basename(abs), root: path.dirname(abs), size: st.size });
    } else {
      throw new InputError(input, 'not a regular file or folder');
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
  const { text } = await readDecoded(file, label, MAX_TEXT_BYTES, () => undefined);
  return text;
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a folder';
  return err.message ?? String(e);
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** A byte stream of the file's content, gunzipped when it starts with the gzip magic bytes. */
async function openContent(file: string, label: string, onRawBytes: (n: number) => void): Promise<{ stream: NodeJS.ReadableStream; gzip: boolean; close: () => void }> {
  let gzip: boolean;
  try {
    gzip = await isGzip(file);
  } catch (e) {
    throw new InputError(label, `cannot read: ${describeFsError(e)}`);
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk) => onRawBytes(chunk.length));
  if (!gzip) return { stream: raw, gzip, close: () => raw.destroy() };
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  return { stream: gunzip, gzip, close: () => { raw.destroy(); gunzip.destroy(); } };
}

/** Checks a first chunk of decoded bytes for signs of a binary file or non-UTF-8 encoding. */
function checkFirstBytes(buf: Buffer, label: string): void {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new InputError(label, 'the file is UTF-16 text; save it as UTF-8 and try again');
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(label, 'this is a binary file (it contains NUL bytes), not a text listing of papers');
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
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
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

function utf8Error(label: string, chunk: Buffer, bytesBefore: number, linesBefore: number): InputError {
  const at = Math.max(0, findInvalidUtf8(chunk));
  let line = linesBefore + 1;
  for (let k = 0; k < at; k++) if (chunk[k] === 10) line++;
  return new InputError(label, `not valid UTF-8 text (first bad byte at offset ${bytesBefore + at}, line ${line}); save the file as UTF-8 and try again`);
}

function gzipError(label: string, e: unknown): InputError {
  return new InputError(label, `cannot decompress: ${(e as Error).message} (is the .gz file complete?)`);
}

/**
 * Reads the first `SAMPLE_BYTES` of decoded text. Throws InputError for an empty file, a binary
 * file, UTF-16 or invalid UTF-8.
 */
export async function readSample(file: string, label: string): Promise<TextSample> {
  const { stream, gzip, close } = await openContent(file, label, () => undefined);
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
  if (buf.length === 0 || (complete && buf.toString('utf8').trim() === '')) {
    throw new InputError(label, gzip ? 'the file is empty once decompressed' : 'the file is empty');
  }
  checkFirstBytes(buf, label);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: !complete });
  } catch {
    throw utf8Error(label, buf, 0, 0);
  }
  return { text: text.replace(/^\ufeff/, ''), complete, gzip };
}

async function readDecoded(file: string, label: string, maxBytes: number, onRawBytes: (n: number) => void): Promise<{ text: string }> {
  const { stream, gzip, close } = await openContent(file, label, onRawBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let bytes = 0;
  let lines = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytes === 0) checkFirstBytes(chunk, label);
      try {
        parts.push(decoder.decode(chunk, { stream: true }));
      } catch {
        throw utf8Error(label, chunk, bytes, lines);
      }
      bytes += chunk.length;
      for (let k = 0; k < chunk.length; k++) if (chunk[k] === 10) lines++;
      if (bytes > maxBytes) {
        throw new InputError(label, `too large to read whole (over ${Math.round(maxBytes / 1048576)} MB decoded); split it, or use JSON lines or CSV, which are streamed`);
      }
    }
    try {
      parts.push(decoder.decode());
    } catch {
      throw new InputError(label, 'not valid UTF-8 text (the file ends inside a character)');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw gzip ? gzipError(label, e) : new InputError(label, `cannot read: ${describeFsError(e)}`);
  } finally {
    close();
  }
  return { text: parts.join('').replace(/^\ufeff/, '') };
}

/** Reads a whole file as text (gunzipped, UTF-8 checked), reporting raw bytes read as it goes. */
export async function readWholeText(file: string, label: string, onRawBytes: (n: number) => void = () => undefined): Promise<string> {
  return (await readDecoded(file, label, MAX_TEXT_BYTES, onRawBytes)).text;
}

/** Wraps an error thrown by a caller's callback so it is not mistaken for a read error. */
class CallbackFailure {
  constructor(readonly error: unknown) {}
}

/** A line handed to `readLines`' callback; `tooLong` lines carry their length instead of text. */
export type StreamedLine = { line: number; text: string; tooLong: false } | { line: number; length: number; tooLong: true };

/**
 * Streams a file's lines (LF or CRLF) to `onLine`, never holding more than one line plus one
 * chunk. A line longer than `MAX_LINE_CHARS` is skipped and reported as `tooLong`.
 */
export async function readLines(
  file: string,
  label: string,
  onLine: (l: StreamedLine) => void,
  onRawBytes: (n: number) => void = () => undefined,
  maxLineChars = MAX_LINE_CHARS,
): Promise<void> {
  const { stream, gzip, close } = await openContent(file, label, onRawBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let skipping = 0; // > 0 while inside an over-long line: its length so far
  let lineNo = 0;
  let bytes = 0;
  const emit = (text: string): void => {
    lineNo++;
    onLine({ line: lineNo, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLong: false });
  };
  const take = (text: string): void => {
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
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytes === 0) checkFirstBytes(chunk, label);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw utf8Error(label, chunk, bytes, lineNo);
      }
      bytes += chunk.length;
      try {
        take(bytes === chunk.length ? text.replace(/^\ufeff/, '') : text);
      } catch (e) {
        throw new CallbackFailure(e);
      }
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new InputError(label, 'not valid UTF-8 text (the file ends inside a character)');
    }
    take(tail);
  } catch (e) {
    if (e instanceof CallbackFailure) throw e.error;
    if (e instanceof InputError) throw e;
    throw gzip ? gzipError(label, e) : new InputError(label, `cannot read: ${describeFsError(e)}`);
  } finally {
    close();
  }
  if (skipping > 0) {
    lineNo++;
    onLine({ line: lineNo, length: skipping, tooLong: true });
  } else if (carry !== '') emit(carry);
}

/**
 * Streams a file's decoded text in chunks (as they come, line breaks kept) to `onChunk`, with the
 * 1-based number of the line each chunk starts on. For formats that split records themselves
 * (XML, JSON documents), which may hold a whole file on one line.
 */
export async function readChunks(
  file: string,
  label: string,
  onChunk: (text: string, line: number) => void,
  onRawBytes: (n: number) => void = () => undefined,
): Promise<void> {
  const { stream, gzip, close } = await openContent(file, label, onRawBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let bytes = 0;
  const take = (text: string): void => {
    if (text === '') return;
    try {
      onChunk(text, line);
    } catch (e) {
      throw new CallbackFailure(e);
    }
    let at = text.indexOf('\n');
    while (at >= 0) {
      line++;
      at = text.indexOf('\n', at + 1);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytes === 0) checkFirstBytes(chunk, label);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw utf8Error(label, chunk, bytes, line - 1);
      }
      bytes += chunk.length;
      take(bytes === chunk.length ? text.replace(/^\ufeff/, '') : text);
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new InputError(label, 'not valid UTF-8 text (the file ends inside a character)');
    }
    take(tail);
  } catch (e) {
    if (e instanceof CallbackFailure) throw e.error;
    if (e instanceof InputError) throw e;
    throw gzip ? gzipError(label, e) : new InputError(label, `cannot read: ${describeFsError(e)}`);
  } finally {
    close();
  }
}
