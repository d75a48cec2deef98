/**
 * The topic map's binary point payload: every paper's id, position, topic, year, source and flags
 * as parallel typed arrays in one ArrayBuffer, so 75,000 points cost ~1.4 MB and no JSON parsing.
 *
 * Layout (little-endian): a 16-byte header [magic 'TSMP', version, n, 0], then ids (Int32 × n),
 * x (Float32 × n), y (Float32 × n), topic (Uint16 × n), year (Uint16 × n; 0 = unknown),
 * source (Uint8 × n), flags (Uint8 × n; bit 0 = outlier of its topic). Widest columns first keeps
 * every typed-array view aligned.
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
export const MAP_PAYLOAD_VERSION = 2;
const HEADER_BYTES = 16;
const BYTES_PER_POINT = 4 + 4 + 4 + 2 + 2 + 1 + 1;

/** Size in bytes of the payload for n points (before the 4-byte padding at the end). */
export function mapPayloadBytes(n: number): number {
  return HEADER_BYTES + n * BYTES_PER_POINT;
}

/** Packs the columns into one buffer (all columns must have the same length). */
export function encodeMapPoints(points: MapPointColumns): Uint8Array<ArrayBuffer> {
  const n = points.ids.length;
  for (const column of [points.x, points.y, points.topic, points.year, points.source, points.flags]) {
    if (column.length !== n) throw new Error('encodeMapPoints: columns differ in length');
  }
  // Pad to a multiple of 4 so the buffer can be reused for aligned views.
  const bytes = new Uint8Array(Math.ceil(mapPayloadBytes(n) / 4) * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MAP_PAYLOAD_VERSION, true);
  view.setUint32(8, n, true);
  view.setUint32(12, 0, true);
  let offset = HEADER_BYTES;
  new Int32Array(bytes.buffer, offset, n).set(points.ids);
  offset += 4 * n;
  new Float32Array(bytes.buffer, offset, n).set(points.x);
  offset += 4 * n;
  new Float32Array(bytes.buffer, offset, n).set(points.y);
  offset += 4 * n;
  new Uint16Array(bytes.buffer, offset, n).set(points.topic);
  offset += 2 * n;
  new Uint16Array(bytes.buffer, offset, n).set(points.year);
  offset += 2 * n;
  bytes.set(points.source, offset);
  offset += n;
  bytes.set(points.flags, offset);
  return bytes;
}

/** Reads a payload made by encodeMapPoints; the columns are views on `buffer` (no copy). */
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
  let offset = HEADER_BYTES;
  const ids = new Int32Array(buffer, offset, n);
  offset += 4 * n;
  const x = new Float32Array(buffer, offset, n);
  offset += 4 * n;
  const y = new Float32Array(buffer, offset, n);
  offset += 4 * n;
  const topic = new Uint16Array(buffer, offset, n);
  offset += 2 * n;
  const year = new Uint16Array(buffer, offset, n);
  offset += 2 * n;
  const source = new Uint8Array(buffer, offset, n);
  offset += n;
  const flags = new Uint8Array(buffer, offset, n);
  return { ids, x, y, topic, year, source, flags };
}
