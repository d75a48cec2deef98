import { describe, expect, it } from 'vitest';
import { buildMinCostAssignment, seedStability, buildTopicAgreement } from '../../lib/model/stability';
import { createRandom } from '../../lib/random';

/** The cheapest assignment by trying every permutation (small sizes only). */
function bruteForce(cost: Float64Array, size: number): number {
  let best = Infinity;
  const perm = Array.from({ length: size }, (_, i) => i);
  const visit = (k: number) => {
    if (k === size) {
      let s = 0;
      for (let i = 0; i < size; i++) s += cost[i * size + perm[i]];
      best = Math.min(best, s);
      return;
    }
    for (let i = k; i < size; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      visit(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  visit(0);
  return best;
}

describe('buildMinCostAssignment', () => {
  it('finds the optimum on random matrices, as exhaustive search does', () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 40; trial++) {
      const size = 1 + (trial % 7);
      const cost = Float64Array.from({ length: size * size }, () => Math.round(random() * 20) - 10);
      const rows = buildMinCostAssignment(cost, size);
      expect(new Set(rows).size).toBe(size);
      let total = 0;
      for (let i = 0; i < size; i++) total += cost[i * size + rows[i]];
      expect(total).toBe(bruteForce(cost, size));
    }
  });
});

describe('buildTopicAgreement', () => {
  it('is 1 for the same partition under other topic ids', () => {
    const a = [0, 0, 1, 1, 2, 2, 2];
    const b = [2, 2, 0, 0, 1, 1, 1];
    const r = buildTopicAgreement(a, b);
    expect(r.agreement).toBe(1);
    expect(Array.from(r.matching)).toEqual([2, 0, 1]);
  });

  it('counts the papers that follow their matched topic, one-to-one', () => {
    // b merges a's topics 1 and 2: only one of them can be matched to b's topic 1.
    const a = [0, 0, 0, 1, 1, 2, 2, 2];
    const b = [0, 0, 0, 1, 1, 1, 1, 1];
    expect(buildTopicAgreement(a, b).agreement).toBeCloseTo(6 / 8, 12);
    // Different numbers of topics either way round.
    expect(buildTopicAgreement(b, a).agreement).toBeCloseTo(6 / 8, 12);
  });

  it('leaves out papers without a topic and averages over pairs of seeds', () => {
    expect(buildTopicAgreement([0, -1, 1], [1, 0, 0]).papers).toBe(2);
    expect(
      seedStability([
        [0, 0, 1, 1],
        [1, 1, 0, 0],
        [0, 1, 0, 1],
      ]),
    ).toBeCloseTo((1 + 0.5 + 0.5) / 3, 12);
  });
});
