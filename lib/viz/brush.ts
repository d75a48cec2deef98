/**
 * Rectangle brush on the map: a drag between two screen corners becomes an axis-aligned
 * rectangle in data coordinates, as a 4-point polygon, so it takes the lasso's path from there
 * (selectInPolygon, the URL's `sel`, the overlay).
 */
import type { Point } from './lasso';
import type { Affine } from './map-scale';

/** The axis-aligned rectangle spanned by two opposite corners: 4 corners, from (min x, min y) round. */
export function rectanglePolygon(a: Point, b: Point): Point[] {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/**
 * The brushed rectangle in data coordinates, from the drag's screen corners (CSS px) under the
 * view transform `view` (data → screen). The drag is clipped to the visible `width` × `height`,
 * so nothing off screen is picked. Null when either side is under `minSide` px: a click, not a drag.
 */
export function buildBrush(
  start: Point,
  end: Point,
  view: Affine,
  size: { width: number; height: number },
  minSide = 3,
): Point[] | null {
  const clip = ([x, y]: Point): Point => [Math.min(size.width, Math.max(0, x)), Math.min(size.height, Math.max(0, y))];
  const a = clip(start);
  const b = clip(end);
  if (Math.abs(b[0] - a[0]) < minSide || Math.abs(b[1] - a[1]) < minSide) return null;
  const toData = ([x, y]: Point): Point => [(x - view.x) / view.k, (y - view.y) / view.k];
  return rectanglePolygon(toData(a), toData(b));
}
