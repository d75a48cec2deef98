import { describe, expect, it } from 'vitest';
import {
  decodeMapPoints,
  dequantize,
  encodeMapPoints,
  MAP_PAYLOAD_VERSION,
  mapPayloadBytes,
  POINT_FLAG_OUTLIER,
} from '@/lib/viz/point-payload';

describe('map point payload', () => {
  it('round-trips every column (positions to a 65,535th of their extent) and sizes the buffer', () => {
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
    expect(mapPayloadBytes(3)).toBe(32 + 3 * 14);
    expect(bytes.byteLength).toBe(74);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(3);
    expect(MAP_PAYLOAD_VERSION).toBe(3);
    const back = decodeMapPoints(bytes.buffer);
    expect(Array.from(back.ids)).toEqual([7, 3, 1_000_000]);
    // The extent's ends come back exactly; the rest within half a step of it.
    expect(Math.abs(back.x[0] - 0.5)).toBeLessThanOrEqual((1e6 + 2.25) / 65535 / 2);
    expect([back.x[1], back.x[2]]).toEqual([-2.25, 1e6]);
    expect(Array.from(back.y)).toEqual([-1, dequantize(Math.round((1 / 4.5) * 65535), -1, 3.5), 3.5]);
    expect(Math.abs(back.y[1])).toBeLessThan(4.5 / 65535);
    expect(Array.from(back.topic)).toEqual([0, 12, 65535]);
    expect(Array.from(back.year)).toEqual([2020, 0, 1999]);
    expect(Array.from(back.source)).toEqual([0, 4, 255]);
    expect(Array.from(back.flags)).toEqual([0, 1, 0]);
    // The flags are the last n bytes; the ids are steps from the one before.
    expect(Array.from(bytes.subarray(32 + 3 * 13))).toEqual([0, 1, 0]);
    expect(new DataView(bytes.buffer).getInt32(32 + 4, true)).toBe(-4);
    // The topic column is two planes: the low bytes, then the high bytes.
    const topicAt = 32 + 3 * 4 + 2 * 3 * 2;
    expect(Array.from(bytes.subarray(topicAt, topicAt + 6))).toEqual([0, 12, 255, 0, 0, 255]);
  });

  it('keeps a million points in order, with their topics and years, in 14 MB', () => {
    const n = 1_000_000;
    const points = {
      ids: new Int32Array(n),
      x: new Float32Array(n),
      y: new Float32Array(n),
      topic: new Uint16Array(n),
      year: new Uint16Array(n),
      source: new Uint8Array(n),
      flags: new Uint8Array(n),
    };
    for (let i = 0; i < n; i++) {
      points.ids[i] = 2 * i + 1;
      points.x[i] = Math.sin(i) * 10;
      points.y[i] = Math.cos(i * 0.7) * 5;
      points.topic[i] = i % 300;
      points.year[i] = i % 11 === 0 ? 0 : 1990 + (i % 35);
      points.source[i] = i % 3;
      points.flags[i] = i % 17 === 0 ? POINT_FLAG_OUTLIER : 0;
    }
    const bytes = encodeMapPoints(points);
    expect(bytes.byteLength).toBe(32 + 14 * n);
    const back = decodeMapPoints(bytes.buffer);
    for (const i of [0, 1, 499_999, 999_999]) {
      expect(back.ids[i]).toBe(2 * i + 1);
      expect(back.topic[i]).toBe(i % 300);
      expect(back.year[i]).toBe(i % 11 === 0 ? 0 : 1990 + (i % 35));
      expect(Math.abs(back.x[i] - points.x[i])).toBeLessThanOrEqual(20 / 65535);
      expect(Math.abs(back.y[i] - points.y[i])).toBeLessThanOrEqual(10 / 65535);
    }
    expect(back.flags.reduce((a, f) => a + f, 0)).toBe(Math.ceil(n / 17));
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
    new DataView(bytes.buffer).setUint32(4, 2, true);
    expect(() => decodeMapPoints(bytes.buffer)).toThrow('Map payload version 2, expected 3');
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
    expect(() => decodeMapPoints(new ArrayBuffer(40))).toThrow('Not a map payload');
    const one = encodeMapPoints({
      ids: Int32Array.from([1]),
      x: Float32Array.from([1]),
      y: Float32Array.from([1]),
      topic: Uint16Array.from([1]),
      year: Uint16Array.from([1]),
      source: Uint8Array.from([1]),
      flags: Uint8Array.from([1]),
    });
    expect(() => decodeMapPoints(one.buffer.slice(0, 36))).toThrow('truncated');
    // One byte short of the flags column is truncated too.
    expect(() => decodeMapPoints(one.buffer.slice(0, 32 + 13))).toThrow('truncated');
    expect(() => decodeMapPoints(one.buffer.slice(0, 20))).toThrow('too short');
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
