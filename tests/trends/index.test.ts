import { describe, expect, it } from 'vitest';
import { buildTrends } from '../../lib/trends/index';
import { specificityWeight } from '../../lib/trends/subjects';
import type { RelatedTerms } from '../../lib/trends/types';
import { makePaper } from '../fixtures/graph/papers';
import { readSmallCorpus } from '../fixtures/trends/small-corpus';

const [GRAPH, NEURAL, , NEURAL_NETWORK, KERNEL, DEEP] = [0, 1, 2, 3, 4, 5];

function relatedOf(rows: RelatedTerms, term: number) {
  const out: { other: number; papers: number; npmi: number }[] = [];
  for (let i = 0; i < rows.term.length; i++) {
    if (rows.term[i] === term) out.push({ other: rows.other[i], papers: rows.papers[i], npmi: rows.npmi[i] });
  }
  return out;
}

describe('buildTrends on the hand-made corpus', () => {
  const { papers, corpus, paperTopics } = readSmallCorpus();
  const trends = buildTrends(
    { papers, corpus, paperTopics, topicCount: 2 },
    { minSupport: 1, relatedMinSupport: 1, relatedMinPapers: 1, relatedTopK: 10, minPeriodPapers: 1 },
  );
  const P = trends.periods.length;
  const row = (term: number) => Array.from(trends.termSeries.terms).indexOf(term);
  const shares = (term: number) => Array.from(trends.termSeries.shares.slice(row(term) * P, row(term) * P + P));
  const counts = (term: number) => Array.from(trends.termSeries.counts.slice(row(term) * P, row(term) * P + P));

  it('uses contiguous years and leaves the undated paper out, counted', () => {
    expect(trends.granularity).toBe('year');
    expect(trends.periods).toEqual([
      { label: '2019', ordinal: 0, papers: 4 },
      { label: '2020', ordinal: 1, papers: 0 },
      { label: '2021', ordinal: 2, papers: 2 },
    ]);
    expect(trends.undatedPapers).toBe(1);
    expect(trends.datedPapers).toBe(6);
  });

  it('counts papers containing each term per period, and shares', () => {
    expect(Array.from(trends.termSeries.terms)).toEqual([GRAPH, NEURAL, NEURAL_NETWORK, KERNEL, DEEP]);
    expect(counts(KERNEL)).toEqual([3, 0, 1]);
    expect(shares(KERNEL)).toEqual([0.75, 0, 0.5]);
    expect(shares(DEEP)).toEqual([0.25, 0, 1]);
    // The undated paper's "graph" is not counted.
    expect(counts(GRAPH)).toEqual([2, 0, 1]);
    expect(trends.termSeries.support[row(DEEP)]).toBe(3);
  });

  it('gives topic counts and shares per period', () => {
    expect(Array.from(trends.topicSeries.counts)).toEqual([2, 0, 1, 2, 0, 1]);
    expect(Array.from(trends.topicSeries.shares)).toEqual([0.5, 0, 0.5, 0.5, 0, 0.5]);
  });

  it('finds related terms by papers in common and by NPMI, never a phrase and its own word', () => {
    expect(relatedOf(trends.relatedByPapers, GRAPH).map((r) => [r.other, r.papers])).toEqual([
      [KERNEL, 2],
      [DEEP, 2],
      [NEURAL_NETWORK, 1],
    ]);
    expect(relatedOf(trends.relatedByPapers, NEURAL_NETWORK).map((r) => r.other)).toEqual([DEEP, GRAPH, KERNEL]);
    expect(relatedOf(trends.relatedByPapers, NEURAL).map((r) => r.other)).toEqual([DEEP]);
    const graphKernel = relatedOf(trends.relatedByPapers, GRAPH)[0];
    expect(graphKernel.npmi).toBeCloseTo(Math.log(2 / 7 / (4 / 7) ** 2) / -Math.log(2 / 7), 12);
    // NPMI ranking of "neural": deep is its only partner: 1 paper of 7, df 1 and 4.
    const [neuralDeep] = relatedOf(trends.relatedByNpmi, NEURAL);
    expect(neuralDeep.npmi).toBeCloseTo(Math.log(1 / 7 / ((1 / 7) * (4 / 7))) / -Math.log(1 / 7), 12);
  });

  it('scores subjects by the change score weighted by specificity', () => {
    // Specificity comes out to 4 decimals and the score used the exact value: the weight can
    // differ by at most 0.75 (its slope) times half a unit in the fourth decimal.
    trends.changes.forEach((c, row) => {
      const expected = c.score * specificityWeight(trends.specificity[row]);
      expect(Math.abs(trends.subjectScore[row] - expected)).toBeLessThanOrEqual(
        Math.abs(c.score) * 0.75 * 5e-5 + 1e-15,
      );
    });
    for (const v of trends.specificity) expect(Math.round(v * 1e4) / 1e4).toBe(v);
  });

  it('rejects inputs that do not line up', () => {
    expect(() => buildTrends({ papers: papers.slice(1), corpus, paperTopics, topicCount: 2 })).toThrow(/papers/);
  });
});

describe('rising and falling phrases', () => {
  // Three years of ten papers: the word "alpha" rises steeply, the phrase "beta gamma" less so,
  // and "delta" falls. A list of one over all terms holds only "alpha".
  const terms = ['alpha', 'beta gamma', 'delta'];
  const uses = [
    { alpha: 1, beta: 2, delta: 9 },
    { alpha: 5, beta: 4, delta: 5 },
    { alpha: 10, beta: 6, delta: 1 },
  ];
  const papers = [];
  const docs: Int32Array[] = [];
  for (let y = 0; y < 3; y++) {
    for (let i = 0; i < 10; i++) {
      papers.push(makePaper(papers.length + 1, [], 2020 + y, null));
      const doc: number[] = [];
      if (i < uses[y].alpha) doc.push(0);
      if (i < uses[y].beta) doc.push(1);
      if (i < uses[y].delta) doc.push(2);
      docs.push(Int32Array.from(doc));
    }
  }
  const df = new Int32Array(3);
  for (const doc of docs) for (const t of doc) df[t]++;
  const corpus = { vocab: { terms, display: terms, isPhrase: Uint8Array.from([0, 1, 0]), df }, docs };
  const trends = buildTrends(
    { papers, corpus, paperTopics: new Int32Array(papers.length), topicCount: 1 },
    { minSupport: 1, minPeriodPapers: 1, minChangePapers: 1, recentPeriods: 3, smoothing: 1, changeListSize: 1 },
  );

  it('keeps a list of phrases beside the lists of every term', () => {
    expect(trends.rising).toEqual([0]);
    expect(trends.falling).toEqual([2]);
    expect(trends.phraseRising).toEqual([1]);
    expect(trends.phraseFalling).toEqual([]);
  });

  it('lists the changes of the terms on any list, with their places on the subject lists', () => {
    const lists = [
      trends.rising,
      trends.falling,
      trends.phraseRising,
      trends.phraseFalling,
      trends.subjectRising,
      trends.subjectFalling,
      trends.newTerms,
    ];
    const onAList = trends.changes.filter((c) => lists.some((l) => l.includes(c.term)));
    // alpha rises, beta gamma rises among phrases, delta falls: all three are on a list.
    expect(onAList.map((c) => c.term)).toEqual([0, 1, 2]);
    expect(trends.listedChanges.map((c) => c.term)).toEqual(onAList.map((c) => c.term));
    for (const c of trends.listedChanges) {
      const row = trends.changes.findIndex((d) => d.term === c.term);
      expect(c.subjectScore).toBe(trends.subjectScore[row]);
      const subject = [trends.subjectRising, trends.subjectFalling].find((l) => l.includes(c.term));
      expect(c.subjectRank).toBe(subject ? subject.indexOf(c.term) : null);
      expect(c.newRank).toBe(trends.newTerms.includes(c.term) ? trends.newTerms.indexOf(c.term) : null);
    }
  });
});
