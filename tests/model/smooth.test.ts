import { describe, expect, it } from 'vitest';
import { buildKMeans } from '../../lib/model/kmeans';
import { buildExactNeighbours } from '../../lib/model/neighbours';
import { normalizedMutualInfo } from '../../lib/model/quality';
import {
  buildLocalityOrder,
  buildSmoothedVectors,
  buildWalkMatrix,
  permuteWalk,
  smoothSteps,
} from '../../lib/model/smooth';
import { createRandom } from '../../lib/random';
import { makeBlobs } from './blobs';

/** A random neighbour graph: k neighbours per row, repeats and self-links included. */
function randomGraph(n: number, k: number, seed: number) {
  const random = createRandom(seed);
  return {
    k,
    indices: Int32Array.from({ length: n * k }, () => Math.floor(random() * n)),
    similarities: Float64Array.from({ length: n * k }, () => random() * 1.2 - 0.2),
  };
}

describe('buildWalkMatrix', () => {
  it('symmetrizes, merges repeats, drops self-links and normalizes rows', () => {
    const graph = {
      k: 2,
      indices: Int32Array.from([1, 2, 0, 0, 0, 2]),
      similarities: Float64Array.from([0.5, 0.25, 0.5, 0.9, 0.25, 1]),
    };
    const walk = buildWalkMatrix(graph, 3);
    // Row 0: 1 (0.5 + 0.5 + 0.9) and 2 (0.25 + 0.25); row 2's self-link is gone.
    expect(Array.from(walk.indptr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(walk.indices)).toEqual([1, 2, 0, 0]);
    expect(walk.values[0]).toBeCloseTo(1.9 / 2.4, 12);
    expect(walk.values[1]).toBeCloseTo(0.5 / 2.4, 12);
    expect(Array.from(walk.values.subarray(2))).toEqual([1, 1]);
  });

  it('keeps columns ascending in every row', () => {
    const walk = buildWalkMatrix(randomGraph(300, 6, 3), 300);
    for (let i = 0; i < 300; i++) {
      for (let p = walk.indptr[i] + 1; p < walk.indptr[i + 1]; p++)
        expect(walk.indices[p]).toBeGreaterThan(walk.indices[p - 1]);
    }
  });
});

describe('buildSmoothedVectors', () => {
  it('equals t steps of the walk computed naively, rows normalized', () => {
    const n = 400;
    const d = 6;
    const random = createRandom(11);
    const data = Float64Array.from({ length: n * d }, () => random() - 0.5);
    const graph = randomGraph(n, 5, 12);
    const smoothed = buildSmoothedVectors({ rows: n, cols: d, data }, graph, { steps: 3, dims: 4 });
    expect(smoothed.cols).toBe(4);
    const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < 5; r++) {
        const j = graph.indices[i * 5 + r];
        if (j === i) continue;
        const w = Math.max(0, graph.similarities[i * 5 + r]);
        rows[i].set(j, (rows[i].get(j) ?? 0) + w);
        rows[j].set(i, (rows[j].get(i) ?? 0) + w);
      }
    }
    let z = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + 4)));
    for (let s = 0; s < 3; s++) {
      z = rows.map((row, i) => {
        let deg = 0;
        for (const w of row.values()) deg += w;
        if (row.size === 0) return z[i];
        const out = [0, 0, 0, 0];
        for (const [j, w] of row) for (let c = 0; c < 4; c++) out[c] += (w / deg) * z[j][c];
        return out;
      });
    }
    for (let i = 0; i < n; i++) {
      const norm = Math.hypot(...z[i]);
      for (let c = 0; c < 4; c++) expect(smoothed.data[i * 4 + c]).toBeCloseTo(z[i][c] / norm, 10);
    }
  });

  it('is deterministic', () => {
    const { vectors } = makeBlobs(4, 200, 10, 5, 2, true);
    const graph = buildExactNeighbours(
      vectors,
      10,
      Int32Array.from({ length: vectors.rows }, (_, i) => i),
    );
    const a = buildSmoothedVectors(vectors, graph);
    const b = buildSmoothedVectors(vectors, graph);
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
  });

  it('lets k-means find subjects the graph knows better than any single vector', () => {
    // Noisy blobs (k-means on the raw vectors is near chance) with a graph whose links stay inside
    // each blob, as similar papers mostly share a subject: the walk averages the noise away.
    const { vectors, labels } = makeBlobs(6, 250, 20, 21, 0.3, true);
    const n = vectors.rows;
    const random = createRandom(5);
    const k = 10;
    const indices = new Int32Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < k; r++) indices[i * k + r] = labels[i] + 6 * Math.floor(random() * 250);
    }
    const graph = { k, indices, similarities: new Float64Array(n * k).fill(0.5) };
    const raw = buildKMeans(vectors, { k: 6, seed: 1 });
    const smooth = buildKMeans(buildSmoothedVectors(vectors, graph), { k: 6, seed: 1 });
    expect(normalizedMutualInfo(labels, raw.assignments)).toBeLessThan(0.3);
    expect(normalizedMutualInfo(labels, smooth.assignments)).toBeGreaterThan(0.95);
  });
});

describe('smoothSteps', () => {
  it('grows as the cube root of the papers, within 1..20', () => {
    expect(smoothSteps(10)).toBe(1);
    expect(smoothSteps(746)).toBe(2);
    expect(smoothSteps(10000)).toBe(5);
    expect(smoothSteps(74720)).toBe(11);
    expect(smoothSteps(1_000_000)).toBe(20);
  });
});

describe('the walk in locality order', () => {
  it('visits every row once, neighbours near each other', () => {
    // 8 blobs of 75 points in 5 dimensions, rows normalized; blob of row r is r mod 8.
    const { vectors } = makeBlobs(8, 75, 5, 4, 6, true);
    const { rows } = vectors;
    const walk = buildWalkMatrix(buildExactNeighbours(vectors, 10), rows);
    const order = buildLocalityOrder(walk);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, i) => i));
    const { walk: permuted, rank } = permuteWalk(walk, order);
    // Row order[r] of the walk is row r of the permuted walk, its columns renamed, same weights.
    for (const r of [0, 17, rows - 1]) {
      const i = order[r];
      const before = Array.from(walk.indices.subarray(walk.indptr[i], walk.indptr[i + 1]), (j) => rank[j]);
      expect(Array.from(permuted.indices.subarray(permuted.indptr[r], permuted.indptr[r + 1]))).toEqual(before);
      expect(Array.from(permuted.values.subarray(permuted.indptr[r], permuted.indptr[r + 1]))).toEqual(
        Array.from(walk.values.subarray(walk.indptr[i], walk.indptr[i + 1])),
      );
    }
    // Breadth first: the mean distance in the order between a row and its neighbours is far below
    // that of the papers' own order (the blobs are interleaved there).
    const spread = (m: typeof walk) => {
      let sum = 0;
      for (let r = 0; r < m.rows; r++)
        for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) sum += Math.abs(m.indices[p] - r);
      return sum / m.indptr[m.rows];
    };
    expect(spread(permuted)).toBeLessThan(spread(walk) / 2);
  });

  it('gives the smoothed vectors of the walk in the papers own order, bit for bit', () => {
    const { vectors } = makeBlobs(6, 150, 12, 9, 6, true);
    const { rows, cols, data } = vectors;
    const graph = buildExactNeighbours(vectors, 10);
    const walk = buildWalkMatrix(graph, rows);
    const d = 8;
    const steps = 4;
    // The walk step by step in the papers' order, each sum over a row's entries in their order.
    let z = new Float64Array(rows * d);
    for (let i = 0; i < rows; i++) for (let c = 0; c < d; c++) z[i * d + c] = data[i * cols + c];
    for (let step = 0; step < steps; step++) {
      const next = new Float64Array(rows * d);
      for (let i = 0; i < rows; i++) {
        for (let c = 0; c < d; c++) {
          let s = 0;
          for (let p = walk.indptr[i]; p < walk.indptr[i + 1]; p++) s += walk.values[p] * z[walk.indices[p] * d + c];
          next[i * d + c] = walk.indptr[i] === walk.indptr[i + 1] ? z[i * d + c] : s;
        }
      }
      z = next;
    }
    // Rows to unit length as linalg's normalizeRows does: times the norm's reciprocal.
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += z[i * d + c] * z[i * d + c];
      const f = 1 / Math.sqrt(s);
      if (s > 0) for (let c = 0; c < d; c++) z[i * d + c] *= f;
    }
    const smoothed = buildSmoothedVectors(vectors, graph, { dims: d, steps });
    expect(Array.from(smoothed.data)).toEqual(Array.from(z));
  });
});
