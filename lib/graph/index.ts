import type { Paper } from '../corpus/types';
import { deriveSeed } from '../random';
import { getAuthorIndex } from './authors';
import { accumulateBetweenness, buildBetweennessSources, finishBetweenness, splitSources } from './betweenness';
import { describeCommunities } from './community-facts';
import { layoutCommunityMap } from './community-map';
import { buildCommunities } from './communities';
import { buildComponents } from './components';
import { buildCoauthorAdjacency } from './edges';
import { runBesideGraphSide } from './side-job';
import type { AuthorStats, CoauthorEdges, CoauthorGraph, CoauthorGraphOptions, TopicCount } from './types';

export type * from './types';
export { buildEgoNetwork } from './ego';

/** Progress callback: stage name, items done, items in all. */
export type ProgressCallback = (stage: string, done: number, total: number) => void;

const DEFAULTS: Required<CoauthorGraphOptions> = {
  maxAuthorsPerPaper: 25,
  largePaperRule: 'skip',
  seed: 42,
  resolution: 1,
  communityWeight: 'fractional',
  exactBetweennessMaxNodes: 5000,
  betweennessPivots: 32,
  minCommunitySize: 5,
  maxMapCommunities: 400,
  detailMaxAuthors: 200,
  detailTotalAuthors: 16_000,
  networkMaxAuthors: 4000,
  layoutTicks: 100,
};

/** Builds the co-author graph of `papers`: per-author statistics, weighted edges (joint papers and
 * Newman's fractional weight), Louvain communities with modularity, connected components,
 * betweenness (exact, or sampled from seeded pivots on large graphs), what names each community,
 * and the seeded map of communities with their members laid out inside (community-map.ts). Papers with more than `maxAuthorsPerPaper` authors follow
 * `largePaperRule` (default: they add no edges; see `LargePaperRule`). `paperTopics[p]` is the
 * topic of `papers[p]`, or null before topics exist. Pure: same input and options, same output. */
export function buildCoauthorGraph(
  papers: Paper[],
  paperTopics: Int32Array | null,
  opts: CoauthorGraphOptions = {},
  onProgress?: ProgressCallback,
): CoauthorGraph {
  const options: Required<CoauthorGraphOptions> = { ...DEFAULTS, ...definedOnly(opts) };
  if (paperTopics && paperTopics.length !== papers.length) {
    throw new Error(`paperTopics has ${paperTopics.length} entries for ${papers.length} papers`);
  }
  const progress = onProgress ?? (() => {});

  progress('authors', 0, papers.length);
  const { keys, names, paperAuthors } = getAuthorIndex(papers);
  const n = keys.length;

  progress('edges', 0, n);
  const adjacency = buildCoauthorAdjacency(paperAuthors, n, options.maxAuthorsPerPaper, options.largePaperRule);
  const { offsets, neighbors } = adjacency;
  const edges = buildEdgeColumns(adjacency.offsets, adjacency.neighbors, adjacency.papers, adjacency.fractional);
  progress('edges', n, n);

  const components = buildComponents(offsets, neighbors);

  // Communities and half the betweenness sources here; the layout and the other half on a
  // worker when there is a second thread (the lanes are independent, see side-job.ts).
  progress('communities', 0, n);
  const pivots = n <= options.exactBetweennessMaxNodes ? n : options.betweennessPivots;
  const sources = buildBetweennessSources(n, pivots, deriveSeed(options.seed, 'betweenness'));
  const [ownSources, sideSources] = splitSources(sources);
  const { own, side } = runBesideGraphSide(
    () => {
      const found = buildCommunities(
        offsets,
        neighbors,
        options.communityWeight === 'papers' ? adjacency.papers : adjacency.fractional,
        options.resolution,
        deriveSeed(options.seed, 'louvain'),
      );
      progress('betweenness', 0, ownSources.length);
      const partial = accumulateBetweenness(offsets, neighbors, ownSources, (done, total) =>
        progress('betweenness', done, total),
      );
      return { communities: found, partial };
    },
    { offsets, neighbors, sources: sideSources },
  );
  const { communities } = own;
  const betweenness = finishBetweenness(own.partial, side.betweenness, sources.length, pivots < n);

  // Per-author paper counts and years; each author's paper topics gathered in one flat list
  // (CSR by author) and counted in a stamped scratch row, so no map per author.
  const paperCount = new Int32Array(n);
  const firstYear = new Int32Array(n).fill(0x7fffffff);
  const lastYear = new Int32Array(n).fill(-0x80000000);
  let papersWithoutNames = 0;
  for (let p = 0; p < papers.length; p++) {
    const ids = paperAuthors[p];
    if (ids.length === 0 && (papers[p].authorCount ?? 0) > 0) papersWithoutNames++;
    const year = paperYear(papers[p]);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i];
      paperCount[a]++;
      if (year !== null) {
        if (year < firstYear[a]) firstYear[a] = year;
        if (year > lastYear[a]) lastYear[a] = year;
      }
    }
  }
  const mainTopics = paperTopics ? buildMainTopics(paperAuthors, paperTopics, paperCount) : null;

  progress('layout', 0, 1);
  const map = layoutCommunityMap(
    {
      offsets,
      neighbors,
      papers: adjacency.papers,
      fractional: adjacency.fractional,
      communityOf: communities.groupOf,
      communitySizes: communities.groups.map((g) => g.size),
      paperCount,
    },
    {
      minCommunitySize: options.minCommunitySize,
      maxCommunities: options.maxMapCommunities,
      detailMaxAuthors: options.detailMaxAuthors,
      detailTotalAuthors: options.detailTotalAuthors,
      detailMinPerCommunity: 40,
      networkMaxAuthors: options.networkMaxAuthors,
      networkMinPerCommunity: 5,
      ticks: options.layoutTicks,
      seed: deriveSeed(options.seed, 'layout'),
    },
  );
  const communityFacts = describeCommunities(
    communities.groupOf,
    communities.groups.length,
    paperAuthors,
    paperTopics,
    paperCount,
    (a) => offsets[a + 1] - offsets[a],
  );
  progress('layout', 1, 1);

  const authors: AuthorStats[] = new Array(n);
  for (let a = 0; a < n; a++) {
    let weighted = 0;
    let fractional = 0;
    for (let e = offsets[a]; e < offsets[a + 1]; e++) {
      weighted += adjacency.papers[e];
      fractional += adjacency.fractional[e];
    }
    const seen = lastYear[a] >= firstYear[a];
    authors[a] = {
      id: a,
      key: keys[a],
      name: names[a],
      paperCount: paperCount[a],
      coauthorCount: adjacency.coauthorCounts[a],
      firstYear: seen ? firstYear[a] : null,
      lastYear: seen ? lastYear[a] : null,
      mainTopics: mainTopics ? mainTopics[a] : [],
      degree: offsets[a + 1] - offsets[a],
      weightedDegree: weighted,
      fractionalDegree: fractional,
      betweenness: betweenness.values[a],
      community: communities.groupOf[a],
      component: components.groupOf[a],
    };
  }

  return {
    authors,
    paperAuthors,
    edges,
    communities: communities.groups,
    communityFacts,
    modularity: communities.modularity,
    components: components.groups,
    componentLaidOut: laidOutComponents(components.groups.length, components.groupOf, map.members),
    map,
    betweennessSampled: betweenness.sampled,
    largePapers: adjacency.largePapers,
    papersWithoutNames,
    options,
  };
}

/** 1 for each component with a member on the community map, else 0. */
function laidOutComponents(count: number, componentOf: Int32Array, members: readonly { author: number }[]): Uint8Array {
  const laidOut = new Uint8Array(count);
  for (const m of members) laidOut[componentOf[m.author]] = 1;
  return laidOut;
}

/** The year of a paper: from its date when it has one, else its year field. */
function paperYear(paper: Paper): number | null {
  if (paper.date) return Number(paper.date.slice(0, 4));
  return paper.year;
}

/** Up to three topics per author with the most of their papers (count desc, topic asc). */
function buildMainTopics(paperAuthors: Int32Array[], paperTopics: Int32Array, paperCount: Int32Array): TopicCount[][] {
  const n = paperCount.length;
  const start = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) start[a + 1] = start[a] + paperCount[a];
  const topics = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  // Topics are >= 0; a paper without one (-1: too little text to model) counts in no topic.
  const low = 0;
  let high = -1;
  for (let p = 0; p < paperAuthors.length; p++) {
    const ids = paperAuthors[p];
    if (ids.length === 0) continue;
    const topic = paperTopics[p];
    if (topic > high) high = topic;
    for (let i = 0; i < ids.length; i++) topics[fill[ids[i]]++] = topic;
  }
  const counts = new Int32Array(Math.max(0, high - low + 1));
  const distinct: number[] = [];
  const out: TopicCount[][] = new Array(n);
  for (let a = 0; a < n; a++) {
    distinct.length = 0;
    for (let i = start[a]; i < start[a + 1]; i++) {
      if (topics[i] >= 0 && counts[topics[i] - low]++ === 0) distinct.push(topics[i]);
    }
    distinct.sort((x, y) => counts[y - low] - counts[x - low] || x - y);
    const top: TopicCount[] = [];
    for (let i = 0; i < distinct.length; i++) {
      if (i < 3) top.push({ topic: distinct[i], count: counts[distinct[i] - low] });
      counts[distinct[i] - low] = 0;
    }
    out[a] = top;
  }
  return out;
}

/** Keeps each undirected edge once (source < target); CSR rows are already sorted by id. */
function buildEdgeColumns(
  offsets: Int32Array,
  neighbors: Int32Array,
  papers: Int32Array,
  fractional: Float64Array,
): CoauthorEdges {
  const m = neighbors.length / 2;
  const edges: CoauthorEdges = {
    source: new Int32Array(m),
    target: new Int32Array(m),
    papers: new Int32Array(m),
    fractional: new Float64Array(m),
  };
  let row = 0;
  for (let v = 0; v + 1 < offsets.length; v++) {
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      if (neighbors[e] <= v) continue;
      edges.source[row] = v;
      edges.target[row] = neighbors[e];
      edges.papers[row] = papers[e];
      edges.fractional[row] = fractional[e];
      row++;
    }
  }
  return edges;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
