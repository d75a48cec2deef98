/**
 * A 2D map of the papers in the manner of UMAP (McInnes, Healy & Melville, arXiv:1802.03426):
 * the k-nearest-neighbour graph becomes a fuzzy simplicial set (per-row bandwidths, symmetrized by
 * the probabilistic union), laid out from a PCA start by stochastic gradient descent on the
 * cross-entropy with negative sampling. Typed arrays throughout, seeded and sequential, so the same
 * input gives the same map; coordinates are scaled to [-1, 1] and rounded to 1e-4.
 */
import { createRandom, deriveSeed, randomInt, shuffledIndices } from '../random';
import type { NeighbourGraph } from './neighbours';
import type { DenseMatrix } from './sparse';

/** Options for {@link buildMap}. */
export interface MapOptions {
  seed?: number;
  /** SGD epochs (default 200 above 10,000 rows, else 500, as UMAP). */
  epochs?: number;
  /** Minimum distance between points in the layout (default 0.1). */
  minDist?: number;
  spread?: number;
  /** Negative samples per positive one (default 5). */
  negativeSamples?: number;
  learningRate?: number;
}

/** Paper coordinates, in [-1, 1], rounded to 1e-4. */
export interface MapLayout {
  x: Float64Array;
  y: Float64Array;
}

/** Fits a, b of the layout's similarity curve 1 / (1 + a·d^(2b)) to the target
 * exp(-(d - minDist) / spread) for d > minDist (1 below), by Gauss-Newton least squares, as UMAP's
 * find_ab_params. For spread 1, minDist 0.1: a ≈ 1.577, b ≈ 0.895. */
export function findCurveParameters(spread: number, minDist: number): { a: number; b: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 1; i <= 300; i++) {
    const d = (i / 300) * spread * 3;
    xs.push(d);
    ys.push(d < minDist ? 1 : Math.exp(-(d - minDist) / spread));
  }
  let a = 1;
  let b = 1;
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
 * the directed memberships are then symmetrized as w + wᵀ - w∘wᵀ.
 */
export function buildFuzzyGraph(graph: NeighbourGraph, rows: number): FuzzyGraph {
  const k = graph.k;
  const target = Math.log2(Math.max(2, k));
  const directed = new Map<number, number>();
  const dist = new Float64Array(k);
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
    for (let p = 0; p < k; p++) {
      const j = graph.indices[i * k + p];
      if (j < 0 || j === i) continue;
      const e = dist[p] - rho;
      const w = e > 0 ? Math.exp(-e / sigma) : 1;
      directed.set(i * rows + j, w);
    }
  }
  const keys = Array.from(directed.keys()).sort((x, y) => x - y);
  const head: number[] = [];
  const tail: number[] = [];
  const weight: number[] = [];
  const seen = new Set<number>();
  for (const key of keys) {
    const i = Math.floor(key / rows);
    const j = key % rows;
    const pair = i < j ? key : j * rows + i;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const w1 = directed.get(i * rows + j) ?? 0;
    const w2 = directed.get(j * rows + i) ?? 0;
    const w = w1 + w2 - w1 * w2;
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    head.push(a, b);
    tail.push(b, a);
    weight.push(w, w);
  }
  return { head: Int32Array.from(head), tail: Int32Array.from(tail), weight: Float64Array.from(weight) };
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

const clip = (v: number) => (v > 4 ? 4 : v < -4 ? -4 : v);

/**
 * UMAP-style 2D layout of the rows of `vectors` from their kNN graph (cosine similarities).
 * Epoch-based edge sampling, negative sampling and the clipped gradients follow umap-learn's
 * optimize_layout_euclidean.
 */
export function buildMap(vectors: DenseMatrix, graph: NeighbourGraph, opts: MapOptions = {}): MapLayout {
  const n = vectors.rows;
  if (n === 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  const seed = opts.seed ?? 0;
  const epochs = opts.epochs ?? (n > 10000 ? 200 : 500);
  const { a, b } = findCurveParameters(opts.spread ?? 1, opts.minDist ?? 0.1);
  const negatives = opts.negativeSamples ?? 5;
  const learningRate = opts.learningRate ?? 1;
  const points = buildPcaStart(vectors, seed);
  const fuzzy = buildFuzzyGraph(graph, n);
  let maxWeight = 0;
  for (const w of fuzzy.weight) if (w > maxWeight) maxWeight = w;
  // Edges too weak to be sampled once in all epochs are dropped, as UMAP does.
  const keep: number[] = [];
  for (let e = 0; e < fuzzy.weight.length; e++) if (fuzzy.weight[e] >= maxWeight / epochs) keep.push(e);
  const m = keep.length;
  const head = Int32Array.from(keep, (e) => fuzzy.head[e]);
  const tail = Int32Array.from(keep, (e) => fuzzy.tail[e]);
  const perSample = Float64Array.from(keep, (e) => maxWeight / fuzzy.weight[e]);
  const perNegative = Float64Array.from(perSample, (v) => v / negatives);
  const nextSample = perSample.slice();
  const nextNegative = perNegative.slice();
  const random = createRandom(deriveSeed(seed, 'map-sgd'));
  const twoB = 2 * b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const alpha = learningRate * (1 - epoch / epochs);
    for (let e = 0; e < m; e++) {
      if (nextSample[e] > epoch) continue;
      const j = head[e] * 2;
      const k = tail[e] * 2;
      let dx = points[j] - points[k];
      let dy = points[j + 1] - points[k + 1];
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const pw = Math.pow(d2, b);
        const coeff = (-2 * a * b * (pw / d2)) / (a * pw + 1);
        const gx = clip(coeff * dx) * alpha;
        const gy = clip(coeff * dy) * alpha;
        points[j] += gx;
        points[j + 1] += gy;
        points[k] -= gx;
        points[k + 1] -= gy;
      }
      nextSample[e] += perSample[e];
      const count = Math.floor((epoch - nextNegative[e]) / perNegative[e]);
      for (let p = 0; p < count; p++) {
        const o = randomInt(random, n) * 2;
        if (o === j) continue;
        dx = points[j] - points[o];
        dy = points[j + 1] - points[o + 1];
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          const coeff = twoB / ((0.001 + d2) * (a * Math.pow(d2, b) + 1));
          points[j] += clip(coeff * dx) * alpha;
          points[j + 1] += clip(coeff * dy) * alpha;
        } else {
          points[j] += 4 * alpha;
          points[j + 1] += 4 * alpha;
        }
      }
      nextNegative[e] += count * perNegative[e];
    }
  }
  return normalizeLayout(points, n);
}

/**
 * Share of each sampled row's `graph.k` nearest neighbours in the graph (LSA space) found among
 * its `graph.k` nearest points on the map (exact, 2D), averaged over a seeded sample of rows.
 */
export function buildMapNeighbourPreservation(graph: NeighbourGraph, layout: MapLayout, sampleSize = 2000, seed = 0): number {
  const n = layout.x.length;
  const k = graph.k;
  if (n < 2 || k === 0) return 1;
  const sample = sampleSize >= n ? Int32Array.from({ length: n }, (_, i) => i) : shuffledIndices(n, createRandom(deriveSeed(seed, 'map-preservation'))).slice(0, sampleSize);
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
