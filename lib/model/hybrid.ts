/**
 * Hybrid topics: the smoothing walk of lib/model/smooth.ts taken over words and citations together.
 *
 * A paper's vector is smoothed by a random walk over its similar papers (the 10-NN graph of the
 * LSA vectors). In the hybrid walk a paper with citation links (direct citations either way, or
 * bibliographic coupling) sends a share `weight` of each step along them instead:
 * P = (1 − w)·P_text + w·P_citations. Citation links are weighted by association strength
 * (s_ij = a_ij / (a_i·a_j) up to a constant, as VOSviewer normalizes, van Eck & Waltman 2009,
 * doi:10.1002/asi.21075), so a hub that half the corpus cites does not pull every field into
 * one. Papers without citation links walk on their words alone. The mix keeps each row a
 * probability distribution, so the walk's steps mean what they mean for text alone.
 */
import type { NeighbourGraph } from './neighbours';
import { buildWalkMatrix } from './smooth';
import { sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import type { CsrMatrix } from './matrix';

/**
 * Citation links between the papers the topic model reads (their row indices): undirected and
 * weighted, each link stored from both ends, neighbours ascending within a row (CSR).
 */
export interface PaperLinks {
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

/** Share of papers with a citation link from which hybrid topics are the default (issue 17). */
export const HYBRID_MIN_LINKED_SHARE = 0.3;

/** Share of each walk step that follows citation links, for papers that have some. */
export const DEFAULT_CITATIONS_WEIGHT = 0.5;

/** Papers with at least one link. */
export function countLinkedPapers(links: PaperLinks): number {
  let linked = 0;
  for (let v = 0; v + 1 < links.offsets.length; v++) if (links.offsets[v + 1] > links.offsets[v]) linked++;
  return linked;
}

/**
 * The links reweighted by association strength, s_ij = a_ij · 2A / (a_i · a_j), with a_i the
 * total weight of paper i's links and 2A their sum over all papers (VOSviewer's normalization).
 */
export function buildAssociationStrength(links: PaperLinks): PaperLinks {
  const n = links.offsets.length - 1;
  const strength = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let p = links.offsets[i]; p < links.offsets[i + 1]; p++) strength[i] += links.weights[p];
    total += strength[i];
  }
  const weights = new Float64Array(links.weights.length);
  for (let i = 0; i < n; i++) {
    for (let p = links.offsets[i]; p < links.offsets[i + 1]; p++) {
      const j = links.neighbors[p];
      const d = strength[i] * strength[j];
      weights[p] = d > 0 ? (links.weights[p] * total) / d : 0;
    }
  }
  return { offsets: links.offsets, neighbors: links.neighbors, weights };
}

/**
 * The hybrid walk matrix: row i is (1 − w)·(text walk row i) + w·(citation walk row i) when
 * paper i has both, whichever it has otherwise; the citation walk is the association strengths
 * divided by their row sum. CSR in shared memory, columns ascending, as buildWalkMatrix returns.
 */
export function buildHybridWalkMatrix(graph: NeighbourGraph, links: PaperLinks, weight: number): CsrMatrix {
  if (!(weight >= 0 && weight <= 1)) throw new Error(`citations weight must be within 0..1, got ${weight}`);
  const n = links.offsets.length - 1;
  const text = buildWalkMatrix(graph, n);
  if (weight === 0) return text;
  const cites = buildAssociationStrength(links);
  const indptr = sharedInt32(n + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    let citeSum = 0;
    for (let p = cites.offsets[i]; p < cites.offsets[i + 1]; p++) citeSum += cites.weights[p];
    const hasText = text.indptr[i + 1] > text.indptr[i];
    const hasCites = citeSum > 0;
    const wText = hasText ? (hasCites ? 1 - weight : 1) : 0;
    const wCites = hasCites ? (hasText ? weight : 1) : 0;
    // Merge the two rows, both sorted by column.
    let a = text.indptr[i];
    let b = cites.offsets[i];
    const aEnd = text.indptr[i + 1];
    const bEnd = cites.offsets[i + 1];
    while (a < aEnd || b < bEnd) {
      const ca = a < aEnd ? text.indices[a] : Infinity;
      const cb = b < bEnd ? cites.neighbors[b] : Infinity;
      let v = 0;
      const col = Math.min(ca, cb);
      if (ca === col) v += wText * text.values[a++];
      if (cb === col) {
        if (hasCites) v += (wCites * cites.weights[b]) / citeSum;
        b++;
      }
      if (v > 0) {
        cols.push(col);
        values.push(v);
      }
    }
    indptr[i + 1] = cols.length;
  }
  const out: CsrMatrix = {
    rows: n,
    cols: n,
    indptr,
    indices: toShared(Int32Array.from(cols)),
    values: sharedFloat64(values.length),
  };
  out.values.set(values);
  return out;
}
