import { describe, expect, it } from 'vitest';
import {
  authorColors,
  authorGraphColumns,
  buildNodeRadius,
  centreOn,
  communityRegions,
  drawnIndices,
  FADED_COLOR,
  linkedItems,
  linkOpacityScale,
  projectFitted,
  strongestCoauthors,
  type DrawnAuthors,
} from '@/lib/viz/graph-view';
import { groupColor, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';

describe('graph view', () => {
  it('sizes nodes by the square root of papers, clamped', () => {
    const r = buildNodeRadius(101, [1, 11]);
    expect(r(1)).toBe(1);
    expect(r(101)).toBe(11);
    // sqrt scale over [1, 101]: (sqrt(26) - 1) / (sqrt(101) - 1) of the range
    expect(r(26)).toBeCloseTo(1 + 10 * ((Math.sqrt(26) - 1) / (Math.sqrt(101) - 1)), 10);
    expect(r(500)).toBe(11);
    expect(r(0)).toBe(1);
  });

  it('centres a point at the middle of the view', () => {
    const t = centreOn(30, 40, 800, 600, 4);
    expect(t.k * 30 + t.x).toBe(400);
    expect(t.k * 40 + t.y).toBe(300);
  });
});

describe('drawn authors', () => {
  // Three authors: 0–1 with 3 joint papers, 0–2 with 1, 1–2 with 3.
  const layout: DrawnAuthors = {
    view: 'network',
    filtered: false,
    nodes: {
      name: ['Ada', 'Bo', 'Cy'],
      community: [4, 4, 7],
      sub: [0, 1, 1],
      topic: [2, -1, 5],
      active: [3, 0, 1],
    },
    edges: { source: [0, 0, 1], target: [1, 2, 2], papers: [3, 1, 3] },
  };

  it('colours by community in the network, by sub-community in a community, by topic, faded out of the filter', () => {
    expect(authorColors(layout, 'group')).toEqual([groupColor(4), groupColor(4), groupColor(7)]);
    expect(authorColors({ ...layout, view: 'community' }, 'group')).toEqual([
      groupColor(0),
      groupColor(1),
      groupColor(1),
    ]);
    expect(authorColors(layout, 'topic')).toEqual([topicColor(2), NEUTRAL_COLOR, topicColor(5)]);
    expect(authorColors({ ...layout, filtered: true }, 'topic')).toEqual([topicColor(2), FADED_COLOR, topicColor(5)]);
  });

  it('gives the canvas its columns: groups and regions only in the whole network', () => {
    const placed = {
      ...layout,
      nodes: { ...layout.nodes, id: [10, 20, 30], x: [0, 1, 2], y: [5, 4, 3], papers: [3, 4, 1] },
    };
    const regions = [{ label: 'Ada, Bo' }];
    expect(authorGraphColumns(placed, 'group', regions)).toEqual({
      id: [10, 20, 30],
      name: ['Ada', 'Bo', 'Cy'],
      x: [0, 1, 2],
      y: [5, 4, 3],
      papers: [3, 4, 1],
      color: [groupColor(4), groupColor(4), groupColor(7)],
      edgeSource: [0, 0, 1],
      edgeTarget: [1, 2, 2],
      edgePapers: [3, 1, 3],
      group: [4, 4, 7],
      regions,
    });
    const community = authorGraphColumns({ ...placed, view: 'community' }, 'topic', regions);
    expect([community.group, community.regions]).toEqual([undefined, undefined]);
    expect(community.color).toEqual([topicColor(2), NEUTRAL_COLOR, topicColor(5)]);
  });

  it('lists an author’s strongest drawn co-authors, ties by name', () => {
    expect(strongestCoauthors(layout, 1)).toEqual([
      { name: 'Ada', papers: 3 },
      { name: 'Cy', papers: 3 },
    ]);
    expect(strongestCoauthors(layout, 0, 1)).toEqual([{ name: 'Bo', papers: 3 }]);
  });

  it('keeps the drawn ones of some ids', () => {
    expect([
      ...drawnIndices(
        [10, 99, 30],
        new Map([
          [10, 0],
          [30, 2],
        ]),
      ),
    ]).toEqual([0, 2]);
  });

  it('names a community’s region by its two best-known members’ surnames', () => {
    const [region] = communityRegions([
      {
        id: 3,
        x: 1,
        y: 2,
        radius: 5,
        size: 40,
        topAuthors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }, { name: 'X Y' }],
      },
    ]);
    expect(region).toEqual({ x: 1, y: 2, r: 5, label: 'Lovelace, Turing', color: groupColor(3), size: 40 });
  });
});

describe('SVG maps', () => {
  it('projects map coordinates through the fit, then the zoom, rounded to 0.1 px', () => {
    const p = projectFitted({ k: 2, x: 10, y: 20 }, { k: 3, x: 5, y: -5 });
    expect([p.k, p.tx, p.ty]).toEqual([6, 35, 55]);
    expect(p.px(1.01)).toBe(41.1); // 6 × 1.01 + 35 = 41.06
    expect(p.py(-2)).toBe(43);
  });

  it('lights an item and those linked to it', () => {
    const links = [
      { source: 0, target: 1 },
      { source: 2, target: 0 },
      { source: 1, target: 2 },
    ];
    expect(linkedItems(links, null)).toBeNull();
    expect([...linkedItems(links, 0)!].sort()).toEqual([0, 1, 2]);
    expect([...linkedItems([{ source: 3, target: 4 }], 0)!]).toEqual([0]);
  });
});

describe('link opacity', () => {
  it('runs from the floor to floor + span by the log of strength, rounded', () => {
    const opacity = linkOpacityScale([{ strength: 0 }, { strength: Math.E - 1 }], 0.1, 0.5);
    expect(opacity(0)).toBe(0.1);
    expect(opacity(Math.E - 1)).toBe(0.6);
    expect(opacity(Math.sqrt(Math.E) - 1)).toBe(0.35);
  });
});
