import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import graphologyModularity from 'graphology-metrics/graph/modularity';
import { describe, expect, it } from 'vitest';
import { buildCommunities, modularity } from '../../lib/graph/communities';
import { createRandom } from '../../lib/random';

/** A planted partition: `groups` groups of `size` nodes, links inside with p_in, across with p_out;
 * weights 1..3. Returned as CSR and as a graphology graph (the independent reference). */
function plantedGraph(seed: number, groups: number, size: number, pIn: number, pOut: number) {
  const random = createRandom(seed);
  const n = groups * size;
  const lists: [number, number][][] = Array.from({ length: n }, () => []);
  const graph = new UndirectedGraph<{ community?: number }, { weight: number }>();
  for (let v = 0; v < n; v++) graph.addNode(String(v));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const same = Math.floor(a / size) === Math.floor(b / size);
      if (random() < (same ? pIn : pOut)) {
        const weight = 1 + Math.floor(random() * 3);
        lists[a].push([b, weight]);
        lists[b].push([a, weight]);
        graph.addEdge(String(a), String(b), { weight });
      }
    }
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((list, v) => (offsets[v + 1] = offsets[v] + list.length));
  const flat = lists.flatMap((list) => list.sort((x, y) => x[0] - y[0]));
  return {
    offsets,
    neighbors: Int32Array.from(flat, (x) => x[0]),
    weights: Float64Array.from(flat, (x) => x[1]),
    graph,
  };
}

describe('buildCommunities (Louvain on CSR)', () => {
  const { offsets, neighbors, weights, graph } = plantedGraph(11, 4, 25, 0.3, 0.01);

  it('recovers planted groups', () => {
    const { groupOf, groups } = buildCommunities(offsets, neighbors, weights, 1, 5);
    expect(groups.map((g) => g.size)).toEqual([25, 25, 25, 25]);
    for (let g = 0; g < 4; g++) {
      const labels = new Set(Array.from(groupOf.subarray(g * 25, g * 25 + 25)));
      expect(labels.size).toBe(1);
    }
  });

  it('reaches the modularity graphology-communities-louvain reaches, and computes it the same way', () => {
    const ours = buildCommunities(offsets, neighbors, weights, 1, 5);
    const reference = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: createRandom(5) });
    expect(ours.modularity).toBeGreaterThan(reference.modularity - 0.005);
    graph.forEachNode((node, attributes) => (attributes.community = ours.groupOf[Number(node)]));
    expect(ours.modularity).toBeCloseTo(
      graphologyModularity(graph, { getNodeCommunity: 'community', getEdgeWeight: 'weight' }),
      10,
    );
  });

  it('gives smaller communities at a higher resolution, with modularity matching graphology-metrics', () => {
    const fine = buildCommunities(offsets, neighbors, weights, 3, 5);
    expect(fine.groups.length).toBeGreaterThan(4);
    graph.forEachNode((node, attributes) => (attributes.community = fine.groupOf[Number(node)]));
    const reference = graphologyModularity(graph, {
      getNodeCommunity: 'community',
      getEdgeWeight: 'weight',
      resolution: 3,
    });
    expect(fine.modularity).toBeCloseTo(reference, 10);
  });

  it('leaves isolated nodes alone and scores an edgeless graph 0', () => {
    const result = buildCommunities(new Int32Array(4), new Int32Array(0), new Float64Array(0), 1, 1);
    expect(result.groups.length).toBe(3);
    expect(result.modularity).toBe(0);
    expect(modularity(new Int32Array(4), new Int32Array(0), [], new Int32Array(3), 1)).toBe(0);
  });
});
