import { describe, expect, it } from 'vitest';
import {
  buildAssociationStrength,
  buildHybridWalkMatrix,
  countLinkedPapers,
  type PaperLinks,
} from '../../lib/model/hybrid';
import { buildTopicModel, resolveTopicModelOptions } from '../../lib/model/index';
import { normalizedMutualInfo } from '../../lib/model/quality';
import { threeTopicOptions, threeTopicPapers, threeTopicRecords } from './three-topics';

/** Links from an undirected edge list, CSR both ways, neighbours ascending. */
function linksOf(n: number, edges: [number, number, number][]): PaperLinks {
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [a, b, w] of edges) {
    rows[a].push([b, w]);
    rows[b].push([a, w]);
  }
  const offsets = new Int32Array(n + 1);
  const neighbors: number[] = [];
  const weights: number[] = [];
  rows.forEach((row, v) => {
    row.sort((x, y) => x[0] - y[0]);
    for (const [b, w] of row) {
      neighbors.push(b);
      weights.push(w);
    }
    offsets[v + 1] = neighbors.length;
  });
  return { offsets, neighbors: Int32Array.from(neighbors), weights: Float64Array.from(weights) };
}

/** Row i of a CSR matrix as {column: value}. */
function row(m: { indptr: Int32Array; indices: Int32Array; values: Float64Array }, i: number) {
  const out: Record<number, number> = {};
  for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) out[m.indices[p]] = m.values[p];
  return out;
}

// Worked by hand: papers 0-1 are similar in words, and 2-3; 0 and 1 both link to 2 (weights 1
// and 0.5), 3 has no citation link.
const textGraph = {
  k: 1,
  indices: Int32Array.from([1, 0, 3, 2]),
  similarities: Float64Array.from([0.8, 0.8, 0.5, 0.5]),
};
const links = linksOf(4, [
  [0, 2, 1],
  [1, 2, 0.5],
]);

describe('buildAssociationStrength', () => {
  it('divides each link by the product of its ends’ strengths, times the total (VOSviewer)', () => {
    // Strengths 1, 0.5, 1.5, 0; total 3: s02 = 1·3/(1·1.5) = 2 and s12 = 0.5·3/(0.5·1.5) = 2.
    const s = buildAssociationStrength(links);
    expect(Array.from(s.neighbors)).toEqual([2, 2, 0, 1]);
    expect(Array.from(s.weights)).toEqual([2, 2, 2, 2]);
    expect(countLinkedPapers(links)).toBe(3);
  });
});

describe('buildHybridWalkMatrix', () => {
  it('mixes the text walk and the citation walk row by row', () => {
    const walk = buildHybridWalkMatrix(textGraph, links, 0.5);
    // Row 0: text {1: 1}, citations {2: 1}; row 2: text {3: 1}, citations {0: ½, 1: ½};
    // row 3 has no citation link and walks on its words alone.
    expect(row(walk, 0)).toEqual({ 1: 0.5, 2: 0.5 });
    expect(row(walk, 1)).toEqual({ 0: 0.5, 2: 0.5 });
    expect(row(walk, 2)).toEqual({ 0: 0.25, 1: 0.25, 3: 0.5 });
    expect(row(walk, 3)).toEqual({ 2: 1 });
  });

  it('is the text walk at weight 0 and the citation walk where a paper has links at weight 1', () => {
    expect(row(buildHybridWalkMatrix(textGraph, links, 0), 2)).toEqual({ 3: 1 });
    const walk = buildHybridWalkMatrix(textGraph, links, 1);
    expect(row(walk, 2)).toEqual({ 0: 0.5, 1: 0.5 });
    expect(row(walk, 3)).toEqual({ 2: 1 });
  });

  it('refuses a weight outside 0..1', () => {
    expect(() => buildHybridWalkMatrix(textGraph, links, 1.5)).toThrow(/within 0\.\.1/);
  });
});

const records = threeTopicRecords;
const papers = threeTopicPapers;
const options = threeTopicOptions;

/** Each paper linked to the next of its own label: every paper has a link. */
function sameLabelLinks(): PaperLinks {
  const byLabel = new Map<string, number[]>();
  records.forEach((r, i) => byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), i]));
  const edges: [number, number, number][] = [];
  for (const ids of byLabel.values()) for (let j = 1; j < ids.length; j++) edges.push([ids[j - 1], ids[j], 1]);
  return linksOf(records.length, edges);
}

describe('hybrid topics in buildTopicModel', () => {
  it('are the default when at least 30% of the papers have a citation link, and say so', () => {
    const model = buildTopicModel(papers, { ...options, links: sameLabelLinks() });
    expect(model.options.cluster).toBe('hybrid');
    expect(model.method).toMatchObject({ cluster: 'hybrid', chosenBy: 'default', papers: 45, linkedPapers: 45 });
    expect(model.method.citationsWeight).toBe(0.5);
    expect(model.method.reason).toMatch(/^hybrid \(words and citations\), the default here: 45 of 45 papers \(100%\)/);
    const labels = records.map((r) => ['football', 'cooking', 'astronomy'].indexOf(r.label));
    expect(normalizedMutualInfo(labels, model.papers.topic)).toBeCloseTo(1, 9);
  });

  it('give the same topics for the same seed', () => {
    const a = buildTopicModel(papers, { ...options, links: sameLabelLinks() });
    const b = buildTopicModel(papers, { ...options, links: sameLabelLinks() });
    expect(Array.from(b.papers.topic)).toEqual(Array.from(a.papers.topic));
    expect(b.topics.map((t) => t.label)).toEqual(a.topics.map((t) => t.label));
  });

  it('are not the default under 30% linked papers, and the reason gives the share', () => {
    const few = linksOf(45, [
      [0, 1, 1],
      [2, 3, 1],
      [4, 5, 1],
    ]);
    const model = buildTopicModel(papers, { ...options, links: few });
    expect(model.options.cluster).toBe('smoothed');
    expect(model.method.reason).toBe(
      'smoothed (words alone), the default here: only 6 of 45 papers (13%) have a citation link inside the corpus (they cite, are cited by or share references with another paper), under the 30% from which citations take part',
    );
    // The reason less the method's name, for the pages that name it themselves.
    expect(model.method.why).toBe(
      'only 6 of 45 papers (13%) have a citation link inside the corpus (they cite, are cited by or share references with another paper), under the 30% from which citations take part',
    );
    const none = buildTopicModel(papers, options);
    expect(none.method).toMatchObject({ cluster: 'smoothed', chosenBy: 'default', linkedPapers: 0 });
    expect(Array.from(none.papers.topic)).toEqual(Array.from(model.papers.topic));
  });

  it('follow the option over the default', () => {
    const model = buildTopicModel(papers, { ...options, cluster: 'smoothed', links: sameLabelLinks() });
    expect(model.method).toMatchObject({ cluster: 'smoothed', chosenBy: 'option', citationsWeight: null });
    expect([model.method.why, model.method.reason]).toEqual([
      'chosen by option (--cluster smoothed)',
      'smoothed, chosen by option (--cluster smoothed)',
    ]);
    expect(resolveTopicModelOptions(10, {}, 3).cluster).toBe('hybrid');
    expect(resolveTopicModelOptions(10, {}, 2).cluster).toBe('smoothed');
  });

  it('refuse links over another number of papers', () => {
    expect(() => buildTopicModel(papers, { ...options, links: linksOf(3, []) })).toThrow(
      /links over 3 papers, expected 45/,
    );
  });
});
