import { describe, expect, it } from 'vitest';
import { buildCouplingGraph } from '../../lib/citations/network';
import { buildReferenceKeys } from '../../lib/corpus/references';
import { buildRowCouplingGraph, buildTopicCitationLinks } from '../../lib/citations/topic-links';

const paper = (...keys: string[]) => ({ references: keys.map((key) => ({ key })) });

describe('buildTopicCitationLinks', () => {
  it('adds direct citations (1) and coupling cosines between model rows, worked by hand', () => {
    // Corpus papers 0..3; paper 2 has too little text and is no model row (rows 0, 1, 3).
    const papers = [paper('a', 'b'), paper('a', 'c'), paper('b'), paper('a', 'b')];
    // 0 and 1 cite each other (one link), 3 cites 2 (not a row: dropped).
    const layer = { citing: Int32Array.from([0, 1, 3]), cited: Int32Array.from([1, 0, 2]) };
    const rows = Int32Array.from([0, 1, 3]);
    const corpusCoupling = () => {
      throw new Error('the rows are not the whole corpus: their own coupling is computed');
    };
    const links = buildTopicCitationLinks(
      4,
      layer,
      rows,
      buildRowCouplingGraph(buildReferenceKeys(papers), rows, 10, corpusCoupling),
    );
    // Coupling among rows 0, 1, 2 (= paper 3), two references each: 0-1 share a (1/√4 = 0.5),
    // 0-2 share a and b (2/√4 = 1), 1-2 share a (0.5). Row 0-1 also cite each other: 1 + 0.5.
    expect(Array.from(links.offsets)).toEqual([0, 2, 4, 6]);
    expect(Array.from(links.neighbors)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(Array.from(links.weights)).toEqual([1.5, 1, 1.5, 0.5, 1, 0.5]);
  });

  it('gives no links to papers without references', () => {
    const papers = [paper(), paper(), paper()];
    const links = buildTopicCitationLinks(
      3,
      { citing: new Int32Array(), cited: new Int32Array() },
      Int32Array.from([0, 1, 2]),
      buildCouplingGraph(buildReferenceKeys(papers), 10),
    );
    expect(Array.from(links.offsets)).toEqual([0, 0, 0, 0]);
  });

  it('shares the corpus coupling graph when every paper is a row', () => {
    const papers = [paper('a', 'b'), paper('a', 'c'), paper('b')];
    const whole = buildCouplingGraph(buildReferenceKeys(papers), 10);
    expect(buildRowCouplingGraph(buildReferenceKeys(papers), Int32Array.from([0, 1, 2]), 10, () => whole)).toBe(whole);
    // A subset gets the coupling among its own papers: rows 0 and 1 (papers 0 and 2) share b.
    const sub = buildRowCouplingGraph(buildReferenceKeys(papers), Int32Array.from([0, 2]), 10, () => whole);
    expect([Array.from(sub.neighbors), Array.from(sub.weights)]).toEqual([
      [1, 0],
      [0.707107, 0.707107],
    ]);
  });
});
