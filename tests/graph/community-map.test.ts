/**
 * The map of communities on a planted partition: groups that work mostly among themselves must
 * come out as separate places, in the network view and inside each community.
 */
import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/corpus/types';
import { buildCoauthorGraph } from '@/lib/graph';
import { shareNetworkBudget } from '@/lib/graph/community-map';
import { measureGroupSeparation } from '@/lib/graph/layout-measures';
import { createRandom } from '@/lib/random';
import { makePaper } from '../fixtures/graph/papers';

/** `groups` teams of `size` authors; each paper joins 3 authors of one team, one in `crossEvery` takes one from the next team. */
function plantedPapers(groups: number, size: number, papersPerGroup: number, crossEvery: number): Paper[] {
  const random = createRandom(11);
  const papers: Paper[] = [];
  for (let g = 0; g < groups; g++) {
    for (let p = 0; p < papersPerGroup; p++) {
      const ids = new Set<number>();
      while (ids.size < 3) ids.add(g * size + Math.floor(random() * size));
      if (p % crossEvery === 0) ids.add(((g + 1) % groups) * size + Math.floor(random() * size));
      papers.push(
        makePaper(
          papers.length + 1,
          [...ids].map((a): [string, string] => [`Author ${a}`, `author ${a}`]),
          2000 + (p % 10),
        ),
      );
    }
  }
  return papers;
}

describe('map of communities', () => {
  const papers = plantedPapers(8, 40, 90, 15);
  const graph = buildCoauthorGraph(papers, null, { seed: 3 });
  const { map } = graph;

  it('draws each community of five or more as a region, and no two regions overlap', () => {
    expect(map.communities.length).toBe(graph.communities.filter((c) => c.size >= 5).length);
    expect(map.communities.length).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < map.communities.length; i++) {
      for (let j = i + 1; j < map.communities.length; j++) {
        const a = map.communities[i];
        const b = map.communities[j];
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.radius + b.radius);
      }
    }
    for (const m of map.members) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeGreaterThanOrEqual(0);
      if (m.inNetwork) expect(Math.hypot(m.localX, m.localY)).toBeLessThanOrEqual(1.001);
    }
  });

  it('separates communities in the network view and sub-communities inside one', () => {
    const drawn = map.members.filter((m) => m.inNetwork);
    const network = measureGroupSeparation(
      drawn.map((m) => m.x),
      drawn.map((m) => m.y),
      drawn.map((m) => m.community),
    );
    expect(network.measured).toBeGreaterThan(200);
    expect(network.separation).toBeGreaterThanOrEqual(0.9);
    const inside = map.members.filter((m) => m.community === 0);
    const detail = measureGroupSeparation(
      inside.map((m) => m.localX),
      inside.map((m) => m.localY),
      inside.map((m) => m.sub),
    );
    if (detail.measured > 0) expect(detail.separation).toBeGreaterThanOrEqual(0.7);
  });

  it('links communities that share papers, with association strength, and ranks members by ties inside', () => {
    expect(map.links.length).toBeGreaterThan(0);
    for (const l of map.links) {
      expect(l.source).toBeLessThan(l.target);
      expect(l.papers).toBeGreaterThan(0);
      expect(l.strength).toBeGreaterThan(0);
    }
    const first = map.members.filter((m) => m.community === 0).sort((a, b) => a.rank - b.rank);
    expect(first[0].rank).toBe(0);
    expect(first.map((m) => m.rank)).toEqual(first.map((_, i) => i));
  });

  it('names each community by its papers and best-known members', () => {
    const facts = graph.communityFacts[0];
    expect(facts.topAuthors.length).toBe(3);
    const counts = facts.topAuthors.map((a) => graph.authors[a].paperCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(facts.papers).toBeGreaterThan(0);
    expect(facts.topic).toBeNull();
  });

  it('is the same map for the same seed', () => {
    const again = buildCoauthorGraph(papers, null, { seed: 3 });
    expect(JSON.stringify(again.map)).toBe(JSON.stringify(map));
  });
});

describe('shareNetworkBudget', () => {
  it('gives each community its minimum, the rest by size, never more than laid out', () => {
    expect(shareNetworkBudget([100, 50, 3], [1000, 500, 3], 60, 5)).toEqual([36, 21, 3]);
    expect(shareNetworkBudget([4, 4], [4, 4], 100, 5)).toEqual([4, 4]);
    const out = shareNetworkBudget([200, 200, 200, 10], [900, 300, 100, 10], 400, 5);
    expect(out.reduce((s, v) => s + v, 0)).toBe(400);
    expect(out[3]).toBeGreaterThanOrEqual(5);
    expect(out[3]).toBeLessThanOrEqual(10);
  });
});
