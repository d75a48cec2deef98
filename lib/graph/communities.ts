import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createRandom } from '../random';
import { buildGroupsBySize, type Grouping } from './components';

/** Louvain communities with the partition's modularity. */
export interface Communities extends Grouping {
  modularity: number;
}

/** Louvain communities (Blondel et al. 2008, https://arxiv.org/abs/0803.0476) of the weighted
 * co-author graph in CSR form, via graphology-communities-louvain with a seeded random walk.
 * Community ids are renumbered by size (largest first). */
export function buildCommunities(
  offsets: Int32Array,
  neighbors: Int32Array,
  weights: ArrayLike<number>,
  resolution: number,
  seed: number,
): Communities {
  const n = offsets.length - 1;
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < n; v++) graph.addNode(String(v));
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = neighbors[e];
      if (w > v) graph.addUndirectedEdge(String(v), String(w), { weight: weights[e] });
    }
  }
  const result = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution,
    rng: createRandom(seed),
  });
  const labels = new Int32Array(n);
  for (let v = 0; v < n; v++) labels[v] = result.communities[String(v)];
  // With no edges Louvain reports NaN modularity; a partition of isolated nodes has none.
  const modularity = Number.isFinite(result.modularity) ? result.modularity : 0;
  return { ...buildGroupsBySize(labels), modularity };
}
