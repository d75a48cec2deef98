/**
 * The citation links hybrid topics walk on (lib/model/hybrid.ts): between the papers the topic
 * model reads, a direct citation (either way) counts 1 and bibliographic coupling adds its cosine
 * (the network view's coupling, each paper's strongest links). Pure: same corpus, same links.
 */
import type { PaperLinks } from '../model/hybrid';
import type { CitationLayer } from './index';
import type { ReferenceKeys } from '../corpus/types';
import { buildCouplingGraph, type PaperGraph } from './network';

/**
 * Bibliographic coupling among the model rows (`rows[r]` is the corpus index of row r): the
 * corpus's own graph when every paper is a row, so the pipeline computes it once for the topics
 * and the citation clusters; else the coupling of the rows among themselves (references counted
 * over the papers the model reads).
 */
export function buildRowCouplingGraph(
  referenceKeys: ReferenceKeys,
  rows: Int32Array,
  linksPerPaper: number,
  corpusCoupling: () => PaperGraph,
): PaperGraph {
  if (rows.length === referenceKeys.start.length - 1) return corpusCoupling();
  return buildCouplingGraph(referenceKeys, linksPerPaper, rows);
}

/**
 * Links between model rows: `rows[r]` is the corpus index of row r among `n` corpus papers
 * (papers without enough text to model are left out, with their links); `coupling` is the rows'
 * coupling graph (buildRowCouplingGraph).
 */
export function buildTopicCitationLinks(
  n: number,
  layer: Pick<CitationLayer, 'citing' | 'cited'>,
  rows: Int32Array,
  coupling: Pick<PaperGraph, 'offsets' | 'neighbors' | 'weights'>,
): PaperLinks {
  const rowCount = rows.length;
  const rowOf = new Int32Array(n).fill(-1);
  rows.forEach((paper, row) => (rowOf[paper] = row));
  // Direct citations between model rows, both directions, each row sorted and its repeats (a pair
  // citing each other) dropped.
  const degree = new Int32Array(rowCount + 1);
  const ends = (e: number): [number, number] => [rowOf[layer.citing[e]], rowOf[layer.cited[e]]];
  for (let e = 0; e < layer.citing.length; e++) {
    const [a, b] = ends(e);
    if (a < 0 || b < 0 || a === b) continue;
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let v = 0; v < rowCount; v++) degree[v + 1] += degree[v];
  const cited = new Int32Array(degree[rowCount]);
  const fill = degree.slice(0, rowCount);
  for (let e = 0; e < layer.citing.length; e++) {
    const [a, b] = ends(e);
    if (a < 0 || b < 0 || a === b) continue;
    cited[fill[a]++] = b;
    cited[fill[b]++] = a;
  }
  // Each row: its direct links (weight 1) merged with its coupling links (their cosine).
  const offsets = new Int32Array(rowCount + 1);
  const neighbors = new Int32Array(degree[rowCount] + coupling.neighbors.length);
  const weights = new Float64Array(neighbors.length);
  let at = 0;
  for (let v = 0; v < rowCount; v++) {
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
