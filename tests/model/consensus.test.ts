import { describe, expect, it } from 'vitest';
import { buildConsensusKMeans, buildVotedTopics, medoidStart } from '../../lib/model/consensus';
import { buildTopicAgreement } from '../../lib/model/stability';
import { createRandom, randomNormal } from '../../lib/random';

describe('buildVotedTopics', () => {
  it('matches every start to the reference and gives each row the topic most starts give it', () => {
    // Start 1 is start 0 with topics 0 and 1 swapped; start 2 moves row 2 into the other topic.
    const starts = [
      Int32Array.from([0, 0, 0, 1, 1, 1]),
      Int32Array.from([1, 1, 1, 0, 0, 0]),
      Int32Array.from([0, 0, 1, 1, 1, 1]),
    ];
    expect(Array.from(buildVotedTopics(starts, 0, 2))).toEqual([0, 0, 0, 1, 1, 1]);
    // Against start 2 the votes are the same: topic ids are start 2's, row 2 still outvoted.
    expect(Array.from(buildVotedTopics(starts, 2, 2))).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('keeps the reference’s topic on a tie', () => {
    const starts = [Int32Array.from([0, 1, 1]), Int32Array.from([0, 0, 1])];
    expect(Array.from(buildVotedTopics(starts, 0, 2))).toEqual([0, 1, 1]);
    expect(Array.from(buildVotedTopics(starts, 1, 2))).toEqual([0, 0, 1]);
  });
});

describe('medoidStart', () => {
  it('picks the start that agrees best with the others', () => {
    // Agreements: 0–1 5/6, 0–2 4/6, 1–2 5/6 (start 2's ids swapped): start 1 is in the middle.
    const starts = [
      Int32Array.from([0, 0, 0, 1, 1, 1]),
      Int32Array.from([0, 0, 1, 1, 1, 1]),
      Int32Array.from([1, 0, 0, 0, 0, 0]),
    ];
    const agree = (a: number, b: number) => buildTopicAgreement(starts[a], starts[b]).agreement;
    expect([agree(0, 1), agree(0, 2), agree(1, 2)]).toEqual([5 / 6, 4 / 6, 5 / 6]);
    expect(medoidStart(starts)).toBe(1);
  });
});

/** `per` points around each of `centres` (2-D), with spread `sd`, interleaved. */
function blobs(centres: [number, number][], per: number, sd: number, seed: number) {
  const random = createRandom(seed);
  const data = new Float64Array(centres.length * per * 2);
  const truth = new Int32Array(centres.length * per);
  let i = 0;
  for (let p = 0; p < per; p++) {
    centres.forEach(([x, y], c) => {
      data[2 * i] = x + sd * randomNormal(random);
      data[2 * i + 1] = y + sd * randomNormal(random);
      truth[i++] = c;
    });
  }
  return { vectors: { rows: truth.length, cols: 2, data }, truth };
}

describe('buildConsensusKMeans', () => {
  const centres: [number, number][] = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];

  it('finds separated groups, the same ones for every seed', () => {
    const { vectors, truth } = blobs(centres, 200, 1, 5);
    for (const seed of [1, 2, 3]) {
      const c = buildConsensusKMeans(vectors, { k: 4, seed });
      expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
    }
  });

  it('gives the same result for the same seed, another for another seed where the groups overlap', () => {
    const { vectors } = blobs(centres, 150, 4, 9);
    const a = buildConsensusKMeans(vectors, { k: 6, seed: 7 });
    const b = buildConsensusKMeans(vectors, { k: 6, seed: 7 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
    const seeds = [1, 2, 3, 4, 5, 6].map((seed) => buildConsensusKMeans(vectors, { k: 6, seed }).inertia);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('finds them from a sample on larger corpora too', () => {
    const { vectors, truth } = blobs(centres, 5100, 1, 4);
    const c = buildConsensusKMeans(vectors, { k: 4, seed: 3 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });

  it('falls back to one start when there are too few rows for small clusters', () => {
    const { vectors, truth } = blobs(centres, 3, 0.1, 2);
    const c = buildConsensusKMeans(vectors, { k: 4, seed: 1 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });
});
