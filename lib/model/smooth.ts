/**
 * Vectors smoothed over the similar-papers graph: the space the topics are clustered in.
 *
 * A paper's LSA vector is noisy: an abstract is 150 words. Its similar papers say the same thing
 * in other words, so each vector is replaced by where a random walk of a few steps over the
 * symmetrized 10-NN graph lands from it (Z = (D⁻¹A)^t·X, the low-pass filter of simplified graph
 * convolution, Wu et al. 2019). Papers of one subject pull together, the space between subjects
 * empties, and k-means finds the subjects. The walk runs on the leading LSA dimensions only: the
 * subjects live there, and the trailing ones add cost, not topics. The README gives the figures
 * behind the defaults (steps growing as the cube root of the papers, 50 dimensions).
 */
import type { NeighbourGraph } from './neighbours';
import { sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { multiplyCsrDenseParallel, normalizeRows } from './linalg';
import type { CsrMatrix, DenseMatrix } from './matrix';

export interface SmoothOptions {
  /** Steps of the walk (default smoothSteps(rows)). */
  steps?: number;
  /** Leading dimensions kept (default 50, at most the vectors' own). */
  dims?: number;
  /** The walk to take instead of the graph's own (the hybrid walk of lib/model/hybrid.ts). */
  walk?: CsrMatrix;
}

export const SMOOTH_DIMS = 50;

/**
 * Steps of the walk for `n` papers: ∛n / 4, within 1..20 (2 at 750 papers, 5 at 10,000, 10 at
 * 75,000, 25 capped to 20 at a million). A walk spreads over more of a small graph per step: on
 * 2,000-paper corpora 5 steps did as well as 10 and 20 did worse; on 75,000 papers 10 gained
 * most of what 50 gave, and on 750 papers 10 steps merged half the corpus into one topic.
 */
export function smoothSteps(n: number): number {
  return Math.max(1, Math.min(20, Math.round(Math.cbrt(Math.max(1, n)) / 4)));
}

/**
 * The walk matrix D⁻¹A of the symmetrized graph A = W + Wᵀ (W: each paper's neighbours weighted
 * by cosine similarity, negative ones as 0), as CSR in shared memory: columns ascending, a pair
 * that is a neighbour both ways entered once with both weights summed.
 */
export function buildWalkMatrix(graph: NeighbourGraph, n: number): CsrMatrix {
  const { k, indices, similarities } = graph;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const j = indices[i * k + r];
      if (j < 0 || j === i) continue;
      start[i + 1]++;
      start[j + 1]++;
    }
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const cols = new Int32Array(start[n]);
  const weights = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const j = indices[i * k + r];
      if (j < 0 || j === i) continue;
      const w = Math.max(0, similarities[i * k + r]);
      cols[fill[i]] = j;
      weights[fill[i]++] = w;
      cols[fill[j]] = i;
      weights[fill[j]++] = w;
    }
  }
  // Sort each row by column and merge repeats.
  const indptr = sharedInt32(n + 1);
  let nnz = 0;
  const row: { col: number; w: number }[] = [];
  for (let i = 0; i < n; i++) {
    // The row is read out before it is written back: merged rows move left over it.
    row.length = 0;
    for (let p = start[i]; p < start[i + 1]; p++) row.push({ col: cols[p], w: weights[p] });
    row.sort((a, b) => a.col - b.col);
    const rowStart = nnz;
    for (const { col, w } of row) {
      if (nnz > rowStart && cols[nnz - 1] === col) weights[nnz - 1] += w;
      else {
        cols[nnz] = col;
        weights[nnz++] = w;
      }
    }
    indptr[i + 1] = nnz;
  }
  const out: CsrMatrix = {
    rows: n,
    cols: n,
    indptr,
    indices: toShared(cols.slice(0, nnz)),
    values: sharedFloat64(nnz),
  };
  for (let i = 0; i < n; i++) {
    let deg = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) deg += weights[p];
    for (let p = indptr[i]; p < indptr[i + 1]; p++) out.values[p] = deg > 0 ? weights[p] / deg : 0;
  }
  return out;
}

/**
 * The leading `dims` columns of `vectors` smoothed over `graph`, rows L2-normalized. A paper
 * with no neighbour keeps its own vector. Deterministic: each product row is summed in a fixed
 * order whatever the number of threads.
 */
export function buildSmoothedVectors(
  vectors: DenseMatrix,
  graph: NeighbourGraph,
  opts: SmoothOptions = {},
  onProgress?: (done: number, total: number) => void,
): DenseMatrix {
  const n = vectors.rows;
  const d = Math.max(1, Math.min(vectors.cols, opts.dims ?? SMOOTH_DIMS));
  const steps = Math.max(0, opts.steps ?? smoothSteps(n));
  // The walk runs with the rows in an order where a row's neighbours sit near it, so the products'
  // gathers mostly find their rows in cache (at a million papers the vectors are 400 MB). Each
  // row's sum is the same sum in the same order: the result does not depend on the order.
  const { order, walk, rank } = reorderWalk(opts.walk ?? buildWalkMatrix(graph, n));
  let z = sharedFloat64(n * d);
  for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) z[r * d + c] = vectors.data[order[r] * vectors.cols + c];
  let next = sharedFloat64(n * d);
  for (let step = 0; step < steps; step++) {
    multiplyCsrDenseParallel(walk, z, d, next);
    // A paper without neighbours has an empty row: it keeps its vector.
    for (let i = 0; i < n; i++) {
      if (walk.indptr[i] === walk.indptr[i + 1]) for (let c = 0; c < d; c++) next[i * d + c] = z[i * d + c];
    }
    const t = z;
    z = next;
    next = t;
    onProgress?.(step + 1, steps);
  }
  // Back to the papers' order (into the spare buffer), rows L2-normalized.
  const out = next;
  for (let i = 0; i < n; i++) out.set(z.subarray(rank[i] * d, (rank[i] + 1) * d), i * d);
  normalizeRows(out, n, d);
  return { rows: n, cols: d, data: out };
}

/**
 * An order of the rows in which a row's neighbours in `walk` sit near it: breadth first over the
 * walk's links from row 0, then from each row not yet reached (the idea of Cuthill–McKee's
 * bandwidth reduction, without its degree ordering). Row order[r] goes to place r.
 */
export function buildLocalityOrder(walk: CsrMatrix): Int32Array {
  const n = walk.rows;
  const { indptr, indices } = walk;
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  for (let start = 0; start < n; start++) {
    if (seen[start] === 1) continue;
    seen[start] = 1;
    order[tail++] = start;
    while (head < tail) {
      const i = order[head++];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) {
        const j = indices[p];
        if (seen[j] === 0) {
          seen[j] = 1;
          order[tail++] = j;
        }
      }
    }
  }
  return order;
}

/** The walk renumbered in its locality order (the walk given is not held on to). */
function reorderWalk(given: CsrMatrix): { order: Int32Array; walk: CsrMatrix; rank: Int32Array } {
  const order = buildLocalityOrder(given);
  return { order, ...permuteWalk(given, order) };
}

/** The walk with its rows and columns renumbered (row order[r] becomes row r; column j becomes
 * rank[j]), each row's entries kept in their order, in shared memory. */
export function permuteWalk(walk: CsrMatrix, order: Int32Array): { walk: CsrMatrix; rank: Int32Array } {
  const n = walk.rows;
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  const indptr = sharedInt32(n + 1);
  const indices = sharedInt32(walk.indptr[n]);
  const values = sharedFloat64(walk.indptr[n]);
  let at = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    for (let p = walk.indptr[i]; p < walk.indptr[i + 1]; p++) {
      indices[at] = rank[walk.indices[p]];
      values[at++] = walk.values[p];
    }
    indptr[r + 1] = at;
  }
  return { walk: { rows: n, cols: n, indptr, indices, values }, rank };
}
