import { describe, expect, it } from 'vitest';
import { buildExactNeighbours, neighbourRecall, buildNeighbours } from '../../lib/model/neighbours';
import { makeBlobs } from './blobs';

describe('buildNeighbours', () => {
  const { vectors } = makeBlobs(8, 250, 16, 7, 1.5, true);
  it('finds nearly all exact neighbours', () => {
    const graph = buildNeighbours(vectors, { k: 10, seed: 1, cellSize: 64 });
    const queries = Int32Array.from({ length: vectors.rows }, (_, i) => i);
    const exact = buildExactNeighbours(vectors, 10, queries);
    expect(neighbourRecall(graph, exact, queries)).toBeGreaterThan(0.95);
    // Lists are sorted, exclude the row itself, and carry true dot products.
    for (let i = 0; i < 50; i++) {
      for (let p = 0; p < 10; p++) {
        const j = graph.indices[i * 10 + p];
        expect(j).not.toBe(i);
        let dot = 0;
        for (let d = 0; d < 16; d++) dot += vectors.data[i * 16 + d] * vectors.data[j * 16 + d];
        expect(graph.similarities[i * 10 + p]).toBeCloseTo(dot, 12);
        if (p > 0) expect(graph.similarities[i * 10 + p]).toBeLessThanOrEqual(graph.similarities[i * 10 + p - 1]);
      }
    }
  });
  it('is deterministic', () => {
    const a = buildNeighbours(vectors, { k: 5, seed: 3 });
    const b = buildNeighbours(vectors, { k: 5, seed: 3 });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  });
  it('handles inputs smaller than k', () => {
    const tiny = { rows: 3, cols: 2, data: Float64Array.from([1, 0, 0, 1, 0.6, 0.8]) };
    const g = buildNeighbours(tiny, { k: 10 });
    expect(g.k).toBe(2);
    expect(Array.from(g.indices.subarray(0, 2))).toEqual([2, 1]);
  });
});
