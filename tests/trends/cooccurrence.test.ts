import { afterEach, describe, expect, it } from 'vitest';
import { buildRelatedTerms, mergeRelatedTerms } from '../../lib/trends/cooccurrence';
import type { RelatedTerms } from '../../lib/trends/types';
import { buildDocTermSets } from '../../lib/trends/term-counts';
import { createRandom } from '../../lib/random';

const saved = process.env.TOPICSCOPE_THREADS;
afterEach(() => {
  if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
  else process.env.TOPICSCOPE_THREADS = saved;
});

/** 300 papers over 40 words, word w in a paper with probability falling with w (seeded). */
function fixture() {
  const next = createRandom(12345);
  const docs: Int32Array[] = [];
  for (let d = 0; d < 300; d++) {
    const words: number[] = [];
    for (let w = 0; w < 40; w++) if (next() < 0.6 / (1 + w / 8)) words.push(w);
    docs.push(Int32Array.from(words));
  }
  const terms = Array.from({ length: 40 }, (_, w) => `w${w}`);
  return { docs, vocab: { terms, isPhrase: new Uint8Array(40) } };
}

describe('buildRelatedTerms', () => {
  it('gives the same bytes on one and two threads, and the brute-force top pairs', () => {
    const { docs, vocab } = fixture();
    const sets = buildDocTermSets(docs, 40);
    const opts = { minSupport: 3, topK: 5, minPairPapers: 2 };
    process.env.TOPICSCOPE_THREADS = '1';
    const one = buildRelatedTerms(sets, vocab, opts);
    process.env.TOPICSCOPE_THREADS = '2';
    const two = buildRelatedTerms(sets, vocab, opts);
    expect(two).toEqual(one);

    // Brute force: papers in common for every pair, best 5 per term (papers desc, id asc).
    const has = docs.map((doc) => new Set(doc));
    const df = Array.from({ length: 40 }, (_, w) => has.filter((s) => s.has(w)).length);
    const supported = df.map((f) => f >= 3);
    for (let a = 0; a < 40; a++) {
      if (!supported[a]) continue;
      const pairs: [number, number][] = [];
      for (let b = 0; b < 40; b++) {
        if (b === a || !supported[b]) continue;
        const c = has.filter((s) => s.has(a) && s.has(b)).length;
        if (c > 0) pairs.push([b, c]);
      }
      pairs.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      const rows = [...one.byPapers.term.keys()].filter((i) => one.byPapers.term[i] === a);
      expect(rows.map((i) => [one.byPapers.other[i], one.byPapers.papers[i]])).toEqual(pairs.slice(0, 5));
    }
  });
});

describe('mergeRelatedTerms', () => {
  const rows = (list: [term: number, other: number, papers: number, npmi: number][]): RelatedTerms => ({
    term: Int32Array.from(list, (r) => r[0]),
    rank: Int32Array.from(list, () => 0),
    other: Int32Array.from(list, (r) => r[1]),
    papers: Int32Array.from(list, (r) => r[2]),
    npmi: Float64Array.from(list, (r) => r[3]),
  });

  it('lists the NPMI ranking first, tops it up by papers in common, each term once, in term order', () => {
    const byNpmi = rows([
      [5, 7, 2, 0.9],
      [2, 3, 1, 0.8],
    ]);
    const byPapers = rows([
      [2, 4, 6, 0.1],
      [2, 3, 1, 0.8],
      [2, 9, 5, 0.2],
      [5, 1, 9, 0.05],
    ]);
    const merged = mergeRelatedTerms(byNpmi, byPapers, 2);
    expect(Array.from(merged.term)).toEqual([2, 2, 5, 5]);
    expect(Array.from(merged.rank)).toEqual([0, 1, 0, 1]);
    // Term 2: 3 from NPMI, then 4 by papers; 3 is not listed twice and 9 is past the limit.
    expect(Array.from(merged.other)).toEqual([3, 4, 7, 1]);
    expect(Array.from(merged.papers)).toEqual([1, 6, 2, 9]);
    expect(Array.from(merged.npmi)).toEqual([0.8, 0.1, 0.9, 0.05]);
  });
});
