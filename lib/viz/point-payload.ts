/**
 * The topic map's binary point payload: every paper's id, position, topic, year, source and flags
 * as columns in one ArrayBuffer, about 11 bytes a point before compression (a million points: 11 MB,
 * ~5 MB gzipped), decoded into parallel typed arrays with no JSON parsing.
 *
 * Layout (little-endian): a 32-byte header [magic 'TSMP', version, n, year base (Uint16) + 2 spare
 * bytes, x min, x max, y min, y max (Float32)], then the columns:
 * - id steps (Int32 × n): the first id, then each id minus the one before (mostly 1: they compress
 *   to almost nothing);
 * - x, y (Uint16 × n each): the position quantized to 65,536 steps across the map's extent;
 * - topic (Uint16 × n);
 * - year (Uint16 × n): year − year base, 0 = unknown;
 * - source (Uint8 × n), flags (Uint8 × n; bit 0 = outlier of its topic).
 * Each Uint16 column is written as two byte planes, the low bytes of every value then the high
 * bytes, so gzip and brotli see long runs of near-equal bytes (a topic's or a year's high byte is
 * almost always 0).
 */

export interface MapPointColumns {
  ids: Int32Array;
  x: Float32Array;
  y: Float32Array;
  topic: Uint16Array;
  year: Uint16Array;
  source: Uint8Array;
  /** Bit set per point: POINT_FLAG_OUTLIER. */
  flags: Uint8Array;
}

/** Bit of `flags` set on a paper far from its topic's typical paper. */
export const POINT_FLAG_OUTLIER = 1;

const MAGIC = 0x504d5354; // 'TSMP' read as a little-endian Uint32
/** Bumped on any change of the layout; part of the payload's ETag so no browser keeps an old one. */
export const MAP_PAYLOAD_VERSION = 3;
const HEADER_BYTES = 32;
const BYTES_PER_POINT = 4 + 2 + 2 + 2 + 2 + 1 + 1;
/** Steps of a quantized coordinate: 0 is the extent's minimum, QUANT_MAX its maximum. */
const QUANT_MAX = 65535;

/** Size in bytes of the payload for n points. */
export function mapPayloadBytes(n: number): number {
  return HEADER_BYTES + n * BYTES_PER_POINT;
}

/** Smallest and largest finite value (0, 0 when there is none). */
function span(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [0, 0];
}

/** The value of quantized step q between lo and hi, as the Float32 the client holds. */
export function dequantize(q: number, lo: number, hi: number): number {
  return Math.fround(lo + (q / QUANT_MAX) * (hi - lo));
}

function quantize(v: number, lo: number, hi: number): number {
  if (!(hi > lo) || !Number.isFinite(v)) return 0;
  const q = Math.round(((v - lo) / (hi - lo)) * QUANT_MAX);
  return q < 0 ? 0 : q > QUANT_MAX ? QUANT_MAX : q;
}

/** Writes n Uint16 values from `at` as a plane of low bytes then a plane of high bytes. */
function writePlanes(bytes: Uint8Array, at: number, n: number, value: (i: number) => number): number {
  for (let i = 0; i < n; i++) {
    const v = value(i);
    bytes[at + i] = v & 255;
    bytes[at + n + i] = v >>> 8;
  }
  return at + 2 * n;
}

function readPlanes(
  bytes: Uint8Array,
  at: number,
  n: number,
  out: { [i: number]: number },
  map?: (v: number) => number,
) {
  for (let i = 0; i < n; i++) {
    const v = bytes[at + i] | (bytes[at + n + i] << 8);
    out[i] = map ? map(v) : v;
  }
  return at + 2 * n;
}

/**
 * Packs the columns into one buffer (all columns must have the same length). Positions lose
 * precision to 1/65,535 of the map's extent (a tenth of a pixel at the fitted view, about 3 px at
 * the deepest zoom); years outside the year base + 65,535 are stored as unknown.
 */
export function encodeMapPoints(points: MapPointColumns): Uint8Array<ArrayBuffer> {
  const n = points.ids.length;
  for (const column of [points.x, points.y, points.topic, points.year, points.source, points.flags]) {
    if (column.length !== n) throw new Error('encodeMapPoints: columns differ in length');
  }
  const bytes = new Uint8Array(mapPayloadBytes(n));
  const view = new DataView(bytes.buffer);
  const [xLo, xHi] = span(points.x);
  const [yLo, yHi] = span(points.y);
  let yearBase = 0xffff;
  for (let i = 0; i < n; i++) if (points.year[i] > 0 && points.year[i] - 1 < yearBase) yearBase = points.year[i] - 1;
  if (yearBase === 0xffff) yearBase = 0;
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MAP_PAYLOAD_VERSION, true);
  view.setUint32(8, n, true);
  view.setUint16(12, yearBase, true);
  view.setFloat32(16, xLo, true);
  view.setFloat32(20, xHi, true);
  view.setFloat32(24, yLo, true);
  view.setFloat32(28, yHi, true);
  let at = HEADER_BYTES;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    view.setInt32(at + 4 * i, (points.ids[i] - previous) | 0, true);
    previous = points.ids[i];
  }
  at += 4 * n;
  at = writePlanes(bytes, at, n, (i) => quantize(points.x[i], xLo, xHi));
  at = writePlanes(bytes, at, n, (i) => quantize(points.y[i], yLo, yHi));
  at = writePlanes(bytes, at, n, (i) => points.topic[i]);
  at = writePlanes(bytes, at, n, (i) => {
    const year = points.year[i];
    return year === 0 || year - yearBase > 0xffff ? 0 : year - yearBase;
  });
  bytes.set(points.source, at);
  at += n;
  bytes.set(points.flags, at);
  return bytes;
}

/** Reads a payload made by encodeMapPoints into fresh typed arrays. */
export function decodeMapPoints(buffer: ArrayBuffer): MapPointColumns {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('Map payload too short');
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a map payload');
  const version = view.getUint32(4, true);
  if (version !== MAP_PAYLOAD_VERSION) {
    throw new Error(`Map payload version ${version}, expected ${MAP_PAYLOAD_VERSION}`);
  }
  const n = view.getUint32(8, true);
  if (buffer.byteLength < mapPayloadBytes(n)) throw new Error('Map payload truncated');
  const yearBase = view.getUint16(12, true);
  const [xLo, xHi, yLo, yHi] = [16, 20, 24, 28].map((offset) => view.getFloat32(offset, true));
  const bytes = new Uint8Array(buffer);
  const points: MapPointColumns = {
    ids: new Int32Array(n),
    x: new Float32Array(n),
    y: new Float32Array(n),
    topic: new Uint16Array(n),
    year: new Uint16Array(n),
    source: new Uint8Array(n),
    flags: new Uint8Array(n),
  };
  let at = HEADER_BYTES;
  let id = 0;
  for (let i = 0; i < n; i++) {
    id = (id + view.getInt32(at + 4 * i, true)) | 0;
    points.ids[i] = id;
  }
  at += 4 * n;
  at = readPlanes(bytes, at, n, points.x, (q) => dequantize(q, xLo, xHi));
  at = readPlanes(bytes, at, n, points.y, (q) => dequantize(q, yLo, yHi));
  at = readPlanes(bytes, at, n, points.topic);
  at = readPlanes(bytes, at, n, points.year, (v) => (v === 0 ? 0 : v + yearBase));
  points.source.set(bytes.subarray(at, at + n));
  at += n;
  points.flags.set(bytes.subarray(at, at + n));
  return points;
}
