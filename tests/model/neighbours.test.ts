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
  it('gives the same exact lists on 1, 2 and 3 threads', () => {
    // Large enough (queries × rows × dims) to be split over the threads.
    const big = makeBlobs(10, 2000, 40, 5, 1.5, true).vectors;
    const queries = Int32Array.from({ length: 600 }, (_, i) => (i * 37) % big.rows);
    const saved = process.env.TOPICSCOPE_THREADS;
    try {
      const runs = ['1', '2', '3'].map((threads) => {
        process.env.TOPICSCOPE_THREADS = threads;
        const g = buildExactNeighbours(big, 10, queries);
        return { indices: Array.from(g.indices), similarities: Array.from(g.similarities) };
      });
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
      // Each list is the query's true nearest rows: checked for one by sorting every dot product.
      const q = queries[5];
      const dots = Array.from({ length: big.rows }, (_, j) => {
        let d = 0;
        for (let c = 0; c < big.cols; c++) d += big.data[q * big.cols + c] * big.data[j * big.cols + c];
        return { j, d };
      })
        .filter((x) => x.j !== q)
        .sort((a, b) => b.d - a.d || a.j - b.j);
      expect(runs[0].indices.slice(50, 60)).toEqual(dots.slice(0, 10).map((x) => x.j));
    } finally {
      if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
      else process.env.TOPICSCOPE_THREADS = saved;
    }
  });
  it('handles inputs smaller than k', () => {
    const tiny = { rows: 3, cols: 2, data: Float64Array.from([1, 0, 0, 1, 0.6, 0.8]) };
    const g = buildNeighbours(tiny, { k: 10 });
    expect(g.k).toBe(2);
    expect(Array.from(g.indices.subarray(0, 2))).toEqual([2, 1]);
  });
});
