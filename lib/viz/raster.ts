/**
 * Software rasterization of map points into an RGBA pixel buffer: every point is a filled square
 * written straight into a Uint32Array, then the buffer goes to the canvas in one putImageData.
 * Per-point canvas calls (fillRect/arc) cost ~5 µs each when the 2D canvas runs on a software or
 * emulated GPU backend — 0.4 s for 75,000 points; writing pixels costs a few ms on any machine.
 */

/** '#rrggbb' (or '#rgb') as a packed little-endian RGBA pixel (0xAABBGGRR), opaque. */
export function packColor(hex: string): number {
  const rgb = parseHex(hex);
  return ((255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0]) >>> 0;
}

/** [r, g, b] of '#rrggbb', '#rgb' or 'rgb(r, g, b)'; mid-grey when unreadable. */
export function parseHex(color: string): [number, number, number] {
  const text = color.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(text);
  if (m) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#([0-9a-f]{3})$/i.exec(text);
  if (m) {
    const [r, g, b] = m[1].split('').map((c) => parseInt(c + c, 16));
    return [r, g, b];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [128, 128, 128];
}

/** `color` blended toward `background` by t (0 = color, 1 = background), as '#rrggbb'. */
export function mixColor(color: string, background: string, t: number): string {
  const a = parseHex(color);
  const b = parseHex(background);
  const hex = a
    .map((v, i) =>
      Math.round(v + (b[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return `#${hex}`;
}

export interface RasterTarget {
  /** Pixels, row-major, width × height (a Uint32Array view of ImageData.data). */
  pixels: Uint32Array;
  width: number;
  height: number;
}

/**
 * Writes a `size` × `size` square (device pixels) of `color` centred on each listed point,
 * with screen = k·data + offset; squares are clipped at the edges. Returns how many were drawn.
 */
export function rasterizeSquares(
  target: RasterTarget,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  indices: ArrayLike<number>,
  transform: { k: number; x: number; y: number },
  size: number,
  color: number,
): number {
  const { pixels, width, height } = target;
  const s = Math.max(1, Math.round(size));
  const lead = (s - 1) >> 1;
  const { k, x: ox, y: oy } = transform;
  let drawn = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    const cx = Math.round(k * xs[i] + ox);
    const cy = Math.round(k * ys[i] + oy);
    let x0 = cx - lead;
    let y0 = cy - lead;
    let x1 = x0 + s;
    let y1 = y0 + s;
    if (x1 <= 0 || y1 <= 0 || x0 >= width || y0 >= height) continue;
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > width) x1 = width;
    if (y1 > height) y1 = height;
    for (let py = y0; py < y1; py++) {
      const row = py * width;
      for (let px = x0; px < x1; px++) pixels[row + px] = color;
    }
    drawn++;
  }
  return drawn;
}

/**
 * Writes the outline of a `size` × `size` square (device pixels), `line` pixels thick, of `color`
 * centred on each listed point: a ring that leaves what is under it visible. A square too small
 * for a hole (size ≤ 2·line) is filled. Clipped at the edges; returns how many were drawn.
 */
export function rasterizeSquareRings(
  target: RasterTarget,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  indices: ArrayLike<number>,
  transform: { k: number; x: number; y: number },
  size: number,
  line: number,
  color: number,
): number {
  const { pixels, width, height } = target;
  const s = Math.max(1, Math.round(size));
  const w = Math.max(1, Math.round(line));
  const lead = (s - 1) >> 1;
  const { k, x: ox, y: oy } = transform;
  let drawn = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    const left = Math.round(k * xs[i] + ox) - lead;
    const top = Math.round(k * ys[i] + oy) - lead;
    if (left + s <= 0 || top + s <= 0 || left >= width || top >= height) continue;
    for (let dy = 0; dy < s; dy++) {
      const py = top + dy;
      if (py < 0 || py >= height) continue;
      const row = py * width;
      const edgeRow = dy < w || dy >= s - w;
      for (let dx = 0; dx < s; dx++) {
        if (!edgeRow && dx >= w && dx < s - w) continue;
        const px = left + dx;
        if (px >= 0 && px < width) pixels[row + px] = color;
      }
    }
    drawn++;
  }
  return drawn;
}
