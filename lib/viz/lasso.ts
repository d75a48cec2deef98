/**
 * Lasso selection on the map: point-in-polygon by ray casting (even–odd rule, as in W. Randolph
 * Franklin's PNPOLY), with a bounding-box test first so 75,000 points take a few milliseconds.
 */

export type Point = readonly [number, number];

/** True when (x, y) lies inside the polygon (even–odd rule; the polygon closes itself). */
export function pointInPolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Indices of the points inside the polygon, optionally only those `include` accepts. */
export function selectInPolygon(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  polygon: readonly Point[],
  include?: (index: number) => boolean,
): number[] {
  if (polygon.length < 3) return [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (include && !include(i)) continue;
    if (pointInPolygon(x, y, polygon)) out.push(i);
  }
  return out;
}

/** Keeps at most `max` vertices, evenly spaced along the drawn path (for a short URL). */
export function thinPolygon(polygon: readonly Point[], max: number): Point[] {
  if (polygon.length <= max) return [...polygon];
  const step = polygon.length / max;
  const out: Point[] = [];
  for (let i = 0; i < max; i++) out.push(polygon[Math.floor(i * step)]);
  return out;
}

/** Area of a polygon (shoelace formula); 0 for fewer than three vertices. */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    twice += (polygon[j][0] + polygon[i][0]) * (polygon[j][1] - polygon[i][1]);
  }
  return Math.abs(twice) / 2;
}
