/**
 * Dense and sparse-times-dense kernels over row-major Float64Arrays, written as tight loops over
 * contiguous rows: what randomized SVD spends its time in. On large inputs in shared memory the
 * kernels split their rows over worker threads (lib/parallel/pool), with results that do not
 * depend on the number of threads. The row kernels at the end (distances, dot products, blocks of
 * dot products) are the ones k-means, the neighbour search, the map and the quality figures share.
 */
import type { CsrMatrix } from './matrix';
import { parallelThreads, runParallel, sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';

/** Block width of the sparse kernels: eight accumulators stay in registers. */
const BLOCK = 8;

/** Below about this many multiply-adds a product stays on the calling thread. */
const PARALLEL_WORK = 20_000_000;

/**
 * out (a.rows x k) = A * B, with B (a.cols x k) row-major. Works on eight columns of B at a time,
 * copied into a packed block small enough to stay in cache while every row of A gathers from it.
 * `out` is overwritten.
 */
export function multiplyCsrDense(a: CsrMatrix, b: Float64Array, k: number, out: Float64Array): void {
  multiplyCsrDenseRows(a, b, k, out, 0, a.rows);
}

/** multiplyCsrDense for rows [from, to) of A and of `out` only. */
export function multiplyCsrDenseRows(
  a: CsrMatrix,
  b: Float64Array,
  k: number,
  out: Float64Array,
  from: number,
  to: number,
): void {
  const { indptr, indices, values } = a;
  const packed = new Float64Array(a.cols * BLOCK);
  for (let c = 0; c < k; c += BLOCK) {
    const w = Math.min(BLOCK, k - c);
    if (w < BLOCK) packed.fill(0);
    if (w === BLOCK) {
      for (let j = 0; j < a.cols; j++) {
        const q = j * BLOCK;
        const o = j * k + c;
        packed[q] = b[o];
        packed[q + 1] = b[o + 1];
        packed[q + 2] = b[o + 2];
        packed[q + 3] = b[o + 3];
        packed[q + 4] = b[o + 4];
        packed[q + 5] = b[o + 5];
        packed[q + 6] = b[o + 6];
        packed[q + 7] = b[o + 7];
      }
    } else {
      for (let j = 0; j < a.cols; j++) for (let t = 0; t < w; t++) packed[j * BLOCK + t] = b[j * k + c + t];
    }
    for (let r = from; r < to; r++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
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
      const y0 = y[o],
        y1 = w > 1 ? y[o + 1] : 0,
        y2 = w > 2 ? y[o + 2] : 0,
        y3 = w > 3 ? y[o + 3] : 0;
      const y4 = w > 4 ? y[o + 4] : 0,
        y5 = w > 5 ? y[o + 5] : 0,
        y6 = w > 6 ? y[o + 6] : 0,
        y7 = w > 7 ? y[o + 7] : 0;
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

/**
 * multiplyCsrDense split over worker threads by rows (A, B and `out` in shared memory), in shares
 * of about equal numbers of entries. Each output row is computed by one thread exactly as
 * multiplyCsrDense computes it, so the result does not depend on the split.
 */
export function multiplyCsrDenseParallel(a: CsrMatrix, b: Float64Array, k: number, out: Float64Array): void {
  const nnz = a.indptr[a.rows];
  const threads = nnz * k >= PARALLEL_WORK && out.buffer instanceof SharedArrayBuffer ? parallelThreads() : 1;
  if (threads <= 1) {
    multiplyCsrDense(a, b, k, out);
    return;
  }
  const shares: CsrShare[] = [];
  let from = 0;
  for (let t = 1; t <= threads; t++) {
    let to = from;
    const target = Math.floor((t * nnz) / threads);
    while (to < a.rows && (t === threads || a.indptr[to] < target)) to++;
    shares.push({ a, b, k, out, from, to });
    from = to;
  }
  runParallel(TASKS.multiplyCsrDenseShare, multiplyCsrDenseShare, shares);
}

/** Rows [from, to) of out = A * B. */
export interface CsrShare {
  a: CsrMatrix;
  b: Float64Array;
  k: number;
  out: Float64Array;
  from: number;
  to: number;
}

/** Worker task of multiplyCsrDenseParallel. */
export function multiplyCsrDenseShare(share: CsrShare): null {
  multiplyCsrDenseRows(share.a, share.b, share.k, share.out, share.from, share.to);
  return null;
}

/**
 * A^T as a CSR matrix (rows and columns swapped, entries of each new row in increasing column
 * order), in shared memory when `shared`. A^T * Y computed from it sums over the rows of A in
 * the same order as multiplyCsrTransposeDense.
 */
export function transposeCsr(a: CsrMatrix, shared = false): CsrMatrix {
  const nnz = a.indptr[a.rows];
  const indptr = shared ? sharedInt32(a.cols + 1) : new Int32Array(a.cols + 1);
  const indices = shared ? sharedInt32(nnz) : new Int32Array(nnz);
  const values = shared ? sharedFloat64(nnz) : new Float64Array(nnz);
  for (let p = 0; p < nnz; p++) indptr[a.indices[p] + 1]++;
  for (let j = 0; j < a.cols; j++) indptr[j + 1] += indptr[j];
  const next = indptr.slice(0, a.cols);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.indptr[r], end = a.indptr[r + 1]; p < end; p++) {
      const q = next[a.indices[p]]++;
      indices[q] = r;
      values[q] = a.values[p];
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, values };
}

/**
 * X^T X (k x k, row-major) of X (rows x k, row-major), accumulated in 4 x 4 register blocks over
 * chunks of rows that stay in cache. Rows are summed in fixed segments of GRAM_SEGMENT rows whose
 * partial sums are added in order, so the result does not depend on how many threads computed
 * the segments (X in shared memory is split over worker threads when large).
 */
export function buildGram(x: Float64Array, rows: number, k: number): Float64Array {
  const segments = Math.ceil(rows / GRAM_SEGMENT);
  const g = new Float64Array(k * k);
  if (segments <= 1) {
    accumulateGram(x, k, 0, rows, g);
  } else {
    const threads = x.buffer instanceof SharedArrayBuffer && rows * k * k >= PARALLEL_WORK ? parallelThreads() : 1;
    const partial = threads > 1 ? sharedFloat64(segments * k * k) : new Float64Array(segments * k * k);
    const shares: GramShare[] = [];
    for (let t = 0; t < threads; t++) {
      shares.push({
        x,
        rows,
        k,
        partial,
        from: Math.floor((t * segments) / threads),
        to: Math.floor(((t + 1) * segments) / threads),
      });
    }
    runParallel(TASKS.accumulateGramSegments, accumulateGramSegments, shares);
    for (let s = 0; s < segments; s++) {
      const o = s * k * k;
      for (let i = 0; i < k * k; i++) g[i] += partial[o + i];
    }
  }
  // The blocks filled the upper triangle (and both halves of diagonal blocks): mirror it.
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) g[j * k + i] = g[i * k + j];
  return g;
}

/** Rows per Gram segment. */
const GRAM_SEGMENT = 4096;

/** Segments [from, to) of a buildGram, each into its own k x k slot of `partial`. */
export interface GramShare {
  x: Float64Array;
  rows: number;
  k: number;
  partial: Float64Array;
  from: number;
  to: number;
}

/** Worker task of buildGram. */
export function accumulateGramSegments(share: GramShare): null {
  const { x, rows, k, partial } = share;
  for (let s = share.from; s < share.to; s++) {
    accumulateGram(
      x,
      k,
      s * GRAM_SEGMENT,
      Math.min(rows, (s + 1) * GRAM_SEGMENT),
      partial.subarray(s * k * k, (s + 1) * k * k),
    );
  }
  return null;
}

function accumulateGram(x: Float64Array, k: number, from: number, to: number, g: Float64Array): void {
  const k4 = k - (k % 4);
  const CHUNK = 64;
  for (let r0 = from; r0 < to; r0 += CHUNK) {
    const r1 = Math.min(to, r0 + CHUNK);
    for (let i = 0; i < k4; i += 4) {
      for (let j = i; j < k4; j += 4) {
        let g00 = 0,
          g01 = 0,
          g02 = 0,
          g03 = 0,
          g10 = 0,
          g11 = 0,
          g12 = 0,
          g13 = 0;
        let g20 = 0,
          g21 = 0,
          g22 = 0,
          g23 = 0,
          g30 = 0,
          g31 = 0,
          g32 = 0,
          g33 = 0;
        for (let r = r0; r < r1; r++) {
          const o = r * k;
          const a0 = x[o + i],
            a1 = x[o + i + 1],
            a2 = x[o + i + 2],
            a3 = x[o + i + 3];
          const b0 = x[o + j],
            b1 = x[o + j + 1],
            b2 = x[o + j + 2],
            b3 = x[o + j + 3];
          g00 += a0 * b0;
          g01 += a0 * b1;
          g02 += a0 * b2;
          g03 += a0 * b3;
          g10 += a1 * b0;
          g11 += a1 * b1;
          g12 += a1 * b2;
          g13 += a1 * b3;
          g20 += a2 * b0;
          g21 += a2 * b1;
          g22 += a2 * b2;
          g23 += a2 * b3;
          g30 += a3 * b0;
          g31 += a3 * b1;
          g32 += a3 * b2;
          g33 += a3 * b3;
        }
        const o0 = i * k + j,
          o1 = o0 + k,
          o2 = o1 + k,
          o3 = o2 + k;
        g[o0] += g00;
        g[o0 + 1] += g01;
        g[o0 + 2] += g02;
        g[o0 + 3] += g03;
        g[o1] += g10;
        g[o1 + 1] += g11;
        g[o1 + 2] += g12;
        g[o1 + 3] += g13;
        g[o2] += g20;
        g[o2 + 1] += g21;
        g[o2 + 2] += g22;
        g[o2 + 3] += g23;
        g[o3] += g30;
        g[o3 + 1] += g31;
        g[o3 + 2] += g32;
        g[o3 + 3] += g33;
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
}

/** X * M: X (rows x k) times M (k x p), both row-major; returns rows x p. X in shared memory
 * is split over worker threads when large (then so is the result). */
export function multiplyDense(x: Float64Array, rows: number, k: number, m: Float64Array, p: number): Float64Array {
  const threads = x.buffer instanceof SharedArrayBuffer && rows * k * p >= PARALLEL_WORK ? parallelThreads() : 1;
  if (threads <= 1) {
    const out = new Float64Array(rows * p);
    multiplyDenseRows({ x, k, m, p, out, from: 0, to: rows });
    return out;
  }
  const out = sharedFloat64(rows * p);
  const shared = toShared(m);
  const shares: DenseShare[] = [];
  for (let t = 0; t < threads; t++) {
    shares.push({
      x,
      k,
      m: shared,
      p,
      out,
      from: Math.floor((t * rows) / threads),
      to: Math.floor(((t + 1) * rows) / threads),
    });
  }
  runParallel(TASKS.multiplyDenseRows, multiplyDenseRows, shares);
  return out;
}

/** Rows [from, to) of out = X * M. */
export interface DenseShare {
  x: Float64Array;
  k: number;
  m: Float64Array;
  p: number;
  out: Float64Array;
  from: number;
  to: number;
}

/** Worker task of multiplyDense: 4 x 4 blocks of the output held in registers, each a sum over
 * i in order. */
export function multiplyDenseRows(share: DenseShare): null {
  const { x, k, m, p, out, from, to } = share;
  const p4 = p - (p % 4);
  let r = from;
  for (; r + 4 <= to; r += 4) {
    const x0 = r * k,
      x1 = x0 + k,
      x2 = x1 + k,
      x3 = x2 + k;
    for (let j = 0; j < p4; j += 4) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let i = 0, q = j; i < k; i++, q += p) {
        const m0 = m[q],
          m1 = m[q + 1],
          m2 = m[q + 2],
          m3 = m[q + 3];
        const a0 = x[x0 + i],
          a1 = x[x1 + i],
          a2 = x[x2 + i],
          a3 = x[x3 + i];
        s00 += a0 * m0;
        s01 += a0 * m1;
        s02 += a0 * m2;
        s03 += a0 * m3;
        s10 += a1 * m0;
        s11 += a1 * m1;
        s12 += a1 * m2;
        s13 += a1 * m3;
        s20 += a2 * m0;
        s21 += a2 * m1;
        s22 += a2 * m2;
        s23 += a2 * m3;
        s30 += a3 * m0;
        s31 += a3 * m1;
        s32 += a3 * m2;
        s33 += a3 * m3;
      }
      const o0 = r * p + j,
        o1 = o0 + p,
        o2 = o1 + p,
        o3 = o2 + p;
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o0 + 3] = s03;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o1 + 3] = s13;
      out[o2] = s20;
      out[o2 + 1] = s21;
      out[o2 + 2] = s22;
      out[o2 + 3] = s23;
      out[o3] = s30;
      out[o3 + 1] = s31;
      out[o3 + 2] = s32;
      out[o3 + 3] = s33;
    }
  }
  // Rows past the last block of four, and columns past the last block of four: plain sums in
  // the same order.
  for (let rr = from; rr < to; rr++) {
    const j0 = rr < r ? p4 : 0;
    const xr = rr * k;
    for (let j = j0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += x[xr + i] * m[i * p + j];
      out[rr * p + j] = s;
    }
  }
  return null;
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

// Row kernels: rows of row-major Float64Arrays, `dims` values each, addressed by row index.

/** Squared Euclidean distance between row a of `x` and row b of `y`. */
export function squaredDistance(x: Float64Array, a: number, y: Float64Array, b: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let d = 0;
  const oa = a * dims;
  const ob = b * dims;
  for (; d + 1 < dims; d += 2) {
    const e0 = x[oa + d] - y[ob + d];
    const e1 = x[oa + d + 1] - y[ob + d + 1];
    s0 += e0 * e0;
    s1 += e1 * e1;
  }
  if (d < dims) {
    const e = x[oa + d] - y[ob + d];
    s0 += e * e;
  }
  return s0 + s1;
}

/**
 * Fills `out` (nq × (b1 - b0), row-major) with the dot products of `nq` packed query rows
 * (`queries`, nq × dims) with rows b0..b1 of `data`, 2 queries × 4 rows at a time so each loaded
 * value is used several times.
 */
export function fillDotBlock(
  out: Float64Array,
  queries: Float64Array,
  nq: number,
  data: Float64Array,
  b0: number,
  b1: number,
  dims: number,
): void {
  const nb = b1 - b0;
  let a = 0;
  for (; a + 1 < nq; a += 2) {
    const oa = a * dims;
    const oa1 = oa + dims;
    const row0 = a * nb;
    const row1 = row0 + nb;
    let b = 0;
    for (; b + 3 < nb; b += 4) {
      const ob = (b0 + b) * dims;
      const ob1 = ob + dims;
      const ob2 = ob1 + dims;
      const ob3 = ob2 + dims;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let d = 0; d < dims; d++) {
        const x0 = queries[oa + d];
        const x1 = queries[oa1 + d];
        const y0 = data[ob + d];
        const y1 = data[ob1 + d];
        const y2 = data[ob2 + d];
        const y3 = data[ob3 + d];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      out[row0 + b] = s00;
      out[row0 + b + 1] = s01;
      out[row0 + b + 2] = s02;
      out[row0 + b + 3] = s03;
      out[row1 + b] = s10;
      out[row1 + b + 1] = s11;
      out[row1 + b + 2] = s12;
      out[row1 + b + 3] = s13;
    }
    for (; b < nb; b++) {
      const ob = (b0 + b) * dims;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dims; d++) {
        s0 += queries[oa + d] * data[ob + d];
        s1 += queries[oa1 + d] * data[ob + d];
      }
      out[row0 + b] = s0;
      out[row1 + b] = s1;
    }
  }
  for (; a < nq; a++) {
    const oa = a * dims;
    for (let b = 0; b < nb; b++) {
      const ob = (b0 + b) * dims;
      let s = 0;
      for (let d = 0; d < dims; d++) s += queries[oa + d] * data[ob + d];
      out[a * nb + b] = s;
    }
  }
}

/** Dot product of rows a and b of `data`, four accumulators. */
export function dot(data: Float64Array, a: number, b: number, dims: number): number {
  const oa = a * dims;
  const ob = b * dims;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += data[oa + d] * data[ob + d];
    s1 += data[oa + d + 1] * data[ob + d + 1];
    s2 += data[oa + d + 2] * data[ob + d + 2];
    s3 += data[oa + d + 3] * data[ob + d + 3];
  }
  for (; d < dims; d++) s0 += data[oa + d] * data[ob + d];
  return s0 + s1 + s2 + s3;
}

/** Scales every row of `x` (rows × dims) to unit length in place, multiplying by the reciprocal
 * of its norm; an all-zero row stays zero. */
export function normalizeRows(x: Float64Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * dims;
    let s = 0;
    for (let j = 0; j < dims; j++) s += x[o + j] * x[o + j];
    if (s === 0) continue;
    const f = 1 / Math.sqrt(s);
    for (let j = 0; j < dims; j++) x[o + j] *= f;
  }
}

/** Rows `rows` of `data` packed into a new array. */
export function gatherRows(data: Float64Array, rows: ArrayLike<number>, dims: number): Float64Array {
  const out = new Float64Array(rows.length * dims);
  for (let i = 0; i < rows.length; i++) out.set(data.subarray(rows[i] * dims, (rows[i] + 1) * dims), i * dims);
  return out;
}

/** Cosine similarity of row a of `x` and row b of `y`; 0 when either is all zeros. */
export function cosine(x: Float64Array, a: number, y: Float64Array, b: number, dims: number): number {
  const oa = a * dims;
  const ob = b * dims;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < dims; d++) {
    dot += x[oa + d] * y[ob + d];
    na += x[oa + d] * x[oa + d];
    nb += y[ob + d] * y[ob + d];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
