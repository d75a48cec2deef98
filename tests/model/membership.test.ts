import { describe, expect, it } from 'vitest';
import { buildMemberships, buildOutliers, buildSubtopics, subtopicCount } from '../../lib/model/membership';
import type { CsrMatrix } from '../../lib/model/matrix';
import { makeBlobs } from './blobs';

describe('buildMemberships', () => {
  it('ranks the nearest topics first with weights that sum to at most 1', () => {
    const space = { rows: 3, cols: 2, data: Float64Array.from([0, 0, 0.9, 0.1, 0.6, 0.6]) };
    const centroids = { rows: 3, cols: 2, data: Float64Array.from([0, 0, 1, 0, 0, 1]) };
    const m = buildMemberships(space, centroids, 2);
    // Row 0 sits on centroid 0: all of it belongs there.
    expect(m.topics[0]).toBe(0);
    expect(m.weights[0]).toBe(1);
    expect(m.weights[1]).toBe(0);
    expect(m.topics[2]).toBe(1);
    expect(m.weights[2]).toBeGreaterThan(0.9);
    // Row 2 is as near 1 as 2: equal weights, the lower id first.
    expect([m.topics[4], m.topics[5]]).toEqual([1, 2]);
    expect(m.weights[4]).toBeCloseTo(m.weights[5], 6);
    for (let i = 0; i < 3; i++) expect(m.weights[i * 2] + m.weights[i * 2 + 1]).toBeLessThanOrEqual(1 + 1e-9);
  });
});

describe('buildOutliers', () => {
  it('marks a paper far from its topic and no typical one', () => {
    const { vectors, labels } = makeBlobs(3, 100, 8, 4, 6, true);
    // Paper 0 keeps topic 0 but takes topic 1's direction.
    vectors.data.set(vectors.data.subarray(1 * 8, 2 * 8), 0);
    const r = buildOutliers(vectors, labels, 3);
    expect(r.outlier[0]).toBe(1);
    expect(r.score[0]).toBeGreaterThan(r.threshold);
    expect(r.count).toBeLessThan(vectors.rows * 0.1);
  });
});

describe('buildSubtopics', () => {
  it('splits a large topic into its parts with their own labels, and leaves small ones whole', () => {
    // Topic 0: 200 papers in two groups of words; topic 1: 40 papers.
    const rows = 240;
    const { vectors, labels: groups } = makeBlobs(2, 120, 6, 9, 8, true);
    const assignments = Int32Array.from({ length: rows }, (_, i) => (i < 200 ? 0 : 1));
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      // Column 0 is shared by all; group 0 writes column 1, group 1 column 2.
      indices.push(0, groups[i] === 0 ? 1 : 2);
      values.push(1, 2);
      indptr[i + 1] = indices.length;
    }
    const counts: CsrMatrix = {
      rows,
      cols: 3,
      indptr,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    };
    const terms = ['model', 'graph', 'image'];
    const r = buildSubtopics(
      vectors,
      counts,
      Int32Array.from([0, 1, 2]),
      assignments,
      2,
      terms,
      (_t, id) => terms[id],
      1,
    );
    expect(subtopicCount(200)).toBe(2);
    expect(r.subtopics.map((s) => s.topic)).toEqual([0, 0]);
    expect(r.subtopics.reduce((sum, s) => sum + s.size, 0)).toBe(200);
    expect(new Set(r.subtopics.map((s) => s.label.split(',')[0]))).toEqual(new Set(['graph', 'image']));
    // Each sub-topic holds one group.
    for (let i = 1; i < 200; i++) expect(r.subtopic[i] === r.subtopic[0]).toBe(groups[i] === groups[0]);
    for (let i = 200; i < rows; i++) expect(r.subtopic[i]).toBe(-1);
  });
});
