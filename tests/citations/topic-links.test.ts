import { describe, expect, it } from 'vitest';
import { buildTopicCitationLinks } from '../../lib/citations/topic-links';

const paper = (...keys: string[]) => ({ references: keys.map((key) => ({ key })) });

describe('buildTopicCitationLinks', () => {
  it('adds direct citations (1) and coupling cosines between model rows, worked by hand', () => {
    // Corpus papers 0..3; paper 2 has too little text and is no model row (rows 0, 1, 3).
    const papers = [paper('a', 'b'), paper('a', 'c'), paper('b'), paper('a', 'b')];
    // 0 and 1 cite each other (one link), 3 cites 2 (not a row: dropped).
    const layer = { citing: Int32Array.from([0, 1, 3]), cited: Int32Array.from([1, 0, 2]) };
    const links = buildTopicCitationLinks(papers, layer, Int32Array.from([0, 1, 3]));
    // Coupling among rows 0, 1, 2 (= paper 3), two references each: 0-1 share a (1/√4 = 0.5),
    // 0-2 share a and b (2/√4 = 1), 1-2 share a (0.5). Row 0-1 also cite each other: 1 + 0.5.
    expect(Array.from(links.offsets)).toEqual([0, 2, 4, 6]);
    expect(Array.from(links.neighbors)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(Array.from(links.weights)).toEqual([1.5, 1, 1.5, 0.5, 1, 0.5]);
  });

  it('gives no links to papers without references', () => {
    const links = buildTopicCitationLinks(
      [paper(), paper(), paper()],
      { citing: new Int32Array(), cited: new Int32Array() },
      Int32Array.from([0, 1, 2]),
    );
    expect(Array.from(links.offsets)).toEqual([0, 0, 0, 0]);
  });
});
