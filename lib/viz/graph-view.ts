/**
 * Geometry of the co-author graph view: node radius by papers and the zoom transform that flies
 * to an author (the full graph's layout is precomputed by the pipeline; an ego network's is
 * ego-layout.ts).
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
