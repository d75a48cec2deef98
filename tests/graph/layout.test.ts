import { describe, expect, it } from 'vitest';
import { buildCoauthorGraph } from '../../lib/graph/index';
import { makePaper } from '../fixtures/graph/papers';

// Three components: a 6-author chain, a triangle, a pair; plus one single author.
const papers = [
  ...['a', 'b', 'c', 'd', 'e'].map((x, i) =>
    makePaper(
      i + 1,
      [
        [x, x],
        ['abcdef'[i + 1], 'abcdef'[i + 1]],
      ],
      2020,
    ),
  ),
  makePaper(
    6,
    [
      ['p', 'p'],
      ['q', 'q'],
      ['r', 'r'],
    ],
    2020,
  ),
  makePaper(
    7,
    [
      ['s', 's'],
      ['t', 't'],
    ],
    2020,
  ),
  makePaper(8, [['u', 'u']], 2020),
];

describe('graph layout', () => {
  it('places every author of components of two or more inside the box, packed apart', () => {
    const { layout, authors } = buildCoauthorGraph(papers, null);
    expect(layout.nodes.length).toBe(11);
    expect(layout.components).toBe(3);
    for (const node of layout.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(layout.width);
      expect(node.y).toBeLessThanOrEqual(layout.height);
      expect(Math.round(node.x * 10)).toBe(node.x * 10);
    }
    // Linked authors sit near the link's rest length (30); the packed components do not overlap.
    const at = new Map(layout.nodes.map((n) => [n.author, n]));
    const d = Math.hypot(at.get(0)!.x - at.get(1)!.x, at.get(0)!.y - at.get(1)!.y);
    expect(d).toBeGreaterThan(15);
    expect(d).toBeLessThan(60);
    const box = (c: number) => {
      const xs = layout.nodes.filter((n) => authors[n.author].component === c);
      return [
        Math.min(...xs.map((n) => n.x)),
        Math.max(...xs.map((n) => n.x)),
        Math.min(...xs.map((n) => n.y)),
        Math.max(...xs.map((n) => n.y)),
      ];
    };
    const [a, b] = [box(0), box(1)];
    const apart = a[1] < b[0] || b[1] < a[0] || a[3] < b[2] || b[3] < a[2];
    expect(apart).toBe(true);
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const one = JSON.stringify(buildCoauthorGraph(papers, null, { seed: 1 }).layout);
    expect(JSON.stringify(buildCoauthorGraph(papers, null, { seed: 1 }).layout)).toBe(one);
    expect(JSON.stringify(buildCoauthorGraph(papers, null, { seed: 2 }).layout)).not.toBe(one);
  });

  it('keeps to the node budget, trimming the largest component to its best-connected authors', () => {
    const { layout } = buildCoauthorGraph(papers, null, { maxLayoutNodes: 4 });
    expect(layout.truncated).toBe(true);
    // Chain a-b-c-d-e-f: degree 2 for b..e (ids 1..4).
    expect(layout.nodes.map((n) => n.author)).toEqual([1, 2, 3, 4]);
    const fits = buildCoauthorGraph(papers, null, { maxLayoutNodes: 8 }).layout;
    expect(fits.truncated).toBe(false);
    expect(fits.nodes.map((n) => n.author)).toEqual([0, 1, 2, 3, 4, 5, 9, 10]);
  });
});
