import { describe, expect, it } from 'vitest';
import { measureEras } from '@/lib/trends/era-measure';
import {
  burstLift,
  buildNewTerms,
  buildSpecificity,
  groupBurstSubjects,
  scoreBurst,
  specificityWeight,
} from '@/lib/trends/subjects';
import { buildDocTermSets } from '@/lib/trends/term-counts';
import type { Burst, TermSeries } from '@/lib/trends/types';

function seriesOf(terms: number[]): TermSeries {
  return {
    terms: Int32Array.from(terms),
    support: new Int32Array(terms.length),
    counts: new Int32Array(0),
    shares: new Float64Array(0),
  };
}

const burst = (term: number, start: number, end: number, score = 1): Burst => ({
  term,
  start,
  end,
  strength: 1,
  lift: 1,
  score,
  rank: 0,
  sameAs: -1,
});

describe('subject terms', () => {
  // Term 0 in every paper; term 1 only in topic 0's papers; term 2 (a phrase) in half of topic 1's.
  const docs = [[0, 1], [0, 1], [0, 2], [0]].map((d) => Int32Array.from(d));
  const sets = buildDocTermSets(docs, 3);
  const topics = Int32Array.from([0, 0, 1, 1]);

  it('ranks a term concentrated in topics above one spread like the corpus, phrases a little higher', () => {
    const { specificity: q, mainTopic } = buildSpecificity(
      sets,
      seriesOf([0, 1, 2]),
      topics,
      2,
      Uint8Array.from([0, 0, 1]),
    );
    expect(Array.from(mainTopic)).toEqual([0, 0, 1]);
    expect(q[0]).toBe(0);
    expect(q[1]).toBeGreaterThan(q[0]);
    // Terms 1 and 2 are each in one topic only: the same percentile, and the phrase gets its bonus.
    expect(q[1]).toBe(0.5);
    expect(q[2]).toBe(0.75);
    expect(specificityWeight(0)).toBe(0.25);
    expect(specificityWeight(1)).toBe(1);
  });

  it('measures a burst against its own baseline', () => {
    // 5 of 10 papers in the burst year, 1 of 20 outside it: 0.5 / (1.5 / 21) = 7.
    expect(burstLift(burst(0, 1, 1), [1, 5, 0], [10, 10, 10])).toBeCloseTo(7, 10);
  });

  it('scores sharp bursts of specific terms above long mild bursts of general words', () => {
    const general = scoreBurst(240, 2, 0.05, 9, 35);
    const subject = scoreBurst(30, 6, 0.9, 4, 35);
    expect(subject).toBeGreaterThan(general);
    // A burst longer than a third of the periods counts per third.
    expect(scoreBurst(100, 4, 1, 24, 36)).toBeCloseTo(scoreBurst(50, 4, 1, 12, 36), 10);
  });

  it('groups a burst under an earlier one whose papers go with it, keeping both', () => {
    // Terms 0 and 1 always together; term 2 apart.
    const many = Array.from({ length: 40 }, (_, i) => Int32Array.from(i < 10 ? [0, 1] : i < 20 ? [2] : [3]));
    const grouped = groupBurstSubjects(
      [burst(0, 0, 2, 3), burst(1, 1, 2, 2), burst(2, 0, 2, 1)],
      buildDocTermSets(many, 4),
      { terms: ['a', 'b', 'c', 'd'], df: Int32Array.from([10, 10, 10, 20]) },
    );
    expect(Array.from(grouped.rank)).toEqual([0, 2, 1]);
    expect(Array.from(grouped.sameAs)).toEqual([-1, 0, -1]);
  });
});

describe('new subjects', () => {
  it('lists terms first seen in the later half that are taking off, not old or fading ones', () => {
    // 8 periods; row 0 old, row 1 new and rising, row 2 new but fading.
    const counts = Int32Array.from([3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 2, 4, 8, 0, 0, 0, 0, 5, 4, 1, 0]);
    const series: TermSeries = {
      terms: Int32Array.from([10, 11, 12]),
      support: new Int32Array(3),
      counts,
      shares: new Float64Array(24),
    };
    const result = buildNewTerms(series, 8, Float64Array.from([0.5, 0.5, 0.5]), 2, 10);
    expect(result.rows).toEqual([1]);
    expect(Array.from(result.firstSeen)).toEqual([0, 5, 4]);
  });
});

describe('era measure', () => {
  it('finds an era by a burst that carries one of its names in years that meet it', () => {
    const m = measureEras(
      [
        { term: 'vision transformers', start: 2021, end: 2021 },
        { term: 'networks', start: 1987, end: 1995 },
        { term: 'svm', start: 1990, end: 1994 },
      ],
      [
        { era: 'transformers', names: ['transformers'], from: 2018, to: 2021 },
        { era: 'kernels', names: ['svm'], from: 1997, to: 2009 },
      ],
      ['networks'],
    );
    expect(m.found.map((f) => f.rank)).toEqual([1, null]);
    expect(m.foundShare).toBe(0.5);
    expect(m.generalShare).toBeCloseTo(1 / 3, 10);
  });
});
