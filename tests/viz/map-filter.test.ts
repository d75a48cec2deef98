import { describe, expect, it } from 'vitest';
import { bucketByTopic, buildActiveMask, countActive, POINT_HIDDEN } from '@/lib/viz/map-filter';

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

  it('hides outliers when asked, whatever the other filters say', () => {
    const flagged = { ...points, flags: [0, 1, 0, 0, 1] };
    // Shown apart (the default), an outlier is filtered like any other point.
    expect(Array.from(buildActiveMask(flagged, { topics: [1], years: null, sources: [] }))).toEqual([0, 1, 0, 0, 1]);
    const hidden = buildActiveMask(flagged, { topics: [0], years: null, sources: [], hideOutliers: true });
    expect(Array.from(hidden)).toEqual([1, POINT_HIDDEN, 1, 0, POINT_HIDDEN]);
    expect(countActive(hidden)).toBe(2);
    // Without flags there is nothing to hide.
    expect(countActive(buildActiveMask(points, { topics: [], years: null, sources: [], hideOutliers: true }))).toBe(5);
  });

  it('puts active outliers in their own bucket and hidden points in none', () => {
    const flags = [0, 1, 1, 0, 0];
    // Point 1: active outlier; point 2: a faded outlier stays faded; point 4: hidden.
    const mask = Uint8Array.from([1, 1, 0, 1, POINT_HIDDEN]);
    const { active, faded, outliers } = bucketByTopic(points.topic, mask, flags);
    expect(Array.from(active.get(0)!)).toEqual([0]);
    expect(active.has(1)).toBe(false);
    expect(Array.from(active.get(2)!)).toEqual([3]);
    expect(Array.from(faded)).toEqual([2]);
    expect(Array.from(outliers)).toEqual([1]);
  });
});
