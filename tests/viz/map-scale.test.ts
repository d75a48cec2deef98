import { describe, expect, it } from 'vitest';
import { composeAffine, computeExtent, fitExtent, invertAffine, pointSize } from '@/lib/viz/map-scale';

describe('map scale', () => {
  it('computes the extent of finite points only', () => {
    expect(computeExtent([1, -3, NaN, 5], [2, 8, 100, -1])).toEqual({ minX: -3, maxX: 5, minY: -1, maxY: 8 });
    expect(computeExtent([], [])).toEqual({ minX: -1, maxX: 1, minY: -1, maxY: 1 });
  });

  it('fits the extent into the canvas, centred, aspect kept', () => {
    // 10 × 5 data box into 220 × 220 with padding 10: k = min(200/10, 200/5) = 20.
    const t = fitExtent({ minX: 0, maxX: 10, minY: 0, maxY: 5 }, 220, 220, 10);
    expect(t.k).toBe(20);
    expect(t.x + t.k * 0).toBe(10); // left edge at the padding
    expect(t.x + t.k * 10).toBe(210);
    expect(t.y + t.k * 2.5).toBe(110); // vertical centre at the middle
  });

  it('composes and inverts affine maps', () => {
    const a = { k: 2, x: 10, y: -4 };
    const b = { k: 3, x: 1, y: 2 };
    const c = composeAffine(a, b); // a(b(p))
    expect(c).toEqual({ k: 6, x: 12, y: 0 });
    const p = 7;
    expect(c.k * p + c.x).toBe(a.k * (b.k * p + b.x) + a.x);
    const inv = invertAffine(c);
    expect(inv.k * (c.k * p + c.x) + inv.x).toBeCloseTo(p, 12);
  });

  it('draws points smaller on crowded maps and grows them slowly with zoom, capped', () => {
    expect(pointSize(1, 75_000)).toBeCloseTo(1.6, 10);
    expect(pointSize(1, 500)).toBe(4);
    expect(pointSize(4, 75_000)).toBeCloseTo(1.6 * 1.9, 10);
    expect(pointSize(1e6, 500)).toBe(14);
  });
});
