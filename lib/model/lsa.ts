/**
 * Latent semantic analysis: a rank-d truncated SVD of the TF-IDF matrix by the randomized
 * range finder with power iterations of Halko, Martinsson & Tropp, "Finding structure with
 * randomness" (arXiv:0909.4061, Algorithms 4.4 and 5.1), seeded for reproducible builds.
 */
import type { CsrMatrix, DenseMatrix } from './matrix';
import { createRandom, deriveSeed, randomNormal } from '../random';
import {
  buildGram,
  buildSymmetricEigen,
  multiplyCsrDenseParallel,
  multiplyDense,
  normalizeRows,
  orthonormalizeColumns,
  transposeCsr,
} from './linalg';
import { parallelThreads, sharedFloat64, toShared } from '../parallel/pool';

/** Below about this many multiply-adds per sparse product, LSA stays on the calling thread. */
const PARALLEL_MIN_WORK = 20_000_000;

/** Options of buildLsa. */
export interface LsaOptions {
  /** Dimensions kept (default 100; at most min(rows, cols)). */
  dims?: number;
  /** Seed of the Gaussian test matrix (default 0). */
  seed?: number;
  /** Extra random directions beyond `dims` (default 10). */
  oversample?: number;
  /** Power iterations, each one pass of A^T A (default 2). */
  powerIterations?: number;
}

/** Documents in the latent space. */
export interface Lsa {
  /** rows x dims: each row of U*Sigma, L2-normalized (zero rows stay zero). */
  vectors: DenseMatrix;
  /** The top `dims` singular values, descending. */
  singularValues: Float64Array;
  /** Share of the matrix's squared Frobenius norm the kept dimensions hold: sum(s^2) / ||A||_F^2. */
  explainedVariance: number;
}

/**
 * Randomized truncated SVD of a sparse matrix A (rows = papers). With Omega a seeded Gaussian
 * (cols x l, l = dims + oversample), it iterates Z <- orth(A^T A Z) `powerIterations` times, so Z
 * spans the top right singular subspace; Y = A Z is then decomposed exactly through its l x l
 * Gram matrix: Y = U Sigma W^T and A ~ U Sigma (Z W)^T. The vectors are the rows of U Sigma.
 * Each column's sign is fixed so that its entry of largest magnitude is positive (as
 * scikit-learn's svd_flip), which makes the output independent of the eigensolver's signs.
 * `onProgress(done, total)` counts sparse matrix products.
 */
export function buildLsa(
  matrix: CsrMatrix,
  opts: LsaOptions = {},
  onProgress?: (done: number, total: number) => void,
): Lsa {
  const m = matrix.rows;
  const n = matrix.cols;
  const k = Math.max(0, Math.min(opts.dims ?? 100, m, n));
  // The kernels work on blocks of eight columns: round the sketch width up, spending the extra
  // columns on more oversampling.
  const l = Math.ceil((k + Math.max(0, opts.oversample ?? 10)) / 8) * 8;
  const q = Math.max(0, opts.powerIterations ?? 2);
  const empty: Lsa = {
    vectors: { rows: m, cols: k, data: new Float64Array(m * k) },
    singularValues: new Float64Array(k),
    explainedVariance: 0,
  };
  if (k === 0 || matrix.values.length === 0) return empty;

  const totalSteps = 2 * q + 1;
  let step = 0;
  // Large products run on worker threads, which need the matrices in shared memory.
  const shared = parallelThreads() > 1 && matrix.values.length * l >= PARALLEL_MIN_WORK;
  const alloc = shared ? sharedFloat64 : (length: number) => new Float64Array(length);
  const a: CsrMatrix = shared
    ? {
        rows: m,
        cols: n,
        indptr: toShared(matrix.indptr),
        indices: toShared(matrix.indices),
        values: toShared(matrix.values),
      }
    : matrix;
  // A^T as rows of its own: A^T Y then gathers like A Z, and splits over threads by rows (let go
  // of after the power iterations).
  let at = q > 0 ? transposeCsr(a, shared) : null;

  const random = createRandom(deriveSeed(opts.seed ?? 0, 'lsa'));
  const z = alloc(n * l);
  for (let i = 0; i < z.length; i++) z[i] = randomNormal(random);

  let y: Float64Array | null = alloc(m * l);
  for (let it = 0; it < q; it++) {
    multiplyCsrDenseParallel(a, z, l, y);
    onProgress?.(++step, totalSteps);
    multiplyCsrDenseParallel(at!, y, l, z);
    onProgress?.(++step, totalSteps);
    // Between iterations the basis only has to stay well conditioned (cond < 1e4 keeps every
    // direction to ~1e-12 in float64); re-orthonormalize only when it is not.
    if (it < q - 1) orthonormalizeColumns(z, n, l, 1, 1e4);
  }
  at = null;

  // The orthonormal basis Q of Z's span is never formed: from Z^T Z = P L P^T, Q = Z S with
  // S = P L^-1/2, and A Q = (A Z) S, an l x l product. Q is then orthonormal to about
  // 1e-16 cond(Z)^2, which for cond(Z)^2 < 1e8 is far below the sketch's own approximation
  // error. A worse conditioned basis (rank deficiency, many power iterations) is first
  // orthonormalized explicitly, as the first pass of CholeskyQR2
  // (Fukaya et al., doi:10.1109/ScalA.2014.11).
  let gz = buildSymmetricEigen(buildGram(z, n, l), l);
  if (!(gz.values[l - 1] > 0 && gz.values[0] / gz.values[l - 1] < 1e8)) {
    orthonormalizeColumns(z, n, l, 1);
    gz = buildSymmetricEigen(buildGram(z, n, l), l);
  }
  const s = new Float64Array(l * l);
  const top = Math.max(gz.values[0], 0);
  for (let j = 0; j < l; j++) {
    if (!(gz.values[j] > top * 1e-14)) continue;
    const f = 1 / Math.sqrt(gz.values[j]);
    for (let i = 0; i < l; i++) s[i * l + j] = gz.vectors[i * l + j] * f;
  }
  multiplyCsrDenseParallel(a, z, l, y);
  onProgress?.(++step, totalSteps);

  // (A Q)^T (A Q) = S^T (Y^T Y) S = W Sigma^2 W^T; U Sigma = Y S W (first k columns).
  const gy = buildGram(y, m, l);
  const { values, vectors } = buildSymmetricEigen(
    multiplyDense(transpose(s, l, l), l, l, multiplyDense(gy, l, l, s, l), l),
    l,
  );
  const w = new Float64Array(l * k);
  for (let i = 0; i < l; i++) for (let j = 0; j < k; j++) w[i * k + j] = vectors[i * l + j];
  const us = multiplyDense(y, m, l, multiplyDense(s, l, l, w, k), k);
  y = null;
  const singularValues = new Float64Array(k);
  for (let j = 0; j < k; j++) singularValues[j] = Math.sqrt(Math.max(values[j], 0));

  flipSigns(us, m, k);
  normalizeRows(us, m, k);

  let frobenius = 0;
  for (const v of matrix.values) frobenius += v * v;
  let kept = 0;
  for (const s of singularValues) kept += s * s;
  return {
    vectors: { rows: m, cols: k, data: us },
    singularValues,
    explainedVariance: frobenius > 0 ? kept / frobenius : 0,
  };
}

/** The transpose of a rows x cols row-major matrix. */
function transpose(x: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = x[r * cols + c];
  return t;
}

/** Makes the largest-magnitude entry of every column positive (first such row on ties). */
function flipSigns(x: Float64Array, rows: number, k: number): void {
  const best = new Float64Array(k);
  const sign = new Float64Array(k).fill(1);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < k; j++) {
      const v = x[r * k + j];
      if (Math.abs(v) > best[j]) {
        best[j] = Math.abs(v);
        sign[j] = v < 0 ? -1 : 1;
      }
    }
  }
  for (let j = 0; j < k; j++) {
    if (sign[j] > 0) continue;
    // 0 - v rather than -v: a zero entry stays +0, so equal inputs give byte-equal outputs.
    for (let r = 0; r < rows; r++) x[r * k + j] = 0 - x[r * k + j];
  }
}
