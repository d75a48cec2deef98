/**
 * Choosing the number of topics: k-means for a spread of k on a seeded sample of the rows, each
 * scored by the mean silhouette of a smaller seeded sample (distances computed once, reused for
 * every k); the best score wins, the smaller k on a tie. Every score is kept so the app can show
 * why.
 */
import { parallelThreads, runParallel, sharedFloat64, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { deriveSeed, sampleIndices } from '../random';
import { buildKMeans } from './kmeans';
import { buildDistanceMatrix, silhouetteFromDistances } from './quality';
import type { DenseMatrix } from './matrix';
import type { KSelection } from './types';

/** Options for {@link buildKSelection}. */
export interface KSelectionOptions {
  kRange: [number, number];
  seed?: number;
  /** Rows clustered for every k (default 6,000). */
  clusterSample?: number;
  /** Rows of the silhouette sample, taken from the clustered ones (default 2,000). */
  silhouetteSample?: number;
}

/** A default range of k for n papers: up to √(n/5), at most 40, from 5 (or fewer for tiny inputs). */
export function buildDefaultKRange(n: number): [number, number] {
  const hi = Math.max(2, Math.min(40, Math.round(Math.sqrt(n / 5)), n - 1));
  return [Math.min(5, hi), hi];
}

/** The k values tried in a range: every k up to 12, every 2nd up to 20, then every 5th (and the
 * range's ends), so wide ranges stay affordable. */
export function buildKCandidates([lo, hi]: [number, number]): number[] {
  const out = new Set<number>();
  for (let k = lo; k <= hi; k++) {
    if (k <= 12 || (k <= 20 && k % 2 === 0) || k % 5 === 0) out.add(k);
  }
  out.add(lo);
  out.add(hi);
  return Array.from(out).sort((a, b) => a - b);
}

/** One thread's part of the selection: k-means of the sample for each of `ks`; returns the
 * assignments of the silhouette rows `inner`, k after k. */
export interface KShare {
  data: Float64Array;
  rows: number;
  cols: number;
  ks: number[];
  seed: number;
  inner: Int32Array;
}

/** Runs one share (on a worker or the calling thread). */
export function clusterKShare(share: KShare): Int32Array {
  const sub: DenseMatrix = { rows: share.rows, cols: share.cols, data: share.data };
  const m = share.inner.length;
  const out = new Int32Array(share.ks.length * m);
  share.ks.forEach((k, at) => {
    const clustering = buildKMeans(sub, { k, seed: share.seed, maxIterations: 20, presample: 0 });
    for (let i = 0; i < m; i++) out[at * m + i] = clustering.assignments[share.inner[i]];
  });
  return out;
}

/** Chooses k by sampled silhouette over `opts.kRange` (see the module comment). The k values are
 * spread over threads (each k's clustering depends only on the sample and the seed). */
export function buildKSelection(vectors: DenseMatrix, opts: KSelectionOptions): KSelection {
  const seed = opts.seed ?? 0;
  const dims = vectors.cols;
  const sample = sampleIndices(vectors.rows, opts.clusterSample ?? 6000, deriveSeed(seed, 'k-sample'));
  const rows = sharedFloat64(sample.length * dims);
  sample.forEach((r, i) => rows.set(vectors.data.subarray(r * dims, (r + 1) * dims), i * dims));
  const sub: DenseMatrix = { rows: sample.length, cols: dims, data: rows };
  const inner = sampleIndices(sample.length, opts.silhouetteSample ?? 2000, deriveSeed(seed, 'k-silhouette'));
  const distances = buildDistanceMatrix(sub, inner);
  const lo = Math.max(2, opts.kRange[0]);
  const hi = Math.min(sample.length - 1, opts.kRange[1]);
  const candidates = buildKCandidates([lo, Math.max(lo, hi)]);
  // Largest k first, each to the share with the least k so far (cost grows with k).
  const threads = sample.length * dims * candidates.reduce((s, k) => s + k, 0) >= 1e6 ? parallelThreads() : 1;
  const shares: KShare[] = Array.from({ length: Math.min(threads, candidates.length) }, () => ({
    data: rows,
    rows: sample.length,
    cols: dims,
    ks: [],
    seed,
    inner: toShared(inner),
  }));
  for (const k of [...candidates].reverse()) {
    let least = 0;
    const load = (x: KShare) => x.ks.reduce((a, b) => a + b, 0);
    for (let t = 1; t < shares.length; t++) if (load(shares[t]) < load(shares[least])) least = t;
    shares[least].ks.push(k);
  }
  const outputs =
    shares.length > 1 ? runParallel(TASKS.clusterKShare, clusterKShare, shares) : shares.map(clusterKShare);
  const labelsOf = new Map<number, Int32Array>();
  shares.forEach((share, t) =>
    share.ks.forEach((k, at) => labelsOf.set(k, outputs[t].subarray(at * inner.length, (at + 1) * inner.length))),
  );
  const scores = candidates.map((k) => ({
    k,
    silhouette: silhouetteFromDistances(distances, labelsOf.get(k) as Int32Array),
  }));
  let chosen = scores[0];
  for (const s of scores) if (s.silhouette > chosen.silhouette) chosen = s;
  return { mode: 'auto', chosen: chosen.k, scores, clusterSample: sample.length, silhouetteSample: inner.length };
}
