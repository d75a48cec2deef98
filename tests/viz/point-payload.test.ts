import { describe, expect, it } from 'vitest';
import {
  decodeMapPoints,
  encodeMapPoints,
  MAP_PAYLOAD_VERSION,
  mapPayloadBytes,
  POINT_FLAG_OUTLIER,
} from '@/lib/viz/point-payload';

describe('map point payload', () => {
  it('round-trips every column and sizes the buffer', () => {
    const points = {
      ids: Int32Array.from([7, 3, 1_000_000]),
      x: Float32Array.from([0.5, -2.25, 1e6]),
      y: Float32Array.from([-1, 0, 3.5]),
      topic: Uint16Array.from([0, 12, 65535]),
      year: Uint16Array.from([2020, 0, 1999]),
      source: Uint8Array.from([0, 4, 255]),
      flags: Uint8Array.from([0, POINT_FLAG_OUTLIER, 0]),
    };
    const bytes = encodeMapPoints(points);
    expect(mapPayloadBytes(3)).toBe(16 + 3 * 18);
    expect(bytes.byteLength).toBe(72); // 70 padded to a multiple of 4
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(2);
    expect(MAP_PAYLOAD_VERSION).toBe(2);
    const back = decodeMapPoints(bytes.buffer);
    expect(Array.from(back.ids)).toEqual([7, 3, 1_000_000]);
    expect(Array.from(back.x)).toEqual([0.5, -2.25, 1e6]);
    expect(Array.from(back.y)).toEqual([-1, 0, 3.5]);
    expect(Array.from(back.topic)).toEqual([0, 12, 65535]);
    expect(Array.from(back.year)).toEqual([2020, 0, 1999]);
    expect(Array.from(back.source)).toEqual([0, 4, 255]);
    expect(Array.from(back.flags)).toEqual([0, 1, 0]);
    // The flags are the last n bytes before the padding.
    expect(Array.from(bytes.subarray(16 + 3 * 17, 16 + 3 * 18))).toEqual([0, 1, 0]);
  });

  it('refuses a payload of another version', () => {
    const bytes = encodeMapPoints({
      ids: Int32Array.from([1]),
      x: Float32Array.from([1]),
      y: Float32Array.from([1]),
      topic: Uint16Array.from([1]),
      year: Uint16Array.from([1]),
      source: Uint8Array.from([1]),
      flags: Uint8Array.from([0]),
    });
    new DataView(bytes.buffer).setUint32(4, 1, true);
    expect(() => decodeMapPoints(bytes.buffer)).toThrow('Map payload version 1, expected 2');
  });

  it('handles zero points and rejects foreign or truncated buffers', () => {
    const empty = encodeMapPoints({
      ids: new Int32Array(0),
      x: new Float32Array(0),
      y: new Float32Array(0),
      topic: new Uint16Array(0),
      year: new Uint16Array(0),
      source: new Uint8Array(0),
      flags: new Uint8Array(0),
    });
    expect(decodeMapPoints(empty.buffer).ids.length).toBe(0);
    expect(() => decodeMapPoints(new ArrayBuffer(32))).toThrow('Not a map payload');
    const one = encodeMapPoints({
      ids: Int32Array.from([1]),
      x: Float32Array.from([1]),
      y: Float32Array.from([1]),
      topic: Uint16Array.from([1]),
      year: Uint16Array.from([1]),
      source: Uint8Array.from([1]),
      flags: Uint8Array.from([1]),
    });
    expect(() => decodeMapPoints(one.buffer.slice(0, 20))).toThrow('truncated');
    // One byte short of the flags column is truncated too.
    expect(() => decodeMapPoints(one.buffer.slice(0, 16 + 17))).toThrow('truncated');
  });

  it('refuses columns of different lengths', () => {
    expect(() =>
      encodeMapPoints({
        ids: Int32Array.from([1, 2]),
        x: Float32Array.from([1]),
        y: Float32Array.from([1, 2]),
        topic: Uint16Array.from([1, 2]),
        year: Uint16Array.from([1, 2]),
        source: Uint8Array.from([1, 2]),
        flags: Uint8Array.from([0, 0]),
      }),
    ).toThrow('differ');
    expect(() =>
      encodeMapPoints({
        ids: Int32Array.from([1, 2]),
        x: Float32Array.from([1, 2]),
        y: Float32Array.from([1, 2]),
        topic: Uint16Array.from([1, 2]),
        year: Uint16Array.from([1, 2]),
        source: Uint8Array.from([1, 2]),
        flags: Uint8Array.from([0]),
      }),
    ).toThrow('differ');
  });
});
