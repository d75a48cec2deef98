/**
 * Dense and sparse-times-dense kernels over row-major Float64Arrays, written as tight loops over
 * contiguous rows: what randomized SVD spends its time in.
 */
import type { CsrMatrix } from './sparse';

/** Block width of the dense kernels: eight accumulators stay in registers. */
const BLOCK = 8;

/**
 * out (a.rows x k) = A * B, with B (a.cols x k) row-major. Works on eight columns of B at a time,
 * copied into a packed block small enough to stay in cache while every row of A gathers from it.
 * `out` is overwritten.
 */
export function multiplyCsrDense(a: CsrMatrix, b: Float64Array, k: number, out: Float64Array): void {
  const { indptr, indices, values } = a;
  const rows = a.rows;
  const packed = new Float64Array(a.cols * BLOCK);
  for (let c = 0; c < k; c += BLOCK) {
    const w = Math.min(BLOCK, k - c);
    packed.fill(0);
    for (let j = 0; j < a.cols; j++) for (let t = 0; t < w; t++) packed[j * BLOCK + t] = b[j * k + c + t];
    for (let r = 0; r < rows; r++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
        const v = values[p];
        const q = indices[p] * BLOCK;
        s0 += v * packed[q];
        s1 += v * packed[q + 1];
        s2 += v * packed[q + 2];
        s3 += v * packed[q + 3];
        s4 += v * packed[q + 4];
        s5 += v * packed[q + 5];
        s6 += v * packed[q + 6];
        s7 += v * packed[q + 7];
      }
      const o = r * k + c;
      if (w === BLOCK) {
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
      } else {
        const sums = [s0, s1, s2, s3, s4, s5, s6, s7];
        for (let t = 0; t < w; t++) out[o + t] = sums[t];
      }
    }
  }
}

/**
 * out (a.cols x k) = A^T * Y, with Y (a.rows x k) row-major, without forming A^T: eight columns
 * at a time, each row of Y is held in registers and scattered into a packed block of the output
 * that stays in cache. `out` is overwritten.
 */
export function multiplyCsrTransposeDense(a: CsrMatrix, y: Float64Array, k: number, out: Float64Array): void {
  const { indptr, indices, values } = a;
  const cols = a.cols;
  const packed = new Float64Array(cols * BLOCK);
  for (let c = 0; c < k; c += BLOCK) {
    const w = Math.min(BLOCK, k - c);
    packed.fill(0);
    for (let r = 0; r < a.rows; r++) {
      const o = r * k + c;
      const y0 = y[o], y1 = w > 1 ? y[o + 1] : 0, y2 = w > 2 ? y[o + 2] : 0, y3 = w > 3 ? y[o + 3] : 0;
      const y4 = w > 4 ? y[o + 4] : 0, y5 = w > 5 ? y[o + 5] : 0, y6 = w > 6 ? y[o + 6] : 0, y7 = w > 7 ? y[o + 7] : 0;
      for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
        const v = values[p];
        const q = indices[p] * BLOCK;
        packed[q] += v * y0;
        packed[q + 1] += v * y1;
        packed[q + 2] += v * y2;
        packed[q + 3] += v * y3;
        packed[q + 4] += v * y4;
        packed[q + 5] += v * y5;
        packed[q + 6] += v * y6;
        packed[q + 7] += v * y7;
      }
    }
    for (let j = 0; j < cols; j++) for (let t = 0; t < w; t++) out[j * k + c + t] = packed[j * BLOCK + t];
  }
}

/** X^T X (k x k, row-major) of X (rows x k, row-major), accumulated in 4 x 4 register blocks
 * over chunks of rows that stay in cache. */
export function buildGram(x: Float64Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  const k4 = k - (k % 4);
  const CHUNK = 64;
  for (let r0 = 0; r0 < rows; r0 += CHUNK) {
    const r1 = Math.min(rows, r0 + CHUNK);
    for (let i = 0; i < k4; i += 4) {
      for (let j = i; j < k4; j += 4) {
        let g00 = 0, g01 = 0, g02 = 0, g03 = 0, g10 = 0, g11 = 0, g12 = 0, g13 = 0;
        let g20 = 0, g21 = 0, g22 = 0, g23 = 0, g30 = 0, g31 = 0, g32 = 0, g33 = 0;
        for (let r = r0; r < r1; r++) {
          const o = r * k;
          const a0 = x[o + i], a1 = x[o + i + 1], a2 = x[o + i + 2], a3 = x[o + i + 3];
          const b0 = x[o + j], b1 = x[o + j + 1], b2 = x[o + j + 2], b3 = x[o + j + 3];
          g00 += a0 * b0; g01 += a0 * b1; g02 += a0 * b2; g03 += a0 * b3;
          g10 += a1 * b0; g11 += a1 * b1; g12 += a1 * b2; g13 += a1 * b3;
          g20 += a2 * b0; g21 += a2 * b1; g22 += a2 * b2; g23 += a2 * b3;
          g30 += a3 * b0; g31 += a3 * b1; g32 += a3 * b2; g33 += a3 * b3;
        }
        const o0 = i * k + j, o1 = o0 + k, o2 = o1 + k, o3 = o2 + k;
        g[o0] += g00; g[o0 + 1] += g01; g[o0 + 2] += g02; g[o0 + 3] += g03;
        g[o1] += g10; g[o1 + 1] += g11; g[o1 + 2] += g12; g[o1 + 3] += g13;
        g[o2] += g20; g[o2 + 1] += g21; g[o2 + 2] += g22; g[o2 + 3] += g23;
        g[o3] += g30; g[o3 + 1] += g31; g[o3 + 2] += g32; g[o3 + 3] += g33;
      }
    }
    // Columns past the last full block of four.
    for (let r = r0; r < r1; r++) {
      const o = r * k;
      for (let j = k4; j < k; j++) {
        const xj = x[o + j];
        for (let i = 0; i <= j; i++) g[i * k + j] += x[o + i] * xj;
      }
    }
  }
  // The blocks filled the upper triangle (and both halves of diagonal blocks): mirror it.
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) g[j * k + i] = g[i * k + j];
  return g;
}

/** X * M: X (rows x k) times M (k x p), both row-major; returns rows x p. */
export function multiplyDense(x: Float64Array, rows: number, k: number, m: Float64Array, p: number): Float64Array {
  const out = new Float64Array(rows * p);
  const p8 = p - (p % BLOCK);
  for (let r = 0; r < rows; r++) {
    const xr = r * k;
    const o = r * p;
    for (let j = 0; j < p8; j += BLOCK) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let i = 0; i < k; i++) {
        const xi = x[xr + i];
        const q = i * p + j;
        s0 += xi * m[q];
        s1 += xi * m[q + 1];
        s2 += xi * m[q + 2];
        s3 += xi * m[q + 3];
        s4 += xi * m[q + 4];
        s5 += xi * m[q + 5];
        s6 += xi * m[q + 6];
        s7 += xi * m[q + 7];
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
      out[o + j + 4] = s4;
      out[o + j + 5] = s5;
      out[o + j + 6] = s6;
      out[o + j + 7] = s7;
    }
    for (let j = p8; j < p; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += x[xr + i] * m[i * p + j];
      out[o + j] = s;
    }
  }
  return out;
}

/** Eigenvalues (descending) and eigenvectors of a symmetric matrix: `vectors` is n x n
 * row-major with eigenvector j in column j. */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a small symmetric matrix (n x n, row-major) by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, 4th ed., section 8.5): slow for large n but accurate
 * to machine precision, which is what the l x l problems of randomized SVD need.
 */
export function buildSymmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  const a = Float64Array.from(matrix.subarray(0, n * n));
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i] * a[i * n + i];
      for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // Rotation angle that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.1).
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x] || x - y);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}

/**
 * Replaces the columns of X (rows x k, row-major) by an orthonormal basis of their span, via the
 * eigen-decomposition of the Gram matrix (X W Lambda^-1/2, done twice for accuracy, as in
 * CholeskyQR2: Fukaya et al., doi:10.1109/ScalA.2014.11; one pass is enough between power
 * iterations, where only the spanned subspace matters). Directions with a negligible eigenvalue
 * (rank deficiency) become zero columns. With `maxCondition` > 0, a basis whose condition number
 * is already below it is left as it is. Returns the numerical rank.
 */
export function orthonormalizeColumns(x: Float64Array, rows: number, k: number, passes = 2, maxCondition = 0): number {
  let rank = 0;
  for (let pass = 0; pass < passes; pass++) {
    const { values, vectors } = buildSymmetricEigen(buildGram(x, rows, k), k);
    const top = Math.max(values[0], 0);
    // A basis that is already well conditioned spans the same subspace as its orthonormalized
    // version; between power iterations that is all that matters, so skip the rotation.
    if (maxCondition > 0 && values[k - 1] > 0 && top / values[k - 1] < maxCondition * maxCondition) return k;
    const scale = new Float64Array(k * k);
    rank = 0;
    for (let j = 0; j < k; j++) {
      if (!(values[j] > top * 1e-14)) continue;
      rank++;
      const f = 1 / Math.sqrt(values[j]);
      for (let i = 0; i < k; i++) scale[i * k + j] = vectors[i * k + j] * f;
    }
    x.set(multiplyDense(x, rows, k, scale, k));
  }
  return rank;
}
