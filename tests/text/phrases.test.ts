import { describe, expect, it } from 'vitest';
import { scoreNpmi } from '../../lib/text/index';

describe('scoreNpmi', () => {
  it('matches hand-worked values of Bouma (2009)', () => {
    // Always together: p(ab) = p(a) = p(b) = 0.01 -> ln(0.01 / 0.0001) / -ln(0.01) = 1.
    expect(scoreNpmi(10, 10, 10, 1000)).toBeCloseTo(1, 12);
    // p(ab) = 0.002, p(a) = 0.01, p(b) = 0.02: ln(10) / -ln(0.002) = 2.302585093 / 6.214608098.
    expect(scoreNpmi(2, 10, 20, 1000)).toBeCloseTo(0.370511713, 8);
    // Independent: p(ab) = p(a) p(b) -> 0.
    expect(scoreNpmi(1, 100, 100, 10000)).toBeCloseTo(0, 12);
    expect(scoreNpmi(0, 10, 10, 100)).toBe(-1);
  });
});
