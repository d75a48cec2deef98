import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  buildFolds,
  knnAccuracyFromCandidates,
  buildLabelCodes,
  normalizedMutualInfo,
  silhouette,
  silhouetteFromDistances,
  sparseKnnAccuracy,
  buildTopicCoherence,
  topicDiversity,
} from '../../lib/model/quality';
import { createRandom } from '../../lib/random';

describe('ARI and NMI', () => {
  // Hand-worked: a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]. Contingency rows (2,1,0), (0,1,2).
  // Σ C(nij,2) = 1 + 1 = 2; Σ C(ai,2) = 3 + 3 = 6; Σ C(bj,2) = 1 + 1 + 1 = 3; C(6,2) = 15.
  // expected = 6·3/15 = 1.2; max = 4.5 → ARI = (2 - 1.2)/(4.5 - 1.2) = 0.8/3.3.
  const a = [0, 0, 0, 1, 1, 1];
  const b = [0, 0, 1, 1, 2, 2];
  it('ARI matches the hand-worked value', () => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(0.8 / 3.3, 12);
    expect(adjustedRandIndex(a, a)).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
  });
  it('NMI matches the hand-worked value', () => {
    // H(a) = ln 2; H(b) = ln 3; MI = Σ p_ij ln(p_ij/(p_i p_j)):
    // cells (2/6 at a0,b0), (1/6 at a0,b1), (1/6 at a1,b1), (2/6 at a1,b2).
    const mi =
      (2 / 6) * Math.log(2 / 6 / ((1 / 2) * (1 / 3))) * 2 + (1 / 6) * Math.log(1 / 6 / ((1 / 2) * (1 / 3))) * 2;
    expect(mi).toBeCloseTo((2 / 3) * Math.log(2), 12);
    expect(normalizedMutualInfo(a, b)).toBeCloseTo(mi / ((Math.log(2) + Math.log(3)) / 2), 12);
    expect(
      normalizedMutualInfo(
        a,
        [5, 5, 5, 7, 7, 7].map((x) => x - 5),
      ),
    ).toBeCloseTo(1, 12);
  });
  it('independent labelings score about 0', () => {
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
    // ARI of this pair: Σ C(nij,2) = 0, expected = 2·2/6 = 2/3, max = 2 → (0 - 2/3)/(2 - 2/3) = -0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
  it('skips unlabelled positions', () => {
    const codes = buildLabelCodes(['x', null, 'y', 'x']);
    expect(Array.from(codes.codes)).toEqual([0, -1, 1, 0]);
    expect(codes.names).toEqual(['x', 'y']);
    expect(adjustedRandIndex(codes.codes, [3, 0, 4, 3])).toBe(1);
  });
});

describe('silhouette', () => {
  it('matches the hand-worked value on four points on a line', () => {
    // Points 0, 1 (cluster 0) and 4, 5 (cluster 1).
    // x=0: a=1, b=(4+5)/2=4.5 → 1 - 1/4.5; x=1: a=1, b=3.5 → 1 - 1/3.5; symmetric for the others.
    const expected = (2 * (1 - 1 / 4.5) + 2 * (1 - 1 / 3.5)) / 4;
    const vectors = { rows: 4, cols: 1, data: Float64Array.from([0, 1, 4, 5]) };
    expect(silhouette(vectors, [0, 0, 1, 1], { sampleSize: 10 })).toBeCloseTo(expected, 12);
  });
  it('scores singletons 0 and needs two clusters', () => {
    // Points 0, 1, 10 with clusters {0,1}, {10}: x=0: a=1, b=10 → 0.9; x=1: a=1, b=9 → 8/9; singleton 0.
    const d = Float64Array.from([0, 1, 10, 1, 0, 9, 10, 9, 0]);
    expect(silhouetteFromDistances(d, [0, 0, 1])).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
    expect(silhouetteFromDistances(d, [0, 0, 0])).toBe(0);
  });
});

describe('coherence and diversity', () => {
  it('NPMI of term pairs over document co-occurrence', () => {
    // 4 docs; terms 1 and 2 always together (NPMI 1), 1 and 3 never (-1).
    const docs = [[1, 2], [1, 2, 1], [3], [3, 4]].map((d) => Int32Array.from(d));
    const c = buildTopicCoherence(docs, [
      [1, 2],
      [1, 3],
      [3, 4],
    ]);
    expect(c.perTopic[0]).toBeCloseTo(1, 12);
    expect(c.perTopic[1]).toBe(-1);
    // p(3)=1/2, p(4)=1/4, p(3,4)=1/4: ln(0.25/(0.125)) / -ln(0.25) = ln 2 / ln 4 = 0.5.
    expect(c.perTopic[2]).toBeCloseTo(0.5, 12);
    expect(c.mean).toBeCloseTo(0.5 / 3, 12);
  });
  it('diversity is the share of unique top terms', () => {
    expect(
      topicDiversity(
        [
          [1, 2, 3],
          [3, 4, 5],
        ],
        10,
      ),
    ).toBeCloseTo(5 / 6, 12);
    expect(
      topicDiversity(
        [
          [1, 2],
          [1, 2],
        ],
        1,
      ),
    ).toBeCloseTo(0.5, 12);
  });
});

describe('kNN accuracy', () => {
  it('splits folds like numpy array_split', () => {
    const folds = buildFolds(12, 5, 0);
    const sizes = [0, 0, 0, 0, 0];
    for (const f of folds) sizes[f]++;
    expect(sizes).toEqual([3, 3, 2, 2, 2]);
  });
  it('votes among the nearest rows outside the fold', () => {
    // Two well-separated groups of 6 identical-direction sparse rows: every row's neighbours share its label.
    const rows = 12;
    const indptr = Int32Array.from({ length: rows + 1 }, (_, i) => i);
    const indices = Int32Array.from({ length: rows }, (_, i) => (i < 6 ? 0 : 1));
    const values = new Float64Array(rows).fill(1);
    const labels = Int32Array.from({ length: rows }, (_, i) => (i < 6 ? 0 : 1));
    expect(sparseKnnAccuracy({ rows, cols: 2, indptr, indices, values }, labels, { k: 3 })).toBe(1);
    // Candidates that point at the other label everywhere give 0.
    const wrong = Array.from({ length: rows }, (_, i) => Int32Array.from({ length: 6 }, (_, j) => (i < 6 ? 6 + j : j)));
    expect(knnAccuracyFromCandidates(wrong, labels, { k: 3 })).toBe(0);
  });
  it('matches brute-force cosine k-NN on random sparse rows', () => {
    // Independent reference: all pairwise dot products, out-of-fold, sorted (similarity desc, row asc).
    const random = createRandom(11);
    const rows = 150;
    const cols = 40;
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < rows; r++) {
      const row: number[] = [];
      for (let c = 0; c < cols; c++) if (random() < 0.1) row.push(c);
      const v = row.map(() => random());
      const norm = Math.hypot(...v) || 1;
      row.forEach((c, p) => {
        indices.push(c);
        values.push(v[p] / norm);
      });
      indptr[r + 1] = indices.length;
    }
    const matrix = { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
    const labels = Int32Array.from({ length: rows }, () => Math.floor(random() * 3));
    const dense = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++)
      for (let p = indptr[r]; p < indptr[r + 1]; p++) dense[r * cols + indices[p]] = values[p];
    const fold = buildFolds(rows, 5, 4);
    const candidates = Array.from({ length: rows }, (_, i) => {
      const others: { j: number; s: number }[] = [];
      for (let j = 0; j < rows; j++) {
        if (fold[j] === fold[i]) continue;
        let s = 0;
        for (let c = 0; c < cols; c++) s += dense[i * cols + c] * dense[j * cols + c];
        others.push({ j, s });
      }
      return Int32Array.from(others.sort((a, b) => b.s - a.s || a.j - b.j).slice(0, 5), (x) => x.j);
    });
    const expected = knnAccuracyFromCandidates(candidates, labels, { k: 5, seed: 4 });
    expect(sparseKnnAccuracy(matrix, labels, { k: 5, seed: 4 })).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });
});
