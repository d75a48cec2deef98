/**
 * The direct-citation network of a corpus as CitNetExplorer and VOSviewer show it: citation-based
 * clusters (seeded Louvain on the citation links taken as undirected, or on bibliographic coupling
 * when too few papers cite each other), each named from its papers' words with the topics'
 * class-based TF-IDF, and a seeded layout of the best connected papers, each cluster a region (the
 * co-author map's layout, lib/graph/community-map.ts). Pure: same input and options, same output.
 */
import { MAX_COUPLING_REFERENCE_PAPERS } from '../graph/cooccurrence-items';
import { buildCommunities } from '../graph/communities';
import { layoutCommunityMap } from '../graph/community-map';
import { buildClassTerms, formatTopicLabel } from '../model/labels';
import type { CsrMatrix } from '../model/matrix';
import { parallelThreads, runParallel, sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { deriveSeed } from '../random';
import type { ReferenceKeys } from '../corpus/types';
import type { Vocabulary } from '../text/types';
import type { CitationLayer } from './index';

/** The network the clusters come from. */
export type ClusterNetwork = 'citations' | 'coupling';

export interface CitationNetworkOptions {
  /** Papers drawn in the network view: each drawn cluster's best connected, shared out by size. */
  maxPapers: number;
  /** Groups smaller than this are no cluster (their papers are counted, not drawn). */
  minClusterSize: number;
  /** At most this many clusters, the largest. */
  maxClusters: number;
  /** Below this share of papers with references that cite or are cited inside the corpus, the
   * clusters come from bibliographic coupling. */
  minLinkedShare: number;
  /** Coupling links kept per paper, its strongest by cosine of shared references. */
  couplingLinksPerPaper: number;
  ticks: number;
  seed: number;
}

export const DEFAULT_CITATION_NETWORK_OPTIONS: CitationNetworkOptions = {
  maxPapers: 1500,
  minClusterSize: 5,
  maxClusters: 60,
  minLinkedShare: 0.3,
  couplingLinksPerPaper: 10,
  ticks: 100,
  seed: 42,
};

/** An undirected weighted graph over all corpus papers, each link stored from both ends (CSR). */
export interface PaperGraph {
  network: ClusterNetwork;
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

/** Sorts `neighbors[from..to)` ascending (no repeats), `weights` alongside: by insertion when short
 * (most rows: a million small sorts), else through an index order. */
function sortRow(neighbors: Int32Array, weights: Float64Array, from: number, to: number): void {
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const nb = neighbors[i];
      const wt = weights[i];
      let j = i - 1;
      while (j >= from && neighbors[j] > nb) {
        neighbors[j + 1] = neighbors[j];
        weights[j + 1] = weights[j];
        j--;
      }
      neighbors[j + 1] = nb;
      weights[j + 1] = wt;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((x, y) => neighbors[x] - neighbors[y]);
  const nb = order.map((i) => neighbors[i]);
  const wt = order.map((i) => weights[i]);
  for (let i = 0; i < nb.length; i++) {
    neighbors[from + i] = nb[i];
    weights[from + i] = wt[i];
  }
}

/** CSR of an undirected edge list, both directions, neighbours ascending. */
function toCsr(n: number, a: ArrayLike<number>, b: ArrayLike<number>, w: ArrayLike<number>) {
  const degree = new Int32Array(n);
  for (let e = 0; e < a.length; e++) {
    degree[a[e]]++;
    degree[b[e]]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + degree[v];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (let e = 0; e < a.length; e++) {
    neighbors[fill[a[e]]] = b[e];
    weights[fill[a[e]]++] = w[e];
    neighbors[fill[b[e]]] = a[e];
    weights[fill[b[e]]++] = w[e];
  }
  for (let v = 0; v < n; v++) sortRow(neighbors, weights, offsets[v], offsets[v + 1]);
  return { offsets, neighbors, weights };
}

/** The direct citations as undirected links of weight 1 (a pair citing each other counts once). */
export function buildDirectCitationGraph(n: number, layer: Pick<CitationLayer, 'citing' | 'cited'>): PaperGraph {
  const pairs = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < layer.citing.length; i++) {
    const lo = Math.min(layer.citing[i], layer.cited[i]);
    const hi = Math.max(layer.citing[i], layer.cited[i]);
    const key = lo * n + hi;
    if (pairs.has(key)) continue;
    pairs.add(key);
    a.push(lo);
    b.push(hi);
  }
  return { network: 'citations', ...toCsr(n, a, b, new Float64Array(a.length).fill(1)) };
}

/**
 * Bibliographic coupling (Kessler 1963) between corpus papers: two papers are linked by the
 * references they share, weighted by cosine (shared / √(refs₁ · refs₂), Salton's measure as
 * VOSviewer offers it); each paper keeps its `linksPerPaper` strongest, and a reference cited by
 * more than MAX_COUPLING_REFERENCE_PAPERS papers adds nothing (it would link everything). The
 * papers are the corpus's (`rows` absent) or the corpus papers `rows` (paper r of the graph is
 * corpus paper `rows[r]`), coupled among themselves; references compare by their key ids.
 */
export function buildCouplingGraph(
  referenceKeys: Pick<ReferenceKeys, 'keys' | 'start' | 'ids'>,
  linksPerPaper: number,
  rows?: Int32Array,
): PaperGraph {
  const n = rows !== undefined ? rows.length : referenceKeys.start.length - 1;
  const keyCount = referenceKeys.keys.length;
  // Each paper's distinct reference key ids, in a flat CSR (paper → its key ids).
  const lastPaper = new Int32Array(keyCount).fill(-1);
  const refStart = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const p = rows !== undefined ? rows[i] : i;
    size += referenceKeys.start[p + 1] - referenceKeys.start[p];
  }
  let refIds = sharedInt32(size);
  let refCount = 0;
  for (let i = 0; i < n; i++) {
    const p = rows !== undefined ? rows[i] : i;
    for (let at = referenceKeys.start[p]; at < referenceKeys.start[p + 1]; at++) {
      const id = referenceKeys.ids[at];
      if (id < 0 || lastPaper[id] === i) continue;
      lastPaper[id] = i;
      refIds[refCount++] = id;
    }
    refStart[i + 1] = refCount;
  }
  refIds = refIds.subarray(0, refCount);
  const citingCount = new Int32Array(keyCount);
  for (let i = 0; i < refCount; i++) citingCount[refIds[i]]++;
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k] + citingCount[k];
  const fill = start.slice(0, keyCount);
  const citingPapers = new Int32Array(start[keyCount]);
  for (let p = 0; p < n; p++) for (let i = refStart[p]; i < refStart[p + 1]; i++) citingPapers[fill[refIds[i]]++] = p;
  const norm = sharedFloat64(n);
  for (let p = 0; p < n; p++) norm[p] = Math.sqrt(refStart[p + 1] - refStart[p]);
  const per = Math.max(1, linksPerPaper);
  const bestOf = sharedInt32(n * per).fill(-1);
  const cosineOf = sharedFloat64(n * per);
  // Papers in equal ranges over the threads (each paper's links depend on nothing else found).
  const shared = {
    refStart: toShared(refStart),
    refIds: toShared(refIds),
    start: toShared(start),
    citingPapers: toShared(citingPapers),
    citingCount: toShared(citingCount),
    norm,
    bestOf,
    cosineOf,
    linksPerPaper,
  };
  const threads = n < 20_000 ? 1 : parallelThreads();
  runParallel(
    TASKS.fillCouplingShare,
    fillCouplingShare,
    Array.from({ length: threads }, (_, t) => ({
      ...shared,
      from: Math.floor((t * n) / threads),
      to: Math.floor(((t + 1) * n) / threads),
    })),
  );
  // Every kept pair once: from its lower end, or from the end that alone keeps it.
  const keeps = (p: number, q: number): boolean => {
    for (let i = p * per; i < (p + 1) * per && bestOf[i] >= 0; i++) if (bestOf[i] === q) return true;
    return false;
  };
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let p = 0; p < n; p++) {
    for (let i = p * per; i < (p + 1) * per && bestOf[i] >= 0; i++) {
      const q = bestOf[i];
      if (q < p && keeps(q, p)) continue;
      a.push(Math.min(p, q));
      b.push(Math.max(p, q));
      w.push(cosineOf[i]);
    }
  }
  return { network: 'coupling', ...toCsr(n, a, b, w) };
}

/** What a thread needs to find the coupling links of papers `from..to` (arrays in shared memory). */
export interface CouplingShare {
  from: number;
  to: number;
  linksPerPaper: number;
  /** Paper → its distinct reference key ids (CSR). */
  refStart: Int32Array;
  refIds: Int32Array;
  /** Key id → the papers citing it (CSR), and how many. */
  start: Int32Array;
  citingPapers: Int32Array;
  citingCount: Int32Array;
  /** √(references) of each paper. */
  norm: Float64Array;
  /** Filled: each paper's `max(1, linksPerPaper)` slots, strongest first, -1 past its last. */
  bestOf: Int32Array;
  cosineOf: Float64Array;
}

/**
 * Fills the strongest coupling links of papers `from..to`: cosine descending, ties to the lower
 * paper; references cited by fewer than 2 or more than MAX_COUPLING_REFERENCE_PAPERS papers add
 * nothing. A worker task of buildCouplingGraph.
 */
export function fillCouplingShare(share: CouplingShare): null {
  const { from, to, linksPerPaper, refStart, refIds, start, citingPapers, citingCount, norm, bestOf, cosineOf } = share;
  const n = norm.length;
  const per = Math.max(1, linksPerPaper);
  // References shared with each paper met, zero again once the paper's links are chosen: one
  // array read at random for each citing paper met (the bulk of the work), not a stamp and a count.
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  const best = new Int32Array(per);
  const bestCosine = new Float64Array(per);
  for (let p = from; p < to; p++) {
    let met = 0;
    for (let i = refStart[p]; i < refStart[p + 1]; i++) {
      const k = refIds[i];
      if (citingCount[k] < 2 || citingCount[k] > MAX_COUPLING_REFERENCE_PAPERS) continue;
      for (let j = start[k]; j < start[k + 1]; j++) {
        const q = citingPapers[j];
        if (q !== p && shared[q]++ === 0) touched[met++] = q;
      }
    }
    // The strongest `linksPerPaper` by insertion into a short list (a full sort of the thousands a
    // popular reference brings is most of the cost); ties go to the lower paper index.
    let count = 0;
    for (let t = 0; t < met; t++) {
      const q = touched[t];
      const c = shared[q] / (norm[p] * norm[q]);
      shared[q] = 0;
      if (
        count === linksPerPaper &&
        (c < bestCosine[count - 1] || (c === bestCosine[count - 1] && q > best[count - 1]))
      )
        continue;
      let at = count < linksPerPaper ? count++ : count - 1;
      while (at > 0 && (bestCosine[at - 1] < c || (bestCosine[at - 1] === c && best[at - 1] > q))) {
        best[at] = best[at - 1];
        bestCosine[at] = bestCosine[at - 1];
        at--;
      }
      best[at] = q;
      bestCosine[at] = c;
    }
    for (let i = 0; i < count; i++) {
      bestOf[p * per + i] = best[i];
      cosineOf[p * per + i] = Math.round(bestCosine[i] * 1e6) / 1e6;
    }
  }
  return null;
}

/** Papers with at least one link. */
function linkedPapers(graph: PaperGraph): number {
  let linked = 0;
  for (let v = 0; v + 1 < graph.offsets.length; v++) if (graph.offsets[v + 1] > graph.offsets[v]) linked++;
  return linked;
}

/**
 * The network the clusters come from: direct citations when at least `minLinkedShare` of the
 * papers with references cite or are cited inside the corpus, else bibliographic coupling (a
 * corpus of recent papers cites little of itself but shares its references). `coupling` gives the
 * corpus's coupling graph (buildCouplingGraph over all `n` papers), asked for only when needed: the
 * pipeline computes it once for the hybrid topics and the clusters.
 */
export function chooseClusterGraph(
  n: number,
  layer: CitationLayer,
  opts: Pick<CitationNetworkOptions, 'minLinkedShare'>,
  coupling: () => PaperGraph,
): PaperGraph {
  const direct = buildDirectCitationGraph(n, layer);
  if (linkedPapers(direct) >= opts.minLinkedShare * layer.papersWithReferences) return direct;
  const graph = coupling();
  return linkedPapers(graph) > linkedPapers(direct) ? graph : direct;
}

/** A citation-based cluster, ids by size (0 = largest). */
export interface CitationCluster {
  id: number;
  size: number;
  /** Two or three terms from its papers' words (c-TF-IDF), '' when its papers have no text. */
  label: string;
  /** Its ten heaviest terms, in the label's order of relevance. */
  terms: string[];
  /** Its region in the network view, and how many of its papers that view draws. */
  x: number;
  y: number;
  radius: number;
  drawn: number;
}

/** A drawn paper of the network view. */
export interface NetworkPlace {
  paper: number;
  cluster: number;
  /** 0 = the cluster's best connected paper. */
  rank: number;
  x: number;
  y: number;
}

export interface CitationNetwork {
  network: ClusterNetwork;
  /** Cluster of each corpus paper, -1 when it is in none (no link, or a group too small). */
  clusterOf: Int32Array;
  clusters: CitationCluster[];
  /** Papers in a cluster: the clusters' sizes summed. */
  clustered: number;
  modularity: number;
  /** Papers with at least one link in the network the clusters come from. */
  linked: number;
  /** Sorted by paper. */
  places: NetworkPlace[];
  /** The most papers the view draws (`maxPapers`). */
  limit: number;
  width: number;
  height: number;
}

/** Words of a paper for labelling: its term ids (repeats kept), or null when it has no text. */
export type PaperTerms = (paper: number) => Int32Array | null;

/**
 * Names each cluster with the topics' labelling: class-based TF-IDF (BERTopic, arXiv:2203.05794)
 * over its papers' words, label terms picked by LDAvis relevance. Terms in a single paper are
 * left out (a label should say what several papers share).
 */
export function labelClusters(
  clusterOf: Int32Array,
  count: number,
  termsOf: PaperTerms,
  vocab: Pick<Vocabulary, 'terms' | 'display' | 'df'>,
): { label: string; terms: string[] }[] {
  const rows: number[] = [];
  const docs: Int32Array[] = [];
  for (let p = 0; p < clusterOf.length; p++) {
    if (clusterOf[p] < 0 || clusterOf[p] >= count) continue;
    const doc = termsOf(p);
    if (doc === null || doc.length === 0) continue;
    rows.push(p);
    docs.push(doc);
  }
  const column = new Int32Array(vocab.terms.length).fill(-1);
  const columnTerms: number[] = [];
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const counts = new Int32Array(vocab.terms.length);
  const cols: number[] = [];
  docs.forEach((doc, r) => {
    cols.length = 0;
    for (let i = 0; i < doc.length; i++) {
      const term = doc[i];
      if (vocab.df[term] < 2) continue;
      if (counts[term]++ > 0) continue;
      if (column[term] < 0) {
        column[term] = columnTerms.length;
        columnTerms.push(term);
      }
      cols.push(term);
    }
    cols.sort((x, y) => column[x] - column[y]);
    for (const term of cols) {
      indices.push(column[term]);
      values.push(counts[term]);
      counts[term] = 0;
    }
    indptr[r + 1] = indices.length;
  });
  const matrix: CsrMatrix = {
    rows: rows.length,
    cols: columnTerms.length,
    indptr,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
  const assignments = Int32Array.from(rows, (p) => clusterOf[p]);
  const classTerms = buildClassTerms(matrix, Int32Array.from(columnTerms), assignments, count, 30);
  return classTerms.map((ct) => {
    if (ct.termIds.length === 0) return { label: '', terms: [] };
    const ordered = ct.labelOrder.map((r) => ct.termIds[r]);
    return {
      label: formatTopicLabel(
        ordered,
        vocab.terms,
        vocab.display,
        3,
        ct.labelOrder.map((r) => ct.weights[r]),
      ),
      terms: ordered.slice(0, 10).map((t) => vocab.display[t]),
    };
  });
}

/**
 * The citation network view: Louvain clusters of `graph` (seeded), named by `labelClusters`, and
 * the seeded region layout of each drawn cluster's best connected papers (links inside the
 * cluster, then local citations), at most `maxPapers` in all.
 */
export function buildCitationNetwork(
  graph: PaperGraph,
  localCitedBy: Int32Array,
  termsOf: PaperTerms,
  vocab: Pick<Vocabulary, 'terms' | 'display' | 'df'>,
  opts: CitationNetworkOptions = DEFAULT_CITATION_NETWORK_OPTIONS,
): CitationNetwork {
  const linked = linkedPapers(graph);
  const { groupOf, groups, modularity } = buildCommunities(
    graph.offsets,
    graph.neighbors,
    graph.weights,
    1,
    deriveSeed(opts.seed, 'citation clusters'),
  );
  let count = 0;
  while (count < groups.length && count < opts.maxClusters && groups[count].size >= opts.minClusterSize) count++;
  const clusterOf = Int32Array.from(groupOf, (g) => (g < count ? g : -1));
  const empty: CitationNetwork = {
    network: graph.network,
    clusterOf,
    clusters: [],
    clustered: 0,
    modularity: 0,
    linked,
    places: [],
    limit: opts.maxPapers,
    width: 0,
    height: 0,
  };
  if (count === 0) return empty;
  const names = labelClusters(clusterOf, count, termsOf, vocab);
  const map = layoutCommunityMap(
    {
      offsets: graph.offsets,
      neighbors: graph.neighbors,
      papers: new Int32Array(graph.neighbors.length).fill(1),
      fractional: graph.weights,
      communityOf: groupOf,
      communitySizes: groups.map((g) => g.size),
      paperCount: Int32Array.from(localCitedBy, (c) => c + 1),
    },
    {
      minCommunitySize: opts.minClusterSize,
      maxCommunities: count,
      detailMaxAuthors: opts.maxPapers,
      detailTotalAuthors: opts.maxPapers,
      detailMinPerCommunity: opts.minClusterSize,
      networkMaxAuthors: opts.maxPapers,
      networkMinPerCommunity: opts.minClusterSize,
      ticks: opts.ticks,
      seed: deriveSeed(opts.seed, 'citation layout'),
    },
  );
  const clusters: CitationCluster[] = map.communities.map((c) => ({
    id: c.id,
    size: groups[c.id].size,
    label: names[c.id].label,
    terms: names[c.id].terms,
    x: c.x,
    y: c.y,
    radius: c.radius,
    drawn: c.network,
  }));
  const places = map.members
    .filter((m) => m.inNetwork)
    .map((m) => ({ paper: m.author, cluster: m.community, rank: m.rank, x: m.x, y: m.y }));
  return {
    network: graph.network,
    clusterOf,
    clusters,
    clustered: clusters.reduce((sum, c) => sum + c.size, 0),
    modularity: Math.round(modularity * 1e6) / 1e6,
    linked,
    places,
    limit: opts.maxPapers,
    width: map.width,
    height: map.height,
  };
}
