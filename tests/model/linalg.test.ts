import { afterEach, describe, expect, it } from 'vitest';
import {
  buildGram,
  cosine,
  dot,
  fillDotBlock,
  gatherRows,
  multiplyCsrDense,
  multiplyCsrDenseParallel,
  multiplyCsrTransposeDense,
  multiplyDense,
  normalizeRows,
  squaredDistance,
  transposeCsr,
} from '../../lib/model/linalg';
import { buildLsa } from '../../lib/model/lsa';
import type { CsrMatrix } from '../../lib/model/matrix';
import { sharedFloat64, toShared } from '../../lib/parallel/pool';
import { createRandom } from '../../lib/random';

const saved = process.env.TOPICSCOPE_THREADS;
afterEach(() => {
  if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
  else process.env.TOPICSCOPE_THREADS = saved;
});

/** A seeded random sparse matrix with Zipf-like column use, big enough for the kernels to
 * split their work over threads (rows * per-row entries * 112 > 2e7 multiply-adds). */
function randomCsr(rows: number, cols: number, perRow: number, seed: number): CsrMatrix {
  const random = createRandom(seed);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Set<number>();
    const count = 1 + Math.floor(random() * 2 * perRow);
    while (row.size < Math.min(count, cols)) row.add(Math.floor(cols * Math.pow(random(), 3)));
    for (const c of [...row].sort((a, b) => a - b)) {
      indices.push(c);
      values.push(random() - 0.3);
    }
    indptr[r + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

function shared(a: CsrMatrix): CsrMatrix {
  return { ...a, indptr: toShared(a.indptr), indices: toShared(a.indices), values: toShared(a.values) };
}

const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

describe('parallel kernels', () => {
  const a = randomCsr(6000, 3000, 40, 5);
  const k = 112;
  const random = createRandom(9);
  const z = sharedFloat64(a.cols * k);
  for (let i = 0; i < z.length; i++) z[i] = random() - 0.5;

  it('transposes CSR so that A^T Y by rows equals the scatter product bit for bit', () => {
    const t = transposeCsr(a);
    expect(t.rows).toBe(a.cols);
    expect(t.indptr[t.rows]).toBe(a.values.length);
    const y = Float64Array.from({ length: a.rows * 8 }, (_, i) => Math.sin(i));
    const scatter = new Float64Array(a.cols * 8);
    multiplyCsrTransposeDense(a, y, 8, scatter);
    const gather = new Float64Array(a.cols * 8);
    multiplyCsrDense(t, y, 8, gather);
    expect(bytes(gather).equals(bytes(scatter))).toBe(true);
    // Row 0 of A^T by hand: the entries of column 0, in row order.
    const col0: number[] = [];
    for (let r = 0; r < a.rows; r++)
      for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) if (a.indices[p] === 0) col0.push(a.values[p]);
    expect(Array.from(t.values.subarray(0, t.indptr[1]))).toEqual(col0);
  });

  it('gives the same bytes on 1, 2 and 3 threads', () => {
    const results = ['1', '2', '3'].map((threads) => {
      process.env.TOPICSCOPE_THREADS = threads;
      const y = sharedFloat64(a.rows * k);
      multiplyCsrDenseParallel(shared(a), z, k, y);
      const gram = buildGram(y, a.rows, k);
      const m = Float64Array.from({ length: k * 100 }, (_, i) => Math.cos(i));
      const product = multiplyDense(y, a.rows, k, m, 100);
      return { y: Float64Array.from(y), gram, product: Float64Array.from(product) };
    });
    const plain = new Float64Array(a.rows * k);
    multiplyCsrDense(a, z, k, plain);
    for (const r of results) {
      expect(bytes(r.y).equals(bytes(plain))).toBe(true);
      expect(bytes(r.gram).equals(bytes(results[0].gram))).toBe(true);
      expect(bytes(r.product).equals(bytes(results[0].product))).toBe(true);
    }
    // Spot checks against plain sums.
    let g01 = 0;
    for (let r = 0; r < a.rows; r++) g01 += plain[r * k] * plain[r * k + 1];
    expect(results[0].gram[1]).toBeCloseTo(g01, 8);
    expect(results[0].gram[k]).toBe(results[0].gram[1]);
  });

  it('multiplies dense blocks with remainders in both dimensions', () => {
    // X (5 x 3) * M (3 x 6): rows past a block of four and columns past a block of four.
    const x = Float64Array.from({ length: 15 }, (_, i) => i - 7);
    const m = Float64Array.from({ length: 18 }, (_, i) => (i % 5) - 2);
    const out = multiplyDense(x, 5, 3, m, 6);
    for (let r = 0; r < 5; r++) {
      for (let j = 0; j < 6; j++) {
        let s = 0;
        for (let i = 0; i < 3; i++) s += x[r * 3 + i] * m[i * 6 + j];
        expect(out[r * 6 + j]).toBe(s);
      }
    }
  });
});

describe('buildLsa on threads', () => {
  it('returns the same bytes whatever the number of threads, in shared memory when threaded', () => {
    // 8000 rows of ~31 entries times a 112-column sketch: over the threshold for threads.
    const a = randomCsr(8000, 2500, 30, 11);
    const runs = ['1', '2'].map((threads) => {
      process.env.TOPICSCOPE_THREADS = threads;
      return buildLsa(a, { dims: 100, seed: 3 });
    });
    // The threads' output is handed on where it is (the later stages' threads read it there):
    // a copy is 800 MB at a million papers.
    expect(runs[0].vectors.data.buffer).toBeInstanceOf(ArrayBuffer);
    expect(runs[1].vectors.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bytes(runs[1].vectors.data).equals(bytes(runs[0].vectors.data))).toBe(true);
    expect(bytes(runs[1].singularValues).equals(bytes(runs[0].singularValues))).toBe(true);
    expect(runs[1].explainedVariance).toBe(runs[0].explainedVariance);
    // The top singular value, by plain power iteration on A^T A.
    let v = new Float64Array(a.cols).fill(1);
    let sigma = 0;
    for (let it = 0; it < 300; it++) {
      const av = new Float64Array(a.rows);
      for (let r = 0; r < a.rows; r++)
        for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) av[r] += a.values[p] * v[a.indices[p]];
      const next = new Float64Array(a.cols);
      for (let r = 0; r < a.rows; r++)
        for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) next[a.indices[p]] += a.values[p] * av[r];
      const norm = Math.hypot(...next);
      sigma = Math.sqrt(norm);
      v = next.map((x) => x / norm);
    }
    // A Rayleigh-Ritz value from a sketch: never above the true one, and close to it here.
    expect(runs[0].singularValues[0]).toBeLessThanOrEqual(sigma * (1 + 1e-9));
    expect(sigma - runs[0].singularValues[0]).toBeLessThan(1e-5 * sigma);
    let frobenius = 0;
    for (const x of a.values) frobenius += x * x;
    let kept = 0;
    for (const s of runs[0].singularValues) kept += s * s;
    expect(kept / frobenius).toBeCloseTo(runs[0].explainedVariance, 12);
  });
});

describe('row kernels', () => {
  // Three rows of three values, worked by hand.
  const x = Float64Array.from([1, 2, 2, 0, 3, 4, 0, 0, 0]);
  it('squaredDistance between rows of two matrices, odd and even widths', () => {
    expect(squaredDistance(x, 0, x, 1, 3)).toBe(1 + 1 + 4);
    expect(squaredDistance(x, 1, Float64Array.from([3, 0, 0]), 0, 3)).toBe(9 + 9 + 16);
    expect(squaredDistance(Float64Array.from([1, 2, 3, 4]), 0, Float64Array.from([0, 0, 0, 0]), 0, 4)).toBe(30);
  });
  it('normalizeRows scales each row to unit length and leaves a zero row zero', () => {
    const y = Float64Array.from(x);
    normalizeRows(y, 3, 3);
    // |(1, 2, 2)| = 3, |(0, 3, 4)| = 5.
    expect(Array.from(y.subarray(0, 3))).toEqual([1 * (1 / 3), 2 * (1 / 3), 2 * (1 / 3)]);
    expect(Array.from(y.subarray(3, 6))).toEqual([0, 3 * (1 / 5), 4 * (1 / 5)]);
    expect(Array.from(y.subarray(6))).toEqual([0, 0, 0]);
  });
  it('dot of two rows, and cosine, 0 against a zero row', () => {
    expect(dot(x, 0, 1, 3)).toBe(6 + 8);
    expect(cosine(x, 0, x, 1, 3)).toBeCloseTo(14 / (3 * 5), 15);
    expect(cosine(x, 0, x, 2, 3)).toBe(0);
  });
  it('fillDotBlock fills queries × rows, past the 2 × 4 tiles', () => {
    const data = Float64Array.from({ length: 6 * 3 }, (_, i) => (i % 5) - 2);
    const queries = gatherRows(data, [5, 0, 3], 3);
    expect(Array.from(queries)).toEqual(Array.from(data.subarray(15, 18)).concat([-2, -1, 0], [2, -2, -1]));
    const out = new Float64Array(3 * 5).fill(NaN);
    fillDotBlock(out, queries, 3, data, 1, 6, 3);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 5; b++) {
        let s = 0;
        for (let d = 0; d < 3; d++) s += queries[a * 3 + d] * data[(1 + b) * 3 + d];
        expect(out[a * 5 + b]).toBe(s);
      }
    }
  });
});
