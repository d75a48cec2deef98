import { describe, expect, it } from 'vitest';
import { buildConsensusKMeans, buildVotedTopics, medoidStart } from '../../lib/model/consensus';
import { buildTopicAgreement } from '../../lib/model/stability';
import { makeBlobsAt } from './blobs';

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

describe('buildConsensusKMeans', () => {
  const centres: [number, number][] = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];

  it('finds separated groups, the same ones for every seed', () => {
    const { vectors, truth } = makeBlobsAt(centres, 200, 1, 5);
    for (const seed of [1, 2, 3]) {
      const c = buildConsensusKMeans(vectors, { k: 4, seed });
      expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
    }
  });

  it('gives the same result for the same seed, another for another seed where the groups overlap', () => {
    const { vectors } = makeBlobsAt(centres, 150, 4, 9);
    const a = buildConsensusKMeans(vectors, { k: 6, seed: 7 });
    const b = buildConsensusKMeans(vectors, { k: 6, seed: 7 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
    const seeds = [1, 2, 3, 4, 5, 6].map((seed) => buildConsensusKMeans(vectors, { k: 6, seed }).inertia);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('finds them from a sample on larger corpora too', () => {
    const { vectors, truth } = makeBlobsAt(centres, 5100, 1, 4);
    const c = buildConsensusKMeans(vectors, { k: 4, seed: 3 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });

  it('falls back to one start when there are too few rows for small clusters', () => {
    const { vectors, truth } = makeBlobsAt(centres, 3, 0.1, 2);
    const c = buildConsensusKMeans(vectors, { k: 4, seed: 1 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });
});
