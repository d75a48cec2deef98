/**
 * k-means over dense typed-array rows: k-means++ seeding (greedy, with local trials as in
 * scikit-learn) and Lloyd iterations accelerated with Elkan's bounds, which skip the distance computations
 * that the triangle inequality proves cannot change a point's nearest centroid. The assignments are those
 * plain Lloyd gives (ml-kmeans is the reference in the tests).
 *
 * k-means++: Arthur & Vassilvitskii 2007, http://ilpubs.stanford.edu:8090/778/1/2006-13.pdf
 * Elkan 2003, "Using the triangle inequality to accelerate k-means", https://cdn.aaai.org/ICML/2003/ICML03-022.pdf
 */
import { kmeans as mlKMeans } from 'ml-kmeans';
import { createRandom, deriveSeed, randomInt, sampleIndices, type RandomSource } from '../random';
import { gatherRows, squaredDistance } from './linalg';
import type { DenseMatrix } from './matrix';

/** Options for {@link buildKMeans}. */
export interface KMeansOptions {
  /** Number of clusters. */
  k: number;
  /** Seed of the k-means++ draws (default 0). */
  seed?: number;
  /** Stop after this many Lloyd iterations (default 100). */
  maxIterations?: number;
  /** Stop when no centroid moved more than this squared distance in one iteration (default 1e-6,
   * ml-kmeans's rule). */
  tolerance?: number;
  /** Independent seeded runs; the one with the lowest inertia is kept (default 1). */
  nInit?: number;
  /** Candidates drawn per k-means++ step, the best kept (default 2 + floor(ln k), scikit-learn's). */
  localTrials?: number;
  /** Initial centroids (k rows) instead of k-means++; then nInit is 1. */
  init?: DenseMatrix;
  /** With more than twice this many rows, first cluster a seeded sample of this many rows and
   * start the full Lloyd iterations from its centroids: far fewer full passes (default 20000;
   * 0 turns it off). */
  presample?: number;
  /** Most Lloyd iterations over all rows after the presample's run (default 20): the sample's
   * centroids are already close, and the last iterations move a few border rows at full cost. */
  refineIterations?: number;
}

/** A k-means result. Centroids are the means of their members (an empty cluster keeps its
 * previous centroid). */
export interface Clustering {
  k: number;
  /** Cluster of every row, 0..k-1. */
  assignments: Int32Array;
  /** k × dims. */
  centroids: DenseMatrix;
  /** Squared Euclidean distance of every row to its centroid. */
  distances: Float64Array;
  /** Sum of `distances`. */
  inertia: number;
  /** Lloyd iterations run (of the kept run). */
  iterations: number;
  converged: boolean;
}

/** Draws an index with probability proportional to `weights` (sum `total`). */
function drawWeighted(weights: Float64Array, total: number, random: RandomSource): number {
  const target = random() * total;
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (acc > target) return i;
  }
  // Rounding can leave target just above the running sum: take the last non-zero weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return weights.length - 1;
}

/**
 * Greedy k-means++ seeding: each new centroid is the best (lowest resulting potential) of
 * `trials` candidates drawn with probability proportional to the squared distance to the nearest
 * centroid so far.
 */
export function buildKMeansPlusPlus(
  vectors: DenseMatrix,
  k: number,
  random: RandomSource,
  trials?: number,
): DenseMatrix {
  const { rows: n, cols: dims, data } = vectors;
  const localTrials = trials ?? 2 + Math.floor(Math.log(k));
  const centroids = new Float64Array(k * dims);
  // closest[i]: squared distance to the nearest chosen centroid, nearest[i]: which one.
  const closest = new Float64Array(n);
  const nearest = new Int32Array(n);
  const candidate = new Float64Array(n);
  const candidateNearest = new Int32Array(n);
  const best = new Float64Array(n);
  const bestNearest = new Int32Array(n);
  const toCentroid = new Float64Array(k);

  const first = randomInt(random, n);
  centroids.set(data.subarray(first * dims, (first + 1) * dims), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = squaredDistance(data, i, data, first, dims);
    potential += closest[i];
  }
  for (let c = 1; c < k; c++) {
    let bestIndex = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < localTrials; t++) {
      // All points coincide with chosen centroids: any point will do.
      const pick = potential > 0 ? drawWeighted(closest, potential, random) : randomInt(random, n);
      for (let j = 0; j < c; j++) toCentroid[j] = squaredDistance(data, pick, centroids, j, dims);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        // Triangle inequality: |pick - c_j| ≥ 2·|x - c_j| means pick is no nearer to x than c_j.
        const own = closest[i];
        candidate[i] = own;
        candidateNearest[i] = nearest[i];
        if (toCentroid[nearest[i]] < 4 * own) {
          const d = squaredDistance(data, i, data, pick, dims);
          if (d < own) {
            candidate[i] = d;
            candidateNearest[i] = c;
          }
        }
        sum += candidate[i];
      }
      if (sum < bestPotential) {
        bestPotential = sum;
        bestIndex = pick;
        best.set(candidate);
        bestNearest.set(candidateNearest);
      }
    }
    centroids.set(data.subarray(bestIndex * dims, (bestIndex + 1) * dims), c * dims);
    closest.set(best);
    nearest.set(bestNearest);
    potential = bestPotential;
  }
  return { rows: k, cols: dims, data: centroids };
}

/** One Lloyd run with Elkan's bounds from the given initial centroids. */
function runLloyd(vectors: DenseMatrix, init: DenseMatrix, maxIterations: number, tolerance: number): Clustering {
  const { rows: n, cols: dims, data } = vectors;
  const k = init.rows;
  let centers = Float64Array.from(init.data);
  let next = new Float64Array(k * dims);
  const assignments = new Int32Array(n);
  // upper[i] ≥ distance to the assigned centroid; lower[i·k + c] ≤ distance to centroid c.
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  const between = new Float64Array(k * k);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const counts = new Int32Array(k);

  // First assignment: all distances.
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let a = 0;
    const ol = i * k;
    for (let c = 0; c < k; c++) {
      const d = Math.sqrt(squaredDistance(data, i, centers, c, dims));
      lower[ol + c] = d;
      if (d < best) {
        best = d;
        a = c;
      }
    }
    assignments[i] = a;
    upper[i] = best;
  }

  // Sums of the members of every cluster, kept up to date as points move.
  const sums = new Float64Array(k * dims);
  for (let i = 0; i < n; i++) {
    const o = assignments[i] * dims;
    const oi = i * dims;
    counts[assignments[i]]++;
    for (let d = 0; d < dims; d++) sums[o + d] += data[oi + d];
  }
  // lowest[i] ≤ distance to every centroid but the assigned one.
  const lowest = new Float64Array(n);

  let iterations = 0;
  let converged = false;
  while (true) {
    iterations++;
    let maxShift = 0;
    for (let c = 0; c < k; c++) {
      const o = c * dims;
      if (counts[c] === 0) {
        for (let d = 0; d < dims; d++) next[o + d] = centers[o + d];
      } else {
        const inv = 1 / counts[c];
        for (let d = 0; d < dims; d++) next[o + d] = sums[o + d] * inv;
      }
      const shift = squaredDistance(next, c, centers, c, dims);
      if (shift > maxShift) maxShift = shift;
      moved[c] = Math.sqrt(shift);
    }
    const swap = centers;
    centers = next;
    next = swap;
    if (maxShift <= tolerance) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;

    // Bounds follow the centroids' moves.
    for (let i = 0; i < n; i++) {
      const a = assignments[i];
      upper[i] += moved[a];
      const ol = i * k;
      let m = Infinity;
      for (let c = 0; c < k; c++) {
        let l = lower[ol + c] - moved[c];
        if (l < 0) l = 0;
        lower[ol + c] = l;
        if (c !== a && l < m) m = l;
      }
      lowest[i] = m;
    }
    for (let c = 0; c < k; c++) {
      between[c * k + c] = 0;
      for (let c2 = c + 1; c2 < k; c2++) {
        const d = Math.sqrt(squaredDistance(centers, c, centers, c2, dims));
        between[c * k + c2] = d;
        between[c2 * k + c] = d;
      }
    }
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let c2 = 0; c2 < k; c2++) if (c2 !== c && between[c * k + c2] < m) m = between[c * k + c2];
      half[c] = 0.5 * m;
    }
    // Reassign, computing a distance only where the bounds cannot rule the centroid out.
    for (let i = 0; i < n; i++) {
      const was = assignments[i];
      let a = was;
      let u = upper[i];
      const bound = half[a] > lowest[i] ? half[a] : lowest[i];
      if (u <= bound) continue;
      const ol = i * k;
      u = Math.sqrt(squaredDistance(data, i, centers, a, dims));
      lower[ol + a] = u;
      if (u <= bound) {
        upper[i] = u;
        continue;
      }
      for (let c = 0; c < k; c++) {
        if (c === a || u <= lower[ol + c] || u <= 0.5 * between[a * k + c]) continue;
        const d = Math.sqrt(squaredDistance(data, i, centers, c, dims));
        lower[ol + c] = d;
        // Ties go to the lower index, as a plain scan for the first minimum would.
        if (d < u || (d === u && c < a)) {
          a = c;
          u = d;
        }
      }
      upper[i] = u;
      if (a !== was) {
        assignments[i] = a;
        counts[was]--;
        counts[a]++;
        const ow = was * dims;
        const oa = a * dims;
        const oi = i * dims;
        for (let d = 0; d < dims; d++) {
          sums[ow + d] -= data[oi + d];
          sums[oa + d] += data[oi + d];
        }
      }
    }
  }

  const distances = new Float64Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    distances[i] = squaredDistance(data, i, centers, assignments[i], dims);
    inertia += distances[i];
  }
  return {
    k,
    assignments,
    centroids: { rows: k, cols: dims, data: centers },
    distances,
    inertia,
    iterations,
    converged,
  };
}

/**
 * k-means of the rows of `vectors`: seeded k-means++ (or given centroids), then Lloyd iterations
 * until no centroid moves more than `tolerance` (squared) or `maxIterations`. Same input and options
 * give the same result.
 */
export function buildKMeans(vectors: DenseMatrix, opts: KMeansOptions): Clustering {
  const { k } = opts;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k-means: k must be a positive integer, got ${k}`);
  if (vectors.rows < k) throw new Error(`k-means: ${vectors.rows} rows cannot make ${k} clusters`);
  const maxIterations = opts.maxIterations ?? 100;
  const tolerance = opts.tolerance ?? 1e-6;
  if (opts.init) {
    if (opts.init.rows !== k || opts.init.cols !== vectors.cols) throw new Error('k-means: init must be k × dims');
    return runLloyd(vectors, opts.init, maxIterations, tolerance);
  }
  const seed = opts.seed ?? 0;
  const presample = opts.presample ?? 20000;
  if (presample > 0 && vectors.rows > 2 * presample && presample >= k) {
    const sample = sampleIndices(vectors.rows, presample, deriveSeed(seed, 'kmeans-presample'));
    const dims = vectors.cols;
    const rows = gatherRows(vectors.data, sample, dims);
    const first = buildKMeans({ rows: presample, cols: dims, data: rows }, { ...opts, presample: 0 });
    return runLloyd(vectors, first.centroids, Math.min(maxIterations, opts.refineIterations ?? 20), tolerance);
  }
  const nInit = Math.max(1, opts.nInit ?? 1);
  let best: Clustering | null = null;
  for (let run = 0; run < nInit; run++) {
    const random = createRandom(deriveSeed(seed, `kmeans-init-${run}`));
    const init = buildKMeansPlusPlus(vectors, k, random, opts.localTrials);
    const result = runLloyd(vectors, init, maxIterations, tolerance);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best as Clustering;
}

/**
 * k-means by ml-kmeans (the card package, kept as the reference): the same seeded k-means++ start
 * as {@link buildKMeans}, then ml-kmeans's own Lloyd iterations over row arrays. Several times slower
 * than ours on large corpora (no bounds, arrays of arrays), but an independent implementation:
 * `--cluster kmeans-reference` runs the pipeline with it, to check a build against it.
 */
export function buildReferenceKMeans(
  vectors: DenseMatrix,
  opts: { k: number; seed?: number; maxIterations?: number; tolerance?: number },
): Clustering {
  const { k } = opts;
  const { rows: n, cols: dims, data } = vectors;
  if (!Number.isInteger(k) || k < 1 || n < k) throw new Error(`k-means: ${n} rows cannot make ${k} clusters`);
  const init = buildKMeansPlusPlus(vectors, k, createRandom(deriveSeed(opts.seed ?? 0, 'kmeans-init-0')));
  const rowsOf = (m: DenseMatrix): number[][] =>
    Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
  const result = mlKMeans(rowsOf(vectors), k, {
    initialization: rowsOf(init),
    maxIterations: opts.maxIterations ?? 100,
    tolerance: opts.tolerance ?? 1e-6,
  });
  const assignments = Int32Array.from(result.clusters);
  const centroids = new Float64Array(k * dims);
  result.centroids.forEach((c, i) => centroids.set(c, i * dims));
  const distances = new Float64Array(n);
  let inertia = 0;
  for (let r = 0; r < n; r++) {
    distances[r] = squaredDistance(data, r, centroids, assignments[r], dims);
    inertia += distances[r];
  }
  return {
    k,
    assignments,
    centroids: { rows: k, cols: dims, data: centroids },
    distances,
    inertia,
    iterations: result.iterations,
    converged: result.converged,
  };
}
