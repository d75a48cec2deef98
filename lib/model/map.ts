/**
 * A 2D map of the papers in the manner of UMAP (McInnes, Healy & Melville, arXiv:1802.03426):
 * the k-nearest-neighbour graph becomes a fuzzy simplicial set (per-row bandwidths, symmetrized by
 * the probabilistic union), laid out by stochastic gradient descent on the cross-entropy with
 * negative sampling. Small inputs start from the first two principal components; large ones from a
 * coarse map of k-means cells (multilevel), which lets them converge in fewer epochs. Typed arrays
 * throughout, seeded and sequential, so the same input gives the same map; coordinates are scaled
 * to [-1, 1] and rounded to 1e-4.
 */
import { createRandom, deriveSeed, sampleIndices } from '../random';
import { buildKMeans } from './kmeans';
import { dot, fillDotBlock, gatherRows } from './linalg';
import { buildExactNeighbours, type NeighbourGraph } from './neighbours';
import type { DenseMatrix } from './matrix';

/** Options for {@link buildMap}. */
export interface MapOptions {
  seed?: number;
  /** SGD epochs (default 60 above 40,000 rows, 100 above 10,000, else 500: the multilevel start
   * lets large maps converge in fewer than UMAP's 200). */
  epochs?: number;
  /** Minimum distance between points in the layout (default 0.02; UMAP's is 0.1). Tighter
   * clumps keep more of each paper's neighbours: on arXiv the share of 10-NN kept on the map is
   * 0.104 against 0.088 at 0.1. */
  minDist?: number;
  spread?: number;
  /** Negative samples per positive one (default 8; UMAP's is 5). With minDist 0.02, 8 raises the
   * arXiv neighbour share to 0.116 for about a third more layout time. */
  negativeSamples?: number;
  learningRate?: number;
  /** Rows above which the layout is optimized on a seeded sample of this many rows and the rest
   * are placed from their neighbours (default MAP_SAMPLE_ROWS). */
  sampleRows?: number;
  /** Epochs over every row after the out-of-sample placement (default REFINE_EPOCHS). */
  refineEpochs?: number;
  /** Learning rate of those epochs, as a share of `learningRate` (default REFINE_RATE). */
  refineRate?: number;
}

/** Above this many rows the map is laid out on a sample, the rest placed from their neighbours. */
export const MAP_SAMPLE_ROWS = 200_000;

/** Epochs over every row after the out-of-sample placement, at REFINE_RATE of the learning rate.
 * Measured on arXiv with a 20 % sample (15,000 of 74,720): 20 epochs at 0.15 keep 0.119 of the 10
 * LSA neighbours on the map, 20 at 0.25 keep 0.113, 10 at 0.25 keep 0.096; the full layout 0.113. */
const REFINE_EPOCHS = 20;
const REFINE_RATE = 0.15;

/** Paper coordinates, in [-1, 1], rounded to 1e-4. */
export interface MapLayout {
  x: Float64Array;
  y: Float64Array;
}

/** Fits a, b of the layout's similarity curve 1 / (1 + a·d^(2b)) to the target
 * exp(-(d - minDist) / spread) for d > minDist (1 below), by Gauss-Newton least squares, as UMAP's
 * find_ab_params. For spread 1, minDist 0.1: a ≈ 1.577, b ≈ 0.895; with b held at `fixedB` = 1,
 * a ≈ 1.558. */
export function findCurveParameters(spread: number, minDist: number, fixedB?: number): { a: number; b: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 1; i <= 300; i++) {
    const d = (i / 300) * spread * 3;
    xs.push(d);
    ys.push(d < minDist ? 1 : Math.exp(-(d - minDist) / spread));
  }
  let a = 1;
  let b = fixedB ?? 1;
  for (let iter = 0; iter < 200; iter++) {
    // Normal equations of the 2-parameter linearized problem, with a little damping.
    let jaa = 0;
    let jab = 0;
    let jbb = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      const d2b = Math.pow(xs[i], 2 * b);
      const den = 1 + a * d2b;
      const f = 1 / den;
      const r = f - ys[i];
      const da = -d2b / (den * den);
      const db = (-a * d2b * 2 * Math.log(xs[i])) / (den * den);
      jaa += da * da;
      jab += da * db;
      jbb += db * db;
      ga += da * r;
      gb += db * r;
    }
    if (fixedB !== undefined) {
      const stepA = ga / (jaa * (1 + 1e-6));
      a -= stepA;
      if (Math.abs(stepA) < 1e-12) break;
      continue;
    }
    const lambda = 1e-6 * (jaa + jbb);
    const det = (jaa + lambda) * (jbb + lambda) - jab * jab;
    if (det === 0) break;
    const stepA = ((jbb + lambda) * ga - jab * gb) / det;
    const stepB = ((jaa + lambda) * gb - jab * ga) / det;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) < 1e-12 && Math.abs(stepB) < 1e-12) break;
  }
  return { a, b };
}

/** The fuzzy graph: directed edges head → tail with membership weights in (0, 1]. */
export interface FuzzyGraph {
  head: Int32Array;
  tail: Int32Array;
  weight: Float64Array;
}

/**
 * UMAP's fuzzy simplicial set from a cosine kNN graph: distance = 1 - similarity; per row, ρ is the
 * distance to the nearest neighbour and σ is found by bisection so that Σ exp(-(d - ρ)/σ) = log2(k);
 * the directed memberships are then symmetrized as w + wᵀ - w∘wᵀ. Every undirected edge appears in
 * both directions, ordered by head then tail.
 */
export function buildFuzzyGraph(graph: NeighbourGraph, rows: number): FuzzyGraph {
  const k = graph.k;
  const target = Math.log2(Math.max(2, k));
  // Directed memberships, each row's entries sorted by tail (CSR with k slots per row, -1 unused).
  const tails = new Int32Array(rows * k).fill(-1);
  const weights = new Float64Array(rows * k);
  const dist = new Float64Array(k);
  const slot = Int32Array.from({ length: k }, (_, p) => p);
  for (let i = 0; i < rows; i++) {
    let rho = Infinity;
    for (let p = 0; p < k; p++) {
      const j = graph.indices[i * k + p];
      dist[p] = j < 0 ? Infinity : Math.max(0, 1 - graph.similarities[i * k + p]);
      if (dist[p] > 0 && dist[p] < rho) rho = dist[p];
    }
    if (!Number.isFinite(rho)) rho = 0;
    let lo = 0;
    let hi = Infinity;
    let sigma = 1;
    for (let iter = 0; iter < 64; iter++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        if (!Number.isFinite(dist[p])) continue;
        const e = dist[p] - rho;
        sum += e > 0 ? Math.exp(-e / sigma) : 1;
      }
      if (Math.abs(sum - target) < 1e-5) break;
      if (sum > target) {
        hi = sigma;
        sigma = (lo + hi) / 2;
      } else {
        lo = sigma;
        sigma = hi === Infinity ? sigma * 2 : (lo + hi) / 2;
      }
    }
    const o = i * k;
    slot.sort((x, y) => graph.indices[o + x] - graph.indices[o + y]);
    let at = o;
    for (const p of slot) {
      const j = graph.indices[o + p];
      if (j < 0 || j === i || (at > o && tails[at - 1] === j)) continue;
      const e = dist[p] - rho;
      tails[at] = j;
      weights[at++] = e > 0 ? Math.exp(-e / sigma) : 1;
    }
  }
  const directed = (i: number, j: number): number => {
    for (let p = i * k; p < (i + 1) * k && tails[p] >= 0; p++) if (tails[p] === j) return weights[p];
    return 0;
  };
  // Undirected pairs (a < b), met from a's row or, when a does not list b, from b's row.
  const pairs: number[] = [];
  const pairWeights: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let p = i * k; p < (i + 1) * k && tails[p] >= 0; p++) {
      const j = tails[p];
      const back = directed(j, i);
      if (j < i && back > 0) continue;
      const w = weights[p] + back - weights[p] * back;
      pairs.push(Math.min(i, j), Math.max(i, j));
      pairWeights.push(w);
    }
  }
  // Both directions of every pair, sorted by (head, tail).
  const m = pairWeights.length;
  const degree = new Int32Array(rows + 1);
  for (let e = 0; e < m; e++) {
    degree[pairs[2 * e] + 1]++;
    degree[pairs[2 * e + 1] + 1]++;
  }
  for (let i = 0; i < rows; i++) degree[i + 1] += degree[i];
  const head = new Int32Array(2 * m);
  const tail = new Int32Array(2 * m);
  const weight = new Float64Array(2 * m);
  const fill = degree.slice(0, rows);
  for (let e = 0; e < m; e++) {
    const a = pairs[2 * e];
    const b = pairs[2 * e + 1];
    let at = fill[a]++;
    head[at] = a;
    tail[at] = b;
    weight[at] = pairWeights[e];
    at = fill[b]++;
    head[at] = b;
    tail[at] = a;
    weight[at] = pairWeights[e];
  }
  for (let i = 0; i < rows; i++) {
    // Sort each head's edges by tail (insertion sort: a row has about 2k edges).
    for (let p = degree[i] + 1; p < degree[i + 1]; p++) {
      const t = tail[p];
      const w = weight[p];
      let q = p;
      while (q > degree[i] && tail[q - 1] > t) {
        tail[q] = tail[q - 1];
        weight[q] = weight[q - 1];
        q--;
      }
      tail[q] = t;
      weight[q] = w;
    }
  }
  return { head, tail, weight };
}

/** The first two principal components of the rows (power iteration on the covariance). */
function buildPcaStart(vectors: DenseMatrix, seed: number): Float64Array {
  const { rows: n, cols: dims, data } = vectors;
  const mean = new Float64Array(dims);
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) mean[d] += data[i * dims + d] / n;
  const cov = new Float64Array(dims * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims; d++) row[d] = data[i * dims + d] - mean[d];
    for (let a = 0; a < dims; a++) {
      const v = row[a];
      if (v === 0) continue;
      for (let b = a; b < dims; b++) cov[a * dims + b] += v * row[b];
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a * dims + b] = cov[b * dims + a];
  const random = createRandom(deriveSeed(seed, 'map-pca'));
  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v: Float64Array = Float64Array.from({ length: dims }, () => random() - 0.5);
    for (let iter = 0; iter < 300; iter++) {
      const w = new Float64Array(dims);
      for (let a = 0; a < dims; a++) {
        let s = 0;
        for (let b = 0; b < dims; b++) s += cov[a * dims + b] * v[b];
        w[a] = s;
      }
      for (const u of components) {
        let p = 0;
        for (let a = 0; a < dims; a++) p += w[a] * u[a];
        for (let a = 0; a < dims; a++) w[a] -= p * u[a];
      }
      let norm = 0;
      for (let a = 0; a < dims; a++) norm += w[a] * w[a];
      norm = Math.sqrt(norm);
      if (norm === 0) break;
      for (let a = 0; a < dims; a++) w[a] /= norm;
      v = w;
    }
    // Fix the sign so the start does not depend on the random vector's orientation.
    let big = 0;
    for (let a = 0; a < dims; a++) if (Math.abs(v[a]) > Math.abs(big)) big = v[a];
    if (big < 0) for (let a = 0; a < dims; a++) v[a] = -v[a];
    components.push(v);
  }
  const out = new Float64Array(n * 2);
  let extent = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (data[i * dims + d] - mean[d]) * components[c][d];
      out[i * 2 + c] = s;
      if (Math.abs(s) > extent) extent = Math.abs(s);
    }
  }
  // UMAP starts from a layout about 10 units wide; a little seeded jitter separates duplicates.
  const scale = extent > 0 ? 10 / extent : 1;
  for (let p = 0; p < out.length; p++) out[p] = out[p] * scale + (random() - 0.5) * 1e-4;
  return out;
}

/** Scales points to [-1, 1] (keeping the aspect ratio) and rounds to 1e-4. */
function normalizeLayout(points: Float64Array, n: number): MapLayout {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, points[2 * i]);
    maxX = Math.max(maxX, points[2 * i]);
    minY = Math.min(minY, points[2 * i + 1]);
    maxY = Math.max(maxY, points[2 * i + 1]);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2 || 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.round(((points[2 * i] - cx) / half) * 1e4) / 1e4;
    y[i] = Math.round(((points[2 * i + 1] - cy) / half) * 1e4) / 1e4;
  }
  return { x, y };
}

/** Rows above which the layout starts from a coarse map of k-means cells instead of PCA. */
const COARSE_START_ROWS = 5000;

/**
 * A start for large inputs, coarse to fine: k-means cells of the rows (on a seeded sample) are
 * laid out first, as a small map of their centroids; every row then starts at the mean position
 * of its own and its graph neighbours' cells, plus a little seeded jitter. Neighbours start near
 * each other and topics apart, so a short optimization suffices.
 */
function buildCoarseStart(vectors: DenseMatrix, graph: NeighbourGraph, seed: number): Float64Array {
  const { rows: n, cols: dims, data } = vectors;
  const cells = Math.max(8, Math.min(256, Math.round(Math.sqrt(n) / 2)));
  const sample = sampleIndices(n, Math.min(n, 40 * cells), deriveSeed(seed, 'map-cells-sample'));
  const km = buildKMeans(
    { rows: sample.length, cols: dims, data: gatherRows(data, sample, dims) },
    { k: cells, seed: deriveSeed(seed, 'map-cells'), maxIterations: 20, localTrials: 1, presample: 0 },
  );
  const centroids = km.centroids.data;
  // Nearest centroid of every row: argmax of x·c - |c|²/2, by blocks of dot products.
  const half = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += centroids[c * dims + d] ** 2;
    half[c] = s / 2;
  }
  const cell = new Int32Array(n);
  const block = 64;
  const scores = new Float64Array(block * cells);
  for (let i0 = 0; i0 < n; i0 += block) {
    const nq = Math.min(block, n - i0);
    fillDotBlock(scores, data.subarray(i0 * dims, (i0 + nq) * dims), nq, centroids, 0, cells, dims);
    for (let a = 0; a < nq; a++) {
      let best = -Infinity;
      for (let c = 0; c < cells; c++) {
        const s = scores[a * cells + c] - half[c];
        if (s > best) {
          best = s;
          cell[i0 + a] = c;
        }
      }
    }
  }
  // The map of the cells: their centroids (normalized, as the rows) and their own kNN graph.
  const unit = Float64Array.from(centroids);
  for (let c = 0; c < cells; c++) {
    const norm = Math.sqrt(2 * half[c]) || 1;
    for (let d = 0; d < dims; d++) unit[c * dims + d] /= norm;
  }
  const cellVectors: DenseMatrix = { rows: cells, cols: dims, data: unit };
  const cellGraph = buildExactNeighbours(cellVectors, Math.min(graph.k, cells - 1));
  const cellPoints = layoutPoints(
    cellVectors,
    cellGraph,
    buildPcaStart(cellVectors, seed),
    500,
    deriveSeed(seed, 'map-cells-layout'),
  );
  let extent = 0;
  for (const v of cellPoints) extent = Math.max(extent, Math.abs(v));
  const scale = extent > 0 ? 10 / extent : 1;
  const points = new Float64Array(2 * n);
  const random = createRandom(deriveSeed(seed, 'map-jitter'));
  const k = graph.k;
  for (let i = 0; i < n; i++) {
    let x = cellPoints[2 * cell[i]];
    let y = cellPoints[2 * cell[i] + 1];
    let count = 1;
    for (let p = i * k; p < (i + 1) * k; p++) {
      const j = graph.indices[p];
      if (j < 0) continue;
      x += cellPoints[2 * cell[j]];
      y += cellPoints[2 * cell[j] + 1];
      count++;
    }
    points[2 * i] = (x / count) * scale + (random() - 0.5) * 0.5;
    points[2 * i + 1] = (y / count) * scale + (random() - 0.5) * 0.5;
  }
  return points;
}

/**
 * The optimization of umap-learn's optimize_layout_euclidean: every epoch, each edge whose turn
 * has come pulls its ends together and pushes its head away from a few random rows, with clipped
 * gradients and a learning rate decaying to 0. The power d²ᵇ in the gradients is approximated
 * through the float32 bit pattern (Math.pow was three quarters of the cost); holding b at 1 instead
 * would avoid it too, but kept fewer neighbours at scale (0.057 against 0.074 at 75k papers).
 * Sequential and seeded (an xorshift stream for the negative samples), so it is deterministic.
 */
function layoutPoints(
  vectors: DenseMatrix,
  graph: NeighbourGraph,
  points: Float64Array,
  epochs: number,
  seed: number,
  opts: MapOptions = {},
): Float64Array {
  const n = vectors.rows;
  const { a, b } = findCurveParameters(opts.spread ?? 1, opts.minDist ?? 0.02);
  // d²ᵇ by the float32 exponent trick: the bits of a float are about 2²³·(log2 x + 127), so
  // scaling them (less the bias) by b raises x to the power b, within 6%, for a tenth of Math.pow.
  const f32 = new Float32Array(1);
  const bits = new Int32Array(f32.buffer);
  const ONE = 0x3f800000;
  const negatives = opts.negativeSamples ?? 8;
  const learningRate = opts.learningRate ?? 1;
  const fuzzy = buildFuzzyGraph(graph, n);
  let maxWeight = 0;
  for (const w of fuzzy.weight) if (w > maxWeight) maxWeight = w;
  // Edges too weak to be sampled once in all epochs are dropped, as UMAP does.
  let m = 0;
  for (let e = 0; e < fuzzy.weight.length; e++) if (fuzzy.weight[e] >= maxWeight / epochs) m++;
  const head = new Int32Array(m);
  const tail = new Int32Array(m);
  const perSample = new Float64Array(m);
  for (let e = 0, at = 0; e < fuzzy.weight.length; e++) {
    if (fuzzy.weight[e] < maxWeight / epochs) continue;
    head[at] = fuzzy.head[e];
    tail[at] = fuzzy.tail[e];
    perSample[at++] = maxWeight / fuzzy.weight[e];
  }
  const perNegative = Float64Array.from(perSample, (v) => v / negatives);
  const nextSample = perSample.slice();
  const nextNegative = perNegative.slice();
  let state = (deriveSeed(seed, 'map-sgd') | 1) >>> 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const alpha = learningRate * (1 - epoch / epochs);
    for (let e = 0; e < m; e++) {
      if (nextSample[e] > epoch) continue;
      const j = head[e] * 2;
      const k = tail[e] * 2;
      let xj = points[j];
      let yj = points[j + 1];
      let dx = xj - points[k];
      let dy = yj - points[k + 1];
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        f32[0] = d2;
        bits[0] = (b * (bits[0] - ONE) + ONE) | 0;
        const pw = f32[0];
        const coeff = (-2 * a * b * (pw / d2)) / (a * pw + 1);
        let gx = coeff * dx;
        let gy = coeff * dy;
        gx = (gx > 4 ? 4 : gx < -4 ? -4 : gx) * alpha;
        gy = (gy > 4 ? 4 : gy < -4 ? -4 : gy) * alpha;
        xj += gx;
        yj += gy;
        points[k] -= gx;
        points[k + 1] -= gy;
      }
      nextSample[e] += perSample[e];
      const count = Math.floor((epoch - nextNegative[e]) / perNegative[e]);
      for (let p = 0; p < count; p++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        // A row from the top 31 bits by multiply and truncate: integer division by n is slow.
        const o = (((state >>> 1) * n * 4.656612873077393e-10) | 0) * 2;
        if (o === j) continue;
        dx = xj - points[o];
        dy = yj - points[o + 1];
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          f32[0] = d2;
          bits[0] = (b * (bits[0] - ONE) + ONE) | 0;
          const coeff = (2 * b) / ((0.001 + d2) * (a * f32[0] + 1));
          let gx = coeff * dx;
          let gy = coeff * dy;
          gx = gx > 4 ? 4 : gx < -4 ? -4 : gx;
          gy = gy > 4 ? 4 : gy < -4 ? -4 : gy;
          xj += gx * alpha;
          yj += gy * alpha;
        } else {
          xj += 4 * alpha;
          yj += 4 * alpha;
        }
      }
      points[j] = xj;
      points[j + 1] = yj;
      nextNegative[e] += count * perNegative[e];
    }
  }
  return points;
}

/**
 * UMAP-style 2D layout of the rows of `vectors` from their kNN graph (cosine similarities).
 * Small inputs start from the first two principal components and run 500 epochs; large ones start
 * from a coarse map of k-means cells and need fewer (default 100 above 10,000 rows, where UMAP
 * runs 200 from a spectral start).
 */
export function buildMap(vectors: DenseMatrix, graph: NeighbourGraph, opts: MapOptions = {}): MapLayout {
  const n = vectors.rows;
  if (n === 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  if (n > (opts.sampleRows ?? MAP_SAMPLE_ROWS)) return buildSampledMap(vectors, graph, opts);
  const seed = opts.seed ?? 0;
  const coarse = n > COARSE_START_ROWS;
  const epochs = opts.epochs ?? (n > 40000 ? 60 : n > 10000 ? 100 : 500);
  const start = coarse ? buildCoarseStart(vectors, graph, seed) : buildPcaStart(vectors, seed);
  return normalizeLayout(layoutPoints(vectors, graph, start, epochs, seed, opts), n);
}

/**
 * The sample's own k-NN graph, from the full graph: each sampled row's candidates are the sampled
 * rows among its neighbours and its neighbours' neighbours, ranked by cosine (rows are
 * L2-normalized). Indices are positions in `sample`; -1 fills a list with fewer candidates.
 */
export function buildSampleGraph(vectors: DenseMatrix, graph: NeighbourGraph, sample: Int32Array): NeighbourGraph {
  const { cols: dims, data } = vectors;
  const k = graph.k;
  const position = new Int32Array(vectors.rows).fill(-1);
  sample.forEach((row, s) => (position[row] = s));
  const indices = new Int32Array(sample.length * k).fill(-1);
  const similarities = new Float64Array(sample.length * k).fill(-Infinity);
  // Who was last seen as a candidate of which row: a marker per row instead of a set per list.
  const seenBy = new Int32Array(vectors.rows).fill(-1);
  const candidates: number[] = [];
  const sims: number[] = [];
  const order: number[] = [];
  for (let s = 0; s < sample.length; s++) {
    const row = sample[s];
    seenBy[row] = s;
    candidates.length = 0;
    const consider = (j: number) => {
      if (j < 0 || seenBy[j] === s) return;
      seenBy[j] = s;
      if (position[j] >= 0) candidates.push(j);
    };
    for (let p = row * k; p < (row + 1) * k; p++) {
      const j = graph.indices[p];
      consider(j);
      if (j >= 0) for (let q = j * k; q < (j + 1) * k; q++) consider(graph.indices[q]);
    }
    sims.length = 0;
    order.length = 0;
    for (let c = 0; c < candidates.length; c++) {
      sims.push(dot(data, row, candidates[c], dims));
      order.push(c);
    }
    order.sort((x, y) => sims[y] - sims[x] || candidates[x] - candidates[y]);
    for (let r = 0; r < Math.min(k, order.length); r++) {
      indices[s * k + r] = position[candidates[order[r]]];
      similarities[s * k + r] = sims[order[r]];
    }
  }
  return { k, indices, similarities };
}

/**
 * Out-of-sample placement: rows without a position take the similarity-weighted mean of their
 * placed neighbours, in rounds (a row placed in a round counts only from the next, so the result
 * does not depend on the order of rows); rows no round reaches stay at the origin.
 */
export function placeFromNeighbours(points: Float64Array, placed: Uint8Array, graph: NeighbourGraph): void {
  const n = placed.length;
  const k = graph.k;
  const newly: number[] = [];
  for (let round = 0; round < 16; round++) {
    newly.length = 0;
    for (let i = 0; i < n; i++) {
      if (placed[i]) continue;
      let x = 0;
      let y = 0;
      let w = 0;
      for (let p = i * k; p < (i + 1) * k; p++) {
        const j = graph.indices[p];
        if (j < 0 || placed[j] !== 1) continue;
        const weight = Math.max(graph.similarities[p], 0) + 1e-6;
        x += weight * points[2 * j];
        y += weight * points[2 * j + 1];
        w += weight;
      }
      if (w === 0) continue;
      points[2 * i] = x / w;
      points[2 * i + 1] = y / w;
      newly.push(i);
    }
    if (newly.length === 0) break;
    for (const i of newly) placed[i] = 1;
  }
}

/**
 * The map of a large input: laid out on a seeded sample of `sampleRows` rows (with the sample's
 * own graph, from neighbours and neighbours' neighbours), every other row placed at the weighted
 * mean of its placed neighbours with a little seeded jitter, then a few epochs over all rows at a
 * small learning rate let the placed rows settle without moving the sample's shape.
 */
function buildSampledMap(vectors: DenseMatrix, graph: NeighbourGraph, opts: MapOptions): MapLayout {
  const n = vectors.rows;
  const dims = vectors.cols;
  const seed = opts.seed ?? 0;
  const sample = sampleIndices(n, opts.sampleRows ?? MAP_SAMPLE_ROWS, deriveSeed(seed, 'map-sample'));
  const sampleVectors: DenseMatrix = { rows: sample.length, cols: dims, data: gatherRows(vectors.data, sample, dims) };
  const sampleGraph = buildSampleGraph(vectors, graph, sample);
  const start = buildCoarseStart(sampleVectors, sampleGraph, seed);
  const samplePoints = layoutPoints(sampleVectors, sampleGraph, start, opts.epochs ?? 60, seed, opts);
  const points = new Float64Array(2 * n);
  const placed = new Uint8Array(n);
  sample.forEach((row, s) => {
    points[2 * row] = samplePoints[2 * s];
    points[2 * row + 1] = samplePoints[2 * s + 1];
    placed[row] = 1;
  });
  placeFromNeighbours(points, placed, graph);
  const random = createRandom(deriveSeed(seed, 'map-sample-jitter'));
  const inSample = new Uint8Array(n);
  for (const row of sample) inSample[row] = 1;
  for (let i = 0; i < n; i++) {
    if (inSample[i]) continue;
    points[2 * i] += (random() - 0.5) * 0.1;
    points[2 * i + 1] += (random() - 0.5) * 0.1;
  }
  const refined = layoutPoints(
    vectors,
    graph,
    points,
    opts.refineEpochs ?? REFINE_EPOCHS,
    deriveSeed(seed, 'map-refine'),
    { ...opts, learningRate: (opts.learningRate ?? 1) * (opts.refineRate ?? REFINE_RATE) },
  );
  return normalizeLayout(refined, n);
}

/**
 * Share of each sampled row's `graph.k` nearest neighbours in the graph (LSA space) found among
 * its `graph.k` nearest points on the map (exact, 2D), averaged over a seeded sample of rows.
 */
export function mapNeighbourPreservation(
  graph: NeighbourGraph,
  layout: MapLayout,
  sampleSize = 2000,
  seed = 0,
): number {
  const n = layout.x.length;
  const k = graph.k;
  if (n < 2 || k === 0) return 1;
  const sample = sampleIndices(n, sampleSize, deriveSeed(seed, 'map-preservation'));
  const best = new Float64Array(k);
  const bestIndex = new Int32Array(k);
  let total = 0;
  for (const i of sample) {
    best.fill(Infinity);
    bestIndex.fill(-1);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = layout.x[i] - layout.x[j];
      const dy = layout.y[i] - layout.y[j];
      const d = dx * dx + dy * dy;
      if (d >= best[k - 1]) continue;
      let at = k - 1;
      while (at > 0 && best[at - 1] > d) {
        best[at] = best[at - 1];
        bestIndex[at] = bestIndex[at - 1];
        at--;
      }
      best[at] = d;
      bestIndex[at] = j;
    }
    let found = 0;
    for (let p = i * k; p < (i + 1) * k; p++) if (bestIndex.includes(graph.indices[p])) found++;
    total += found / k;
  }
  return total / sample.length;
}
