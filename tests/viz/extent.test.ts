import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '@/lib/viz/extent';

describe('maxOf and minOf', () => {
  it('take the extremes of a million values, where a spread into Math.max overflows the stack', () => {
    const many = Float64Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max.apply(null, Array.from(many))).toThrow(RangeError);
    expect(maxOf(many)).toBe(1_000_002);
    expect(minOf(many)).toBe(0);
  });

  it('fall back to the floor or ceiling given', () => {
    expect(maxOf([], 1)).toBe(1);
    expect(maxOf([0.5], 1)).toBe(1);
    expect(minOf([], 0)).toBe(0);
    expect(minOf([3, 2], 5)).toBe(2);
  });
});
