/**
 * Citation clusters, coupling, the network view and the historiograph on six-paper fixtures whose
 * answers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { buildHistoriograph, countCrossings } from '@/lib/citations/historiograph';
import {
  buildCitationNetwork,
  buildCouplingGraph,
  buildDirectCitationGraph,
  chooseClusterGraph,
  DEFAULT_CITATION_NETWORK_OPTIONS,
  labelClusters,
} from '@/lib/citations/network';
import type { CitationLayer } from '@/lib/citations/index';
import { buildReferenceKeys } from '@/lib/corpus/references';

/** A citation layer from citing → cited pairs over `n` papers. */
function layerOf(n: number, pairs: [number, number][], papersWithReferences = n): CitationLayer {
  const sorted = pairs.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const localCitedBy = new Int32Array(n);
  for (const [, cited] of sorted) localCitedBy[cited]++;
  return {
    citing: Int32Array.from(sorted, (p) => p[0]),
    cited: Int32Array.from(sorted, (p) => p[1]),
    localCitedBy,
    foundations: [],
    papersWithReferences,
    unresolved: 0,
  };
}

const refs = (...keys: string[]) => ({ references: keys.map((key) => ({ key })) });

describe('citation clusters', () => {
  // Two triangles of papers citing each other, {0, 1, 2} and {3, 4, 5}, and one bridge 3 → 2.
  const layer = layerOf(6, [
    [1, 0],
    [2, 0],
    [2, 1],
    [4, 3],
    [5, 3],
    [5, 4],
    [3, 2],
  ]);
  const graph = buildDirectCitationGraph(6, layer);
  // Cluster {0,1,2} writes about graphs and networks, {3,4,5} about protein folding; "common" is everywhere.
  const vocab = {
    terms: ['graph', 'network', 'protein', 'fold', 'common'],
    display: ['graph', 'networks', 'protein', 'folding', 'common'],
    df: Int32Array.from([3, 2, 3, 2, 6]),
  };
  const docs = [
    [0, 1, 4],
    [0, 1, 4],
    [0, 4],
    [2, 3, 4],
    [2, 3, 4],
    [2, 4],
  ].map((d) => Int32Array.from(d));
  const opts = { ...DEFAULT_CITATION_NETWORK_OPTIONS, minClusterSize: 3 };

  it('turns citations into undirected links, each pair once', () => {
    expect(Array.from(graph.offsets)).toEqual([0, 2, 4, 7, 10, 12, 14]);
    expect(Array.from(graph.neighbors.subarray(graph.offsets[2], graph.offsets[3]))).toEqual([0, 1, 3]);
    const mutual = buildDirectCitationGraph(
      2,
      layerOf(2, [
        [0, 1],
        [1, 0],
      ]),
    );
    expect(Array.from(mutual.neighbors)).toEqual([1, 0]);
  });

  it('finds the two triangles with modularity 5/14', () => {
    const network = buildCitationNetwork(graph, layer.localCitedBy, (p) => docs[p], vocab, opts);
    expect(network.network).toBe('citations');
    expect(Array.from(network.clusterOf)).toEqual([0, 0, 0, 1, 1, 1]);
    // Each triangle: 3 links inside of 7; total degree 7 of 14: 2 · (6/14 − (7/14)²) = 5/14.
    expect(network.modularity).toBeCloseTo(5 / 14, 6);
    expect(network.clusters.map((c) => [c.id, c.size, c.drawn])).toEqual([
      [0, 3, 3],
      [1, 3, 3],
    ]);
    expect(network.places.map((p) => p.paper)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(network.linked).toBe(6);
    expect(network.clustered).toBe(6);
  });

  it('names clusters by c-TF-IDF in order of relevance', () => {
    // Cluster 0 counts graph 3, network 2, common 3 of 8; over both, graph 3, network 2, common 6
    // of 16 (A = 8). Weights: graph 3/8·ln(1 + 8/3) = 0.487, network 2/8·ln 5 = 0.402, common
    // 3/8·ln(1 + 8/6) = 0.318; relevance at λ 0.6: −0.311, −0.554, −0.588.
    const names = labelClusters(Int32Array.from([0, 0, 0, 1, 1, 1]), 2, (p) => docs[p], vocab);
    expect(names).toEqual([
      { label: 'graph, networks, common', terms: ['graph', 'networks', 'common'] },
      { label: 'protein, folding, common', terms: ['protein', 'folding', 'common'] },
    ]);
  });

  it('leaves groups under the minimum size out, and gives the same network twice', () => {
    const bigger = buildCitationNetwork(graph, layer.localCitedBy, (p) => docs[p], vocab, {
      ...opts,
      minClusterSize: 4,
    });
    expect(Array.from(bigger.clusterOf)).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(bigger.places).toEqual([]);
    const once = buildCitationNetwork(graph, layer.localCitedBy, (p) => docs[p], vocab, opts);
    const twice = buildCitationNetwork(graph, layer.localCitedBy, (p) => docs[p], vocab, opts);
    expect(twice).toEqual(once);
  });
});

describe('bibliographic coupling', () => {
  // 0 and 1 share a and b (cosine 2/√(3·3) = 0.666667); 0 and 3 share c (1/√(3·1) = 0.57735);
  // x is cited by paper 2 only and couples nothing.
  const papers = [refs('a', 'b', 'c'), refs('a', 'b', 'd'), refs('x'), refs('c')];

  it('links papers by shared references, cosine-normalized, strongest first per paper', () => {
    const graph = buildCouplingGraph(buildReferenceKeys(papers), 10);
    expect(graph.network).toBe('coupling');
    expect(Array.from(graph.offsets)).toEqual([0, 2, 3, 3, 4]);
    expect(Array.from(graph.neighbors)).toEqual([1, 3, 0, 0]);
    expect(Array.from(graph.weights)).toEqual([0.666667, 0.57735, 0.666667, 0.57735]);
  });

  it('keeps each paper its strongest links only (the union of both ends)', () => {
    // Paper 0 keeps only 1; paper 3 keeps 0, so (0, 3) stays from its end.
    const graph = buildCouplingGraph(buildReferenceKeys(papers), 1);
    expect(Array.from(graph.neighbors)).toEqual([1, 3, 0, 0]);
  });

  it('clusters on coupling when too few papers cite each other', () => {
    // One citation (1 → 0) links 2 of 4 papers with references: under 0.6 of them, so coupling.
    const sparse = layerOf(4, [[1, 0]]);
    let asked = 0;
    const coupling = () => {
      asked++;
      return buildCouplingGraph(buildReferenceKeys(papers), 10);
    };
    expect(chooseClusterGraph(4, sparse, { minLinkedShare: 0.6 }, coupling).network).toBe('coupling');
    expect(asked).toBe(1);
    // Enough citations: the coupling graph is not asked for.
    expect(chooseClusterGraph(4, sparse, { minLinkedShare: 0.5 }, coupling).network).toBe('citations');
    expect(asked).toBe(1);
  });
});

describe('historiograph', () => {
  // A chain of six papers, 2000-2004: 1 → 0, 2 → 0, 2 → 1, 3 → 0, 3 → 2, 4 → 2, 4 → 3, 5 → 3.
  // Local citations: 0: 3, 1: 1, 2: 2, 3: 2, 4 and 5: none.
  const layer = layerOf(6, [
    [1, 0],
    [2, 0],
    [2, 1],
    [3, 0],
    [3, 2],
    [4, 2],
    [4, 3],
    [5, 3],
  ]);
  const years = [2000, 2001, 2002, 2003, 2004, 2004];

  it('keeps the most locally cited papers (ties: the earlier) and the citations among them', () => {
    const h = buildHistoriograph(layer, years, 30);
    expect(h.nodes.map((n) => [n.paper, n.rank, n.year, n.localCitations])).toEqual([
      [0, 0, 2000, 3],
      [2, 1, 2002, 2],
      [3, 2, 2003, 2],
      [1, 3, 2001, 1],
    ]);
    // As positions: 1 → 0 is (3, 0); 2 → 0 (1, 0); 2 → 1 (1, 3); 3 → 0 (2, 0); 3 → 2 (2, 1).
    expect(h.links).toEqual([
      { citing: 1, cited: 0 },
      { citing: 1, cited: 3 },
      { citing: 2, cited: 0 },
      { citing: 2, cited: 1 },
      { citing: 3, cited: 0 },
    ]);
    // A chain runs along one row.
    expect(h.nodes.map((n) => n.lane)).toEqual([0, 0, 0, 0]);
    expect(h.lanes).toBe(1);
  });

  it('bounds the size and leaves undated papers out, counted', () => {
    const top = buildHistoriograph(layer, years, 2);
    expect(top.nodes.map((n) => n.paper)).toEqual([0, 2]);
    expect(top.links).toEqual([{ citing: 1, cited: 0 }]);
    const undated = buildHistoriograph(layer, [2000, 2001, null, 2003, 2004, 2004], 3);
    expect(undated.nodes.map((n) => n.paper)).toEqual([0, 3, 1]);
    expect(undated.undated).toBe(1);
  });

  it('gives papers of one year their own rows, nearest the papers they link to', () => {
    // Papers 1 and 2 both in 2001, each linked to 0 (row 0): 2 ranks first (position 1 < 3) and
    // takes row 0, 1 the nearest free row above, −1; 3 (2003) links to 0 and 2, both row 0.
    // Shifted so the top row is 0: 0 → 1, 2 → 1, 1 → 0, 3 → 1.
    const h = buildHistoriograph(layer, [2000, 2001, 2001, 2003, 2004, 2004], 30);
    expect(h.nodes.map((n) => [n.paper, n.lane])).toEqual([
      [0, 1],
      [2, 1],
      [3, 1],
      [1, 0],
    ]);
    expect(h.lanes).toBe(2);
  });

  it('counts crossings of links drawn straight, links sharing a paper never crossing', () => {
    // (2000, 0)–(2001, 1) crosses (2000, 1)–(2001, 0); (2000, 0)–(2001, 0) shares a paper with both.
    const x = [2000, 2000, 2001, 2001];
    const y = [0, 1, 1, 0];
    expect(
      countCrossings(x, y, [
        { citing: 2, cited: 0 },
        { citing: 3, cited: 1 },
      ]),
    ).toBe(1);
    expect(
      countCrossings(x, y, [
        { citing: 2, cited: 0 },
        { citing: 3, cited: 0 },
        { citing: 2, cited: 1 },
      ]),
    ).toBe(0);
  });

  it('reorders the papers within a year to remove a crossing the row-by-row placement left', () => {
    // Papers 0, 1 (2000), 2, 4 (2001), 3 (2002, cited by none: not drawn); 2 cites 0 and 1, 4 cites 1.
    // As positions (1 most cited): 1 → 0, 0 → 1, 2 → 2, 4 → 3. Row by row: 2000 gives 1 row 0 and
    // 0 row −1; in 2001 paper 2 (wish −0.5, two links) takes row 0 and 4 (wish 0) row −1, so 4 → 1
    // crosses 2 → 0. The sweep orders 2000 by the mean row of each paper's links (1: −0.5, 0: 0)
    // and 2001 likewise (4: −1, 2: −0.5): both links run level.
    const pairs: [number, number][] = [
      [2, 0],
      [2, 1],
      [3, 1],
      [3, 2],
      [3, 4],
      [4, 1],
    ];
    const layer = {
      citing: Int32Array.from(pairs, (p) => p[0]),
      cited: Int32Array.from(pairs, (p) => p[1]),
      localCitedBy: Int32Array.from([1, 3, 1, 0, 1, 0]),
    };
    const years = [2000, 2000, 2001, 2002, 2001, 2001];
    const crossings = (h: ReturnType<typeof buildHistoriograph>) =>
      countCrossings(
        h.nodes.map((n) => n.year),
        h.nodes.map((n) => n.lane),
        h.links,
      );
    const placed = buildHistoriograph(layer, years, 30, 0);
    expect(placed.nodes.map((n) => [n.paper, n.lane])).toEqual([
      [1, 1],
      [0, 0],
      [2, 1],
      [4, 0],
    ]);
    expect(crossings(placed)).toBe(1);
    const swept = buildHistoriograph(layer, years, 30);
    expect(swept.nodes.map((n) => [n.paper, n.lane])).toEqual([
      [1, 0],
      [0, 1],
      [2, 1],
      [4, 0],
    ]);
    expect(crossings(swept)).toBe(0);
    expect(swept.lanes).toBe(placed.lanes);
  });
});
