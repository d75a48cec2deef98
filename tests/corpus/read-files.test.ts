/**
 * readLines on UTF-8 files cuts lines from the bytes and decodes each on its own. Checked against
 * decoding the whole file at once, on real exports whose lines and characters cross the reader's
 * 1 MiB chunks (a BOM, CRLF line ends, characters of two to four bytes).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines, type StreamedLine } from '../../lib/corpus/read-files';
import { HAVE_SAMPLES, sample } from './formats/samples';

const tmp = mkdtempSync(path.join(tmpdir(), 'read-lines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CHUNK = 1 << 20;

/** The lines of `bytes` as decoding the whole text gives them: BOM dropped, LF or CRLF ends. */
function linesOf(bytes: Buffer): string[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

async function read(file: string, maxLineChars?: number): Promise<StreamedLine[]> {
  const out: StreamedLine[] = [];
  await readLines({ path: file, name: path.basename(file) }, (l) => out.push(l), undefined, maxLineChars);
  return out;
}

/**
 * Real samples one after another until past three chunks, with padding before the first
 * character of `width` bytes after each chunk boundary so that the character straddles it.
 */
function straddlingText(width: number): Buffer {
  const parts = [readFileSync(sample('ris/asreview__baseline.ris'))];
  for (const name of ['wos/tethne__wos2.txt', 'lens/bibliometrix__lens_sample.csv', 'ieee/litstudy__ieee_1.csv'])
    parts.push(readFileSync(sample(name)));
  const body = Buffer.concat(parts);
  const out: Buffer[] = [];
  let length = 0;
  let at = 0;
  for (let boundary = CHUNK; boundary <= 3 * CHUNK; boundary += CHUNK) {
    // The next character of `width` bytes in the samples, repeated as needed.
    let next = -1;
    while (next < 0) {
      // (Not the BOM at the very start: it stays first.)
      for (let i = length === 0 ? Math.max(at, 3) : at; i < body.length && next < 0; i++)
        if (leadWidth(body[i]) === width) next = i;
      if (next < 0) {
        out.push(body.subarray(at));
        length += body.length - at;
        at = 0;
      }
    }
    const pad = boundary - 1 - (length + next - at);
    out.push(body.subarray(at, next), Buffer.from(`${'x'.repeat(pad)}`), body.subarray(next, next + width));
    length += next - at + pad + width;
    at = next + width;
  }
  out.push(body.subarray(at));
  return Buffer.concat(out);
}

function leadWidth(b: number): number {
  return b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
}

describe.runIf(HAVE_SAMPLES)('readLines (UTF-8)', () => {
  it.each([2, 3])('gives the lines of the decoded text when %i-byte characters straddle the chunks', async (width) => {
    const bytes = straddlingText(width);
    for (let b = CHUNK; b <= 3 * CHUNK; b += CHUNK) expect(leadWidth(bytes[b - 1])).toBe(width);
    const expected = linesOf(bytes);
    const file = path.join(tmp, `straddle-${width}.txt`);
    writeFileSync(file, bytes);
    const got = await read(file);
    expect(got.length).toBe(expected.length);
    expect(got.every((l, i) => !l.tooLong && l.line === i + 1 && l.text === expected[i])).toBe(true);
    // Gzipped, the chunks fall elsewhere (256 KiB of output each).
    writeFileSync(`${file}.gz`, gzipSync(bytes));
    const gz = await read(`${file}.gz`);
    expect(gz.map((l) => (l.tooLong ? null : l.text))).toEqual(expected);
  });

  it('keeps no BOM and no CR, and reads a last line without a line break', async () => {
    const bytes = readFileSync(sample('ris/asreview__baseline.ris'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const file = path.join(tmp, 'no-final-break.ris');
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('ER  - ')]));
    const got = await read(file);
    const expected = linesOf(bytes);
    expect(got.map((l) => (l.tooLong ? null : l.text))).toEqual([...expected, 'ER  - ']);
    expect(got[0]).toEqual({ line: 1, text: expected[0], tooLong: false });
    expect(expected[0].charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reports a line longer than the limit by its length in UTF-16 code units', async () => {
    // A line of the samples' non-ASCII text running over two chunk boundaries, between two short lines.
    const text = readFileSync(sample('wos/tethne__wos2.txt'), 'utf8').replace(/\r?\n/g, ' ');
    const long = text.repeat(Math.ceil((2.5 * CHUNK) / text.length));
    const file = path.join(tmp, 'long.txt');
    writeFileSync(file, `first\n${long}\nlast\n`);
    const got = await read(file, CHUNK);
    expect(got).toEqual([
      { line: 1, text: 'first', tooLong: false },
      { line: 2, length: long.length, tooLong: true },
      { line: 3, text: 'last', tooLong: false },
    ]);
  });
});
