import { describe, expect, it } from 'vitest';
import { buildStackPaths, buildTopicStack, OTHER_LAYER_ID } from '@/lib/viz/stack';
import { minOf } from '@/lib/viz/extent';

const periods = ['2020', '2021', '2022'];
const topics = [
  { id: 0, label: 'a' },
  { id: 1, label: 'b' },
  { id: 2, label: 'c' },
];
const papers = [
  [2, 4, 6],
  [6, 4, 2],
  [2, 2, 2],
];
const totals = [10, 10, 20];

describe('topic stack', () => {
  it('stacks shares with no offset, in topic order', () => {
    const s = buildTopicStack(periods, topics, papers, totals, { mode: 'share' });
    expect(s.layers.map((l) => l.id)).toEqual([0, 1, 2]); // sums 12, 12, 6: ties by id
    expect(s.layers[0].bands).toEqual([
      [0, 0.2],
      [0, 0.4],
      [0, 0.3],
    ]);
    expect(s.layers[1].bands[0][0]).toBeCloseTo(0.2, 12);
    expect(s.layers[1].bands[0][1]).toBeCloseTo(0.8, 12);
    expect(s.layers[2].bands[2][1]).toBeCloseTo(0.5, 12); // (6 + 2 + 2) / 20
    expect(s.yDomain[0]).toBe(0);
    expect(s.yDomain[1]).toBeCloseTo(1, 12);
  });

  it('pools small topics into one layer', () => {
    const s = buildTopicStack(periods, topics, papers, totals, { mode: 'share', maxLayers: 2 });
    expect(s.layers.map((l) => l.id)).toEqual([0, OTHER_LAYER_ID]);
    expect(s.layers[1].papers).toEqual([8, 6, 4]);
    expect(s.layers[1].label).toBe('2 other topics');
  });

  it('keeps every layer thickness equal to its papers under the wiggle offset', () => {
    const s = buildTopicStack(periods, topics, papers, totals, { mode: 'stream' });
    for (const layer of s.layers) {
      layer.bands.forEach(([lo, hi], p) => expect(hi - lo).toBeCloseTo(layer.papers[p], 12));
    }
    // Wiggle keeps the first period's baseline at 0 and moves it afterwards.
    const lows = periods.map((_, p) => minOf(s.layers.map((l) => l.bands[p][0])));
    expect(lows[0]).toBeCloseTo(0, 12);
    expect(lows.some((v) => Math.abs(v) > 1e-9)).toBe(true);
  });

  it('draws one closed area per layer', () => {
    const s = buildTopicStack(periods, topics, papers, totals, { mode: 'share' });
    const paths = buildStackPaths(s, 200, 100);
    expect(paths).toHaveLength(3);
    expect(paths[0].d.startsWith('M0,80')).toBe(true); // share 0.2 of 100 px from the bottom
    expect(paths.every((p) => p.d.endsWith('Z'))).toBe(true);
  });
});
