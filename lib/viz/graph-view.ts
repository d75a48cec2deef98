/**
 * Geometry and colour of the graph page's views: node radius by papers, the zoom transform that
 * flies to an author, each drawn author's colour, the strongest links of an author, the regions of
 * the whole network, and the projection of the SVG maps (communities, co-occurrence). The layouts
 * are precomputed by the pipeline; an ego network's is ego-layout.ts.
 */
import { scaleSqrt } from 'd3';
import { shortNames } from './community-labels';
import { maxOf } from './extent';
import type { Affine } from './map-scale';
import { groupColor, NEUTRAL_COLOR, topicColor } from './palette';

/** Node radius in pixels (at zoom 1): area proportional to papers. */
export function buildNodeRadius(maxPapers: number, range: [number, number] = [1.6, 9]): (papers: number) => number {
  const scale = scaleSqrt()
    .domain([1, Math.max(2, maxPapers)])
    .range(range)
    .clamp(true);
  return (papers: number) => scale(Math.max(1, papers));
}

/** The transform that puts screen-space point (x, y) at the centre of width × height at scale k. */
export function centreOn(x: number, y: number, width: number, height: number, k: number): Affine {
  return { k, x: width / 2 - k * x, y: height / 2 - k * y };
}

/** The colour of an author without papers in the filter. */
export const FADED_COLOR = '#d7dae0';

/** The columns of a drawn co-author layout that its colours and cards read. */
export interface DrawnAuthors {
  view: 'network' | 'community';
  filtered: boolean;
  nodes: { name: string[]; community: number[]; sub: number[]; topic: number[]; active: number[] };
  edges: { source: number[]; target: number[]; papers: number[] };
}

/**
 * Each drawn author's colour: faded when a filter leaves them no papers; else by main topic, or by
 * group (the community in the whole network, the sub-community in a community's view).
 */
export function authorColors(layout: DrawnAuthors, by: 'group' | 'topic'): string[] {
  const { nodes } = layout;
  return nodes.name.map((_, i) => {
    if (layout.filtered && nodes.active[i] === 0) return FADED_COLOR;
    if (by === 'topic') return nodes.topic[i] >= 0 ? topicColor(nodes.topic[i]) : NEUTRAL_COLOR;
    return groupColor(layout.view === 'community' ? nodes.sub[i] : nodes.community[i]);
  });
}

/** The drawn co-authors of author `index` with the most joint papers, most first, then by name. */
export function strongestCoauthors(layout: DrawnAuthors, index: number, count = 3): { name: string; papers: number }[] {
  const out: { name: string; papers: number }[] = [];
  const { source, target, papers } = layout.edges;
  for (let e = 0; e < source.length; e++) {
    const other = source[e] === index ? target[e] : target[e] === index ? source[e] : -1;
    if (other >= 0) out.push({ name: layout.nodes.name[other], papers: papers[e] });
  }
  return out.sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name)).slice(0, count);
}

/** The drawn indices of some ids (those not drawn are left out). */
export function drawnIndices(ids: Iterable<number>, indexById: ReadonlyMap<number, number>): Set<number> {
  const out = new Set<number>();
  for (const id of ids) {
    const i = indexById.get(id);
    if (i !== undefined) out.add(i);
  }
  return out;
}

/** A drawn co-author layout with its ids, positions and papers (what the canvas draws). */
export interface PlacedAuthors extends DrawnAuthors {
  nodes: DrawnAuthors['nodes'] & { id: number[]; x: number[]; y: number[]; papers: number[] };
}

/**
 * The canvas graph's columns for a drawn co-author layout: ids, names, positions, papers, each
 * author's colour (`authorColors`) and the links; in the whole network also each author's community,
 * so links between communities are drawn fainter, and the communities' `regions`.
 */
export function authorGraphColumns<Region>(layout: PlacedAuthors, by: 'group' | 'topic', regions: Region[]) {
  const { nodes, edges } = layout;
  const network = layout.view === 'network';
  return {
    id: nodes.id,
    name: nodes.name,
    x: nodes.x,
    y: nodes.y,
    papers: nodes.papers,
    color: authorColors(layout, by),
    edgeSource: edges.source,
    edgeTarget: edges.target,
    edgePapers: edges.papers,
    group: network ? nodes.community : undefined,
    regions: network ? regions : undefined,
  };
}

/** The communities' regions of the whole network: a faint disc each, named by its best-known members. */
export function communityRegions(
  communities: readonly {
    id: number;
    x: number;
    y: number;
    radius: number;
    size: number;
    topAuthors: { name: string }[];
  }[],
): { x: number; y: number; r: number; label: string; color: string; size: number }[] {
  return communities.map((c) => ({
    x: c.x,
    y: c.y,
    r: c.radius,
    label: shortNames(c.topAuthors.slice(0, 2).map((a) => a.name)).join(', '),
    color: groupColor(c.id),
    size: c.size,
  }));
}

/** Map coordinates to screen pixels. */
export interface Projection {
  /** Pixels per map unit. */
  k: number;
  /** Where map coordinate 0 lands. */
  tx: number;
  ty: number;
  /** Screen x and y of a map coordinate, rounded to 0.1 px (the server's and the browser's SVG agree). */
  px(v: number): number;
  py(v: number): number;
}

/** The projection of an SVG map: its fit to the view (fitCommunityMap), then the user's zoom on top. */
export function projectFitted(fit: Affine, zoom: Affine): Projection {
  const k = fit.k * zoom.k;
  const tx = fit.x * zoom.k + zoom.x;
  const ty = fit.y * zoom.k + zoom.y;
  return {
    k,
    tx,
    ty,
    px: (v) => Math.round((k * v + tx) * 10) / 10,
    py: (v) => Math.round((k * v + ty) * 10) / 10,
  };
}

/** An item and the items it is linked to; null without an item. */
export function linkedItems(
  links: readonly { source: number; target: number }[],
  focus: number | null,
): Set<number> | null {
  if (focus === null) return null;
  const set = new Set<number>([focus]);
  for (const l of links) {
    if (l.source === focus) set.add(l.target);
    if (l.target === focus) set.add(l.source);
  }
  return set;
}

/**
 * The opacity of a link by the log of its association strength: from `floor` (no strength) to
 * `floor + span` (the strongest of `links`), rounded to 0.01.
 */
export function linkOpacityScale(
  links: readonly { strength: number }[],
  floor: number,
  span: number,
): (strength: number) => number {
  const max = maxOf(
    links.map((l) => Math.log1p(l.strength)),
    1,
  );
  return (strength) => Math.round((floor + (span * Math.log1p(strength)) / max) * 100) / 100;
}
