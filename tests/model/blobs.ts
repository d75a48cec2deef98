/** Synthetic test data: Gaussian blobs around well-separated centres, seeded. */
import { createRandom, randomNormal } from '../../lib/random';
import type { DenseMatrix } from '../../lib/model/matrix';

export interface Blobs {
  vectors: DenseMatrix;
  labels: Int32Array;
}

/** `perBlob` points around each of `centres` random centres in `dims` dimensions (centre
 * coordinates ~ N(0, spread²), points ~ centre + N(0, 1)); rows L2-normalized when `normalize`. */
export function makeBlobs(
  centres: number,
  perBlob: number,
  dims: number,
  seed: number,
  spread = 6,
  normalize = false,
): Blobs {
  const random = createRandom(seed);
  const rows = centres * perBlob;
  const data = new Float64Array(rows * dims);
  const labels = new Int32Array(rows);
  const c = new Float64Array(centres * dims);
  for (let i = 0; i < c.length; i++) c[i] = spread * randomNormal(random);
  for (let r = 0; r < rows; r++) {
    const b = r % centres;
    labels[r] = b;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const v = c[b * dims + d] + randomNormal(random);
      data[r * dims + d] = v;
      norm += v * v;
    }
    if (normalize) {
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dims; d++) data[r * dims + d] *= inv;
    }
  }
  return { vectors: { rows, cols: dims, data }, labels };
}

/** `per` points around each of the given 2-D `centres` (points ~ centre + N(0, sd²)), interleaved
 * so that a sample of the rows holds every blob; `truth` is each row's centre. */
export function makeBlobsAt(
  centres: readonly [number, number][],
  per: number,
  sd: number,
  seed: number,
): { vectors: DenseMatrix; truth: Int32Array } {
  const random = createRandom(seed);
  const data = new Float64Array(centres.length * per * 2);
  const truth = new Int32Array(centres.length * per);
  let i = 0;
  for (let p = 0; p < per; p++) {
    centres.forEach(([x, y], c) => {
      data[2 * i] = x + sd * randomNormal(random);
      data[2 * i + 1] = y + sd * randomNormal(random);
      truth[i++] = c;
    });
  }
  return { vectors: { rows: truth.length, cols: 2, data }, truth };
}

/** Rows of a DenseMatrix as plain arrays (for reference libraries). */
export function toArrays(m: DenseMatrix): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < m.rows; r++) out.push(Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
  return out;
}
