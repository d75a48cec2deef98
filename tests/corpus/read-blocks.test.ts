/**
 * Parallel ingest (lib/corpus/read-blocks.ts) gives exactly what one reader over the whole file
 * gives: the real OpenAlex samples, JSON lines built from them, and damaged copies read in small
 * blocks on two threads, compared field by field with the one-thread read.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type Corpus } from '../../lib/corpus/index';
import { parseBlock } from '../../lib/corpus/read-blocks';
import { createRandom } from '../../lib/random';
import { HAVE_SAMPLES, sample } from './formats/samples';

const tmp = mkdtempSync(path.join(tmpdir(), 'read-blocks-'));
const saved = process.env.TOPICSCOPE_THREADS;
beforeAll(() => {
  process.env.TOPICSCOPE_THREADS = '2';
});
afterEach(() => {
  process.env.TOPICSCOPE_THREADS = '2';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
  else process.env.TOPICSCOPE_THREADS = saved;
  rmSync(tmp, { recursive: true, force: true });
});

/** Everything a read gives, as comparable data. */
function summary(c: Corpus): unknown {
  return {
    papers: c.papers,
    files: c.files,
    rejects: c.rejects,
    references: c.references,
    targets: c.referenceTargets.map((t) => Array.from(t)),
  };
}

/** A read's result, or its error's message. */
async function readOrError(
  file: string,
  blockChars?: number,
): Promise<{ corpus: Corpus | null; error: string | null }> {
  try {
    return { corpus: await readCorpus([file], blockChars === undefined ? {} : { blockChars }), error: null };
  } catch (e) {
    return { corpus: null, error: (e as Error).message };
  }
}

/** Reads `file` on one thread and in blocks of `blockChars` on two; both must give the same. */
async function expectSameInBlocks(file: string, blockChars: number): Promise<Corpus | null> {
  process.env.TOPICSCOPE_THREADS = '1';
  const one = await readOrError(file);
  process.env.TOPICSCOPE_THREADS = '2';
  const blocks = await readOrError(file, blockChars);
  expect(blocks.error).toBe(one.error);
  expect(blocks.corpus && summary(blocks.corpus)).toEqual(one.corpus && summary(one.corpus));
  return one.corpus;
}

/** The OpenAlex sample's works, one JSON object a line. */
function openAlexLines(): string[] {
  const dir = sample('openalex/synergy__Donners_2021');
  const works: unknown[] = [];
  for (const name of readdirSync(dir).sort())
    for (const w of JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown[]) works.push(w);
  return works.map((w) => JSON.stringify(w));
}

describe.runIf(HAVE_SAMPLES)('reading in blocks on two threads', () => {
  it.each([
    ['openalex/synergy__Donners_2021/works_0_25.json', 10_000],
    ['openalex/synergy__Donners_2021/works_0_25.json', 1_000_000],
    ['openalex/synergy__Donners_2021/works_100_125.json', 50_000],
  ])('%s in blocks of %i characters gives what one reader gives', async (file, blockChars) => {
    const one = await expectSameInBlocks(sample(file), blockChars);
    expect(one?.papers.length).toBeGreaterThan(0);
  });

  it('reads OpenAlex JSON lines (gzipped, CRLF, with broken lines) the same, rejects at the same lines', async () => {
    const lines = openAlexLines();
    lines[5] = lines[5].slice(0, 300);
    lines[40] = 'not json';
    lines[41] = `${lines[41].slice(0, 100)}\u0000`;
    const file = path.join(tmp, 'works.jsonl.gz');
    writeFileSync(file, gzipSync(lines.join('\r\n')));
    const one = await expectSameInBlocks(file, 20_000);
    expect(one?.rejects.map((r) => r.record)).toEqual([6, 41, 42]);
  });

  it('reads damaged copies of the samples the same', async () => {
    const random = createRandom(7);
    for (const file of [
      'openalex/synergy__Donners_2021/works_0_25.json',
      'openalex/synergy__Donners_2021/works_100_125.json',
    ]) {
      const bytes = readFileSync(sample(file));
      for (let k = 0; k < 4; k++) {
        const damaged = Buffer.from(bytes.subarray(0, Math.floor(bytes.length * (0.4 + 0.6 * random()))));
        for (let i = 0; i < 20; i++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 128);
        const copy = path.join(tmp, `damaged${k}-${path.basename(file)}`);
        writeFileSync(copy, damaged);
        await expectSameInBlocks(copy, 3000);
      }
    }
  });

  it('stops with the same error at a byte that breaks UTF-8 late in the file, and reads on after it', async () => {
    const bytes = Buffer.from(`${openAlexLines().join('\n')}\n`);
    bytes[Math.floor(bytes.length * 0.8)] = 0xff;
    const file = path.join(tmp, 'broken-utf8.jsonl');
    writeFileSync(file, bytes);
    process.env.TOPICSCOPE_THREADS = '2';
    const broken = await readOrError(file, 20_000);
    expect(broken.error).toMatch(
      /^broken-utf8\.jsonl: not valid UTF-8 text \(first bad byte at offset \d+, line \d+\)/,
    );
    await expectSameInBlocks(file, 20_000);
    // The workers answered everything they were given: the next read is whole.
    await expectSameInBlocks(sample('openalex/synergy__Donners_2021/works_0_25.json'), 10_000);
  });

  it('parses a block of records and rejects in order, each at its line', () => {
    const ctx = { file: 'x.jsonl', fileIndex: 0, venue: null, year: null, referenceYear: null, layout: 'openalex' };
    const work = '{"id": "https://openalex.org/W1", "title": "A title", "abstract_inverted_index": {"Words": [0]}}';
    const out = parseBlock({
      format: 'openalex',
      ctx,
      lines: [3, 4, 5],
      texts: [work, null, '{"id": '],
      reasons: [null, 'cut off at end of line', null],
    }).out;
    expect(
      out.map((o) => ('reason' in o ? `${o.record}: ${o.reason.slice(0, 8)}` : `${o.source.record}: ${o.title}`)),
    ).toEqual(['3: A title', '4: cut off ', '5: bad JSON']);
  });
});
