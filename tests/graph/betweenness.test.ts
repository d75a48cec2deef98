import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { buildBetweenness } from '../../lib/graph/betweenness';
import { createRandom } from '../../lib/random';

/** CSR arrays of an undirected edge list over nodes 0..n-1. */
function toCsr(n: number, edges: [number, number][]) {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    lists[a].push(b);
    lists[b].push(a);
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((list, v) => (offsets[v + 1] = offsets[v] + list.length));
  const neighbors = Int32Array.from(lists.flatMap((list) => list.sort((a, b) => a - b)));
  return { offsets, neighbors };
}

describe('buildBetweenness', () => {
  it('matches hand values on a square with a tail', () => {
    // 0-1-2-3-0 plus 2-4-5. Hand sums of pair dependencies: 0.5, 1.5, 6.5, 1.5, 4, 0;
    // normalised by (n-1)(n-2)/2 = 10.
    const { offsets, neighbors } = toCsr(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
      [2, 4],
      [4, 5],
    ]);
    const { values, sampled } = buildBetweenness(offsets, neighbors, 6, 1);
    expect(sampled).toBe(false);
    const expected = [0.05, 0.15, 0.65, 0.15, 0.4, 0];
    expected.forEach((value, v) => expect(values[v]).toBeCloseTo(value, 12));
  });

  it('agrees with graphology-metrics on a random graph with several components', () => {
    const random = createRandom(3);
    const n = 60;
    const edges: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < 0.05) edges.push([a, b]);
    const { offsets, neighbors } = toCsr(n, edges);
    const ours = buildBetweenness(offsets, neighbors, n, 1).values;
    const graph = new UndirectedGraph();
    for (let v = 0; v < n; v++) graph.addNode(String(v));
    for (const [a, b] of edges) graph.addEdge(String(a), String(b));
    const reference = betweennessCentrality(graph, { normalized: true });
    for (let v = 0; v < n; v++) expect(ours[v]).toBeCloseTo(reference[String(v)], 10);
  });

  it('estimates from seeded pivots: deterministic and close on a long path', () => {
    const n = 400;
    const { offsets, neighbors } = toCsr(
      n,
      Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]),
    );
    const a = buildBetweenness(offsets, neighbors, 100, 9);
    const b = buildBetweenness(offsets, neighbors, 100, 9);
    expect(a.sampled).toBe(true);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    // Exact for the middle of a path: i (n-1-i) pairs, i = 199, normalised.
    const exact = (199 * 200) / (((n - 1) * (n - 2)) / 2);
    expect(a.values[199]).toBeGreaterThan(exact * 0.8);
    expect(a.values[199]).toBeLessThan(exact * 1.2);
  });
});
