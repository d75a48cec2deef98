import { afterEach, describe, expect, it } from 'vitest';
import { buildCoauthorGraph, buildEgoNetwork, type CoauthorGraph } from '../../lib/graph/index';
import { makePaper, papersFromEdges, readFixturePapers } from '../fixtures/graph/papers';
import { createRandom } from '../../lib/random';

function edgeRow(graph: CoauthorGraph, a: number, b: number) {
  const { source, target, papers, fractional } = graph.edges;
  for (let e = 0; e < source.length; e++) {
    if (source[e] === Math.min(a, b) && target[e] === Math.max(a, b)) {
      return { papers: papers[e], fractional: fractional[e] };
    }
  }
  return null;
}

describe('buildCoauthorGraph on the hand-made fixture', () => {
  const papers = readFixturePapers('small-papers.json');
  const topics = Int32Array.from([0, 1, 1, 2, 1, 0, 2]);
  const graph = buildCoauthorGraph(papers, topics);
  const [ann, bob, cy, dee, eve, fay] = [0, 1, 2, 3, 4, 5];

  it('numbers authors by first appearance and picks the most frequent spelling', () => {
    expect(graph.authors.map((a) => a.key)).toEqual(['lee a', 'ray b', 'dunn c', 'moss d', 'ash e', 'orr f']);
    expect(graph.authors[ann].name).toBe('Ann Lee');
    expect(Array.from(graph.paperAuthors[4])).toEqual([ann, bob, cy, dee]);
    expect(graph.papersWithoutNames).toBe(1);
  });

  it('weights edges by joint papers and by 1/(n-1) per paper (hand-computed)', () => {
    expect(graph.edges.source.length).toBe(6);
    expect(Array.from(graph.edges.source)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(graph.edges.target)).toEqual([1, 2, 3, 2, 3, 3]);
    // Ann-Bob: paper 1 (3 authors) 1/2, paper 2 (2 authors) 1, paper 5 (4 authors) 1/3.
    expect(edgeRow(graph, ann, bob)!.papers).toBe(3);
    expect(edgeRow(graph, ann, bob)!.fractional).toBeCloseTo(1 / 2 + 1 + 1 / 3, 12);
    expect(edgeRow(graph, ann, cy)!.fractional).toBeCloseTo(1 / 2 + 1 / 3, 12);
    expect(edgeRow(graph, bob, dee)!.papers).toBe(2);
    expect(edgeRow(graph, bob, dee)!.fractional).toBeCloseTo(1 + 1 / 3, 12);
    expect(edgeRow(graph, cy, dee)!.fractional).toBeCloseTo(1 / 3, 12);
    expect(edgeRow(graph, ann, eve)).toBeNull();
  });

  it('gives per-author counts, years, degrees and main topics', () => {
    const b = graph.authors[bob];
    expect([b.paperCount, b.coauthorCount, b.degree, b.weightedDegree]).toEqual([4, 3, 3, 7]);
    // Fractional degree = the author's co-authored papers (1, 2, 3, 5).
    expect(b.fractionalDegree).toBeCloseTo(4, 12);
    expect(graph.authors[ann].fractionalDegree).toBeCloseTo(3, 12);
    expect([b.firstYear, b.lastYear]).toEqual([2019, 2021]);
    expect(b.mainTopics).toEqual([
      { topic: 1, count: 3 },
      { topic: 0, count: 1 },
    ]);
    expect(graph.authors[fay].firstYear).toBeNull();
    expect(graph.authors[fay].mainTopics).toEqual([{ topic: 0, count: 1 }]);
    expect(graph.authors[eve].degree).toBe(0);
  });

  it('finds components ordered by size', () => {
    expect(graph.components).toEqual([
      { id: 0, size: 4 },
      { id: 1, size: 1 },
      { id: 2, size: 1 },
    ]);
    expect(graph.authors.map((a) => a.component)).toEqual([0, 0, 0, 0, 1, 2]);
  });

  it('draws only communities of the stated size, and names each by its members and papers', () => {
    expect(graph.map.communities).toEqual([]);
    const small = buildCoauthorGraph(papers, null, { minCommunitySize: 2 });
    expect(small.map.members.map((m) => m.author).sort((a, b) => a - b)).toEqual(
      small.authors.filter((a) => small.communities[a.community].size >= 2).map((a) => a.id),
    );
    expect(small.map.members.every((m) => m.inNetwork)).toBe(true);
    // The drawn members are all in component 0 (the two authors alone are in no community of
    // two): only it is laid out, and none is when no community is drawn.
    expect(Array.from(small.componentLaidOut)).toEqual([1, 0, 0]);
    expect(Array.from(graph.componentLaidOut)).toEqual([0, 0, 0]);
    for (const c of small.communityFacts) expect(c.topAuthors.length).toBeGreaterThan(0);
  });

  it('has no main topics without topics', () => {
    expect(buildCoauthorGraph(papers, null).authors[bob].mainTopics).toEqual([]);
  });

  it('answers ego networks with the links among co-authors', () => {
    const ego = buildEgoNetwork(graph.edges, dee);
    expect(ego.nodes).toEqual([dee, ann, bob, cy]);
    expect(ego.edges.length).toBe(6);
    expect(buildEgoNetwork(graph.edges, eve)).toEqual({ author: eve, nodes: [eve], edges: [] });
  });
});

describe('papers with many authors', () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  const big = makePaper(
    1,
    names.map((n) => [n, n]),
    2020,
  );
  const small = makePaper(
    2,
    [
      ['a', 'a'],
      ['e', 'e'],
    ],
    2021,
  );

  it("'skip' adds no edges but keeps papers and co-author counts", () => {
    const graph = buildCoauthorGraph([big, small], null, { maxAuthorsPerPaper: 4 });
    expect(graph.largePapers).toBe(1);
    expect(graph.edges.source.length).toBe(1);
    expect(graph.edges.papers[0]).toBe(1);
    expect(graph.authors[0].paperCount).toBe(2);
    expect(graph.authors[0].coauthorCount).toBe(4);
    expect(graph.authors[0].degree).toBe(1);
  });

  it("'first-authors' links the first authors with weight 1/(n-1) of the true size", () => {
    const graph = buildCoauthorGraph([big, small], null, { maxAuthorsPerPaper: 3, largePaperRule: 'first-authors' });
    // Pairs among a, b, c from the big paper plus a-e from the small one.
    expect(graph.edges.source.length).toBe(4);
    expect(Array.from(graph.edges.fractional.slice(0, 3))).toEqual([0.25, 0.25, 1]);
    expect(Array.from(graph.edges.target)).toEqual([1, 2, 4, 2]);
    expect(graph.authors[3].degree).toBe(0);
    expect(graph.authors[3].coauthorCount).toBe(4);
  });
});

describe('Louvain communities', () => {
  const clique = (prefix: string): [string, string][] => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) pairs.push([prefix + i, prefix + j]);
    return pairs;
  };
  const papers = papersFromEdges([...clique('x'), ['x4', 'y0'], ...clique('y')]);

  it('splits two cliques joined by one edge, with the hand-computed modularity', () => {
    const graph = buildCoauthorGraph(papers, null);
    const community = graph.authors.map((a) => a.community);
    expect(community).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(graph.communities).toEqual([
      { id: 0, size: 5 },
      { id: 1, size: 5 },
    ]);
    // m = 21 edges; each side has 10 inside and degree sum 21: Q = 2 (10/21 - (21/42)^2).
    expect(graph.modularity).toBeCloseTo(2 * (10 / 21 - 0.25), 10);
    expect(graph.components).toEqual([{ id: 0, size: 10 }]);
  });

  it('is deterministic for a seed and byte-identical across builds', () => {
    const a = buildCoauthorGraph(papers, null, { seed: 7 });
    const b = buildCoauthorGraph(papers, null, { seed: 7 });
    expect(JSON.stringify(a.map)).toBe(JSON.stringify(b.map));
    expect(JSON.stringify(a.authors)).toBe(JSON.stringify(b.authors));
  });
});

describe('display names', () => {
  it('takes the most frequent spelling, the first seen on a tie', () => {
    const papers = [
      makePaper(1, [['J. Roe', 'roe j']], 2020),
      makePaper(
        2,
        [
          ['Jan Roe', 'roe j'],
          ['Kim', 'kim'],
        ],
        2020,
      ),
      makePaper(
        3,
        [
          ['Jan Roe', 'roe j'],
          ['K. Im', 'kim'],
        ],
        2020,
      ),
    ];
    const { authors } = buildCoauthorGraph(papers, null);
    expect(authors.map((a) => a.name)).toEqual(['Jan Roe', 'Kim']);
  });
});

describe('threads', () => {
  const saved = process.env.TOPICSCOPE_THREADS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
    else process.env.TOPICSCOPE_THREADS = saved;
  });

  it('gives the same bytes on one and two threads (sampled betweenness, layout on the worker)', () => {
    const next = createRandom(99);
    const papers = Array.from({ length: 300 }, (_, p) => {
      const size = 1 + Math.floor(next() * 4);
      const ids = new Set(Array.from({ length: size }, () => Math.floor(next() * next() * 200)));
      return makePaper(
        p + 1,
        [...ids].map((a): [string, string] => [`Author ${a}`, `author ${a}`]),
        2000 + (p % 20),
      );
    });
    const opts = {
      seed: 5,
      exactBetweennessMaxNodes: 50,
      betweennessPivots: 21,
      networkMaxAuthors: 120,
      minCommunitySize: 2,
    };
    process.env.TOPICSCOPE_THREADS = '1';
    const one = buildCoauthorGraph(papers, null, opts);
    process.env.TOPICSCOPE_THREADS = '2';
    const two = buildCoauthorGraph(papers, null, opts);
    expect(one.betweennessSampled).toBe(true);
    expect(one.map.members.length).toBeGreaterThan(50);
    expect(JSON.stringify(two.authors)).toBe(JSON.stringify(one.authors));
    expect(JSON.stringify(two.map)).toBe(JSON.stringify(one.map));
    expect(two.modularity).toBe(one.modularity);
  });
});
