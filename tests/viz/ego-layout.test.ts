import { describe, expect, it } from 'vitest';
import { buildEgoLayout } from '@/lib/viz/ego-layout';

describe('buildEgoLayout', () => {
  it('puts the ego in the middle and co-authors on rings by tie strength', () => {
    const nodes = buildEgoLayout(
      { id: 1, papers: 4 },
      [
        { id: 2, joint: 3, papers: 4 },
        { id: 3, joint: 1, papers: 1 },
        { id: 4, joint: 2, papers: 2 },
      ],
      [],
      100,
      2,
    );
    expect(nodes[0]).toMatchObject({ id: 1, x: 0, y: 0, ring: 0 });
    expect(nodes.filter((n) => n.ring === 1).map((n) => n.id)).toEqual([2, 4]);
    expect(nodes.find((n) => n.id === 3)!.ring).toBe(2);
    expect(Math.hypot(nodes[1].x, nodes[1].y)).toBeCloseTo(100, 9);
    expect(Math.hypot(nodes[3].x, nodes[3].y)).toBeCloseTo(160, 9);
  });
});
