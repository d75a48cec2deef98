import { describe, expect, it } from 'vitest';
import { POINT_ACTIVE, POINT_FADED, POINT_HIDDEN } from '@/lib/viz/map-filter';
import { buildDrawList, countInView, FrameCost, lodCount, lodFraction, lodOrder } from '@/lib/viz/map-lod';
import { PointGrid } from '@/lib/viz/point-grid';
import { POINT_FLAG_OUTLIER } from '@/lib/viz/point-payload';
import { createRandom } from '../../lib/random';

describe('map level of detail', () => {
  it('lists faded points, outliers, each topic (first-seen order), then the selection, each group in the seeded order', () => {
    //              0  1  2  3  4  5  6  7
    const topic = [5, 2, 5, 2, 9, 5, 2, 9];
    const mask = Uint8Array.from([
      POINT_ACTIVE,
      POINT_ACTIVE,
      POINT_FADED,
      POINT_ACTIVE,
      POINT_HIDDEN,
      POINT_ACTIVE,
      POINT_ACTIVE,
      POINT_FADED,
    ]);
    const flags = [0, 0, 0, 0, 0, 0, POINT_FLAG_OUTLIER, 0];
    const order = [7, 6, 5, 4, 3, 2, 1, 0];
    const { indices, groups } = buildDrawList(topic, mask, flags, order, Uint32Array.from([1, 5]));
    expect(groups).toEqual([
      { kind: 'faded', topic: -1, start: 0, count: 2 },
      { kind: 'outlier', topic: -1, start: 2, count: 1 },
      { kind: 'active', topic: 5, start: 3, count: 2 },
      { kind: 'active', topic: 2, start: 5, count: 2 },
      { kind: 'selected', topic: 2, start: 7, count: 1 },
      { kind: 'selected', topic: 5, start: 8, count: 1 },
    ]);
    // Inside a group the points follow `order` (here: descending); the hidden point is nowhere.
    expect(Array.from(indices)).toEqual([7, 2, 6, 5, 0, 3, 1, 1, 5]);
  });

  it('draws every point in view within the budget, else the same share of every group', () => {
    expect(lodFraction(74_720, 400_000)).toBe(1);
    expect(lodFraction(1_000_000, 400_000)).toBeCloseTo(0.4);
    expect(lodCount(1000, 1)).toBe(1000);
    expect(lodCount(1000, 0.4)).toBe(400);
    expect(lodCount(3, 0.01)).toBe(1); // a small topic keeps a point
    expect(lodCount(0, 0.5)).toBe(0);
  });

  it('learns the cost of a point from the frames and fits the budget to a frame time, within bounds', () => {
    const cost = new FrameCost({ min: 20_000, max: 300_000, initial: 100_000 });
    expect(cost.budget(40)).toBe(100_000);
    cost.record(5, 500); // too few points to learn from
    expect(cost.budget(40)).toBe(100_000);
    cost.record(80, 80_000); // 1 µs a point
    expect(cost.budget(40)).toBe(40_000);
    cost.record(160, 80_000); // slower frames move the estimate by a share: 0.7·1 + 0.3·2 µs
    expect(cost.budget(40)).toBe(Math.floor(40 / 0.0013));
    for (let i = 0; i < 20; i++) cost.record(1000, 100_000); // very slow: the floor
    expect(cost.budget(40)).toBe(20_000);
    const gpu = new FrameCost({ min: 20_000, max: 300_000, initial: 100_000 });
    gpu.record(0.8, 80_000); // every point fits
    expect(gpu.budget(40)).toBe(300_000);
    expect(gpu.budget(100, Infinity)).toBe(10_000_000);
  });

  it('shuffles a million points the same way every time, each index once, and counts those in view', () => {
    const a = lodOrder(1_000_000);
    expect(Array.from(a.subarray(0, 5))).toEqual(Array.from(lodOrder(1_000_000).subarray(0, 5)));
    const seen = new Uint8Array(1_000_000);
    for (const i of a) seen[i]++;
    expect(seen.every((v) => v === 1)).toBe(true);
    // The first tenth of the order is a fair sample: about a tenth of the first half of the indices.
    let low = 0;
    for (let j = 0; j < 100_000; j++) if (a[j] < 500_000) low++;
    expect(Math.abs(low - 50_000)).toBeLessThan(1000);

    const n = 1_000_000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const mask = new Uint8Array(n).fill(POINT_ACTIVE);
    for (let i = 0; i < n; i++) {
      xs[i] = i % 1000;
      ys[i] = Math.floor(i / 1000);
    }
    mask[0] = POINT_HIDDEN;
    expect(countInView(xs, ys, mask, 0, 0, 99, 9)).toBe(100 * 10 - 1);
  });
});

describe('point grid', () => {
  it('finds the nearest listed point within the radius, as a scan does, over a million points', () => {
    const n = 1_000_000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const random = createRandom(7);
    for (let i = 0; i < n; i++) {
      xs[i] = random() * 100 - 50;
      ys[i] = random() * 60;
    }
    // Every other point is listed (the active ones).
    const listed = Uint32Array.from({ length: n / 2 }, (_, j) => 2 * j);
    const grid = new PointGrid(xs, ys, listed);
    expect(grid.size).toBe(n / 2);
    for (let q = 0; q < 50; q++) {
      const x = random() * 110 - 55;
      const y = random() * 70 - 5;
      const radius = q % 2 ? 0.05 : 0.5;
      let best = -1;
      let bestD = radius * radius;
      for (const i of listed) {
        const d = (xs[i] - x) ** 2 + (ys[i] - y) ** 2;
        if (d < bestD || (d === bestD && best >= 0 && i < best) || (d === bestD && best < 0)) {
          best = i;
          bestD = d;
        }
      }
      expect(grid.nearest(x, y, radius)).toBe(best);
    }
  });

  it('answers -1 with nothing listed or nothing near', () => {
    expect(new PointGrid([1], [1], []).nearest(1, 1, 10)).toBe(-1);
    const grid = new PointGrid([0, 10], [0, 0], [0, 1]);
    expect(grid.nearest(5.1, 0, 1)).toBe(-1);
    expect(grid.nearest(5.1, 0, 5)).toBe(1);
    expect(grid.nearest(-3, 0, 5)).toBe(0);
  });
});
