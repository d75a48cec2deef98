import { describe, expect, it } from 'vitest';
import { buildTopicAgreement } from '../../lib/model/stability';
import { buildMeansOfNearest, buildWardCentroids, buildWardKMeans } from '../../lib/model/ward';
import { makeBlobsAt } from './blobs';

const column = (values: number[]) => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

describe('buildWardCentroids', () => {
  // Costs worked out by hand: {0,1} and {10,11} cost 0.5 each; then {0,1}+{10,11} costs
  // (2·2/4)·10² = 100 and {10,11}+{30} costs (2·1/3)·19.5² = 253.5.
  it('merges the cheapest pairs first, as Ward’s criterion says', () => {
    const points = column([0, 1, 10, 11, 30]);
    const ones = [1, 1, 1, 1, 1];
    expect(Array.from(buildWardCentroids(points, ones, 3).data)).toEqual([0.5, 10.5, 30]);
    expect(Array.from(buildWardCentroids(points, ones, 2).data)).toEqual([5.5, 30]);
    expect(Array.from(buildWardCentroids(points, ones, 1).data)).toEqual([10.4]);
  });

  it('weighs each cluster by its size', () => {
    // 0 (weight 3) and 4 (weight 1) merge at 3; 20 stays apart.
    const merged = buildWardCentroids(column([0, 4, 20]), [3, 1, 1], 2);
    expect(Array.from(merged.data)).toEqual([1, 20]);
  });

  it('refuses more clusters than it was given', () => {
    expect(() => buildWardCentroids(column([1, 2]), [1, 1], 3)).toThrow(/cannot merge 2 clusters into 3/);
    expect(() => buildWardCentroids(column([1, 2]), [1, 0], 1)).toThrow(/cluster 1 has weight 0/);
  });
});

describe('buildMeansOfNearest', () => {
  it('gives each row its nearest centre and moves the centres to their rows’ means', () => {
    const rows = { rows: 5, cols: 1, data: Float64Array.from([0, 1, 4, 9, 11]) };
    const centres = { rows: 3, cols: 1, data: Float64Array.from([0.2, 10, 50]) };
    const { assignments, centroids } = buildMeansOfNearest(rows, centres);
    expect(Array.from(assignments)).toEqual([0, 0, 0, 1, 1]);
    // The third centre got no row: it stays where it was.
    expect(Array.from(centroids.data)).toEqual([5 / 3, 10, 50]);
  });
});

describe('buildWardKMeans', () => {
  const centres: [number, number][] = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];

  it('finds separated groups, the same ones for every seed', () => {
    const { vectors, truth } = makeBlobsAt(centres, 200, 1, 5);
    for (const seed of [1, 2, 3]) {
      const c = buildWardKMeans(vectors, { k: 4, seed });
      expect(c.k).toBe(4);
      expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
    }
  });

  it('gives the same result for the same seed', () => {
    const { vectors } = makeBlobsAt(centres, 150, 3, 9);
    const a = buildWardKMeans(vectors, { k: 4, seed: 7 });
    const b = buildWardKMeans(vectors, { k: 4, seed: 7 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
  });

  it('finds them from a sample on larger corpora too', () => {
    const { vectors, truth } = makeBlobsAt(centres, 5100, 1, 4);
    const c = buildWardKMeans(vectors, { k: 4, seed: 3 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });

  it('falls back to k-means++ when there are too few rows for small clusters', () => {
    const { vectors, truth } = makeBlobsAt(centres, 3, 0.1, 2);
    const c = buildWardKMeans(vectors, { k: 4, seed: 1 });
    expect(buildTopicAgreement(truth, c.assignments).agreement).toBe(1);
  });
});
