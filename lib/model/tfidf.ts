/**
 * TF-IDF weights of a tokenized corpus with exactly scikit-learn's formulas
 * (TfidfVectorizer / TfidfTransformer, https://scikit-learn.org/stable/modules/feature_extraction.html#tfidf-term-weighting):
 * tf = 1 + ln(count) (sublinear) or count; idf = ln((1 + n) / (1 + df)) + 1 (smooth) or
 * ln(n / df) + 1; each row scaled to unit L2 norm.
 */
import type { TokenizedCorpus } from '../text/types';
import { sharedFloat64, sharedInt32 } from '../parallel/pool';
import { checkInt32Offset, type CsrMatrix } from './matrix';

/** Options of buildTfidf, with scikit-learn's meaning. */
export interface TfidfOptions {
  /** Keep terms in at least this many documents: a count when >= 1, else a fraction of the
   * documents (default 2). */
  minDf?: number;
  /** Keep terms in at most this many documents: a fraction of the documents when < 1, else a
   * count (default 0.5). Use Infinity to keep every term. */
  maxDf?: number;
  /** tf = 1 + ln(count) instead of the count (default true). */
  sublinearTf?: boolean;
  /** idf = ln((1 + n) / (1 + df)) + 1 instead of ln(n / df) + 1 (default true). */
  smoothIdf?: boolean;
  /** Scale each row to unit L2 norm (default 'l2'). */
  norm?: 'l2' | null;
}

/** A TF-IDF matrix: rows = documents, columns = the kept terms in increasing term id. */
export interface Tfidf {
  /** TF-IDF weights. */
  matrix: CsrMatrix;
  /** Raw term counts with the same sparsity (shares indptr and indices with `matrix`). */
  counts: CsrMatrix<Float32Array>;
  /** Column -> vocabulary term id. */
  columns: Int32Array;
  /** Column -> idf. */
  idf: Float64Array;
}

/**
 * Builds the TF-IDF matrix of a tokenized corpus. Document frequencies are counted from
 * `corpus.docs`; terms outside [minDf, maxDf] are dropped before weighting, as scikit-learn does,
 * and n is the number of documents (empty ones included). Throws when the df bounds cross or
 * leave no term, with scikit-learn's messages.
 */
export function buildTfidf(corpus: TokenizedCorpus, opts: TfidfOptions = {}): Tfidf {
  const { docs } = corpus;
  const nDocs = docs.length;
  const nTerms = corpus.vocab.terms.length;
  const minDf = opts.minDf ?? 2;
  const maxDf = opts.maxDf ?? 0.5;
  const sublinear = opts.sublinearTf ?? true;
  const smooth = opts.smoothIdf ?? true;
  const norm = opts.norm === undefined ? 'l2' : opts.norm;

  const minCount = minDf >= 1 ? minDf : minDf * nDocs;
  const maxCount = maxDf < 1 ? maxDf * nDocs : maxDf;
  if (maxCount < minCount) throw new Error('max_df corresponds to < documents than min_df');

  // Document frequencies: lastDoc marks the last document a term was seen in.
  const df = new Int32Array(nTerms);
  const lastDoc = new Int32Array(nTerms).fill(-1);
  for (let d = 0; d < nDocs; d++) {
    const ids = docs[d];
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        df[t]++;
      }
    }
  }

  const columnOf = new Int32Array(nTerms).fill(-1);
  let nCols = 0;
  for (let t = 0; t < nTerms; t++) if (df[t] > 0 && df[t] >= minCount && df[t] <= maxCount) columnOf[t] = nCols++;
  if (nCols === 0) throw new Error('After pruning, no terms remain. Try a lower min_df or a higher max_df.');
  const columns = new Int32Array(nCols);
  const idf = new Float64Array(nCols);
  for (let t = 0; t < nTerms; t++) {
    const c = columnOf[t];
    if (c < 0) continue;
    columns[c] = t;
    idf[c] = smooth ? Math.log((1 + nDocs) / (1 + df[t])) + 1 : Math.log(nDocs / df[t]) + 1;
  }

  // Row sizes first (distinct kept terms per document), then the entries. In shared memory: the
  // LSA's worker threads read the matrix where it is (a copy is gigabytes at a million papers).
  const indptr = sharedInt32(nDocs + 1);
  lastDoc.fill(-1);
  for (let d = 0; d < nDocs; d++) {
    const ids = docs[d];
    let distinct = 0;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      if (columnOf[t] >= 0 && lastDoc[t] !== d) {
        lastDoc[t] = d;
        distinct++;
      }
    }
    checkInt32Offset(indptr[d] + distinct, 'TF-IDF matrix');
    indptr[d + 1] = indptr[d] + distinct;
  }
  const nnz = indptr[nDocs];
  const indices = sharedInt32(nnz);
  const countValues = new Float32Array(nnz);
  const values = sharedFloat64(nnz);
  const countOf = new Float64Array(nCols);
  for (let d = 0; d < nDocs; d++) {
    const ids = docs[d];
    const from = indptr[d];
    let p = from;
    for (let i = 0; i < ids.length; i++) {
      const c = columnOf[ids[i]];
      if (c < 0) continue;
      if (countOf[c] === 0) indices[p++] = c;
      countOf[c]++;
    }
    const row = indices.subarray(from, p);
    row.sort();
    let sumSq = 0;
    for (let j = from; j < p; j++) {
      const c = indices[j];
      const count = countOf[c];
      countOf[c] = 0;
      countValues[j] = count;
      const w = (sublinear ? 1 + Math.log(count) : count) * idf[c];
      values[j] = w;
      sumSq += w * w;
    }
    if (norm === 'l2' && sumSq > 0) {
      const f = Math.sqrt(sumSq);
      for (let j = from; j < p; j++) values[j] /= f;
    }
  }

  return {
    matrix: { rows: nDocs, cols: nCols, indptr, indices, values },
    counts: { rows: nDocs, cols: nCols, indptr, indices, values: countValues },
    columns,
    idf,
  };
}
