import { describe, expect, it } from 'vitest';
import { pointInPolygon, polygonArea, selectInPolygon, thinPolygon, type Point } from '@/lib/viz/lasso';

const square: Point[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];
// A "C" shape: the notch (4..10 × 3..7) is outside.
const cShape: Point[] = [
  [0, 0],
  [10, 0],
  [10, 3],
  [4, 3],
  [4, 7],
  [10, 7],
  [10, 10],
  [0, 10],
];

describe('lasso', () => {
  it('tests points against convex and concave polygons', () => {
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(11, 5, square)).toBe(false);
    expect(pointInPolygon(-0.1, 5, square)).toBe(false);
    expect(pointInPolygon(2, 5, cShape)).toBe(true);
    expect(pointInPolygon(7, 5, cShape)).toBe(false);
    expect(pointInPolygon(7, 1.5, cShape)).toBe(true);
  });

  it('selects the indices inside, honouring a filter', () => {
    const xs = [1, 7, 7, 20, 2];
    const ys = [1, 5, 8.5, 5, 9];
    expect(selectInPolygon(xs, ys, cShape)).toEqual([0, 2, 4]);
    expect(selectInPolygon(xs, ys, cShape, (i) => i !== 2)).toEqual([0, 4]);
    expect(
      selectInPolygon(xs, ys, [
        [0, 0],
        [1, 1],
      ]),
    ).toEqual([]);
  });

  it('thins long paths evenly and measures area', () => {
    const path: Point[] = Array.from({ length: 100 }, (_, i) => [i, i * 2] as Point);
    const thin = thinPolygon(path, 10);
    expect(thin.length).toBe(10);
    expect(thin[0]).toEqual([0, 0]);
    expect(thin[9]).toEqual([90, 180]);
    expect(polygonArea(square)).toBe(100);
    expect(polygonArea(cShape)).toBe(100 - 24);
  });
});
