/**
 * Latent semantic analysis: a rank-d truncated SVD of the TF-IDF matrix by the randomized
 * range finder with power iterations of Halko, Martinsson & Tropp, "Finding structure with
 * randomness" (arXiv:0909.4061, Algorithms 4.4 and 5.1), seeded for reproducible builds.
 */
import type { CsrMatrix, DenseMatrix } from './sparse';
import { createRandom, deriveSeed, randomNormal } from '../random';
import {
  buildGram,
  buildSymmetricEigen,
  multiplyCsrDense,
  multiplyCsrTransposeDense,
  multiplyDense,
  orthonormalizeColumns,
} from './linalg';

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
  const empty: Lsa = { vectors: { rows: m, cols: k, data: new Float64Array(m * k) }, singularValues: new Float64Array(k), explainedVariance: 0 };
  if (k === 0 || matrix.values.length === 0) return empty;

  const totalSteps = 2 * q + 1;
  let step = 0;
  const random = createRandom(deriveSeed(opts.seed ?? 0, 'lsa'));
  let z = new Float64Array(n * l);
  for (let i = 0; i < z.length; i++) z[i] = randomNormal(random);

  const y = new Float64Array(m * l);
  for (let it = 0; it < q; it++) {
    multiplyCsrDense(matrix, z, l, y);
    onProgress?.(++step, totalSteps);
    multiplyCsrTransposeDense(matrix, y, l, z);
    onProgress?.(++step, totalSteps);
    // Between iterations the basis only has to stay well conditioned (cond < 1e4 keeps every
    // direction to ~1e-12 in float64); re-orthonormalize only when it is not.
    if (it < q - 1) orthonormalizeColumns(z, n, l, 1, 1e4);
  }
  orthonormalizeColumns(z, n, l, 2);
  multiplyCsrDense(matrix, z, l, y);
  onProgress?.(++step, totalSteps);
  z = new Float64Array(0);

  // Y^T Y = W Sigma^2 W^T; U Sigma = Y W (first k columns).
  const { values, vectors } = buildSymmetricEigen(buildGram(y, m, l), l);
  const w = new Float64Array(l * k);
  for (let i = 0; i < l; i++) for (let j = 0; j < k; j++) w[i * k + j] = vectors[i * l + j];
  const us = multiplyDense(y, m, l, w, k);
  const singularValues = new Float64Array(k);
  for (let j = 0; j < k; j++) singularValues[j] = Math.sqrt(Math.max(values[j], 0));

  flipSigns(us, m, k);
  normalizeRows(us, m, k);

  let frobenius = 0;
  for (const v of matrix.values) frobenius += v * v;
  let kept = 0;
  for (const s of singularValues) kept += s * s;
  return { vectors: { rows: m, cols: k, data: us }, singularValues, explainedVariance: frobenius > 0 ? kept / frobenius : 0 };
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

function normalizeRows(x: Float64Array, rows: number, k: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += x[r * k + j] * x[r * k + j];
    if (s === 0) continue;
    const f = 1 / Math.sqrt(s);
    for (let j = 0; j < k; j++) x[r * k + j] *= f;
  }
}
