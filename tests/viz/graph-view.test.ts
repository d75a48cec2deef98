import { describe, expect, it } from 'vitest';
import { buildNodeRadius, centreOn } from '@/lib/viz/graph-view';

describe('graph view', () => {
  it('sizes nodes by the square root of papers, clamped', () => {
    const r = buildNodeRadius(101, [1, 11]);
    expect(r(1)).toBe(1);
    expect(r(101)).toBe(11);
    // sqrt scale over [1, 101]: (sqrt(26) - 1) / (sqrt(101) - 1) of the range
    expect(r(26)).toBeCloseTo(1 + 10 * ((Math.sqrt(26) - 1) / (Math.sqrt(101) - 1)), 10);
    expect(r(500)).toBe(11);
    expect(r(0)).toBe(1);
  });

  it('centres a point at the middle of the view', () => {
    const t = centreOn(30, 40, 800, 600, 4);
    expect(t.k * 30 + t.x).toBe(400);
    expect(t.k * 40 + t.y).toBe(300);
  });
});
