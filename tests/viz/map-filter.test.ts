import { describe, expect, it } from 'vitest';
import { bucketByTopic, buildActiveMask } from '@/lib/viz/map-filter';

const points = {
  topic: [0, 1, 0, 2, 1],
  year: [2019, 2020, 0, 2022, 2021],
  source: [0, 0, 1, 1, 2],
};

describe('map filter', () => {
  it('keeps everything with no filter', () => {
    expect(Array.from(buildActiveMask(points, { topics: [], years: null, sources: [] }))).toEqual([1, 1, 1, 1, 1]);
  });

  it('combines topic, year and source filters; undated papers fail a year range', () => {
    expect(Array.from(buildActiveMask(points, { topics: [0, 1], years: null, sources: [] }))).toEqual([1, 1, 1, 0, 1]);
    expect(Array.from(buildActiveMask(points, { topics: [], years: [2019, 2021], sources: [] }))).toEqual([
      1, 1, 0, 0, 1,
    ]);
    expect(Array.from(buildActiveMask(points, { topics: [1], years: [2020, 2022], sources: [2] }))).toEqual([
      0, 0, 0, 0, 1,
    ]);
  });

  it('buckets active points by topic and collects the faded ones', () => {
    const mask = Uint8Array.from([1, 1, 0, 1, 1]);
    const { active, faded } = bucketByTopic(points.topic, mask);
    expect(Array.from(active.get(0)!)).toEqual([0]);
    expect(Array.from(active.get(1)!)).toEqual([1, 4]);
    expect(Array.from(active.get(2)!)).toEqual([3]);
    expect(Array.from(faded)).toEqual([2]);
  });
});
