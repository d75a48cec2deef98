import type { Paper } from '../corpus/types';
import type { TokenizedCorpus } from '../text/types';
import { buildBursts } from './bursts';
import { buildChangeLists, buildTermChanges } from './change';
import { buildRelatedTerms, mergeRelatedTerms } from './cooccurrence';
import { buildPeriods } from './periods';
import { buildDocTermSets, buildTermSeries } from './term-counts';
import {
  burstLift,
  buildNewTerms,
  buildSpecificity,
  groupBurstSubjects,
  scoreBurst,
  specificityWeight,
} from './subjects';
import { buildTopicSeries } from './topics';
import type { Burst, ListedChange, TermChange, TrendOptions, Trends } from './types';

export type * from './types';

/** Progress callback: stage name, items done, items in all. */
export type ProgressCallback = (stage: string, done: number, total: number) => void;

/** Input of `buildTrends`: the papers, their tokens (parallel to `papers`) and topics. */
export interface TrendInput {
  papers: Paper[];
  corpus: TokenizedCorpus;
  paperTopics: Int32Array;
  topicCount: number;
}

const DEFAULTS: Required<TrendOptions> = {
  granularity: 'auto',
  minSupport: 5,
  smoothing: 3,
  recentPeriods: 5,
  minPeriodPapers: 20,
  minChangePapers: 20,
  changeListSize: 100,
  burstScale: 2,
  burstGamma: 1,
  relatedMinSupport: 20,
  relatedTopK: 20,
  relatedMinPapers: 5,
};

/** Builds keyword trends: periods (years, or months when every dated paper has one), the papers
 * and share of papers per period containing each term with enough support, each term's recent
 * change (slope of the smoothed share) with rising and falling lists, Kleinberg bursts per term,
 * topic shares per period, and related terms by co-occurrence. Papers without a date are counted
 * in `undatedPapers` and left out of every series; they still count for related terms. Pure. */
export function buildTrends(input: TrendInput, opts: TrendOptions = {}, onProgress?: ProgressCallback): Trends {
  const options: Required<TrendOptions> = { ...DEFAULTS, ...definedOnly(opts) };
  const { papers, corpus, paperTopics, topicCount } = input;
  if (corpus.docs.length !== papers.length || paperTopics.length !== papers.length) {
    throw new Error(
      `buildTrends: ${papers.length} papers, ${corpus.docs.length} token lists, ${paperTopics.length} topics`,
    );
  }
  const progress = onProgress ?? (() => {});
  const vocabSize = corpus.vocab.terms.length;

  progress('periods', 0, papers.length);
  const { granularity, periods, periodOf, undatedPapers } = buildPeriods(papers, options.granularity);
  const periodPapers = Int32Array.from(periods, (p) => p.papers);
  const datedPapers = papers.length - undatedPapers;

  progress('term counts', 0, papers.length);
  const sets = buildDocTermSets(corpus.docs, vocabSize);
  const termSeries = buildTermSeries(sets, vocabSize, periodOf, periodPapers, options.minSupport);
  progress('term counts', papers.length, papers.length);

  const changes = buildTermChanges(termSeries, periodPapers, options);
  const { rising, falling } = buildChangeLists(changes, options.minChangePapers, options.changeListSize);
  const isPhrase = corpus.vocab.isPhrase;
  const phraseLists = buildChangeLists(
    changes.filter((c) => isPhrase[c.term] === 1),
    options.minChangePapers,
    options.changeListSize,
  );

  const { specificity, mainTopic } = buildSpecificity(sets, termSeries, paperTopics, topicCount, isPhrase);
  const newTerms = buildNewTerms(
    termSeries,
    periods.length,
    specificity,
    options.recentPeriods,
    options.changeListSize,
  );
  const weighted = changes.map((c, r) => ({ ...c, score: c.score * specificityWeight(specificity[r]) }));
  const ranked = buildChangeLists(weighted, options.minChangePapers, options.changeListSize);
  // One term per subject at the top of each list, as for bursts: the rest follow, grouped.
  const bySubject = (terms: number[]) => {
    // The lists cover the same recent window, so every pair of terms overlaps in time.
    const { rank } = groupBurstSubjects(
      terms.map((term) => ({ term, start: 0, end: 0 })),
      sets,
      corpus.vocab,
    );
    return terms
      .map((term, i) => ({ term, rank: rank[i] }))
      .sort((a, b) => a.rank - b.rank)
      .map((t) => t.term);
  };
  const subjectLists = { rising: bySubject(ranked.rising), falling: bySubject(ranked.falling) };

  const rows = termSeries.terms.length;
  progress('bursts', 0, rows);
  const bursts: Burst[] = [];
  const periodCount = periods.length;
  for (let row = 0; row < rows; row++) {
    const relevant = termSeries.counts.subarray(row * periodCount, (row + 1) * periodCount);
    for (const span of buildBursts(relevant, periodPapers, { scale: options.burstScale, gamma: options.burstGamma })) {
      const burst = { term: termSeries.terms[row], ...span, lift: 0, score: 0, rank: 0, sameAs: -1 };
      burst.lift = burstLift(burst, relevant, periodPapers);
      burst.score = scoreBurst(burst.strength, burst.lift, specificity[row], burst.end - burst.start + 1, periodCount);
      // Scored on the exact lift; four decimals are all a reader is shown or the build keeps.
      burst.lift = Math.round(burst.lift * 1e4) / 1e4;
      bursts.push(burst);
    }
  }
  bursts.sort((a, b) => b.score - a.score || a.term - b.term || a.start - b.start);
  const grouped = groupBurstSubjects(bursts, sets, corpus.vocab);
  bursts.forEach((b, i) => {
    b.rank = grouped.rank[i];
    b.sameAs = grouped.sameAs[i];
  });
  bursts.sort((a, b) => a.rank - b.rank);
  progress('bursts', rows, rows);

  const topicSeries = buildTopicSeries(paperTopics, topicCount, periodOf, periodPapers);
  // Emerging and fading topics: the same change score as terms, over topic shares.
  const topicChanges = buildTermChanges(
    {
      terms: Int32Array.from({ length: topicCount }, (_, t) => t),
      support: Int32Array.from({ length: topicCount }, (_, t) => {
        let sum = 0;
        for (let p = 0; p < periodCount; p++) sum += topicSeries.counts[t * periodCount + p];
        return sum;
      }),
      counts: topicSeries.counts,
      shares: topicSeries.shares,
    },
    periodPapers,
    options,
  );

  progress('related terms', 0, 1);
  const related = buildRelatedTerms(sets, corpus.vocab, {
    minSupport: options.relatedMinSupport,
    topK: options.relatedTopK,
    minPairPapers: options.relatedMinPapers,
  });
  progress('related terms', 1, 1);

  const subjectScore = Float64Array.from(weighted, (c) => c.score);
  const newTermIds = newTerms.rows.map((r) => termSeries.terms[r]);
  const listedChanges = listChanges(
    changes,
    subjectScore,
    [rising, falling, phraseLists.rising, phraseLists.falling],
    subjectLists,
    newTermIds,
  );

  return {
    granularity,
    periods,
    periodOf,
    datedPapers,
    undatedPapers,
    termSeries,
    changes,
    rising,
    falling,
    phraseRising: phraseLists.rising,
    phraseFalling: phraseLists.falling,
    subjectRising: subjectLists.rising,
    subjectFalling: subjectLists.falling,
    // Scores above used the exact values; the build keeps four decimals.
    specificity: specificity.map((v) => Math.round(v * 1e4) / 1e4),
    subjectScore,
    listedChanges,
    mainTopic,
    newTerms: newTermIds,
    firstSeen: newTerms.firstSeen,
    topicChanges,
    bursts,
    topicSeries,
    relatedByPapers: related.byPapers,
    relatedByNpmi: related.byNpmi,
    related: mergeRelatedTerms(related.byNpmi, related.byPapers, options.relatedTopK),
    options,
  };
}

/** The changes of the terms on any list, in the order of `changes`, with their subject score and
 * their places on the subject lists and the new-subjects list. */
function listChanges(
  changes: readonly TermChange[],
  subjectScore: Float64Array,
  lists: readonly (readonly number[])[],
  subjects: { rising: readonly number[]; falling: readonly number[] },
  newTerms: readonly number[],
): ListedChange[] {
  const newRank = new Map(newTerms.map((t, i) => [t, i]));
  const subjectRank = new Map([
    ...subjects.rising.map((t, i): [number, number] => [t, i]),
    ...subjects.falling.map((t, i): [number, number] => [t, i]),
  ]);
  const listed = new Set([...lists.flat(), ...subjectRank.keys(), ...newTerms]);
  return changes.flatMap((c, row) =>
    listed.has(c.term)
      ? [
          {
            ...c,
            subjectScore: subjectScore[row],
            subjectRank: subjectRank.get(c.term) ?? null,
            newRank: newRank.get(c.term) ?? null,
          },
        ]
      : [],
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
