/**
 * Co-occurrence maps, the way VOSviewer draws term, keyword, institution and country maps: items
 * (terms of the abstracts, the sources' keywords, institutions, countries) linked by the papers
 * they share, normalized by association strength (the co-occurrences over what their frequencies
 * would give by chance), clustered with Louvain on those strengths, and laid out so that items that
 * go together sit together. Pure and seeded.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationNodeDatum } from 'd3-force';
import { createRandom, shuffledIndices } from '../random';
import { buildCommunities } from './communities';

export type CooccurrenceKind = 'terms' | 'keywords' | 'institutions' | 'countries' | 'cocitation' | 'coupling';

export interface CooccurrenceOptions {
  /** At most this many items, the most frequent (after `minPapers`). */
  maxItems: number;
  /** Items in fewer papers are left out. */
  minPapers: number;
  /** Items in more papers are left out too (a reference nearly every paper cites is co-cited with
   * everything); none when absent. */
  maxPapers?: number;
  /** Each item keeps its strongest links (by association strength), so the map stays readable. */
  linksPerItem: number;
  seed: number;
  ticks: number;
}

export const DEFAULT_COOCCURRENCE_OPTIONS: CooccurrenceOptions = {
  maxItems: 300,
  minPapers: 3,
  linksPerItem: 8,
  seed: 42,
  ticks: 300,
};

export interface CooccurrenceItem {
  /** Index into the caller's item list. */
  item: number;
  label: string;
  papers: number;
  cluster: number;
  x: number;
  y: number;
}

export interface CooccurrenceLink {
  /** Positions in `items` (not the caller's ids), source < target. */
  source: number;
  target: number;
  /** Papers with both items. */
  papers: number;
  /** Association strength: papers · N / (papers_source · papers_target); 1 = as chance gives. */
  strength: number;
}

export interface CooccurrenceMap {
  kind: CooccurrenceKind;
  items: CooccurrenceItem[];
  links: CooccurrenceLink[];
  clusters: number;
  /** Bounding box of the positions (origin at the top-left). */
  width: number;
  height: number;
}

/**
 * The labels of a map's items: every item's, or (where labelling them all would cost a pass over
 * tens of millions of references) how many items there are and a function that labels the drawn ones.
 */
export type ItemLabels = readonly string[] | { count: number; labelItems: (items: readonly number[]) => string[] };

interface SimNode extends SimulationNodeDatum {
  index: number;
}

/**
 * The map of `labels` from the items of each paper (`paperItems[p]`: distinct item ids). Items
 * are ranked by `rank` when given (a relevance score), else by papers; ties by id.
 */
export function buildCooccurrenceMap(
  kind: CooccurrenceKind,
  labels: ItemLabels,
  paperItems: readonly Int32Array[],
  opts: CooccurrenceOptions = DEFAULT_COOCCURRENCE_OPTIONS,
  rank?: Float64Array,
): CooccurrenceMap {
  const itemCount = 'labelItems' in labels ? labels.count : labels.length;
  const papersOf = new Int32Array(itemCount);
  for (const items of paperItems) for (let i = 0; i < items.length; i++) papersOf[items[i]]++;
  const candidates: number[] = [];
  const maxPapers = opts.maxPapers ?? Infinity;
  for (let i = 0; i < itemCount; i++) {
    if (papersOf[i] >= opts.minPapers && papersOf[i] <= maxPapers) candidates.push(i);
  }
  const score = (i: number) => (rank ? rank[i] : papersOf[i]);
  candidates.sort((a, b) => score(b) - score(a) || papersOf[b] - papersOf[a] || a - b);
  const chosen = candidates.slice(0, opts.maxItems).sort((a, b) => papersOf[b] - papersOf[a] || a - b);
  const n = chosen.length;
  const empty: CooccurrenceMap = { kind, items: [], links: [], clusters: 0, width: 0, height: 0 };
  if (n === 0) return empty;
  const at = new Int32Array(itemCount).fill(-1);
  chosen.forEach((item, i) => (at[item] = i));

  // Co-occurrence counts in a dense upper triangle (n ≤ a few hundred).
  const counts = new Int32Array(n * n);
  const local: number[] = [];
  let papersWithItems = 0;
  for (const items of paperItems) {
    local.length = 0;
    for (let i = 0; i < items.length; i++) if (at[items[i]] >= 0) local.push(at[items[i]]);
    if (local.length > 0) papersWithItems++;
    for (let i = 0; i < local.length; i++) {
      for (let j = i + 1; j < local.length; j++) {
        const a = Math.min(local[i], local[j]);
        const b = Math.max(local[i], local[j]);
        counts[a * n + b]++;
      }
    }
  }
  const all: CooccurrenceLink[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const c = counts[a * n + b];
      if (c === 0) continue;
      const strength = (c * papersWithItems) / (papersOf[chosen[a]] * papersOf[chosen[b]]);
      all.push({ source: a, target: b, papers: c, strength });
    }
  }
  // Each item keeps its strongest links; a link needs two papers unless the item has no other.
  const perItem: CooccurrenceLink[][] = Array.from({ length: n }, () => []);
  for (const l of all) {
    perItem[l.source].push(l);
    perItem[l.target].push(l);
  }
  const keep = new Set<CooccurrenceLink>();
  for (const list of perItem) {
    list.sort(
      (p, q) =>
        q.strength * Math.log1p(q.papers) - p.strength * Math.log1p(p.papers) ||
        p.source - q.source ||
        p.target - q.target,
    );
    const solid = list.filter((l) => l.papers >= 2);
    const pick = solid.length > 0 ? solid : list;
    for (let i = 0; i < pick.length && i < opts.linksPerItem; i++) keep.add(pick[i]);
  }
  const links = all.filter((l) => keep.has(l)).map((l) => ({ ...l, strength: Math.round(l.strength * 1e4) / 1e4 }));

  // Louvain on association strength (log-damped so a pair of rare items does not dominate).
  const degree = new Int32Array(n);
  for (const l of links) {
    degree[l.source]++;
    degree[l.target]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (const l of links) {
    const w = Math.log1p(l.strength) * Math.log1p(l.papers);
    neighbors[fill[l.source]] = l.target;
    weights[fill[l.source]++] = w;
    neighbors[fill[l.target]] = l.source;
    weights[fill[l.target]++] = w;
  }
  const { groupOf, groups } = buildCommunities(offsets, neighbors, weights, 1, opts.seed);

  const pos = layoutItems(n, links, groupOf, papersOf, chosen, opts);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, pos.x[i]);
    minY = Math.min(minY, pos.y[i]);
    maxX = Math.max(maxX, pos.x[i]);
    maxY = Math.max(maxY, pos.y[i]);
  }
  const margin = 20;
  const names = 'labelItems' in labels ? labels.labelItems(chosen) : chosen.map((item) => labels[item]);
  const items = chosen.map((item, i) => ({
    item,
    label: names[i],
    papers: papersOf[item],
    cluster: groupOf[i],
    x: Math.round((pos.x[i] - minX + margin) * 10) / 10,
    y: Math.round((pos.y[i] - minY + margin) * 10) / 10,
  }));
  return {
    kind,
    items,
    links,
    clusters: groups.length,
    width: Math.round((maxX - minX + 2 * margin) * 10) / 10,
    height: Math.round((maxY - minY + 2 * margin) * 10) / 10,
  };
}

/** A force layout by association strength, with each cluster pulled toward its own centre so
 * clusters read as areas (VOSviewer's maps look this way), and no two items on top of each other. */
function layoutItems(
  n: number,
  links: readonly CooccurrenceLink[],
  groupOf: Int32Array,
  papersOf: Int32Array,
  chosen: number[],
  opts: CooccurrenceOptions,
): { x: Float64Array; y: Float64Array } {
  const random = createRandom(opts.seed);
  const slots = shuffledIndices(n, random);
  const nodes: SimNode[] = Array.from({ length: n }, (_, i) => {
    const r = 12 * Math.sqrt(0.5 + slots[i]);
    const angle = slots[i] * Math.PI * (3 - Math.sqrt(5));
    return { index: i, x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
  let maxStrength = 0;
  for (const l of links) maxStrength = Math.max(maxStrength, Math.log1p(l.strength));
  const radius = (i: number) => 3 + 2 * Math.sqrt(papersOf[chosen[i]] / Math.max(1, papersOf[chosen[0]])) * 6;
  // Cluster centres on a circle proportional to the cluster count; weak pull, so links still shape the map.
  let clusters = 0;
  for (let i = 0; i < n; i++) clusters = Math.max(clusters, groupOf[i] + 1);
  const ring = 40 * Math.sqrt(n);
  const cx = (i: number) => (clusters > 1 ? ring * Math.cos((2 * Math.PI * groupOf[i]) / clusters) : 0);
  const cy = (i: number) => (clusters > 1 ? ring * Math.sin((2 * Math.PI * groupOf[i]) / clusters) : 0);
  forceSimulation(nodes)
    .randomSource(random)
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, opts.ticks)))
    .force(
      'link',
      forceLink<SimNode, CooccurrenceLink>(links.map((l) => ({ ...l })))
        .distance(40)
        .strength((l) => (maxStrength > 0 ? 0.05 + (0.6 * Math.log1p(l.strength)) / maxStrength : 0.2)),
    )
    .force('charge', forceManyBody<SimNode>().strength(-60).theta(0.9))
    .force(
      'collide',
      forceCollide<SimNode>((d) => radius(d.index) + 2),
    )
    .force('x', forceX<SimNode>((d) => cx(d.index)).strength(0.04))
    .force('y', forceY<SimNode>((d) => cy(d.index)).strength(0.04))
    .stop()
    .tick(opts.ticks);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  nodes.forEach((node, i) => {
    x[i] = node.x!;
    y[i] = node.y!;
  });
  return { x, y };
}
