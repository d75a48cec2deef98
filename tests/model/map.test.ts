import { describe, expect, it } from 'vitest';
import { UMAP } from 'umap-js';
import {
  buildMap,
  mapNeighbourPreservation,
  buildSampleGraph,
  findCurveParameters,
  placeFromNeighbours,
} from '../../lib/model/map';
import { buildExactNeighbours } from '../../lib/model/neighbours';
import { silhouette } from '../../lib/model/quality';
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
    expect(silhouette(asMatrix(layout.x, layout.y), labels, { sampleSize: 400 })).toBeGreaterThan(0.5);
    for (const v of [...layout.x, ...layout.y]) {
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.round(v * 1e4) / 1e4).toBe(v);
    }
  });

  it('keeps neighbours about as well as umap-js on the same kNN graph', () => {
    const ours = mapNeighbourPreservation(graph, layout, 400);
    const umap = new UMAP({ nComponents: 2, nNeighbors: 10, minDist: 0.1, nEpochs: 500, random: createRandom(5) });
    const knnIndices: number[][] = [];
    const knnDistances: number[][] = [];
    for (let i = 0; i < vectors.rows; i++) {
      knnIndices.push(Array.from(graph.indices.subarray(i * 10, i * 10 + 10)));
      knnDistances.push(Array.from(graph.similarities.subarray(i * 10, i * 10 + 10), (s) => 1 - s));
    }
    umap.setPrecomputedKNN(knnIndices, knnDistances);
    const embedding = umap.fit(toArrays(vectors));
    const ref = mapNeighbourPreservation(
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

describe('the map of a large input, laid out on a sample', () => {
  const { vectors, labels } = makeBlobs(6, 500, 20, 33, 1.2, true);
  const graph = buildExactNeighbours(vectors, 10);
  const full = buildMap(vectors, graph, { seed: 2 });
  const sampled = buildMap(vectors, graph, { seed: 2, sampleRows: 800 });
  const asMatrix = (x: Float64Array, y: Float64Array) => ({
    rows: x.length,
    cols: 2,
    data: Float64Array.from({ length: 2 * x.length }, (_, p) => (p % 2 ? y[p >> 1] : x[p >> 1])),
  });

  it('keeps the clusters apart and most of the neighbours the full layout keeps', () => {
    expect(silhouette(asMatrix(sampled.x, sampled.y), labels, { sampleSize: 600 })).toBeGreaterThan(0.5);
    const keptFull = mapNeighbourPreservation(graph, full, 600);
    const keptSampled = mapNeighbourPreservation(graph, sampled, 600);
    expect(keptSampled).toBeGreaterThan(0.7 * keptFull);
  });

  it('is deterministic and differs from the full layout only by being sampled', () => {
    const again = buildMap(vectors, graph, { seed: 2, sampleRows: 800 });
    expect(Array.from(again.x)).toEqual(Array.from(sampled.x));
    expect(Array.from(again.x)).not.toEqual(Array.from(full.x));
  });

  it("builds the sample's graph from neighbours and neighbours' neighbours, best first", () => {
    // Points on a line: row i's neighbours are i±1, i±2; the sample is the even rows.
    const n = 12;
    const data = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const angle = (i * Math.PI) / 40;
      data[2 * i] = Math.cos(angle);
      data[2 * i + 1] = Math.sin(angle);
    }
    const line = { rows: n, cols: 2, data };
    const lineGraph = buildExactNeighbours(line, 2);
    const sample = Int32Array.from([0, 2, 4, 6, 8, 10]);
    const sub = buildSampleGraph(line, lineGraph, sample);
    expect(sub.k).toBe(2);
    // Row 4 (position 2): its neighbours 3, 5 are not sampled; through them it finds 2 and 6.
    expect(Array.from(sub.indices.subarray(4, 6)).sort()).toEqual([1, 3]);
    // Row 0 (position 0): 2 is a neighbour; 4 is two hops away through 2... only if 2's list has it.
    expect(sub.indices[0]).toBe(1);
    for (let s = 0; s < sample.length; s++) {
      const a = sub.similarities[2 * s];
      const b = sub.similarities[2 * s + 1];
      if (sub.indices[2 * s + 1] >= 0) expect(a).toBeGreaterThanOrEqual(b);
      expect(Array.from(sub.indices.subarray(2 * s, 2 * s + 2))).not.toContain(s);
    }
  });

  it('places a row at the similarity-weighted mean of its placed neighbours, in rounds', () => {
    // 0 and 1 placed; 2's neighbours are 0 (sim 1) and 1 (sim 3); 3's only neighbour is 2.
    const points = Float64Array.from([0, 0, 4, 8, 99, 99, 99, 99]);
    const placed = Uint8Array.from([1, 1, 0, 0]);
    const g = {
      k: 2,
      indices: Int32Array.from([1, -1, 0, -1, 0, 1, 2, -1]),
      similarities: Float64Array.from([1, 0, 1, 0, 1, 3, 0.5, 0]),
    };
    placeFromNeighbours(points, placed, g);
    expect(points[4]).toBeCloseTo(3, 5);
    expect(points[5]).toBeCloseTo(6, 5);
    expect(points[6]).toBeCloseTo(3, 5);
    expect(points[7]).toBeCloseTo(6, 5);
    expect(Array.from(placed)).toEqual([1, 1, 1, 1]);
  });
});
