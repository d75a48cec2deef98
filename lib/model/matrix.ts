/** The two matrix shapes of the model stages, compressed sparse rows and dense rows, with row views
 * and the check that keeps CSR offsets inside 32 bits. */

/** Compressed sparse row matrix over typed arrays: row r's entries are
 * indices/values[indptr[r] .. indptr[r + 1]), column indices ascending within a row. Values are
 * float64, or float32 where they are small whole numbers (raw counts). */
export interface CsrMatrix<V extends Float64Array | Float32Array = Float64Array> {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: V;
}

/** A CSR matrix of raw counts: whole numbers (exact in float32 up to 2^24), in either width. */
export type CountMatrix = CsrMatrix<Float32Array | Float64Array>;

/** A dense row-major matrix: row r is data[r * cols .. (r + 1) * cols). */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** The first `rows` rows of a dense matrix (a view, no copy). */
export function leadingRows(m: DenseMatrix, rows: number): DenseMatrix {
  return { rows, cols: m.cols, data: m.data.subarray(0, rows * m.cols) };
}

/** The first `rows` rows of a CSR matrix (views, no copy). */
export function leadingCsrRows(m: CsrMatrix, rows: number): CsrMatrix {
  const end = m.indptr[rows];
  return {
    rows,
    cols: m.cols,
    indptr: m.indptr.subarray(0, rows + 1),
    indices: m.indices.subarray(0, end),
    values: m.values.subarray(0, end),
  };
}

/** The rows `rows` of a CSR matrix, in that order (copied). */
export function selectCsrRows(m: CsrMatrix<Float64Array | Float32Array>, rows: readonly number[]): CsrMatrix {
  let nnz = 0;
  for (const r of rows) nnz += m.indptr[r + 1] - m.indptr[r];
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  rows.forEach((r, q) => {
    for (let e = m.indptr[r]; e < m.indptr[r + 1]; e++) {
      indices[p] = m.indices[e];
      values[p++] = m.values[e];
    }
    indptr[q + 1] = p;
  });
  return { rows: rows.length, cols: m.cols, indptr, indices, values };
}

/** The largest offset an Int32Array of positions holds (CSR `indptr`, adjacency offsets). */
export const MAX_INT32_OFFSET = 2 ** 31 - 1;

/**
 * Throws when a count of entries no longer fits the Int32Array offsets that index them, instead of
 * letting them wrap around silently: about 2.1 billion entries (26 million papers of 80 distinct
 * terms each in TF-IDF, a billion co-author links).
 */
export function checkInt32Offset(total: number, what: string): void {
  if (total > MAX_INT32_OFFSET) {
    throw new RangeError(
      `${what}: ${total.toLocaleString('en-US')} entries is more than the 2,147,483,647 that 32-bit offsets can index`,
    );
  }
}
