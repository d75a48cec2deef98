import { describe, expect, it } from 'vitest';
import { buildBursts } from '../../lib/trends/bursts';

/** Independent reference: tries every state sequence (2^n) with Kleinberg's costs, written
 * straight from the paper, and returns the cheapest sequence. */
function bruteForce(r: number[], d: number[], s: number, gamma: number): number[] {
  const n = r.length;
  const p0 = r.reduce((a, b) => a + b, 0) / d.reduce((a, b) => a + b, 0);
  const p = [p0, Math.min(s * p0, 0.9999)];
  const sigma = (i: number, t: number) => -(r[t] * Math.log(p[i]) + (d[t] - r[t]) * Math.log(1 - p[i]));
  let best: number[] = [];
  let bestCost = Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    const states = Array.from({ length: n }, (_, t) => (mask >> t) & 1);
    let cost = 0;
    let previous = 0;
    states.forEach((state, t) => {
      if (state > previous) cost += gamma * Math.log(n);
      cost += sigma(state, t);
      previous = state;
    });
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = states;
    }
  }
  return best;
}

describe('buildBursts (Kleinberg, two states)', () => {
  it('finds a known burst in a synthetic series', () => {
    const total = Array(20).fill(100);
    const relevant = total.map((_, t) => (t >= 8 && t <= 11 ? 30 : 5));
    const bursts = buildBursts(relevant, total, { scale: 2, gamma: 1 });
    expect(bursts.length).toBe(1);
    expect([bursts[0].start, bursts[0].end]).toEqual([8, 11]);
    // Weight = sum over the burst of sigma0 - sigma1, by hand: p0 = (16 x 5 + 4 x 30) / 2000 = 0.1, p1 = 0.2.
    const p0 = 0.1;
    const p1 = 0.2;
    const gain = -(30 * Math.log(p0) + 70 * Math.log(1 - p0)) + (30 * Math.log(p1) + 70 * Math.log(1 - p1));
    expect(bursts[0].strength).toBeCloseTo(4 * gain, 9);
  });

  it('agrees with exhaustive search on uneven batches', () => {
    const total = [40, 55, 30, 80, 65, 70, 20, 90, 60, 45, 50, 35];
    const relevant = [2, 3, 1, 15, 20, 9, 1, 4, 3, 12, 14, 2];
    const spans = buildBursts(relevant, total, { scale: 2, gamma: 1 });
    const states = Array(12).fill(0);
    for (const span of spans) for (let t = span.start; t <= span.end; t++) states[t] = 1;
    expect(states).toEqual(bruteForce(relevant, total, 2, 1));
    expect(spans.length).toBeGreaterThan(0);
  });

  it('reports no burst for a steady rate, and none for a term never seen', () => {
    expect(buildBursts(Array(15).fill(10), Array(15).fill(100), { scale: 2, gamma: 1 })).toEqual([]);
    expect(buildBursts(Array(5).fill(0), Array(5).fill(100), { scale: 2, gamma: 1 })).toEqual([]);
  });

  it('needs a stronger burst when gamma is higher', () => {
    const total = Array(20).fill(100);
    const relevant = total.map((_, t) => (t === 10 ? 14 : 5));
    expect(buildBursts(relevant, total, { scale: 2, gamma: 0.1 }).length).toBe(1);
    expect(buildBursts(relevant, total, { scale: 2, gamma: 3 })).toEqual([]);
  });
});
