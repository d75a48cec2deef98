import { describe, expect, it } from 'vitest';
import { buildTfidf } from '../../lib/model/tfidf';
import type { CsrMatrix } from '../../lib/model/matrix';
import type { TokenizedCorpus } from '../../lib/text/types';

/** Five documents over five terms; document 4 is empty. Counts:
 *  d0: graph x2, network x1   d1: network x1, learn x3   d2: graph, model   d3: data   d4: -
 *  df: graph 2, network 2, learn 1, model 1, data 1; n = 5. */
const terms = ['graph', 'network', 'learn', 'model', 'data'];
const corpus: TokenizedCorpus = {
  vocab: { terms, display: terms, isPhrase: new Uint8Array(5), df: Int32Array.from([2, 2, 1, 1, 1]) },
  docs: [[0, 1, 0], [2, 1, 2, 2], [3, 0], [4], []].map((d) => Int32Array.from(d)),
};

/** Row r as {column: value}. */
function row(m: CsrMatrix<Float64Array | Float32Array>, r: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) out[m.indices[p]] = m.values[p];
  return out;
}

function expectRow(m: CsrMatrix<Float64Array | Float32Array>, r: number, expected: Record<number, number>): void {
  const actual = row(m, r);
  expect(Object.keys(actual).map(Number)).toEqual(Object.keys(expected).map(Number));
  for (const [c, v] of Object.entries(expected)) expect(Math.abs(actual[Number(c)] - v)).toBeLessThan(1e-9);
}

// Reference values: scikit-learn's published formulas (TfidfTransformer docs) evaluated by hand
// and in a separate NumPy session, not by this code:
//   idf(df=2) = ln(6/3) + 1 = 1.6931471805599454, idf(df=1) = ln(6/2) + 1 = 2.0986122886681096
//   d0 unnormalized: graph (1 + ln 2) * 1.69315 = 2.86672, network 1 * 1.69315; L2 -> below.
describe('buildTfidf', () => {
  it('matches TfidfVectorizer(sublinear_tf=True) with its default-like df bounds (min 2, max 0.5)', () => {
    const t = buildTfidf(corpus);
    // max_df 0.5 of 5 documents = 2.5: graph and network (df 2) stay; df-1 terms fall to min_df 2.
    expect(Array.from(t.columns)).toEqual([0, 1]);
    expect(t.idf[0]).toBeCloseTo(1.6931471805599454, 12);
    expect(t.idf[1]).toBeCloseTo(1.6931471805599454, 12);
    expect(t.matrix.rows).toBe(5);
    expect(t.matrix.cols).toBe(2);
    expectRow(t.matrix, 0, { 0: 0.8610369959439765, 1: 0.5085423203783268 });
    expectRow(t.matrix, 1, { 1: 1 });
    expectRow(t.matrix, 2, { 0: 1 });
    expectRow(t.matrix, 3, {});
    expectRow(t.matrix, 4, {});
    expectRow(t.counts, 0, { 0: 2, 1: 1 });
    expect(t.counts.indices).toBe(t.matrix.indices);
  });

  it('matches with every term kept', () => {
    const t = buildTfidf(corpus, { minDf: 1, maxDf: Infinity });
    expect(Array.from(t.columns)).toEqual([0, 1, 2, 3, 4]);
    for (const [c, v] of [
      [0, 1.6931471805599454],
      [1, 1.6931471805599454],
      [2, 2.0986122886681096],
      [3, 2.0986122886681096],
      [4, 2.0986122886681096],
    ]) {
      expect(Math.abs(t.idf[c] - v)).toBeLessThan(1e-12);
    }
    expectRow(t.matrix, 0, { 0: 0.8610369959439765, 1: 0.5085423203783268 });
    expectRow(t.matrix, 1, { 1: 0.3588377050788246, 2: 0.9333999686167568 });
    expectRow(t.matrix, 2, { 0: 0.6279137616509934, 3: 0.7782829228046183 });
    expectRow(t.matrix, 3, { 4: 1 });
    expectRow(t.matrix, 4, {});
    expectRow(t.counts, 1, { 1: 1, 2: 3 });
  });

  it('matches raw tf, unsmoothed idf and no norm', () => {
    const t = buildTfidf(corpus, { minDf: 1, maxDf: 5, sublinearTf: false, smoothIdf: false, norm: null });
    // idf = ln(n / df) + 1: ln(5/2) + 1 = 1.916290731874155, ln(5) + 1 = 2.6094379124341005.
    expectRow(t.matrix, 0, { 0: 3.83258146374831, 1: 1.916290731874155 });
    expectRow(t.matrix, 1, { 1: 1.916290731874155, 2: 7.8283137373023015 });
    expectRow(t.matrix, 2, { 0: 1.916290731874155, 3: 2.6094379124341005 });
    expectRow(t.matrix, 3, { 4: 2.6094379124341005 });
  });

  it('reads min_df/max_df as counts (>= 1) or fractions like scikit-learn', () => {
    // Fractions of n = 5: min 0.3 -> df >= 1.5; max 0.3 -> df <= 1.5.
    expect(Array.from(buildTfidf(corpus, { minDf: 0.3, maxDf: Infinity }).columns)).toEqual([0, 1]);
    expect(Array.from(buildTfidf(corpus, { minDf: 1, maxDf: 0.3 }).columns)).toEqual([2, 3, 4]);
    // Counts: max 1 keeps df-1 terms only; max 2 keeps all.
    expect(Array.from(buildTfidf(corpus, { minDf: 1, maxDf: 1 }).columns)).toEqual([2, 3, 4]);
    expect(Array.from(buildTfidf(corpus, { minDf: 1, maxDf: 2 }).columns)).toEqual([0, 1, 2, 3, 4]);
    expect(() => buildTfidf(corpus, { minDf: 3, maxDf: 2 })).toThrow(/max_df corresponds to < documents than min_df/);
    expect(() => buildTfidf(corpus, { minDf: 3, maxDf: 5 })).toThrow(/no terms remain/);
  });

  it('keeps column indices ascending within rows and is deterministic', () => {
    const a = buildTfidf(corpus, { minDf: 1, maxDf: Infinity });
    for (let r = 0; r < a.matrix.rows; r++) {
      for (let p = a.matrix.indptr[r] + 1; p < a.matrix.indptr[r + 1]; p++)
        expect(a.matrix.indices[p]).toBeGreaterThan(a.matrix.indices[p - 1]);
    }
    expect(buildTfidf(corpus, { minDf: 1, maxDf: Infinity })).toEqual(a);
  });
});
