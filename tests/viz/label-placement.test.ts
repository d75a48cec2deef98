import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBudget, placeLabels } from '@/lib/viz/label-placement';

const measure = (text: string) => text.length * 10;

describe('label placement', () => {
  it('detects overlap but not touching edges', () => {
    expect(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 5, x1: 15, y1: 15 })).toBe(true);
    expect(boxesOverlap({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 10, y0: 0, x1: 20, y1: 10 })).toBe(false);
  });

  it('places the biggest topics first and drops colliding or off-screen labels', () => {
    const placed = placeLabels(
      [
        { id: 1, text: 'small', x: 105, y: 100, priority: 5 }, // overlaps the big one
        { id: 2, text: 'big', x: 100, y: 100, priority: 50 },
        { id: 3, text: 'far', x: 300, y: 100, priority: 1 },
        { id: 4, text: 'edge', x: 2, y: 100, priority: 100 }, // box leaves the view
      ],
      { width: 400, height: 200, fontSize: 10, measure, padding: 2 },
    );
    expect(placed.map((p) => p.id)).toEqual([2, 3]);
    // 'big' is 30 px wide + 2 px padding each side, 10 px high + 2 each side, centred on (100, 100).
    expect(placed[0].box).toEqual({ x0: 83, y0: 93, x1: 117, y1: 107 });
  });

  it('tries the alternatives in order when the anchor is taken, and sizes each label by its own font', () => {
    const placed = placeLabels(
      [
        { id: 1, text: 'first', x: 100, y: 100, priority: 10 },
        {
          id: 2,
          text: 'second',
          x: 100,
          y: 100,
          priority: 5,
          fontSize: 20,
          // 10 px up still overlaps 'first'; 40 px up is free.
          alternatives: [
            { x: 100, y: 90 },
            { x: 100, y: 60 },
            { x: 100, y: 20 },
          ],
        },
      ],
      { width: 400, height: 200, fontSize: 10, measure, padding: 2 },
    );
    expect(placed.map((p) => [p.id, p.x, p.y])).toEqual([
      [1, 100, 100],
      [2, 100, 60],
    ]);
    // 20 px font: 12 px above and below the anchor with the padding.
    expect([placed[1].box.y0, placed[1].box.y1]).toEqual([48, 72]);
  });

  it('shows more labels when zoomed in: spread-out centroids stop colliding', () => {
    const topics = Array.from({ length: 6 }, (_, i) => ({ id: i, text: 'topic', x: i * 10, y: 0, priority: 10 - i }));
    const atZoom = (k: number) =>
      placeLabels(
        topics.map((t) => ({ ...t, x: 40 + t.x * k, y: 50 })),
        { width: 2000, height: 100, fontSize: 10, measure, maxLabels: labelBudget(k, topics.length) },
      ).length;
    expect(atZoom(1)).toBe(1);
    expect(atZoom(6)).toBe(6);
  });

  it('budgets a dozen labels at zoom 1, more when zoomed, never more than there are', () => {
    expect(labelBudget(1, 40)).toBe(12);
    expect(labelBudget(0.5, 40)).toBe(12);
    expect(labelBudget(2.5, 40)).toBe(30);
    expect(labelBudget(10, 40)).toBe(40);
  });
});
