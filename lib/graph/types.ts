/**
 * The co-author graph: options and results of `buildCoauthorGraph`, shaped so the store can write
 * each part straight into a table (authors, edges, communities, components, layout).
 */
import type { CommunityFacts } from './community-facts';
import type { CommunityMap } from './community-map';

/** How a paper with more than `maxAuthorsPerPaper` authors enters the graph.
 * - `'skip'` (default): it adds no edges. Its authors still count it (papers, years, topics), but a
 *   consortium paper with hundreds of names says little about who works with whom, and its
 *   n(n-1)/2 pairs would swamp the edge table.
 * - `'first-authors'`: only its first `maxAuthorsPerPaper` listed authors are linked, and every
 *   such pair's fractional weight is 1/(n-1) with the paper's true author count n, so the paper is
 *   down-weighted as its size deserves. */
export type LargePaperRule = 'skip' | 'first-authors';

/** Options of `buildCoauthorGraph`; every field has a default. */
export interface CoauthorGraphOptions {
  /** Papers with more authors than this follow `largePaperRule`. Default 25. */
  maxAuthorsPerPaper?: number;
  /** Default 'skip'. */
  largePaperRule?: LargePaperRule;
  /** Seed for Louvain, betweenness pivots and the layout. Default 42. */
  seed?: number;
  /** Louvain resolution (1 = classic modularity; higher gives smaller communities). Default 1. */
  resolution?: number;
  /** Edge weight Louvain optimises: joint papers or fractional weight. Default 'fractional'. */
  communityWeight?: 'papers' | 'fractional';
  /** Betweenness is exact up to this many authors, sampled with pivots above. Default 5000. */
  exactBetweennessMaxNodes?: number;
  /** Seeded pivot sources for sampled betweenness (Brandes & Pich 2007). Default 32: enough to
   * rank the main brokers; each pivot costs one breadth-first search over the whole graph. */
  betweennessPivots?: number;
  /** Communities smaller than this are counted, not drawn on the map. Default 5. */
  minCommunitySize?: number;
  /** At most this many communities (the largest) are drawn. Default 400. */
  maxMapCommunities?: number;
  /** Members laid out in one community's detail view (its most connected). Default 200. */
  detailMaxAuthors?: number;
  /** Members laid out over all drawn communities. Default 16,000 (about 4 s of layout). */
  detailTotalAuthors?: number;
  /** Authors drawn in the whole-network view, shared out over the communities. Default 4000. */
  networkMaxAuthors?: number;
  /** d3-force ticks of each layout; the simulation cools to alphaMin over them. Default 100. */
  layoutTicks?: number;
}

/** A topic and how many of the author's papers it holds. */
export interface TopicCount {
  topic: number;
  count: number;
}

/** One author (a merged identity). Ids are 0..n-1 in order of first appearance over the papers. */
export interface AuthorStats {
  id: number;
  /** Identity key from ingestion (`AuthorName.key`). */
  key: string;
  /** The most frequent spelling of the name under this key (ties: the first seen). */
  name: string;
  paperCount: number;
  /** Distinct co-authors over all the author's papers, large papers included. */
  coauthorCount: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Up to three topics with the most of this author's papers (count desc, topic id asc). Empty
   * when no topics were given. */
  mainTopics: TopicCount[];
  /** Distinct co-authors linked by an edge in the graph (large papers follow the rule). */
  degree: number;
  /** Sum of the joint-paper weights of the author's edges. */
  weightedDegree: number;
  /** Sum of the fractional weights of the author's edges (= the author's multi-author papers that
   * formed edges, under the 'skip' rule). */
  fractionalDegree: number;
  /** Shortest-path betweenness (unweighted, undirected), normalised by (n-1)(n-2)/2 over all n
   * authors as NetworkX does with `normalized=True`; an estimate when `betweennessSampled`. */
  betweenness: number;
  community: number;
  component: number;
}

/** Co-authorship edges, column-wise, one row per linked pair with `source < target`, sorted by
 * (source, target). */
export interface CoauthorEdges {
  source: Int32Array;
  target: Int32Array;
  /** Joint papers of the pair. */
  papers: Int32Array;
  /** Sum over joint papers of 1/(n-1), n = the paper's author count (Newman 2001). */
  fractional: Float64Array;
}

/** A community (Louvain) or a connected component, with its size. Ids are 0.. in order of size
 * (largest first; ties by smallest author id). */
export interface AuthorGroup {
  id: number;
  size: number;
}

/** Everything `buildCoauthorGraph` computes. */
export interface CoauthorGraph {
  /** Indexed by author id. */
  authors: AuthorStats[];
  /** Author ids of each paper, in the paper's author order (parallel to the input papers). */
  paperAuthors: Int32Array[];
  edges: CoauthorEdges;
  communities: AuthorGroup[];
  /** Papers, main topic and best-known members of each community (indexed by community id). */
  communityFacts: CommunityFacts[];
  /** Modularity of the Louvain partition on the weight it optimised. */
  modularity: number;
  components: AuthorGroup[];
  /** 1 for each component (by id) with a member on the community map, else 0. */
  componentLaidOut: Uint8Array;
  /** The map of communities and their members' positions. */
  map: CommunityMap;
  betweennessSampled: boolean;
  /** Papers with more than `maxAuthorsPerPaper` authors (they follow `largePaperRule`). */
  largePapers: number;
  /** Papers that list authors only as a count (no names): absent from the graph. */
  papersWithoutNames: number;
  /** The options after defaults, for the build's record. */
  options: Required<CoauthorGraphOptions>;
}

/** An author's ego network: the author, their co-authors, and the edges among all of them. */
export interface EgoNetwork {
  author: number;
  /** The author first, then co-authors by id. */
  nodes: number[];
  /** Row indices into the `CoauthorEdges` columns. */
  edges: number[];
}
