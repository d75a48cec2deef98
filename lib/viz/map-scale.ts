/**
 * Geometry of the topic map: the data extent, the base transform that fits it into the canvas,
 * and how big a point is drawn at a given zoom. Screen = zoom(base(data)).
 */

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** An affine map x' = k·x + x0, y' = k·y + y0 (the shape of a d3-zoom transform). */
export interface Affine {
  k: number;
  x: number;
  y: number;
}

/** Pixels kept free around the fitted map (the topic map and its tests use the same). */
export const MAP_PADDING = 28;

/** Bounds of the finite points; a unit box around 0 when there are none. */
export function computeExtent(xs: ArrayLike<number>, ys: ArrayLike<number>): Extent {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) return { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  return { minX, maxX, minY, maxY };
}

/** The transform that fits `extent` into width × height with `padding` pixels, centred, aspect kept. */
export function fitExtent(extent: Extent, width: number, height: number, padding = 24): Affine {
  const spanX = Math.max(extent.maxX - extent.minX, 1e-9);
  const spanY = Math.max(extent.maxY - extent.minY, 1e-9);
  const k = Math.max(1e-9, Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY));
  const cx = (extent.minX + extent.maxX) / 2;
  const cy = (extent.minY + extent.maxY) / 2;
  return { k, x: width / 2 - k * cx, y: height / 2 - k * cy };
}

/** Composes two affine maps: (outer ∘ inner)(p) = outer(inner(p)). */
export function composeAffine(outer: Affine, inner: Affine): Affine {
  return { k: outer.k * inner.k, x: outer.k * inner.x + outer.x, y: outer.k * inner.y + outer.y };
}

/** Inverse of an affine map. */
export function invertAffine(t: Affine): Affine {
  return { k: 1 / t.k, x: -t.x / t.k, y: -t.y / t.k };
}

/**
 * Side of a point's square in CSS pixels: smaller when the map is crowded, growing slowly with
 * zoom so clusters open up without points turning into blobs.
 */
export function pointSize(zoom: number, count: number): number {
  const base = count > 40_000 ? 1.6 : count > 10_000 ? 2.2 : count > 2_000 ? 3 : 4;
  const grown = base * (1 + 0.45 * Math.log2(Math.max(1, zoom)));
  return Math.min(base * 3.5, grown);
}
