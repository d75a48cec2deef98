/**
 * Each row's most similar rows (cosine = dot product of L2-normalized rows), approximately but
 * with high recall, by an inverted file (IVF): rows are partitioned into cells of a few hundred by
 * two levels of k-means on a seeded sample; every row is compared with all rows of the `probes`
 * cells whose centroids are nearest to it, in blocks (a few queries against a whole cell, as a
 * small matrix product); then one round of "a neighbour of a neighbour is likely a neighbour"
 * (the local join of NN-descent) scores the rows of the lists' lists that the probes missed.
 * Exact brute force is O(n²·d), about 2.8e11 multiply-adds at 75k papers × 100 dimensions; this
 * costs a few thousand candidates per row.
 *
 * Lists are ordered by (similarity descending, index ascending), a total order, so the result does
 * not depend on the order in which candidates are met.
 *
 * IVF: Jégou, Douze & Schmid 2011, https://doi.org/10.1109/TPAMI.2010.57
 * NN-descent: Dong, Charikar & Li 2011, https://doi.org/10.1145/1963405.1963487
 */
import { parallelThreads, runParallel, sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { deriveSeed, sampleIndices } from '../random';
import { buildKMeans } from './kmeans';
import { dot, fillDotBlock, gatherRows, squaredDistance } from './linalg';
import type { DenseMatrix } from './matrix';

/** k most similar rows of every row, most similar first: row i's list is
 * indices/similarities[i·k .. (i+1)·k). A row is never its own neighbour. */
export interface NeighbourGraph {
  k: number;
  indices: Int32Array;
  similarities: Float64Array;
}

/** Options for {@link buildNeighbours}. */
export interface NeighbourOptions {
  /** Neighbours per row (default 10). */
  k?: number;
  seed?: number;
  /** Rows per cell of the partition (default 256). */
  cellSize?: number;
  /** Cells searched per row, its own included (default 6, 10 above LARGE_SEARCH rows). */
  probes?: number;
  /** Rounds of neighbour-of-neighbour refinement after the search (default 1, 2 above
   * LARGE_SEARCH rows). */
  rounds?: number;
}

/** Fixed-size lists sorted by (similarity desc, index asc), over flat typed arrays (given, or new
 * and empty). */
class Lists {
  readonly indices: Int32Array;
  readonly sims: Float64Array;
  constructor(
    readonly n: number,
    readonly k: number,
    indices?: Int32Array,
    sims?: Float64Array,
  ) {
    this.indices = indices ?? new Int32Array(n * k).fill(-1);
    this.sims = sims ?? new Float64Array(n * k).fill(-Infinity);
  }

  /** Would j with similarity `sim` enter list i (ignoring duplicates)? */
  admits(i: number, j: number, sim: number): boolean {
    const last = i * this.k + this.k - 1;
    const s = this.sims[last];
    return sim > s || (sim === s && j < this.indices[last]);
  }

  /** Inserts j into list i when it ranks above the last entry and is not there yet. */
  push(i: number, j: number, sim: number): void {
    if (!this.admits(i, j, sim)) return;
    const k = this.k;
    const o = i * k;
    const { indices, sims } = this;
    for (let p = o; p < o + k; p++) if (indices[p] === j) return;
    let at = o + k - 1;
    while (at > o && (sims[at - 1] < sim || (sims[at - 1] === sim && indices[at - 1] > j))) {
      indices[at] = indices[at - 1];
      sims[at] = sims[at - 1];
      at--;
    }
    indices[at] = j;
    sims[at] = sim;
  }
}

/**
 * Rows above which the search probes more cells and refines twice. The cells hold a fixed number
 * of rows, so a fixed number of probes covers a shrinking share of the corpus as it grows: on
 * 300,000 resampled arXiv papers, 6 probes and one round found 0.840 of the exact 10 nearest
 * (30.8 s), two rounds 0.872 (33.4 s), 8 probes and three rounds 0.900 (39.7 s), 10 probes and two
 * rounds 0.908 (41.2 s, the choice); at a million, 6 probes and one round found 0.875.
 */
export const LARGE_SEARCH = 200_000;

/** Queries per block of the search: the block and one cell's rows stay in cache. */
const QUERY_BLOCK = 32;

/** Exact lists of the query rows `queries` (a list per query) among rows 0..n-1 of `data`, into
 * `lists` (new when not given). */
function searchAll(
  data: Float64Array,
  n: number,
  dims: number,
  queries: ArrayLike<number>,
  k: number,
  lists = new Lists(queries.length, k),
): Lists {
  const span = 1024;
  const scores = new Float64Array(QUERY_BLOCK * span);
  for (let q0 = 0; q0 < queries.length; q0 += QUERY_BLOCK) {
    const nq = Math.min(QUERY_BLOCK, queries.length - q0);
    const block = gatherRows(data, Array.prototype.slice.call(queries, q0, q0 + nq) as number[], dims);
    for (let b0 = 0; b0 < n; b0 += span) {
      const b1 = Math.min(n, b0 + span);
      const nb = b1 - b0;
      fillDotBlock(scores, block, nq, data, b0, b1, dims);
      for (let a = 0; a < nq; a++) {
        const i = queries[q0 + a];
        for (let b = 0; b < nb; b++) {
          const j = b0 + b;
          const s = scores[a * nb + b];
          if (j !== i && lists.admits(q0 + a, j, s)) lists.push(q0 + a, j, s);
        }
      }
    }
  }
  return lists;
}

/** The partition: cells of rows (packed cell by cell) and every row's probed cells. */
interface Cells {
  cells: number;
  /** Rows of cell c are order[start[c] .. start[c + 1]). */
  start: Int32Array;
  order: Int32Array;
  /** Row i's cell. */
  cell: Int32Array;
  /** Row i probes cells probes[i·P .. (i+1)·P) (its own first; -1 pads). */
  probes: Int32Array;
  P: number;
}

/** Squared distances of row i of `data` to centroids c0..c1 of `centroids`, into `out[c0..c1)`. */
function centroidDistances(
  data: Float64Array,
  i: number,
  centroids: Float64Array,
  c0: number,
  c1: number,
  dims: number,
  out: Float64Array,
): void {
  for (let c = c0; c < c1; c++) out[c] = squaredDistance(data, i, centroids, c, dims);
}

/** Work (multiply-adds) below which a step stays on the calling thread. */
const PARALLEL_WORK = 2e7;

/** One thread's part of a step of the search: rows [from, to). Arrays are shared; each share
 * writes only its own rows, and a row's result depends on nothing but the inputs, so the output
 * is the same for any number of threads. */
export type NeighbourShare = { data: Float64Array; n: number; dims: number; from: number; to: number } & (
  | {
      /** Probed cells of every row. */
      step: 'probe';
      groupCentroids: Float64Array;
      groups: number;
      centroids: Float64Array;
      groupStart: Int32Array;
      P: number;
      probes: Int32Array;
    }
  | {
      /** Lists from the probed cells (through the inverted probe lists qStart/qRows). */
      step: 'search';
      k: number;
      cells: number;
      start: Int32Array;
      order: Int32Array;
      packed: Float64Array;
      qStart: Int32Array;
      qRows: Int32Array;
      indices: Int32Array;
      sims: Float64Array;
    }
  | {
      /** Exact lists of the query rows queries[from..to) (from/to index the queries). */
      step: 'exact';
      k: number;
      queries: Int32Array;
      indices: Int32Array;
      sims: Float64Array;
    }
  | {
      /** One round of refinement from old lists and reverse lists. */
      step: 'refine';
      k: number;
      cell: Int32Array;
      probes: Int32Array;
      P: number;
      oldIndices: Int32Array;
      rev: Int32Array;
      revCount: Int32Array;
      indices: Int32Array;
      sims: Float64Array;
    }
);

/** Runs one share of a step (on a worker or the calling thread). */
export function searchNeighbourShare(share: NeighbourShare): number {
  if (share.step === 'probe') probeShare(share);
  else if (share.step === 'search') searchShare(share);
  else if (share.step === 'exact') exactShare(share);
  else refineShare(share);
  return 0;
}

/** Splits rows 0..n-1 into one share per thread (one share when the work is small) and runs them. */
function runShares(n: number, work: number, make: (from: number, to: number) => NeighbourShare): void {
  const threads = work >= PARALLEL_WORK ? Math.min(parallelThreads(), Math.max(1, n)) : 1;
  const shares: NeighbourShare[] = [];
  for (let t = 0; t < threads; t++)
    shares.push(make(Math.floor((t * n) / threads), Math.floor(((t + 1) * n) / threads)));
  if (threads === 1) searchNeighbourShare(shares[0]);
  else runParallel(TASKS.searchNeighbourShare, searchNeighbourShare, shares);
}

function exactShare(s: Extract<NeighbourShare, { step: 'exact' }>): void {
  const { data, n, dims, k, from, to } = s;
  const out = new Lists(to - from, k, s.indices.subarray(from * k, to * k), s.sims.subarray(from * k, to * k));
  searchAll(data, n, dims, s.queries.subarray(from, to), k, out);
}

function probeShare(s: Extract<NeighbourShare, { step: 'probe' }>): void {
  const { data, dims, groups, groupCentroids, centroids, groupStart, P, probes } = s;
  const cells = groupStart[groups];
  const searchedGroups = Math.min(groups, 3);
  const groupDist = new Float64Array(groups);
  const cellDist = new Float64Array(cells);
  const groupOrder = new Int32Array(groups);
  const candidates = new Int32Array(cells);
  for (let i = s.from; i < s.to; i++) {
    centroidDistances(data, i, groupCentroids, 0, groups, dims, groupDist);
    // The nearest `searchedGroups` groups by selection (ties to the lower id).
    for (let g = 0; g < groups; g++) groupOrder[g] = g;
    for (let r = 0; r < searchedGroups; r++) {
      let best = r;
      for (let g = r + 1; g < groups; g++) {
        const a = groupOrder[g];
        const b = groupOrder[best];
        if (groupDist[a] < groupDist[b] || (groupDist[a] === groupDist[b] && a < b)) best = g;
      }
      const t = groupOrder[r];
      groupOrder[r] = groupOrder[best];
      groupOrder[best] = t;
    }
    let m = 0;
    for (let r = 0; r < searchedGroups; r++) {
      const g = groupOrder[r];
      centroidDistances(data, i, centroids, groupStart[g], groupStart[g + 1], dims, cellDist);
      for (let c = groupStart[g]; c < groupStart[g + 1]; c++) candidates[m++] = c;
    }
    // The P nearest of those cells, nearest first.
    const taken = Math.min(P, m);
    for (let r = 0; r < taken; r++) {
      let best = r;
      for (let q = r + 1; q < m; q++) {
        const a = candidates[q];
        const b = candidates[best];
        if (cellDist[a] < cellDist[b] || (cellDist[a] === cellDist[b] && a < b)) best = q;
      }
      const t = candidates[r];
      candidates[r] = candidates[best];
      candidates[best] = t;
      probes[i * P + r] = candidates[r];
    }
    for (let r = taken; r < P; r++) probes[i * P + r] = -1;
  }
}

function searchShare(s: Extract<NeighbourShare, { step: 'search' }>): void {
  const { data, dims, k, cells, start, order, packed, qStart, qRows, from, to } = s;
  const lists = new Lists(to - from, k, s.indices.subarray(from * k, to * k), s.sims.subarray(from * k, to * k));
  let widest = 0;
  for (let c = 0; c < cells; c++) widest = Math.max(widest, start[c + 1] - start[c]);
  const scores = new Float64Array(QUERY_BLOCK * widest);
  const block = new Float64Array(QUERY_BLOCK * dims);
  const lowerBound = (lo: number, hi: number, row: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (qRows[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let c = 0; c < cells; c++) {
    const b0 = start[c];
    const nb = start[c + 1] - b0;
    if (nb === 0) continue;
    // This share's rows probing cell c (the inverted lists are ascending).
    const q1 = lowerBound(qStart[c], qStart[c + 1], to);
    for (let q0 = lowerBound(qStart[c], qStart[c + 1], from); q0 < q1; q0 += QUERY_BLOCK) {
      const nq = Math.min(QUERY_BLOCK, q1 - q0);
      for (let a = 0; a < nq; a++) block.set(data.subarray(qRows[q0 + a] * dims, (qRows[q0 + a] + 1) * dims), a * dims);
      fillDotBlock(scores, block, nq, packed, b0, b0 + nb, dims);
      for (let a = 0; a < nq; a++) {
        const i = qRows[q0 + a];
        const li = i - from;
        const o = a * nb;
        for (let b = 0; b < nb; b++) {
          const sim = scores[o + b];
          const j = order[b0 + b];
          if (j !== i && lists.admits(li, j, sim)) lists.push(li, j, sim);
        }
      }
    }
  }
}

function refineShare(s: Extract<NeighbourShare, { step: 'refine' }>): void {
  const { data, dims, k, cell, probes, P, oldIndices, rev, revCount, from, to } = s;
  const out = new Lists(to - from, k, s.indices.subarray(from * k, to * k), s.sims.subarray(from * k, to * k));
  // stamp[j] = i + 1 once j was considered for row i.
  const stamp = new Int32Array(s.n);
  let i = 0;
  let li = 0;
  const visit = (j: number) => {
    if (j < 0 || stamp[j] === i + 1) return;
    stamp[j] = i + 1;
    const cj = cell[j];
    for (let p = i * P; p < (i + 1) * P; p++) if (probes[p] === cj) return;
    const sim = dot(data, i, j, dims);
    if (out.admits(li, j, sim)) out.push(li, j, sim);
  };
  for (i = from, li = 0; i < to; i++, li++) {
    stamp[i] = i + 1;
    for (let p = i * k; p < (i + 1) * k; p++) if (oldIndices[p] >= 0) stamp[oldIndices[p]] = i + 1;
    for (let p = i * k; p < (i + 1) * k; p++) {
      const u = oldIndices[p];
      if (u < 0) continue;
      for (let q = u * k; q < (u + 1) * k; q++) visit(oldIndices[q]);
    }
    for (let r = i * k; r < i * k + revCount[i]; r++) {
      const u = rev[r];
      visit(u);
      for (let q = u * k; q < (u + 1) * k; q++) visit(oldIndices[q]);
    }
  }
}

/**
 * Two-level k-means cells (about √(n / cellSize) groups, each split into cells of about
 * `cellSize`), fitted on a seeded sample; each row probes the P nearest cells among those of its
 * three nearest groups (ranking every cell for every row would cost a tenth of the search).
 */
function buildCells(vectors: DenseMatrix, cellSize: number, probes: number, seed: number): Cells {
  const { rows: n, cols: dims, data } = vectors;
  const sample = sampleIndices(n, Math.min(n, Math.ceil((32 * n) / cellSize)), deriveSeed(seed, 'cell-sample'));
  const groups = Math.max(1, Math.min(sample.length, Math.round(Math.sqrt(n / cellSize))));
  const coarse = buildKMeans(
    { rows: sample.length, cols: dims, data: gatherRows(data, sample, dims) },
    { k: groups, seed: deriveSeed(seed, 'cell-groups'), maxIterations: 10, localTrials: 1, presample: 0 },
  );
  const groupCentroids = coarse.centroids.data;
  const centroidParts: Float64Array[] = [];
  const groupStart = sharedInt32(groups + 1);
  for (let g = 0; g < groups; g++) {
    const members: number[] = [];
    for (let s = 0; s < sample.length; s++) if (coarse.assignments[s] === g) members.push(sample[s]);
    const fineK = Math.max(1, Math.min(members.length, Math.round((members.length * n) / sample.length / cellSize)));
    if (members.length === 0) {
      centroidParts.push(groupCentroids.slice(g * dims, (g + 1) * dims));
    } else {
      const fine = buildKMeans(
        { rows: members.length, cols: dims, data: gatherRows(data, members, dims) },
        { k: fineK, seed: deriveSeed(seed, `cells-${g}`), maxIterations: 10, localTrials: 1, presample: 0 },
      );
      centroidParts.push(fine.centroids.data);
    }
    groupStart[g + 1] = groupStart[g] + (members.length === 0 ? 1 : fineK);
  }
  const cells = groupStart[groups];
  const centroids = sharedFloat64(cells * dims);
  centroidParts.forEach((part, g) => centroids.set(part, groupStart[g] * dims));
  const P = Math.max(1, Math.min(probes, cells));
  const probeList = sharedInt32(n * P);
  const shared = toShared(data);
  runShares(n, n * dims * (groups + 3 * (cells / groups)), (from, to) => ({
    step: 'probe',
    data: shared,
    n,
    dims,
    from,
    to,
    groupCentroids: toShared(groupCentroids),
    groups,
    centroids,
    groupStart,
    P,
    probes: probeList,
  }));
  const cell = sharedInt32(n);
  for (let i = 0; i < n; i++) cell[i] = probeList[i * P];
  const start = sharedInt32(cells + 1);
  for (let i = 0; i < n; i++) start[cell[i] + 1]++;
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  const order = sharedInt32(n);
  const fill = start.slice(0, cells);
  for (let i = 0; i < n; i++) order[fill[cell[i]]++] = i;
  return { cells, start, order, cell, probes: probeList, P };
}

/** Searches every row's probed cells: per cell, the rows probing it in blocks against the cell. */
function searchCells(vectors: DenseMatrix, part: Cells, k: number): Lists {
  const { rows: n, cols: dims } = vectors;
  const data = toShared(vectors.data);
  const { cells, start, order, probes, P } = part;
  // Cell-major copy of the rows, so a cell is one contiguous block.
  const packed = sharedFloat64(n * dims);
  for (let p = 0; p < n; p++) packed.set(data.subarray(order[p] * dims, (order[p] + 1) * dims), p * dims);
  // Inverted probe lists: the rows probing each cell, ascending.
  const qStart = sharedInt32(cells + 1);
  for (let p = 0; p < n * P; p++) if (probes[p] >= 0) qStart[probes[p] + 1]++;
  for (let c = 0; c < cells; c++) qStart[c + 1] += qStart[c];
  const qRows = sharedInt32(qStart[cells]);
  const qFill = qStart.slice(0, cells);
  for (let i = 0; i < n; i++) {
    for (let p = i * P; p < (i + 1) * P; p++) if (probes[p] >= 0) qRows[qFill[probes[p]]++] = i;
  }
  const indices = sharedInt32(n * k).fill(-1);
  const sims = sharedFloat64(n * k).fill(-Infinity);
  let work = 0;
  for (let c = 0; c < cells; c++) work += (qStart[c + 1] - qStart[c]) * (start[c + 1] - start[c]) * dims;
  runShares(n, work, (from, to) => ({
    step: 'search',
    data,
    n,
    dims,
    from,
    to,
    k,
    cells,
    start,
    order,
    packed,
    qStart,
    qRows,
    indices,
    sims,
  }));
  return new Lists(n, k, indices, sims);
}

/**
 * One round of neighbour-of-neighbour refinement: each row scores the lists of its neighbours
 * and reverse neighbours (rows that list it; at most k of them, the first by index) and keeps the
 * best. Rows in cells the row already searched are skipped. Reads the old lists, writes new ones.
 */
function refine(vectors: DenseMatrix, part: Cells, lists: Lists): Lists {
  const { rows: n, cols: dims } = vectors;
  const data = toShared(vectors.data);
  const { k } = lists;
  const rev = sharedInt32(n * k);
  const revCount = sharedInt32(n);
  for (let v = 0; v < n; v++) {
    for (let p = v * k; p < (v + 1) * k; p++) {
      const u = lists.indices[p];
      if (u >= 0 && revCount[u] < k) rev[u * k + revCount[u]++] = v;
    }
  }
  const oldIndices = toShared(lists.indices);
  const indices = sharedInt32(n * k);
  indices.set(lists.indices);
  const sims = sharedFloat64(n * k);
  sims.set(lists.sims);
  const { cell, probes, P } = part;
  runShares(n, n * 2 * k * k * dims, (from, to) => ({
    step: 'refine',
    data,
    n,
    dims,
    from,
    to,
    k,
    cell,
    probes,
    P,
    oldIndices,
    rev,
    revCount,
    indices,
    sims,
  }));
  return new Lists(n, k, indices, sims);
}

/**
 * Approximate k nearest neighbours by cosine of every row of `vectors` (rows L2-normalized);
 * exact when the input is a few cells or smaller. Seeded: the same input and options give the
 * same lists.
 */
export function buildNeighbours(vectors: DenseMatrix, opts: NeighbourOptions = {}): NeighbourGraph {
  const n = vectors.rows;
  const k = Math.min(opts.k ?? 10, Math.max(0, n - 1));
  if (k === 0) return { k, indices: new Int32Array(0), similarities: new Float64Array(0) };
  const seed = opts.seed ?? 0;
  const cellSize = Math.max(opts.cellSize ?? 256, 2 * k);
  const probes = opts.probes ?? (n > LARGE_SEARCH ? 10 : 6);
  if (n <= 4 * cellSize || n <= probes * cellSize) return buildExactNeighbours(vectors, k);
  const part = buildCells(vectors, cellSize, probes, seed);
  let lists = searchCells(vectors, part, k);
  const rounds = opts.rounds ?? (n > LARGE_SEARCH ? 2 : 1);
  for (let round = 0; round < rounds; round++) lists = refine(vectors, part, lists);
  return { k, indices: lists.indices, similarities: lists.sims };
}

/** Exact k nearest neighbours (blocked brute force) of the given query rows among all rows, for
 * measuring recall and for small inputs. Lists as in {@link NeighbourGraph}, one per query. */
export function buildExactNeighbours(vectors: DenseMatrix, k: number, queries?: ArrayLike<number>): NeighbourGraph {
  const n = vectors.rows;
  const dims = vectors.cols;
  const q = queries ?? Int32Array.from({ length: n }, (_, i) => i);
  const kk = Math.min(k, n - 1);
  // Each query's list depends on nothing but the query: split over threads, the lists are the same.
  const threads = q.length * n * dims >= PARALLEL_WORK ? Math.min(parallelThreads(), q.length) : 1;
  if (threads <= 1) {
    const lists = searchAll(vectors.data, n, dims, q, kk);
    return { k: kk, indices: lists.indices, similarities: lists.sims };
  }
  const shared = toShared(Int32Array.from(q));
  const indices = sharedInt32(q.length * kk).fill(-1);
  const sims = sharedFloat64(q.length * kk).fill(-Infinity);
  const data = toShared(vectors.data);
  runShares(q.length, q.length * n * dims, (from, to) => ({
    step: 'exact',
    data,
    n,
    dims,
    from,
    to,
    k: kk,
    queries: shared,
    indices,
    sims,
  }));
  return { k: kk, indices, similarities: sims };
}

/** Share of the exact lists' entries found in the approximate lists of the same rows
 * (`queries[a]` is the row of exact list a). */
export function neighbourRecall(approx: NeighbourGraph, exact: NeighbourGraph, queries: ArrayLike<number>): number {
  let found = 0;
  let total = 0;
  for (let a = 0; a < queries.length; a++) {
    const row = approx.indices.subarray(queries[a] * approx.k, (queries[a] + 1) * approx.k);
    for (let p = a * exact.k; p < (a + 1) * exact.k; p++) {
      total++;
      if (row.includes(exact.indices[p])) found++;
    }
  }
  return total > 0 ? found / total : 1;
}
