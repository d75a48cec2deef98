/**
 * Functions whose input grows with the corpus, called with a million elements: none may pass its
 * input as call arguments (the stack overflow at 300k papers) or wrap a 32-bit offset silently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../lib/corpus/index';
import { buildCoauthorAdjacency } from '../../lib/graph/edges';
import { checkInt32Offset, MAX_INT32_OFFSET } from '../../lib/model/matrix';
import { sparklinePath } from '../../lib/viz/sparkline';

const MILLION = 1_000_000;

describe('inputs of a million elements', () => {
  it('draws a sparkline of a million values', () => {
    const values = Array.from({ length: MILLION }, (_, i) => (i % 1000 === 0 ? null : (i * 7919) % 1013));
    const d = sparklinePath(values, 120, 20);
    expect(d.startsWith('M')).toBe(true);
    // The line breaks at every missing value: a thousand pieces.
    expect(d.split('M').length - 1).toBe(1000);
  });

  it('builds the co-author adjacency of a million papers', () => {
    // Paper p is by authors p mod 200,000 and (p + 1) mod 200,000: each author writes five papers
    // with each of their two neighbours on a ring.
    const authors = 200_000;
    const paperAuthors = Array.from({ length: MILLION }, (_, p) => Int32Array.from([p % authors, (p + 1) % authors]));
    const adjacency = buildCoauthorAdjacency(paperAuthors, authors, 25, 'skip');
    expect(adjacency.offsets[authors]).toBe(2 * authors);
    expect(Array.from(adjacency.neighbors.subarray(adjacency.offsets[7], adjacency.offsets[8]))).toEqual([6, 8]);
    expect(adjacency.papers[adjacency.offsets[7]]).toBe(5);
  });

  it('reads 120,000 records of one file (more than a call can take as arguments)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-large-'));
    const file = path.join(dir, 'many.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) {
      lines.push(
        JSON.stringify({
          id: `p${i}`,
          title: `Paper number ${i} on topic ${i % 97}`,
          abstract: `We study problem ${i} of family ${i % 89} with method ${i % 83}.`,
          authors: `Author ${i % 5000} and Author ${(i + 1) % 5000}`,
          year: 2000 + (i % 20),
        }),
      );
    }
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    try {
      const corpus = await readCorpus([file]);
      expect(corpus.papers.length).toBe(120_000);
      expect(corpus.papers[119_999].title).toBe('Paper number 119999 on topic 10');
      expect(corpus.rejects).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('32-bit offsets', () => {
  it('accepts every count up to the largest Int32 offset and names what overflows past it', () => {
    expect(() => checkInt32Offset(MAX_INT32_OFFSET, 'TF-IDF matrix')).not.toThrow();
    expect(() => checkInt32Offset(MAX_INT32_OFFSET + 1, 'TF-IDF matrix')).toThrow(
      /TF-IDF matrix: 2,147,483,648 entries is more than the 2,147,483,647/,
    );
  });
});
