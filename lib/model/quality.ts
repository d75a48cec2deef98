/**
 * Quality figures of a topic model: silhouette, topic coherence (NPMI), topic diversity, agreement
 * with given labels (ARI, NMI) and k-nearest-neighbour accuracy of the vectors. All pure; every
 * sample is seeded.
 */
import { parallelThreads, runParallel, sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { createRandom, deriveSeed, sampleIndices, shuffledIndices } from '../random';
import { squaredDistance } from './linalg';
import type { CsrMatrix, DenseMatrix } from './matrix';

/** Labels as dense codes 0..m-1 (first-seen order) with their names; null stays -1. */
export interface EncodedLabels {
  codes: Int32Array;
  names: string[];
}

/** Encodes string labels (null = unlabelled → -1). */
export function buildLabelCodes(labels: readonly (string | null)[]): EncodedLabels {
  const index = new Map<string, number>();
  const names: string[] = [];
  const codes = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    if (label === null) {
      codes[i] = -1;
      return;
    }
    let code = index.get(label);
    if (code === undefined) {
      code = names.length;
      index.set(label, code);
      names.push(label);
    }
    codes[i] = code;
  });
  return { codes, names };
}

/** Contingency counts of two labelings over the positions where both are ≥ 0. */
function contingency(a: ArrayLike<number>, b: ArrayLike<number>) {
  if (a.length !== b.length) throw new Error('labelings differ in length');
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] >= ka) ka = a[i] + 1;
    if (b[i] >= kb) kb = b[i] + 1;
  }
  const table = new Float64Array(ka * kb);
  const rowSums = new Float64Array(ka);
  const colSums = new Float64Array(kb);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    table[a[i] * kb + b[i]]++;
    rowSums[a[i]]++;
    colSums[b[i]]++;
    n++;
  }
  return { table, rowSums, colSums, n };
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index of two labelings (Hubert & Arabie 1985), as scikit-learn's
 * `adjusted_rand_score`. Positions with a negative label in either are skipped.
 * https://scikit-learn.org/stable/modules/clustering.html#rand-index
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  let sumCells = 0;
  for (const v of table) sumCells += pairs(v);
  let sumRows = 0;
  for (const v of rowSums) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of colSums) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  // Both labelings trivial (one cluster each, or all singletons): scikit-learn returns 1.
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}

/**
 * Normalized mutual information with arithmetic-mean normalization, MI / ((H(a) + H(b)) / 2),
 * scikit-learn's `normalized_mutual_info_score` default. Negative labels are skipped.
 * https://scikit-learn.org/stable/modules/clustering.html#mutual-info-score
 */
export function normalizedMutualInfo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  const kb = colSums.length;
  const entropy = (sums: Float64Array) => {
    let h = 0;
    for (const v of sums) if (v > 0) h -= (v / n) * Math.log(v / n);
    return h;
  };
  const ha = entropy(rowSums);
  const hb = entropy(colSums);
  // One cluster on both sides: identical labelings, scikit-learn returns 1.
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (let i = 0; i < rowSums.length; i++) {
    for (let j = 0; j < kb; j++) {
      const v = table[i * kb + j];
      if (v > 0) mi += (v / n) * Math.log((v * n) / (rowSums[i] * colSums[j]));
    }
  }
  const denominator = (ha + hb) / 2;
  return denominator > 0 ? Math.max(0, mi) / denominator : 0;
}

/** Pairwise Euclidean distances among `rows` (m × m, row-major). */
export function buildDistanceMatrix(vectors: DenseMatrix, rows: ArrayLike<number>): Float64Array {
  const m = rows.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = Math.sqrt(squaredDistance(vectors.data, rows[i], vectors.data, rows[j], vectors.cols));
      out[i * m + j] = d;
      out[j * m + i] = d;
    }
  }
  return out;
}

/**
 * Mean silhouette (Rousseeuw 1987) of m points from their pairwise distances (m × m) and cluster
 * labels; a point alone in its cluster scores 0, as in scikit-learn. Fewer than two clusters → 0.
 * https://doi.org/10.1016/0377-0427(87)90125-7
 */
export function silhouetteFromDistances(distances: Float64Array, labels: ArrayLike<number>): number {
  const m = labels.length;
  let k = 0;
  for (let i = 0; i < m; i++) if (labels[i] >= k) k = labels[i] + 1;
  const sizes = new Int32Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]]++;
  let present = 0;
  for (const s of sizes) if (s > 0) present++;
  if (present < 2) return 0;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    sums.fill(0);
    const o = i * m;
    for (let j = 0; j < m; j++) sums[labels[j]] += distances[o + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[c] / sizes[c];
      if (mean < b) b = mean;
    }
    const s = Math.max(a, b);
    total += s > 0 ? (b - a) / s : 0;
  }
  return total / m;
}

/**
 * Mean silhouette (Euclidean) of the clustering on a seeded sample of the rows, as
 * scikit-learn's `silhouette_score(X, labels, sample_size=…)`.
 */
export function silhouette(
  vectors: DenseMatrix,
  assignments: ArrayLike<number>,
  opts: { sampleSize?: number; seed?: number } = {},
): number {
  const sample = sampleIndices(vectors.rows, opts.sampleSize ?? 2000, deriveSeed(opts.seed ?? 0, 'silhouette'));
  const labels = Int32Array.from(sample, (i) => assignments[i]);
  return silhouetteFromDistances(buildDistanceMatrix(vectors, sample), labels);
}

/** Topic coherence: NPMI per topic and the mean over topics. */
export interface Coherence {
  perTopic: number[];
  mean: number;
}

/**
 * Topic coherence as the mean normalized pointwise mutual information (Bouma 2009) of every pair
 * of a topic's top terms, with probabilities from document co-occurrence over the corpus; a pair
 * that never co-occurs scores -1. https://aclanthology.org/E14-1056/ (Lau et al. 2014)
 */
export function buildTopicCoherence(docs: readonly Int32Array[], topTerms: readonly (readonly number[])[]): Coherence {
  const slot = new Map<number, number>();
  for (const terms of topTerms) for (const t of terms) if (!slot.has(t)) slot.set(t, slot.size);
  const m = slot.size;
  const df = new Float64Array(m);
  const joint = new Float64Array(m * m);
  const seen = new Int32Array(m).fill(-1);
  const present: number[] = [];
  docs.forEach((doc, d) => {
    present.length = 0;
    for (const t of doc) {
      const s = slot.get(t);
      if (s !== undefined && seen[s] !== d) {
        seen[s] = d;
        present.push(s);
      }
    }
    for (let i = 0; i < present.length; i++) {
      df[present[i]]++;
      for (let j = i + 1; j < present.length; j++) {
        joint[present[i] * m + present[j]]++;
        joint[present[j] * m + present[i]]++;
      }
    }
  });
  const n = docs.length;
  const perTopic = topTerms.map((terms) => {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const a = slot.get(terms[i]) as number;
        const b = slot.get(terms[j]) as number;
        const pab = joint[a * m + b] / n;
        let npmi: number;
        if (pab === 0) npmi = -1;
        else if (pab === 1) npmi = 1;
        else npmi = Math.log(pab / ((df[a] / n) * (df[b] / n))) / -Math.log(pab);
        sum += npmi;
        count++;
      }
    }
    return count > 0 ? sum / count : 0;
  });
  const mean = perTopic.length > 0 ? perTopic.reduce((s, v) => s + v, 0) / perTopic.length : 0;
  return { perTopic, mean };
}

/** Topic diversity (Dieng et al. 2020, arXiv:1907.04907): the share of unique terms among all
 * topics' top `topN` terms; 1 means no topic repeats another's terms. */
export function topicDiversity(topTerms: readonly (readonly number[])[], topN = 10): number {
  const all = new Set<number>();
  let total = 0;
  for (const terms of topTerms) {
    for (const t of terms.slice(0, topN)) {
      all.add(t);
      total++;
    }
  }
  return total > 0 ? all.size / total : 0;
}

/** Options for {@link buildKnnAccuracy}. */
export interface KnnAccuracyOptions {
  /** Neighbours that vote (default 10). */
  k?: number;
  /** Cross-validation folds (default 5). */
  folds?: number;
  seed?: number;
}

/**
 * k-NN classification accuracy under k-fold cross-validation, from candidate neighbour lists:
 * `candidates[i]` lists row i's nearest rows, most similar first (they must hold at least k rows
 * outside i's fold). Each row is predicted by the majority label of its k nearest rows outside its
 * own fold; ties go to the smallest label code. Rows with a negative label neither vote nor count.
 * Folds split a seeded permutation into near-equal parts, as ../shared/reference/sklearn_pipeline.py.
 */
export function knnAccuracyFromCandidates(
  candidates: readonly Int32Array[],
  labels: ArrayLike<number>,
  opts: KnnAccuracyOptions = {},
): number {
  const n = candidates.length;
  const k = opts.k ?? 10;
  const fold = buildFolds(n, opts.folds ?? 5, opts.seed ?? 0);
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if (labels[i] >= maxLabel) maxLabel = labels[i] + 1;
  const votes = new Int32Array(maxLabel);
  let hits = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] < 0) continue;
    votes.fill(0);
    let taken = 0;
    for (const j of candidates[i]) {
      if (taken === k) break;
      if (j === i || fold[j] === fold[i]) continue;
      taken++;
      if (labels[j] >= 0) votes[labels[j]]++;
    }
    let best = 0;
    for (let c = 1; c < maxLabel; c++) if (votes[c] > votes[best]) best = c;
    counted++;
    if (best === labels[i]) hits++;
  }
  return counted > 0 ? hits / counted : 0;
}

/** Fold of every row: a seeded permutation split into `folds` near-equal consecutive parts
 * (the first n mod folds parts one longer, as numpy's array_split). */
export function buildFolds(n: number, folds: number, seed: number): Int32Array {
  const order = shuffledIndices(n, createRandom(deriveSeed(seed, 'folds')));
  const fold = new Int32Array(n);
  const base = Math.floor(n / folds);
  const extra = n % folds;
  let at = 0;
  for (let f = 0; f < folds; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let s = 0; s < size; s++) fold[order[at++]] = f;
  }
  return fold;
}

/** One thread's part of the sparse k-NN search: positions `offset`, `offset + stride`, … meet the
 * later folds; the share's own lists (n × k, by position) collect what it sees, for both sides of
 * every pair. */
export interface SparseKnnShare {
  n: number;
  k: number;
  folds: number;
  offset: number;
  stride: number;
  foldStart: Int32Array;
  rowAt: Int32Array;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  colStart: Int32Array;
  colFold: Int32Array;
  posOf: Int32Array;
  valueOf: Float64Array;
  topIndex: Int32Array;
  topScore: Float64Array;
}

/** Offers (row, s) to list `a` of k entries ordered by (score desc, row asc). */
function offerTop(topIndex: Int32Array, topScore: Float64Array, k: number, a: number, row: number, s: number): void {
  const o = a * k;
  let at = o + k - 1;
  if (s < topScore[at] || (s === topScore[at] && row > topIndex[at])) return;
  while (at > o && (topScore[at - 1] < s || (topScore[at - 1] === s && topIndex[at - 1] > row))) {
    topIndex[at] = topIndex[at - 1];
    topScore[at] = topScore[at - 1];
    at--;
  }
  topIndex[at] = row;
  topScore[at] = s;
}

/** Runs one share of {@link sparseKnnAccuracy} (on a worker or the calling thread). */
export function searchSparseKnnShare(share: SparseKnnShare): number {
  const {
    n,
    k,
    folds,
    foldStart,
    rowAt,
    indptr,
    indices,
    values,
    colStart,
    colFold,
    posOf,
    valueOf,
    topIndex,
    topScore,
  } = share;
  const scores = new Float64Array(n);
  let f = 0;
  for (let a = share.offset; a < n; a += share.stride) {
    while (a >= foldStart[f + 1]) f++;
    if (f + 1 >= folds) break;
    const from = foldStart[f + 1];
    const r = rowAt[a];
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      const c = indices[p];
      const v = values[p];
      const end = colStart[c + 1];
      for (let q = colFold[c * (folds + 1) + f + 1]; q < end; q++) scores[posOf[q]] += v * valueOf[q];
    }
    const lastA = a * k + k - 1;
    for (let b = from; b < n; b++) {
      const s = scores[b];
      scores[b] = 0;
      const rb = rowAt[b];
      if (s > topScore[lastA] || (s === topScore[lastA] && rb < topIndex[lastA]))
        offerTop(topIndex, topScore, k, a, rb, s);
      const lastB = b * k + k - 1;
      if (s > topScore[lastB] || (s === topScore[lastB] && r < topIndex[lastB]))
        offerTop(topIndex, topScore, k, b, r, s);
    }
  }
  return 0;
}

/**
 * Exact k-NN accuracy (cosine similarity = dot product of L2-normalized rows) of sparse rows, e.g.
 * TF-IDF, under k-fold cross-validation, as the reference script's `knn_acc`. Similarities come from
 * an inverted index (the cost is the sum of squared document frequencies, not n²), each pair once:
 * rows are renumbered fold by fold, so a row meets only the rows of later folds, a suffix of every
 * posting list, and the similarity is offered to both rows' lists. Equal similarities (rows that
 * share no term score 0) rank the lower row index first. Split over threads by interleaved positions, each
 * with its own lists, merged in that total order: the same result for any number of threads.
 */
export function sparseKnnAccuracy(matrix: CsrMatrix, labels: ArrayLike<number>, opts: KnnAccuracyOptions = {}): number {
  const n = matrix.rows;
  const k = Math.min(opts.k ?? 10, n);
  const folds = opts.folds ?? 5;
  const fold = buildFolds(n, folds, opts.seed ?? 0);
  // Positions: rows ordered by (fold, row); foldStart[f] is fold f's first position.
  const foldStart = sharedInt32(folds + 1);
  for (let i = 0; i < n; i++) foldStart[fold[i] + 1]++;
  for (let f = 0; f < folds; f++) foldStart[f + 1] += foldStart[f];
  const rowAt = sharedInt32(n);
  const fillFold = foldStart.slice(0, folds);
  for (let i = 0; i < n; i++) rowAt[fillFold[fold[i]]++] = i;
  // Column-major copy (CSC) over positions, ascending within a column.
  const cols = matrix.cols;
  const colStart = sharedInt32(cols + 1);
  for (let p = 0; p < matrix.indptr[n]; p++) colStart[matrix.indices[p] + 1]++;
  for (let c = 0; c < cols; c++) colStart[c + 1] += colStart[c];
  const nnz = colStart[cols];
  const posOf = sharedInt32(nnz);
  const valueOf = sharedFloat64(nnz);
  const fill = colStart.slice(0, cols);
  // Where each fold's postings start within every column: colFold[c·(folds+1) + f].
  const colFold = sharedInt32(cols * (folds + 1));
  for (let f = 0; f < folds; f++) {
    for (let c = 0; c < cols; c++) colFold[c * (folds + 1) + f] = fill[c];
    for (let a = foldStart[f]; a < foldStart[f + 1]; a++) {
      const r = rowAt[a];
      for (let p = matrix.indptr[r]; p < matrix.indptr[r + 1]; p++) {
        const at = fill[matrix.indices[p]]++;
        posOf[at] = a;
        valueOf[at] = matrix.values[p];
      }
    }
  }
  for (let c = 0; c < cols; c++) colFold[c * (folds + 1) + folds] = colStart[c + 1];
  // Interleaved shares do about equal work: positions of every fold in each.
  const threads = n >= 2000 ? parallelThreads() : 1;
  const base = {
    n,
    k,
    folds,
    foldStart,
    rowAt,
    indptr: toShared(matrix.indptr),
    indices: toShared(matrix.indices),
    values: toShared(matrix.values),
    colStart,
    colFold,
    posOf,
    valueOf,
  };
  const shares: SparseKnnShare[] = [];
  for (let t = 0; t < threads; t++) {
    const topIndex = threads > 1 ? sharedInt32(n * k) : new Int32Array(n * k);
    const topScore = threads > 1 ? sharedFloat64(n * k) : new Float64Array(n * k);
    topIndex.fill(-1);
    topScore.fill(-Infinity);
    shares.push({ ...base, offset: t, stride: threads, topIndex, topScore });
  }
  if (threads > 1) runParallel(TASKS.searchSparseKnnShare, searchSparseKnnShare, shares);
  else searchSparseKnnShare(shares[0]);
  // Merge the shares' lists in the total order.
  const { topIndex, topScore } = shares[0];
  for (let t = 1; t < shares.length; t++) {
    for (let a = 0; a < n; a++) {
      for (let p = a * k; p < (a + 1) * k; p++) {
        const row = shares[t].topIndex[p];
        if (row < 0) break;
        offerTop(topIndex, topScore, k, a, row, shares[t].topScore[p]);
      }
    }
  }
  const candidates: Int32Array[] = new Array(n);
  for (let a = 0; a < n; a++) candidates[rowAt[a]] = topIndex.slice(a * k, (a + 1) * k).filter((j) => j >= 0);
  return knnAccuracyFromCandidates(candidates, labels, opts);
}
