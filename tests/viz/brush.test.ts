import { describe, expect, it } from 'vitest';
import { buildBrush, rectanglePolygon } from '@/lib/viz/brush';
import { selectInPolygon } from '@/lib/viz/lasso';
import { EMPTY_MAP_STATE, formatMapState, parseMapState } from '@/lib/viz/map-state';

describe('brush', () => {
  it('spans the same rectangle whichever way it is dragged', () => {
    const expected = [
      [1, 2],
      [5, 2],
      [5, 7],
      [1, 7],
    ];
    expect(rectanglePolygon([1, 2], [5, 7])).toEqual(expected);
    expect(rectanglePolygon([5, 7], [1, 2])).toEqual(expected);
    expect(rectanglePolygon([1, 7], [5, 2])).toEqual(expected);
  });

  it('maps screen corners to data coordinates through the view', () => {
    // Screen = 10·data + (100, 50): screen (120, 70)–(160, 110) is data (2, 2)–(6, 6).
    const view = { k: 10, x: 100, y: 50 };
    expect(buildBrush([160, 110], [120, 70], view, { width: 400, height: 300 })).toEqual([
      [2, 2],
      [6, 2],
      [6, 6],
      [2, 6],
    ]);
  });

  it('clips the drag to the view and treats a tiny drag as a click', () => {
    const view = { k: 2, x: 0, y: 0 };
    // Dragged out past the right and bottom edges: kept to the visible 200 × 100.
    expect(buildBrush([150, 60], [260, 180], view, { width: 200, height: 100 })).toEqual([
      [75, 30],
      [100, 30],
      [100, 50],
      [75, 50],
    ]);
    expect(buildBrush([10, 10], [12, 40], view, { width: 200, height: 100 })).toBeNull();
    expect(buildBrush([10, 10], [40, 11], view, { width: 200, height: 100 })).toBeNull();
    // Wholly off screen collapses to an edge: nothing to select.
    expect(buildBrush([210, 10], [260, 60], view, { width: 200, height: 100 })).toBeNull();
  });

  it('selects the points inside the rectangle, honouring a filter, as the lasso does', () => {
    const xs = [0.5, 3, 3, 5.9, 6.1, 4];
    const ys = [3, 2.5, 5.5, 5.9, 4, 1.9];
    const rect = rectanglePolygon([2, 2], [6, 6]);
    expect(selectInPolygon(xs, ys, rect)).toEqual([1, 2, 3]);
    expect(selectInPolygon(xs, ys, rect, (i) => i !== 2)).toEqual([1, 3]);
  });

  it('shares a brushed rectangle in the URL as its four corners', () => {
    const area = rectanglePolygon([-1.5, 0.25], [2, 3.123456]);
    const query = formatMapState({ ...EMPTY_MAP_STATE, area });
    expect(query).toBe('sel=-1.5,0.25;2,0.25;2,3.1235;-1.5,3.1235');
    expect(parseMapState(new URLSearchParams(query)).area).toEqual([
      [-1.5, 0.25],
      [2, 0.25],
      [2, 3.1235],
      [-1.5, 3.1235],
    ]);
  });
});
