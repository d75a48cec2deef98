import { describe, expect, it } from 'vitest';
import { kmeans as mlKMeans } from 'ml-kmeans';
import { buildKMeans, buildKMeansPlusPlus, buildReferenceKMeans } from '../../lib/model/kmeans';
import { createRandom, deriveSeed } from '../../lib/random';
import { makeBlobs, toArrays } from './blobs';
import type { DenseMatrix } from '../../lib/model/matrix';

/** Sum of squared distances of rows to their cluster's centroid, computed here independently. */
function inertiaOf(points: number[][], clusters: ArrayLike<number>, centroids: number[][]): number {
  let s = 0;
  points.forEach((p, i) => {
    const c = centroids[clusters[i]];
    for (let d = 0; d < p.length; d++) s += (p[d] - c[d]) ** 2;
  });
  return s;
}

function compareWithMl(vectors: DenseMatrix, k: number, seed: number) {
  const init = buildKMeansPlusPlus(vectors, k, createRandom(seed));
  const points = toArrays(vectors);
  const ref = mlKMeans(points, k, { initialization: toArrays(init), maxIterations: 100, tolerance: 1e-6 });
  const ours = buildKMeans(vectors, { k, init, maxIterations: 100, tolerance: 1e-6 });
  return { ref, ours, points };
}

describe('buildKMeans', () => {
  it('matches ml-kmeans from the same initial centroids (blobs, overlapping)', () => {
    // spread 1.2 makes the blobs overlap, so Lloyd needs many iterations and the bounds matter.
    for (const [seed, k, dims] of [
      [1, 5, 4],
      [2, 8, 10],
      [3, 12, 3],
    ] as const) {
      const { vectors } = makeBlobs(6, 80, dims, seed, 1.2);
      const { ref, ours, points } = compareWithMl(vectors, k, seed);
      expect(Array.from(ours.assignments)).toEqual(ref.clusters);
      expect(ours.iterations).toBe(ref.iterations);
      expect(ours.converged).toBe(ref.converged);
      const refInertia = inertiaOf(points, ref.clusters, ref.centroids);
      expect(Math.abs(ours.inertia - refInertia)).toBeLessThan(1e-9);
      ref.centroids.forEach((c, i) =>
        c.forEach((v, d) => expect(ours.centroids.data[i * dims + d]).toBeCloseTo(v, 12)),
      );
    }
  });

  it('matches ml-kmeans on uniform noise (no cluster structure)', () => {
    const random = createRandom(9);
    const rows = 300;
    const dims = 6;
    const data = new Float64Array(rows * dims).map(() => random());
    const vectors = { rows, cols: dims, data };
    const { ref, ours, points } = compareWithMl(vectors, 7, 4);
    expect(Array.from(ours.assignments)).toEqual(ref.clusters);
    expect(Math.abs(ours.inertia - inertiaOf(points, ref.clusters, ref.centroids))).toBeLessThan(1e-9);
  });

  it('recovers well-separated blobs and is deterministic', () => {
    const { vectors, labels } = makeBlobs(4, 50, 5, 11, 25);
    const a = buildKMeans(vectors, { k: 4, seed: 3 });
    const b = buildKMeans(vectors, { k: 4, seed: 3 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(Array.from(a.centroids.data)).toEqual(Array.from(b.centroids.data));
    // Each blob maps to exactly one cluster and vice versa.
    const pairs = new Set<string>();
    for (let i = 0; i < labels.length; i++) pairs.add(`${labels[i]}-${a.assignments[i]}`);
    expect(pairs.size).toBe(4);
    expect(a.converged).toBe(true);
    let sum = 0;
    a.distances.forEach((d) => (sum += d));
    expect(a.inertia).toBeCloseTo(sum, 9);
  });

  it('keeps the best of several inits', () => {
    const { vectors } = makeBlobs(6, 40, 3, 5, 2);
    const one = buildKMeans(vectors, { k: 6, seed: 1, nInit: 1 });
    const five = buildKMeans(vectors, { k: 6, seed: 1, nInit: 5 });
    expect(five.inertia).toBeLessThanOrEqual(one.inertia + 1e-12);
  });

  it('rejects impossible k', () => {
    const { vectors } = makeBlobs(2, 2, 2, 1);
    expect(() => buildKMeans(vectors, { k: 5 })).toThrow(/cannot make/);
    expect(() => buildKMeans(vectors, { k: 0 })).toThrow(/positive integer/);
  });
});

describe('buildReferenceKMeans', () => {
  it('runs ml-kmeans from the seeded k-means++ start and agrees with ours from that start', () => {
    const { vectors } = makeBlobs(5, 60, 6, 7, 1.0);
    const ref = buildReferenceKMeans(vectors, { k: 5, seed: 3 });
    const init = buildKMeansPlusPlus(vectors, 5, createRandom(deriveSeed(3, 'kmeans-init-0')));
    const ours = buildKMeans(vectors, { k: 5, init });
    expect(Array.from(ref.assignments)).toEqual(Array.from(ours.assignments));
    expect(ref.inertia).toBeCloseTo(ours.inertia, 9);
    expect(ref.distances.reduce((s, d) => s + d, 0)).toBeCloseTo(ref.inertia, 9);
  });
});
