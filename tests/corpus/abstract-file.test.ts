/**
 * Abstracts kept on disk while a corpus is read: the papers read with an AbstractFile as their
 * sink are the papers read in memory, field for field, and the file holds exactly their abstracts
 * (a longer abstract from a duplicate record replaces the first one), for every export format and
 * the cross-service duplicates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AbstractFile, forEachAbstract, readAbstractRange } from '../../lib/corpus/abstract-file';
import { readCorpus } from '../../lib/corpus/index';
import type { Corpus } from '../../lib/corpus/types';
import { HAVE_SAMPLES, SAMPLES_DIR } from './formats/samples';

const CROSS_SERVICE = path.join(import.meta.dirname, '../fixtures/corpus/cross-service');
const dirs: string[] = [];

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-abstracts-'));
  dirs.push(dir);
  return path.join(dir, name);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Reads `inputs` both ways and checks they agree; returns how many papers have an abstract. */
async function expectSameCorpus(inputs: string[]): Promise<number> {
  const inMemory = await readCorpus(inputs);
  const file = new AbstractFile(tempFile('abstracts.db'));
  let streamed: Corpus;
  try {
    streamed = await readCorpus(inputs, {}, undefined, file);
    file.finish();
    const n = streamed.papers.length;
    expect(n).toBe(inMemory.papers.length);
    const abstracts = file.readRange(0, n, 'abstract');
    const plain = readAbstractRange(file.file, 0, n, 'plain');
    let withAbstract = 0;
    for (let i = 0; i < n; i++) {
      const a = inMemory.papers[i];
      const b = streamed.papers[i];
      expect(b.abstract).toBe('');
      expect(b.abstractPlain).toBe('');
      expect(abstracts[i]).toBe(a.abstract);
      expect(plain[i]).toBe(a.abstractPlain);
      expect(b.abstractLength).toBe(a.abstract.length);
      expect({ ...b, abstract: a.abstract, abstractPlain: a.abstractPlain }).toEqual(a);
      if (a.abstract !== '') withAbstract++;
    }
    expect(streamed.files).toEqual(inMemory.files);
    expect(streamed.rejects).toEqual(inMemory.rejects);
    return withAbstract;
  } finally {
    file.remove();
  }
}

describe('papers read with their abstracts on disk', () => {
  it('are the papers read in memory, across services with duplicates merged', async () => {
    expect(await expectSameCorpus([CROSS_SERVICE])).toBeGreaterThan(0);
  });

  it.runIf(HAVE_SAMPLES)(
    'are the papers read in memory for every real export sample',
    async () => {
      let withAbstract = 0;
      const formats = SAMPLES_DIR ?? '';
      for (const name of fs.readdirSync(formats).sort()) {
        const dir = path.join(formats, name);
        if (fs.statSync(dir).isDirectory()) withAbstract += await expectSameCorpus([dir]);
      }
      expect(withAbstract).toBeGreaterThan(1000);
    },
    120_000,
  );

  it('keeps the last abstract given for a paper, pending or written', () => {
    const file = new AbstractFile(tempFile('abstracts.db'));
    try {
      // 200 papers: three statements of 64 rows are written before paper 5 gets a longer abstract.
      for (let i = 0; i < 200; i++) file.put(i, `abstract ${i}`, `plain ${i}`);
      file.put(5, 'a longer abstract 5', 'a longer plain 5');
      file.put(199, 'a longer abstract 199', 'a longer plain 199');
      file.finish();
      const texts = file.readRange(0, 201, 'abstract');
      expect(texts[5]).toBe('a longer abstract 5');
      expect(texts[199]).toBe('a longer abstract 199');
      expect(texts[6]).toBe('abstract 6');
      expect(texts[200]).toBe('');
      const seen: string[] = [];
      forEachAbstract(file.file, Int32Array.from([0, 5, 198, 199]), 'plain', (k, text) => seen.push(`${k}:${text}`), 2);
      expect(seen).toEqual(['0:plain 0', '1:a longer plain 5', '2:plain 198', '3:a longer plain 199']);
      expect(() => file.put(1, 'x', 'x')).toThrow(/read-only/);
    } finally {
      file.remove();
    }
    expect(fs.existsSync(file.file)).toBe(false);
  });
});
