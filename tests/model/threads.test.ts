import { afterEach, describe, expect, it } from 'vitest';
import { buildNeighbours } from '../../lib/model/neighbours';
import { sparseKnnAccuracy } from '../../lib/model/quality';
import { buildKSelection } from '../../lib/model/select-k';
import { createRandom } from '../../lib/random';
import { makeBlobs } from './blobs';

/** Runs `f` with the worker pool limited to `threads` threads. */
function withThreads<T>(threads: number, f: () => T): T {
  const before = process.env.TOPICSCOPE_THREADS;
  process.env.TOPICSCOPE_THREADS = String(threads);
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.TOPICSCOPE_THREADS;
    else process.env.TOPICSCOPE_THREADS = before;
  }
}

describe('model stages split over threads', () => {
  afterEach(() => {
    delete process.env.TOPICSCOPE_THREADS;
  });

  it('neighbour lists are the same bytes on 1 and 2 threads', () => {
    const { vectors } = makeBlobs(10, 400, 16, 3, 1.5, true);
    const one = withThreads(1, () => buildNeighbours(vectors, { k: 10, seed: 2, cellSize: 64 }));
    const two = withThreads(2, () => buildNeighbours(vectors, { k: 10, seed: 2, cellSize: 64 }));
    expect(
      Buffer.from(two.indices.buffer, two.indices.byteOffset, two.indices.byteLength).equals(
        Buffer.from(one.indices.buffer, one.indices.byteOffset, one.indices.byteLength),
      ),
    ).toBe(true);
    expect(Array.from(two.similarities)).toEqual(Array.from(one.similarities));
  });

  it('sparse k-NN accuracy is the same on 1 and 2 threads', () => {
    const random = createRandom(5);
    const rows = 2500;
    const cols = 60;
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (random() < 0.08) {
          indices.push(c);
          values.push(random());
        }
      }
      indptr[r + 1] = indices.length;
    }
    const matrix = { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
    const labels = Int32Array.from({ length: rows }, (_, i) => (indices[indptr[i]] ?? 0) % 4);
    const one = withThreads(1, () => sparseKnnAccuracy(matrix, labels, { k: 10, seed: 1 }));
    const two = withThreads(2, () => sparseKnnAccuracy(matrix, labels, { k: 10, seed: 1 }));
    expect(two).toBe(one);
    expect(one).toBeGreaterThan(0.25);
  });

  it('k selection scores are the same on 1 and 2 threads', () => {
    const { vectors } = makeBlobs(6, 500, 16, 8, 4, true);
    const one = withThreads(1, () => buildKSelection(vectors, { kRange: [3, 12], seed: 3 }));
    const two = withThreads(2, () => buildKSelection(vectors, { kRange: [3, 12], seed: 3 }));
    expect(two).toEqual(one);
    expect(one.chosen).toBe(6);
  });
});
