import { describe, expect, it } from 'vitest';
import { mixColor, packColor, parseHex, rasterizeSquareRings, rasterizeSquares } from '@/lib/viz/raster';

describe('raster', () => {
  it('packs colours as little-endian RGBA pixels', () => {
    expect(packColor('#0072B2')).toBe(0xffb27200);
    expect(packColor('#fff')).toBe(0xffffffff);
    const bytes = new Uint8Array(Uint32Array.of(packColor('#102030')).buffer);
    expect(Array.from(bytes)).toEqual([0x10, 0x20, 0x30, 255]);
    expect(parseHex('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseHex('nonsense')).toEqual([128, 128, 128]);
  });

  it('mixes toward the background', () => {
    expect(mixColor('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColor('#ff0000', '#0000ff', 0)).toBe('#ff0000');
    expect(mixColor('#ff0000', '#0000ff', 1)).toBe('#0000ff');
  });

  it('writes squares centred on points and clips them at the edges', () => {
    const target = { pixels: new Uint32Array(5 * 4), width: 5, height: 4 };
    // Point 0 at (2, 1) as a 2×2 square: lead 0 → pixels (2..3, 1..2). Point 1 at (0, 3), 3×3 → clipped.
    const drawn = rasterizeSquares(target, [2, 0, 50], [1, 3, 50], [0, 2], { k: 1, x: 0, y: 0 }, 2, 7);
    expect(drawn).toBe(1); // the third point is off-canvas
    const rows = (p: Uint32Array) =>
      Array.from({ length: 4 }, (_, y) => Array.from(p.slice(y * 5, y * 5 + 5)).join(''));
    expect(rows(target.pixels)).toEqual(['00000', '00770', '00770', '00000']);
    rasterizeSquares(target, [2, 0], [1, 3], [1], { k: 1, x: 0, y: 0 }, 3, 9);
    expect(rows(target.pixels)).toEqual(['00000', '00770', '99770', '99000']);
  });

  it('applies the transform before rounding', () => {
    const target = { pixels: new Uint32Array(4 * 4), width: 4, height: 4 };
    rasterizeSquares(target, [0.5], [0.25], [0], { k: 4, x: 1, y: 1 }, 1, 1);
    // (4·0.5 + 1, 4·0.25 + 1) = (3, 2)
    expect(target.pixels[2 * 4 + 3]).toBe(1);
    expect(target.pixels.reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('writes square rings that leave the middle as it was, filled when too small for a hole', () => {
    const target = { pixels: new Uint32Array(6 * 6).fill(1), width: 6, height: 6 };
    const rows = () => Array.from({ length: 6 }, (_, y) => Array.from(target.pixels.slice(y * 6, y * 6 + 6)).join(''));
    // A 4×4 ring, 1 px thick, centred on (2, 2): lead 1 → pixels (1..4, 1..4), the middle 2×2 kept.
    expect(rasterizeSquareRings(target, [2], [2], [0], { k: 1, x: 0, y: 0 }, 4, 1, 5)).toBe(1);
    expect(rows()).toEqual(['111111', '155551', '151151', '151151', '155551', '111111']);
    // A 2×2 "ring" of line 1 has no hole: filled. One off the canvas is not drawn.
    target.pixels.fill(1);
    expect(rasterizeSquareRings(target, [0, 40], [0, 40], [0, 1], { k: 1, x: 0, y: 0 }, 2, 1, 7)).toBe(1);
    expect(rows()).toEqual(['771111', '771111', '111111', '111111', '111111', '111111']);
    // Clipped at the edge: a 3×3 ring centred on (5, 5) keeps the pixels inside.
    target.pixels.fill(1);
    rasterizeSquareRings(target, [5], [5], [0], { k: 1, x: 0, y: 0 }, 3, 1, 9);
    expect(rows().slice(4)).toEqual(['111199', '111191']);
  });
});
