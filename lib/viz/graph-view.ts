/**
 * Geometry of the co-author graph view: node radius by papers, the zoom transform that flies to
 * an author, and a radial layout for a small ego network (cheap enough for the browser; the full
 * graph's layout is precomputed by the pipeline).
 */
import { scaleSqrt } from 'd3';
import type { Affine } from './map-scale';

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

export interface EgoNode {
  id: number;
  x: number;
  y: number;
}

/**
 * The author at the centre and co-authors on a circle ordered by `groupOf` (e.g. community),
 * then by strength, so co-authors of one community sit together. Deterministic.
 */
export function buildEgoLayout(
  centreId: number,
  others: readonly { id: number; group: number; strength: number }[],
  radius: number,
): EgoNode[] {
  const ordered = [...others].sort((a, b) => a.group - b.group || b.strength - a.strength || a.id - b.id);
  const nodes: EgoNode[] = [{ id: centreId, x: 0, y: 0 }];
  ordered.forEach((o, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ordered.length);
    nodes.push({ id: o.id, x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return nodes;
}
