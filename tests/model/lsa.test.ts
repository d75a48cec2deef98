import { describe, expect, it } from 'vitest';
import { buildLsa } from '../../lib/model/lsa';
import {
  buildGram,
  buildSymmetricEigen,
  multiplyCsrDense,
  multiplyCsrTransposeDense,
  orthonormalizeColumns,
} from '../../lib/model/linalg';
import type { CsrMatrix } from '../../lib/model/matrix';

/** Column j of H * C, with C the orthonormal DCT-II basis of R^size and H = I - 2 w w^T / w^T w
 * the Householder reflection of w_i = sqrt(i + 1): a closed-form orthogonal matrix, so the
 * test matrices below have singular vectors and values known without any SVD code. (H breaks
 * the DCT's mirror symmetry, whose tied magnitudes would make the sign convention ambiguous.) */
function dct(size: number, j: number): Float64Array {
  const v = new Float64Array(size);
  const scale = j === 0 ? Math.sqrt(1 / size) : Math.sqrt(2 / size);
  for (let i = 0; i < size; i++) v[i] = scale * Math.cos((Math.PI * (i + 0.5) * j) / size);
  let wv = 0;
  let ww = 0;
  for (let i = 0; i < size; i++) {
    wv += Math.sqrt(i + 1) * v[i];
    ww += i + 1;
  }
  for (let i = 0; i < size; i++) v[i] -= (2 * wv * Math.sqrt(i + 1)) / ww;
  return v;
}

/** A = sum_j s_j u_j v_j^T as a dense row-major array, with u_j, v_j DCT columns. */
function buildKnown(m: number, n: number, sigma: number[], uCols: number[], vCols: number[]) {
  const us = uCols.map((j) => dct(m, j));
  const vs = vCols.map((j) => dct(n, j));
  const dense = new Float64Array(m * n);
  sigma.forEach((s, t) => {
    for (let i = 0; i < m; i++) for (let c = 0; c < n; c++) dense[i * n + c] += s * us[t][i] * vs[t][c];
  });
  return { dense, us };
}

function toCsr(dense: Float64Array, rows: number, cols: number): CsrMatrix {
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (dense[r * cols + c] !== 0) {
        indices.push(c);
        values.push(dense[r * cols + c]);
      }
    }
    indptr[r + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** The expected LSA rows: (U Sigma)[:, :k] with each column's largest-magnitude entry made
 * positive, then each row scaled to unit length. */
function expectedVectors(us: Float64Array[], sigma: number[], m: number, k: number): Float64Array {
  const out = new Float64Array(m * k);
  for (let j = 0; j < k; j++) {
    let best = 0;
    let sign = 1;
    for (let i = 0; i < m; i++) {
      if (Math.abs(us[j][i]) > best + 1e-12) {
        best = Math.abs(us[j][i]);
        sign = Math.sign(us[j][i]);
      }
    }
    for (let i = 0; i < m; i++) out[i * k + j] = sign * sigma[j] * us[j][i];
  }
  for (let i = 0; i < m; i++) {
    const norm = Math.hypot(...out.subarray(i * k, (i + 1) * k));
    if (norm > 0) for (let j = 0; j < k; j++) out[i * k + j] /= norm;
  }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('buildLsa', () => {
  it('recovers the singular values and vectors of an exactly rank-6 matrix', () => {
    const m = 40;
    const n = 30;
    const sigma = [9, 7, 5, 3, 2, 1];
    const { dense, us } = buildKnown(m, n, sigma, [1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]);
    const lsa = buildLsa(toCsr(dense, m, n), { dims: 4, seed: 7 });
    expect(maxAbsDiff(lsa.singularValues, [9, 7, 5, 3])).toBeLessThan(1e-9);
    expect(lsa.vectors.rows).toBe(m);
    expect(lsa.vectors.cols).toBe(4);
    expect(maxAbsDiff(lsa.vectors.data, expectedVectors(us, sigma, m, 4))).toBeLessThan(1e-9);
    // (81 + 49 + 25 + 9) / (81 + 49 + 25 + 9 + 4 + 1)
    expect(lsa.explainedVariance).toBeCloseTo(164 / 169, 10);
  });

  it('finds the top of a full-rank spectrum with a sketch narrower than the matrix', () => {
    const m = 60;
    const n = 50;
    const sigma = [10, 8, 6, 5, 4];
    for (let j = 0; j < 45; j++) sigma.push(0.02 * Math.pow(0.9, j));
    const uCols = sigma.map((_, j) => j);
    const vCols = sigma.map((_, j) => j);
    const { dense, us } = buildKnown(m, n, sigma, uCols, vCols);
    const lsa = buildLsa(toCsr(dense, m, n), { dims: 5, oversample: 3, powerIterations: 4, seed: 1 });
    expect(maxAbsDiff(lsa.singularValues, [10, 8, 6, 5, 4])).toBeLessThan(1e-9);
    expect(maxAbsDiff(lsa.vectors.data, expectedVectors(us, sigma, m, 5))).toBeLessThan(1e-6);
  });

  it('is deterministic for a seed, and its sign convention makes it seed-independent here', () => {
    const { dense } = buildKnown(40, 30, [9, 7, 5, 3], [1, 2, 3, 4], [1, 3, 5, 7]);
    const a = toCsr(dense, 40, 30);
    const first = buildLsa(a, { dims: 3, seed: 3 });
    expect(buildLsa(a, { dims: 3, seed: 3 })).toEqual(first);
    const other = buildLsa(a, { dims: 3, seed: 99 });
    expect(maxAbsDiff(other.vectors.data, first.vectors.data)).toBeLessThan(1e-9);
    expect(maxAbsDiff(other.singularValues, first.singularValues)).toBeLessThan(1e-9);
  });

  it('keeps zero rows zero, makes other rows unit length, and clamps dims', () => {
    // Rows: [1 0 0], [0 0 0], [0 2 0], [3 0 1]
    const a: CsrMatrix = {
      rows: 4,
      cols: 3,
      indptr: Int32Array.from([0, 1, 1, 2, 4]),
      indices: Int32Array.from([0, 1, 0, 2]),
      values: Float64Array.from([1, 2, 3, 1]),
    };
    const calls: number[] = [];
    const lsa = buildLsa(a, { dims: 10, powerIterations: 2 }, (done) => calls.push(done));
    expect(lsa.vectors.cols).toBe(3);
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    const row = (r: number) => Array.from(lsa.vectors.data.subarray(r * 3, r * 3 + 3));
    expect(row(1)).toEqual([0, 0, 0]);
    for (const r of [0, 2, 3]) expect(Math.hypot(...row(r))).toBeCloseTo(1, 12);
    // Singular values of [[1,0,0],[0,0,0],[0,2,0],[3,0,1]]: A^T A = [[10,0,3],[0,4,0],[3,0,1]]
    // has eigenvalues (11 + sqrt(117)) / 2, 4, (11 - sqrt(117)) / 2.
    const expected = [Math.sqrt((11 + Math.sqrt(117)) / 2), 2, Math.sqrt((11 - Math.sqrt(117)) / 2)];
    expect(maxAbsDiff(lsa.singularValues, expected)).toBeLessThan(1e-9);
    expect(lsa.explainedVariance).toBeCloseTo(1, 12);
  });
});

describe('linalg kernels', () => {
  const a: CsrMatrix = {
    rows: 3,
    cols: 4,
    indptr: Int32Array.from([0, 2, 2, 5]),
    indices: Int32Array.from([0, 3, 1, 2, 3]),
    values: Float64Array.from([2, -1, 4, 0.5, 3]),
  };
  // Dense A = [[2,0,0,-1],[0,0,0,0],[0,4,0.5,3]]

  it('multiplies sparse by dense, plain and transposed, for widths around the block size', () => {
    for (const k of [1, 3, 8, 11]) {
      const b = Float64Array.from({ length: 4 * k }, (_, i) => ((i * 7) % 5) - 2);
      const out = new Float64Array(3 * k).fill(99);
      multiplyCsrDense(a, b, k, out);
      for (let c = 0; c < k; c++) {
        expect(out[0 * k + c]).toBeCloseTo(2 * b[0 * k + c] - b[3 * k + c], 12);
        expect(out[1 * k + c]).toBe(0);
        expect(out[2 * k + c]).toBeCloseTo(4 * b[1 * k + c] + 0.5 * b[2 * k + c] + 3 * b[3 * k + c], 12);
      }
      const y = Float64Array.from({ length: 3 * k }, (_, i) => ((i * 3) % 7) - 3);
      const t = new Float64Array(4 * k).fill(99);
      multiplyCsrTransposeDense(a, y, k, t);
      for (let c = 0; c < k; c++) {
        expect(t[0 * k + c]).toBeCloseTo(2 * y[c], 12);
        expect(t[1 * k + c]).toBeCloseTo(4 * y[2 * k + c], 12);
        expect(t[2 * k + c]).toBeCloseTo(0.5 * y[2 * k + c], 12);
        expect(t[3 * k + c]).toBeCloseTo(-y[c] + 3 * y[2 * k + c], 12);
      }
    }
  });

  it('builds Gram matrices and symmetric eigen-decompositions', () => {
    // X = [[1,2,0,0,1],[0,1,1,0,0]] (2 x 5): X^T X by hand.
    const x = Float64Array.from([1, 2, 0, 0, 1, 0, 1, 1, 0, 0]);
    expect(Array.from(buildGram(x, 2, 5))).toEqual([
      1, 2, 0, 0, 1, 2, 5, 1, 0, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 1,
    ]);
    const { values, vectors } = buildSymmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 14);
  });

  it('orthonormalizes columns and zeroes dependent ones', () => {
    // Columns: (1,1,0,0), (2,2,0,0) = 2 x first, (0,1,1,1).
    const x = Float64Array.from([1, 2, 0, 1, 2, 1, 0, 0, 1, 0, 0, 1]);
    expect(orthonormalizeColumns(x, 4, 3)).toBe(2);
    const g = buildGram(x, 4, 3);
    const ones = [g[0], g[4], g[8]].filter((v) => Math.abs(v - 1) < 1e-12).length;
    expect(ones).toBe(2);
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ])
      expect(Math.abs(g[i * 3 + j])).toBeLessThan(1e-12);
  });
});
