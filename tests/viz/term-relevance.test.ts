import { describe, expect, it } from 'vitest';
import { rankByRelevance, termRelevance } from '@/lib/viz/term-relevance';

describe('LDAvis relevance', () => {
  const terms = [
    { term: 'common', logPwt: Math.log(0.5), logLift: Math.log(1.1) },
    { term: 'specific', logPwt: Math.log(0.1), logLift: Math.log(8) },
  ];
  it('is λ·log p(w|t) + (1-λ)·lift', () => {
    expect(termRelevance(terms[0], 0.6)).toBeCloseTo(0.6 * Math.log(0.5) + 0.4 * Math.log(1.1), 12);
    expect(termRelevance({ term: 'x', logPwt: -2, logLift: null }, 0.5)).toBe(-1);
  });
  it('ranks by frequency at λ=1 and by lift at λ=0', () => {
    expect(rankByRelevance(terms, 1).map((t) => t.term)).toEqual(['common', 'specific']);
    expect(rankByRelevance(terms, 0).map((t) => t.term)).toEqual(['specific', 'common']);
  });
});
