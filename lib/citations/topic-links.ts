/**
 * The citation links hybrid topics walk on (lib/model/hybrid.ts): between the papers the topic
 * model reads, a direct citation (either way) counts 1 and bibliographic coupling adds its cosine
 * (the network view's coupling, each paper's strongest links). Pure: same corpus, same links.
 */
import type { PaperLinks } from '../model/hybrid';
import type { CitationLayer } from './index';
import { buildCouplingGraph, DEFAULT_CITATION_NETWORK_OPTIONS, type ReferencingPaper } from './network';

/**
 * Links between model rows: `rows[r]` is the corpus index of row r (papers without enough text to
 * model are left out, with their links).
 */
export function buildTopicCitationLinks(
  papers: readonly ReferencingPaper[],
  layer: Pick<CitationLayer, 'citing' | 'cited'>,
  rows: Int32Array,
  couplingLinksPerPaper = DEFAULT_CITATION_NETWORK_OPTIONS.couplingLinksPerPaper,
): PaperLinks {
  const n = rows.length;
  const rowOf = new Int32Array(papers.length).fill(-1);
  rows.forEach((paper, row) => (rowOf[paper] = row));
  // Direct citations between model rows, both directions, each row sorted and its repeats (a pair
  // citing each other) dropped.
  const degree = new Int32Array(n + 1);
  const ends = (e: number): [number, number] => [rowOf[layer.citing[e]], rowOf[layer.cited[e]]];
  for (let e = 0; e < layer.citing.length; e++) {
    const [a, b] = ends(e);
    if (a < 0 || b < 0 || a === b) continue;
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let v = 0; v < n; v++) degree[v + 1] += degree[v];
  const cited = new Int32Array(degree[n]);
  const fill = degree.slice(0, n);
  for (let e = 0; e < layer.citing.length; e++) {
    const [a, b] = ends(e);
    if (a < 0 || b < 0 || a === b) continue;
    cited[fill[a]++] = b;
    cited[fill[b]++] = a;
  }
  const coupling = buildCouplingGraph(
    Array.from(rows, (p) => papers[p]),
    couplingLinksPerPaper,
  );
  // Each row: its direct links (weight 1) merged with its coupling links (their cosine).
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(degree[n] + coupling.neighbors.length);
  const weights = new Float64Array(neighbors.length);
  let at = 0;
  for (let v = 0; v < n; v++) {
    const direct = cited.subarray(degree[v], degree[v + 1]).sort();
    let a = 0;
    let b = coupling.offsets[v];
    const bEnd = coupling.offsets[v + 1];
    while (a < direct.length || b < bEnd) {
      const ca = a < direct.length ? direct[a] : Infinity;
      const cb = b < bEnd ? coupling.neighbors[b] : Infinity;
      const col = Math.min(ca, cb);
      let w = 0;
      if (ca === col) {
        w += 1;
        while (a < direct.length && direct[a] === col) a++;
      }
      if (cb === col) w += coupling.weights[b++];
      neighbors[at] = col;
      weights[at++] = Math.round(w * 1e6) / 1e6;
    }
    offsets[v + 1] = at;
  }
  return { offsets, neighbors: neighbors.slice(0, at), weights: weights.slice(0, at) };
}
