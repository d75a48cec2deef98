import { describe, expect, it } from 'vitest';
import { UMAP } from 'umap-js';
import { buildMap, buildMapNeighbourPreservation, findCurveParameters } from '../../lib/model/map';
import { buildExactNeighbours } from '../../lib/model/neighbours';
import { buildSilhouette } from '../../lib/model/quality';
import { createRandom } from '../../lib/random';
import { makeBlobs, toArrays } from './blobs';

describe('findCurveParameters', () => {
  it("gives UMAP's a, b for spread 1, min_dist 0.1", () => {
    // umap-learn's find_ab_params(1.0, 0.1) ≈ (1.577, 0.895).
    const { a, b } = findCurveParameters(1, 0.1);
    expect(a).toBeCloseTo(1.577, 1);
    expect(b).toBeCloseTo(0.895, 2);
  });
});

describe('buildMap', () => {
  const { vectors, labels } = makeBlobs(5, 80, 20, 21, 1.2, true);
  const graph = buildExactNeighbours(vectors, 10);
  const layout = buildMap(vectors, graph, { seed: 1 });
  const asMatrix = (x: Float64Array, y: Float64Array) => ({
    rows: x.length,
    cols: 2,
    data: Float64Array.from({ length: 2 * x.length }, (_, p) => (p % 2 ? y[p >> 1] : x[p >> 1])),
  });

  it('keeps clusters apart and coordinates in [-1, 1] at 1e-4', () => {
    expect(buildSilhouette(asMatrix(layout.x, layout.y), labels, { sampleSize: 400 })).toBeGreaterThan(0.5);
    for (const v of [...layout.x, ...layout.y]) {
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.round(v * 1e4) / 1e4).toBe(v);
    }
  });

  it('keeps neighbours about as well as umap-js on the same kNN graph', () => {
    const ours = buildMapNeighbourPreservation(graph, layout, 400);
    const umap = new UMAP({ nComponents: 2, nNeighbors: 10, minDist: 0.1, nEpochs: 500, random: createRandom(5) });
    const knnIndices: number[][] = [];
    const knnDistances: number[][] = [];
    for (let i = 0; i < vectors.rows; i++) {
      knnIndices.push(Array.from(graph.indices.subarray(i * 10, i * 10 + 10)));
      knnDistances.push(Array.from(graph.similarities.subarray(i * 10, i * 10 + 10), (s) => 1 - s));
    }
    umap.setPrecomputedKNN(knnIndices, knnDistances);
    const embedding = umap.fit(toArrays(vectors));
    const ref = buildMapNeighbourPreservation(
      graph,
      { x: Float64Array.from(embedding, (p) => p[0]), y: Float64Array.from(embedding, (p) => p[1]) },
      400,
    );
    expect(ours).toBeGreaterThan(ref - 0.05);
    expect(ours).toBeGreaterThan(0.3);
  });

  it('is deterministic', () => {
    const again = buildMap(vectors, graph, { seed: 1 });
    expect(Array.from(again.x)).toEqual(Array.from(layout.x));
    expect(Array.from(again.y)).toEqual(Array.from(layout.y));
  });
});
