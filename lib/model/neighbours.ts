/**
 * Each row's most similar rows (cosine = dot product of L2-normalized rows), approximately but
 * with high recall: rows are partitioned into cells of a few hundred by two levels of k-means
 * (an inverted file, as in IVF search), every cell is compared exhaustively with itself and its
 * nearest cells in cache-friendly blocks, then rounds of "a neighbour of a neighbour is likely a
 * neighbour" refinement (the local join of NN-descent) repair the rows near cell borders. Exact brute force is O(n²·d), about 5.6e11 multiply-adds at 75k
 * papers × 100 dimensions; this costs a few hundred candidates per row.
 *
 * IVF: Jégou, Douze & Schmid 2011, https://doi.org/10.1109/TPAMI.2010.57
 * NN-descent: Dong, Charikar & Li 2011, https://doi.org/10.1145/1963405.1963487
 */
import { createRandom, deriveSeed, randomInt } from '../random';
import { buildKMeans } from './kmeans';
import type { DenseMatrix } from './sparse';

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
  /** Nearest other cells each cell is joined with (default 1). */
  probes?: number;
  /** Independent partitions (seeded differently), so rows on a border of one are inside a cell
   * of another (default 3). */
  partitions?: number;
  /** Most refinement rounds (default 8). */
  rounds?: number;
  /** Stop refining once a round improves fewer than this share of list entries (default 0.001). */
  delta?: number;
}

function dot(data: Float64Array, a: number, b: number, dims: number): number {
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

/** Sorted fixed-size neighbour lists over flat typed arrays, with a "new" flag per entry. */
class Lists {
  readonly indices: Int32Array;
  readonly sims: Float64Array;
  readonly fresh: Uint8Array;
  constructor(
    readonly n: number,
    readonly k: number,
  ) {
    this.indices = new Int32Array(n * k).fill(-1);
    this.sims = new Float64Array(n * k).fill(-Infinity);
    this.fresh = new Uint8Array(n * k);
  }

  /** Inserts j into i's list if it is more similar than the last entry and not yet there;
   * returns 1 when the list changed. Equal similarities keep the lower index first. */
  push(i: number, j: number, sim: number): number {
    const k = this.k;
    const o = i * k;
    const last = o + k - 1;
    const { indices, sims, fresh } = this;
    if (sim < sims[last] || (sim === sims[last] && j >= indices[last])) return 0;
    for (let p = o; p <= last; p++) if (indices[p] === j) return 0;
    let at = last;
    while (at > o && (sims[at - 1] < sim || (sims[at - 1] === sim && indices[at - 1] > j))) {
      indices[at] = indices[at - 1];
      sims[at] = sims[at - 1];
      fresh[at] = fresh[at - 1];
      at--;
    }
    indices[at] = j;
    sims[at] = sim;
    fresh[at] = 1;
    return 1;
  }
}

/** Dot products of every row of block A (rows a0..a1 of `packed`) with every row of block B
 * (b0..b1), 2 × 2 at a time; each pair is offered to both rows' lists (`ids` maps packed rows to
 * row ids). With `same`, A and B are one block and only pairs a < b are taken. */
function joinBlocks(
  packed: Float64Array,
  ids: Int32Array,
  dims: number,
  lists: Lists,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  same: boolean,
): void {
  for (let a = a0; a < a1; a += 2) {
    const twoA = a + 1 < a1;
    const oa = a * dims;
    const oa1 = twoA ? oa + dims : oa;
    const ia = ids[a];
    const ia1 = twoA ? ids[a + 1] : -1;
    for (let b = same ? a : b0; b < b1; b += 2) {
      const twoB = b + 1 < b1;
      const ob = b * dims;
      const ob1 = twoB ? ob + dims : ob;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let d = 0; d < dims; d++) {
        const x0 = packed[oa + d];
        const x1 = packed[oa1 + d];
        const y0 = packed[ob + d];
        const y1 = packed[ob1 + d];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const ib = ids[b];
      const ib1 = twoB ? ids[b + 1] : -1;
      if (!same || b > a) {
        lists.push(ia, ib, s00);
        lists.push(ib, ia, s00);
      }
      if (twoB && (!same || b + 1 > a)) {
        lists.push(ia, ib1, s01);
        lists.push(ib1, ia, s01);
      }
      if (twoA && (!same || b > a + 1)) {
        lists.push(ia1, ib, s10);
        lists.push(ib, ia1, s10);
      }
      if (twoA && twoB && (!same || b + 1 > a + 1)) {
        lists.push(ia1, ib1, s11);
        lists.push(ib1, ia1, s11);
      }
    }
  }
}

/** Partitions the rows into cells of about `cellSize` by two levels of k-means (coarse clusters,
 * then clusters within each); returns every row's cell and the cells' centroids. */
function buildCells(vectors: DenseMatrix, cellSize: number, seed: number): { cell: Int32Array; centroids: Float64Array; cells: number } {
  const { rows: n, cols: dims, data } = vectors;
  const coarseK = Math.max(1, Math.min(n, Math.round(Math.sqrt(n / cellSize))));
  const coarse = buildKMeans(vectors, { k: coarseK, seed: deriveSeed(seed, 'cells'), maxIterations: 15, localTrials: 1 });
  const cell = new Int32Array(n);
  const centroids: number[] = [];
  let cells = 0;
  for (let c = 0; c < coarseK; c++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (coarse.assignments[i] === c) members.push(i);
    if (members.length === 0) continue;
    const sub = new Float64Array(members.length * dims);
    members.forEach((r, i) => sub.set(data.subarray(r * dims, (r + 1) * dims), i * dims));
    const fineK = Math.max(1, Math.min(members.length, Math.round(members.length / cellSize)));
    const fine = buildKMeans(
      { rows: members.length, cols: dims, data: sub },
      { k: fineK, seed: deriveSeed(seed, `cells-${c}`), maxIterations: 10, localTrials: 1 },
    );
    members.forEach((r, i) => (cell[r] = cells + fine.assignments[i]));
    for (const v of fine.centroids.data) centroids.push(v);
    cells += fineK;
  }
  return { cell, centroids: Float64Array.from(centroids), cells };
}

/**
 * Approximate k nearest neighbours by cosine of every row of `vectors` (rows L2-normalized).
 * Seeded and sequential: the same input and options give the same lists.
 */
export function buildNeighbours(vectors: DenseMatrix, opts: NeighbourOptions = {}): NeighbourGraph {
  const n = vectors.rows;
  const k = Math.min(opts.k ?? 10, Math.max(0, n - 1));
  const { cols: dims, data } = vectors;
  const lists = new Lists(n, k);
  if (k === 0) return { k, indices: lists.indices, similarities: lists.sims };
  const seed = opts.seed ?? 0;
  const cellSize = Math.max(opts.cellSize ?? 256, 2 * k);
  const probes = opts.probes ?? 1;
  const partitions = opts.partitions ?? 3;
  for (let part = 0; part < partitions; part++) {
    const { cell, centroids, cells } = buildCells(vectors, cellSize, deriveSeed(seed, `partition-${part}`));
    // Rows packed cell by cell, so each block of the join is contiguous.
    const start = new Int32Array(cells + 1);
    for (let i = 0; i < n; i++) start[cell[i] + 1]++;
    for (let c = 0; c < cells; c++) start[c + 1] += start[c];
    const ids = new Int32Array(n);
    const fill = start.slice(0, cells);
    for (let i = 0; i < n; i++) ids[fill[cell[i]]++] = i;
    const packed = new Float64Array(n * dims);
    for (let p = 0; p < n; p++) packed.set(data.subarray(ids[p] * dims, (ids[p] + 1) * dims), p * dims);
    // Each cell meets itself and the `probes` cells with the nearest centroids; a pair of cells
    // is joined once, for both directions.
    const pairs = new Set<number>();
    const near = new Float64Array(cells);
    const order = new Int32Array(cells);
    for (let c = 0; c < cells; c++) {
      for (let c2 = 0; c2 < cells; c2++) {
        let sq = 0;
        for (let d = 0; d < dims; d++) {
          const e = centroids[c * dims + d] - centroids[c2 * dims + d];
          sq += e * e;
        }
        near[c2] = sq;
        order[c2] = c2;
      }
      const ranked = Array.from(order).sort((x, y) => near[x] - near[y] || x - y);
      let taken = 0;
      for (const c2 of ranked) {
        if (c2 === c) continue;
        if (taken++ >= probes) break;
        pairs.add(Math.min(c, c2) * cells + Math.max(c, c2));
      }
    }
    for (let c = 0; c < cells; c++) joinBlocks(packed, ids, dims, lists, start[c], start[c + 1], start[c], start[c + 1], true);
    for (const key of Array.from(pairs).sort((x, y) => x - y)) {
      const c = Math.floor(key / cells);
      const c2 = key % cells;
      joinBlocks(packed, ids, dims, lists, start[c], start[c + 1], start[c2], start[c2 + 1], false);
    }
  }
  // Every row must have k entries before refinement: fill gaps with seeded random rows.
  const random = createRandom(deriveSeed(seed, 'neighbour-fill'));
  for (let i = 0; i < n; i++) {
    let guard = 0;
    while (lists.indices[i * k + k - 1] < 0 && guard++ < 50 * k) {
      const j = randomInt(random, n);
      if (j !== i) lists.push(i, j, dot(data, i, j, dims));
    }
  }

  // Local join (NN-descent): around every row v, compare the pairs among its forward and reverse
  // neighbours of which at least one is new since the last round.
  const rounds = opts.rounds ?? 8;
  const delta = opts.delta ?? 0.001;
  // Reverse neighbours kept per row, at most k (the first met, in row order).
  const newRev = new Int32Array(n * k);
  const oldRev = new Int32Array(n * k);
  const newRevCount = new Int32Array(n);
  const oldRevCount = new Int32Array(n);
  const newer = new Int32Array(2 * k);
  const older = new Int32Array(2 * k);
  for (let round = 0; round < rounds; round++) {
    newRevCount.fill(0);
    oldRevCount.fill(0);
    const { indices, fresh } = lists;
    const wasFresh = fresh.slice();
    fresh.fill(0);
    for (let v = 0; v < n; v++) {
      for (let p = v * k; p < (v + 1) * k; p++) {
        const u = indices[p];
        if (u < 0) continue;
        if (wasFresh[p]) {
          if (newRevCount[u] < k) newRev[u * k + newRevCount[u]++] = v;
        } else if (oldRevCount[u] < k) oldRev[u * k + oldRevCount[u]++] = v;
      }
    }
    let updates = 0;
    for (let v = 0; v < n; v++) {
      let nn = 0;
      let no = 0;
      for (let p = v * k; p < (v + 1) * k; p++) {
        if (indices[p] < 0) continue;
        if (wasFresh[p]) newer[nn++] = indices[p];
        else older[no++] = indices[p];
      }
      for (let r = 0; r < newRevCount[v]; r++) newer[nn++] = newRev[v * k + r];
      for (let r = 0; r < oldRevCount[v]; r++) older[no++] = oldRev[v * k + r];
      for (let a = 0; a < nn; a++) {
        const x = newer[a];
        for (let b = a + 1; b < nn; b++) {
          const y = newer[b];
          if (x === y) continue;
          const s = dot(data, x, y, dims);
          updates += lists.push(x, y, s) + lists.push(y, x, s);
        }
        for (let b = 0; b < no; b++) {
          const y = older[b];
          if (x === y) continue;
          const s = dot(data, x, y, dims);
          updates += lists.push(x, y, s) + lists.push(y, x, s);
        }
      }
    }
    if (updates < delta * n * k) break;
  }
  return { k, indices: lists.indices, similarities: lists.sims };
}

/** Exact k nearest neighbours (brute force) of the given query rows among all rows, for measuring
 * recall and for small inputs. Lists as in {@link NeighbourGraph}, one per query. */
export function buildExactNeighbours(vectors: DenseMatrix, k: number, queries?: ArrayLike<number>): NeighbourGraph {
  const n = vectors.rows;
  const q = queries ?? Int32Array.from({ length: n }, (_, i) => i);
  const kk = Math.min(k, n - 1);
  const lists = new Lists(q.length, kk);
  for (let a = 0; a < q.length; a++) {
    const i = q[a];
    for (let j = 0; j < n; j++) if (j !== i) lists.push(a, j, dot(vectors.data, i, j, vectors.cols));
  }
  return { k: kk, indices: lists.indices, similarities: lists.sims };
}

/** Share of the exact lists' entries found in the approximate lists of the same rows
 * (`queries[a]` is the row of exact list a). */
export function buildNeighbourRecall(approx: NeighbourGraph, exact: NeighbourGraph, queries: ArrayLike<number>): number {
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
