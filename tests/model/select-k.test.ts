import { describe, expect, it } from 'vitest';
import { buildDefaultKRange, buildKCandidates, buildKSelection } from '../../lib/model/select-k';
import { makeBlobs } from './blobs';

describe('buildKSelection', () => {
  it('finds the number of well-separated blobs and records every score', () => {
    const { vectors } = makeBlobs(6, 60, 8, 4, 10);
    const s = buildKSelection(vectors, { kRange: [3, 10], seed: 2 });
    expect(s.chosen).toBe(6);
    expect(s.scores.map((x) => x.k)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.scores.find((x) => x.k === 6)!.silhouette).toBeGreaterThan(0.6);
  });
  it('spaces wide ranges and scales the default to the corpus', () => {
    expect(buildKCandidates([5, 40])).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 20, 25, 30, 35, 40]);
    expect(buildDefaultKRange(74726)).toEqual([5, 40]);
    expect(buildDefaultKRange(500)).toEqual([5, 10]);
    expect(buildDefaultKRange(12)).toEqual([2, 2]);
  });
});
