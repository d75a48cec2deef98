/** Compressed sparse row matrix over typed arrays: row r's entries are
 * indices/values[indptr[r] .. indptr[r + 1]), column indices ascending within a row. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** A dense row-major matrix: row r is data[r * cols .. (r + 1) * cols). */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}
