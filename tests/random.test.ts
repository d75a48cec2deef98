import { describe, expect, it } from 'vitest';
import { sampleIndices } from '../lib/random';

describe('sampleIndices', () => {
  it('draws distinct indices, ascending, the same for the same seed', () => {
    const s = sampleIndices(100, 10, 7);
    expect(s.length).toBe(10);
    expect(new Set(s).size).toBe(10);
    expect(Array.from(s)).toEqual(Array.from(s).sort((a, b) => a - b));
    expect(Array.from(sampleIndices(100, 10, 7))).toEqual(Array.from(s));
    expect(Array.from(sampleIndices(100, 10, 8))).not.toEqual(Array.from(s));
  });
  it('takes every index in order when the sample is not smaller', () => {
    expect(Array.from(sampleIndices(4, 4, 1))).toEqual([0, 1, 2, 3]);
    expect(Array.from(sampleIndices(3, 10, 1))).toEqual([0, 1, 2]);
  });
});
