/**
 * The map of communities and the network drawn as regions, the way VOSviewer shows a
 * collaboration network: each community of at least `minCommunitySize` authors is a disc, discs of
 * communities that work together are pulled close, and inside its disc a community's most
 * connected members are laid out by their own links, grouped by sub-community. One set of
 * coordinates serves three views: the community map (disc centres), a community's detail view
 * (its members' local positions) and the whole network (local positions placed in the discs).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationNodeDatum } from 'd3-force';
import { createRandom, deriveSeed, shuffledIndices, type RandomSource } from '../random';
import { buildCommunities } from './communities';

/** Options of {@link layoutCommunityMap}; every field has a default in the graph stage. */
export interface CommunityMapOptions {
  /** Communities smaller than this are grouped and counted, not drawn. */
  minCommunitySize: number;
  /** At most this many communities (the largest) are drawn. */
  maxCommunities: number;
  /** Members laid out in a community's detail view (its most connected). */
  detailMaxAuthors: number;
  /** Members laid out over all communities (each keeps up to `detailMinPerCommunity`). */
  detailTotalAuthors: number;
  detailMinPerCommunity: number;
  /** Authors drawn in the whole-network view, shared out over the drawn communities. */
  networkMaxAuthors: number;
  /** Each drawn community shows at least this many members in the network view (fewer if smaller). */
  networkMinPerCommunity: number;
  /** d3-force ticks of each layout. */
  ticks: number;
  seed: number;
}

/** The co-author graph as the map needs it: CSR adjacency with both weights, and per-author facts. */
export interface CommunityMapInput {
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Joint papers per CSR entry. */
  papers: Int32Array;
  /** Fractional weight per CSR entry. */
  fractional: Float64Array;
  /** Community of each author (ids 0.. by size, largest first). */
  communityOf: Int32Array;
  communitySizes: number[];
  /** Papers of each author. */
  paperCount: Int32Array;
}

/** A drawn community: a disc in the network view. */
export interface MappedCommunity {
  id: number;
  /** Centre and radius of its region, in network units (a link rests at about 30). */
  x: number;
  y: number;
  radius: number;
  /** Members laid out for the detail view, and how many of them the network view draws. */
  detail: number;
  network: number;
  /** Sub-communities among the laid-out members. */
  subCommunities: number;
}

/** Collaboration between two drawn communities (`source < target`). */
export interface CommunityLink {
  source: number;
  target: number;
  /** Joint papers and fractional weight summed over the author pairs that cross. */
  papers: number;
  weight: number;
  /** Association strength (VOSviewer): weight · total / (strength_source · strength_target); 1 = as
   * much as chance would give. */
  strength: number;
}

/** A laid-out author. */
export interface MemberPlace {
  author: number;
  community: number;
  /** 0 = the community's most connected member. */
  rank: number;
  sub: number;
  /** Position inside the community's detail view, in the unit disc. */
  localX: number;
  localY: number;
  /** Position in the network view. */
  x: number;
  y: number;
  /** True when the network view draws this author (the community's first `network` ranks). */
  inNetwork: boolean;
}

export interface CommunityMap {
  communities: MappedCommunity[];
  links: CommunityLink[];
  /** Sorted by author id. */
  members: MemberPlace[];
  /** Bounding box of the network view (origin at its top-left). */
  width: number;
  height: number;
}

/** Rest length of a co-author link inside a community, in network units. */
const LINK_DISTANCE = 30;
/** Region radius per square root of the authors it draws. */
const REGION_SPACING = 16;
/** Gap kept between regions. */
const REGION_GAP = 24;
/** Links kept per community on the map: its strongest by association strength. */
const LINKS_PER_COMMUNITY = 8;

interface SimNode extends SimulationNodeDatum {
  index: number;
}

/** Lays out the drawn communities and their members. Pure and seeded: same input, same map. */
export function layoutCommunityMap(input: CommunityMapInput, opts: CommunityMapOptions): CommunityMap {
  const { offsets, neighbors, communityOf, communitySizes, paperCount } = input;
  const n = offsets.length - 1;
  let drawn = 0;
  while (
    drawn < communitySizes.length &&
    drawn < opts.maxCommunities &&
    communitySizes[drawn] >= opts.minCommunitySize
  ) {
    drawn++;
  }
  if (drawn === 0) return { communities: [], links: [], members: [], width: 0, height: 0 };

  // Members of each drawn community, most connected inside it first.
  const internal = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = communityOf[v];
    if (c >= drawn) continue;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) if (communityOf[neighbors[e]] === c) internal[v]++;
  }
  const members: number[][] = Array.from({ length: drawn }, () => []);
  for (let v = 0; v < n; v++) if (communityOf[v] < drawn) members[communityOf[v]].push(v);
  for (const list of members) list.sort((a, b) => internal[b] - internal[a] || paperCount[b] - paperCount[a] || a - b);
  const sizes = communitySizes.slice(0, drawn);
  const detailCounts = shareNetworkBudget(
    members.map((m) => Math.min(m.length, opts.detailMaxAuthors)),
    sizes,
    opts.detailTotalAuthors,
    opts.detailMinPerCommunity,
  );
  members.forEach((list, c) => (list.length = detailCounts[c]));
  const networkCounts = shareNetworkBudget(detailCounts, sizes, opts.networkMaxAuthors, opts.networkMinPerCommunity);

  // Inside each community: sub-communities, then a grouped force layout in the unit disc.
  const local = new Int32Array(n).fill(-1);
  const places: MemberPlace[] = [];
  const communities: MappedCommunity[] = [];
  for (let c = 0; c < drawn; c++) {
    const list = members[c];
    list.forEach((v, i) => (local[v] = i));
    const sub = inducedSubgraph(input, list, local);
    const subOf =
      list.length >= 8
        ? buildCommunities(sub.offsets, sub.neighbors, sub.weights, 1, deriveSeed(opts.seed, `sub ${c}`)).groupOf
        : new Int32Array(list.length);
    let subCount = 0;
    for (let i = 0; i < subOf.length; i++) subCount = Math.max(subCount, subOf[i] + 1);
    const pos = layoutGrouped(sub, subOf, subCount, networkCounts[c], opts.ticks, deriveSeed(opts.seed, `inside ${c}`));
    for (const v of list) local[v] = -1;
    list.forEach((author, i) =>
      places.push({
        author,
        community: c,
        rank: i,
        sub: subOf[i],
        localX: round(pos.x[i], 1e4),
        localY: round(pos.y[i], 1e4),
        x: 0,
        y: 0,
        inNetwork: i < networkCounts[c],
      }),
    );
    communities.push({
      id: c,
      x: 0,
      y: 0,
      radius: REGION_SPACING * Math.sqrt(Math.max(1, networkCounts[c])) + 4,
      detail: list.length,
      network: networkCounts[c],
      subCommunities: subCount,
    });
  }

  const links = buildCommunityLinks(input, drawn);
  const centres = packRegions(
    communities.map((c) => c.radius),
    links,
    opts.ticks * 2,
    deriveSeed(opts.seed, 'regions'),
  );
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  communities.forEach((c, i) => {
    minX = Math.min(minX, centres.x[i] - c.radius);
    minY = Math.min(minY, centres.y[i] - c.radius);
    maxX = Math.max(maxX, centres.x[i] + c.radius);
    maxY = Math.max(maxY, centres.y[i] + c.radius);
  });
  const margin = REGION_GAP;
  communities.forEach((c, i) => {
    c.x = round(centres.x[i] - minX + margin, 10);
    c.y = round(centres.y[i] - minY + margin, 10);
    c.radius = round(c.radius, 10);
  });
  for (const p of places) {
    const c = communities[p.community];
    p.x = round(c.x + p.localX * c.radius, 10);
    p.y = round(c.y + p.localY * c.radius, 10);
  }
  places.sort((a, b) => a.author - b.author);
  return {
    communities,
    links,
    members: places,
    width: round(maxX - minX + 2 * margin, 10),
    height: round(maxY - minY + 2 * margin, 10),
  };
}

/** Shares `budget` drawn authors over communities: each gets up to `minEach`, the rest in
 * proportion to size (largest remainders first), never more than it has laid out. */
export function shareNetworkBudget(laidOut: number[], sizes: number[], budget: number, minEach: number): number[] {
  const out = laidOut.map((m) => Math.min(m, minEach));
  let left = budget - out.reduce((s, v) => s + v, 0);
  if (left <= 0) return out;
  for (let round = 0; round < 8 && left > 0; round++) {
    const open: number[] = [];
    let total = 0;
    for (let c = 0; c < out.length; c++) {
      if (out[c] < laidOut[c]) {
        open.push(c);
        total += sizes[c];
      }
    }
    if (open.length === 0) break;
    const shares = open.map((c) => ({ c, exact: (left * sizes[c]) / total }));
    let given = 0;
    for (const sh of shares) {
      const add = Math.min(laidOut[sh.c] - out[sh.c], Math.floor(sh.exact));
      out[sh.c] += add;
      given += add;
    }
    // Seats the whole shares left over go by largest remainder (Hamilton's method).
    shares.sort((p, q) => q.exact - Math.floor(q.exact) - (p.exact - Math.floor(p.exact)) || p.c - q.c);
    for (const sh of shares) {
      if (given >= left) break;
      if (out[sh.c] < laidOut[sh.c]) {
        out[sh.c]++;
        given++;
      }
    }
    if (given === 0) break;
    left -= given;
  }
  return out;
}

/** A community's laid-out members as a small weighted CSR graph (local ids = rank). */
interface Subgraph {
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

function inducedSubgraph(input: CommunityMapInput, list: number[], local: Int32Array): Subgraph {
  const offsets = new Int32Array(list.length + 1);
  const neighbors: number[] = [];
  const weights: number[] = [];
  list.forEach((v, i) => {
    for (let e = input.offsets[v]; e < input.offsets[v + 1]; e++) {
      const w = local[input.neighbors[e]];
      if (w >= 0) {
        neighbors.push(w);
        weights.push(input.fractional[e]);
      }
    }
    offsets[i + 1] = neighbors.length;
  });
  return { offsets, neighbors: Int32Array.from(neighbors), weights: Float64Array.from(weights) };
}

/**
 * Positions in the unit disc: each sub-community laid out by its links, then the sub-communities
 * packed as discs pulled together by the links between them, so groups show as places and the
 * authors who bridge them sit on the sides that face each other. The unit disc holds the first
 * `core` nodes (those the network view draws); nodes beyond may fall a little outside it.
 */
function layoutGrouped(
  graph: Subgraph,
  groupOf: Int32Array,
  groups: number,
  core: number,
  ticks: number,
  seed: number,
): { x: Float64Array; y: Float64Array } {
  const n = groupOf.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n === 0) return { x, y };
  const random = createRandom(seed);
  const byGroup: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) byGroup[groupOf[i]].push(i);
  const radii: number[] = [];
  for (const list of byGroup) {
    const pos = forceInside(graph, list, ticks, random);
    list.forEach((v, i) => {
      x[v] = pos.x[i];
      y[v] = pos.y[i];
    });
    radii.push(pos.radius + LINK_DISTANCE / 2);
  }
  // Links between groups, for pulling related groups together.
  const between = new Map<number, CommunityLink>();
  for (let v = 0; v < n; v++) {
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
      const w = graph.neighbors[e];
      const a = groupOf[v];
      const b = groupOf[w];
      if (w <= v || a === b) continue;
      const s = Math.min(a, b);
      const t = Math.max(a, b);
      const key = s * groups + t;
      const link = between.get(key);
      if (link) link.weight += graph.weights[e];
      else between.set(key, { source: s, target: t, papers: 0, weight: graph.weights[e], strength: 1 });
    }
  }
  const centres = packRegions(radii, [...between.values()], ticks, Math.floor(random() * 2 ** 31));
  for (let i = 0; i < n; i++) {
    x[i] += centres.x[groupOf[i]];
    y[i] += centres.y[groupOf[i]];
  }
  // Centre on the drawn core and scale so it fits the unit disc.
  const m = Math.max(1, Math.min(core, n));
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < m; i++) {
    cx += x[i];
    cy += y[i];
  }
  cx /= m;
  cy /= m;
  let reach = 0;
  for (let i = 0; i < m; i++) reach = Math.max(reach, Math.hypot(x[i] - cx, y[i] - cy));
  const scale = reach > 0 ? 1 / reach : 0;
  for (let i = 0; i < n; i++) {
    x[i] = (x[i] - cx) * scale;
    y[i] = (y[i] - cy) * scale;
  }
  return { x, y };
}

/** A force layout of `list` (local node ids of `graph`) by the links among them, centred at 0. */
function forceInside(
  graph: Subgraph,
  list: number[],
  ticks: number,
  random: RandomSource,
): { x: Float64Array; y: Float64Array; radius: number } {
  const m = list.length;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  if (m === 1) return { x, y, radius: 0 };
  const at = new Map<number, number>();
  list.forEach((v, i) => at.set(v, i));
  const slots = shuffledIndices(m, random);
  const nodes: SimNode[] = list.map((_, i) => {
    const r = 10 * Math.sqrt(0.5 + slots[i]);
    const angle = slots[i] * Math.PI * (3 - Math.sqrt(5));
    return { index: i, x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
  const links: { source: number; target: number; weight: number }[] = [];
  list.forEach((v, i) => {
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
      const j = at.get(graph.neighbors[e]);
      if (j !== undefined && j > i) links.push({ source: i, target: j, weight: graph.weights[e] });
    }
  });
  forceSimulation(nodes)
    .randomSource(random)
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, ticks)))
    .force(
      'link',
      forceLink<SimNode, { source: number; target: number; weight: number }>(links)
        .distance(LINK_DISTANCE)
        .strength((l) => Math.min(1, 0.3 + 0.7 * l.weight)),
    )
    .force('charge', forceManyBody<SimNode>().strength(-40).theta(1.2))
    // Gravity keeps loosely linked members (and separate pieces) inside the region.
    .force('x', forceX<SimNode>(0).strength(0.08))
    .force('y', forceY<SimNode>(0).strength(0.08))
    .stop()
    .tick(ticks);
  let cx = 0;
  let cy = 0;
  for (const node of nodes) {
    cx += node.x!;
    cy += node.y!;
  }
  cx /= m;
  cy /= m;
  let radius = 0;
  nodes.forEach((node, i) => {
    x[i] = node.x! - cx;
    y[i] = node.y! - cy;
    radius = Math.max(radius, Math.hypot(x[i], y[i]));
  });
  return { x, y, radius };
}

/**
 * Centres for discs of the given radii: linked discs attract in proportion to their link's
 * strength, all repel, none overlap (a collision force with the radii plus a gap), and a weak
 * gravity packs unlinked discs around the rest. Seeded, a fixed number of ticks.
 */
function packRegions(
  radii: number[],
  links: readonly CommunityLink[],
  ticks: number,
  seed: number,
): { x: Float64Array; y: Float64Array } {
  const n = radii.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n <= 1) return { x, y };
  const random = createRandom(seed);
  const slots = shuffledIndices(n, random);
  const spread = Math.sqrt(radii.reduce((s, r) => s + r * r, 0));
  const nodes: SimNode[] = radii.map((_, i) => {
    // Larger regions start nearer the centre (phyllotaxis by size order, seeded among equals).
    const r = (spread * Math.sqrt(0.5 + i)) / Math.sqrt(n);
    const angle = (i + slots[i] * 1e-3) * Math.PI * (3 - Math.sqrt(5));
    return { index: i, x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
  let maxStrength = 0;
  for (const l of links) maxStrength = Math.max(maxStrength, Math.log1p(l.strength));
  const simLinks = links.map((l) => ({ source: l.source, target: l.target, strength: l.strength }));
  const gravity = 0.6 / Math.sqrt(n);
  forceSimulation(nodes)
    .randomSource(random)
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, ticks)))
    .force(
      'link',
      forceLink<SimNode, { source: number; target: number; strength: number }>(simLinks)
        .distance((l) => radii[nodeIndex(l.source)] + radii[nodeIndex(l.target)] + REGION_GAP)
        .strength((l) => (maxStrength > 0 ? (0.05 + 0.45 * Math.log1p(l.strength)) / maxStrength : 0.1)),
    )
    .force(
      'charge',
      forceManyBody<SimNode>().strength((d) => -2 * radii[(d as SimNode).index]),
    )
    .force('collide', forceCollide<SimNode>((d) => radii[d.index] + REGION_GAP / 2).iterations(3))
    .force('x', forceX<SimNode>(0).strength(gravity))
    .force('y', forceY<SimNode>(0).strength(gravity))
    .stop()
    .tick(ticks);
  // A last pass of pure collision so no two discs overlap, whatever the links pulled.
  forceSimulation(nodes)
    .randomSource(random)
    .alpha(0.3)
    .force('collide', forceCollide<SimNode>((d) => radii[d.index] + REGION_GAP / 2).iterations(4))
    .stop()
    .tick(Math.ceil(ticks / 4));
  nodes.forEach((node, i) => {
    x[i] = node.x!;
    y[i] = node.y!;
  });
  return { x, y };
}

/** Links between the drawn communities (ids < `drawn`), with association strength; each community
 * keeps its `LINKS_PER_COMMUNITY` strongest, so the table stays bounded. */
function buildCommunityLinks(input: CommunityMapInput, drawn: number): CommunityLink[] {
  const { offsets, neighbors, communityOf } = input;
  const n = offsets.length - 1;
  const strengthOf = new Float64Array(drawn);
  const byPair = new Map<number, CommunityLink>();
  let total = 0;
  for (let v = 0; v < n; v++) {
    const a = communityOf[v];
    if (a >= drawn) continue;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const b = communityOf[neighbors[e]];
      if (b >= drawn) continue;
      const w = input.fractional[e];
      strengthOf[a] += w;
      total += w;
      if (a >= b || neighbors[e] === v) continue;
      // Each crossing pair is seen from both ends: count it from the end in the lower community.
      const key = a * drawn + b;
      const link = byPair.get(key);
      if (link) {
        link.papers += input.papers[e];
        link.weight += w;
      } else byPair.set(key, { source: a, target: b, papers: input.papers[e], weight: w, strength: 0 });
    }
  }
  const all = [...byPair.values()].sort((p, q) => p.source - q.source || p.target - q.target);
  for (const l of all) l.strength = (l.weight * total) / (strengthOf[l.source] * strengthOf[l.target]);
  const perNode: CommunityLink[][] = Array.from({ length: drawn }, () => []);
  for (const l of all) {
    perNode[l.source].push(l);
    perNode[l.target].push(l);
  }
  const keep = new Set<CommunityLink>();
  for (const list of perNode) {
    list.sort((p, q) => q.strength - p.strength || q.papers - p.papers || p.source - q.source || p.target - q.target);
    for (let i = 0; i < list.length && i < LINKS_PER_COMMUNITY; i++) keep.add(list[i]);
  }
  return all
    .filter((l) => keep.has(l))
    .map((l) => ({ ...l, weight: round(l.weight, 1e4), strength: round(l.strength, 1e4) }));
}

/** The index of a link end, which d3 turns from a number into its node. */
function nodeIndex(end: SimNode | string | number): number {
  return typeof end === 'object' ? end.index : Number(end);
}

function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}
