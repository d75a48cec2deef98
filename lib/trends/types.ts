/**
 * Keyword trends: options and results of `buildTrends`, shaped so the store can write each part
 * straight into a table (periods, term counts per period, term changes, bursts, topic shares,
 * related terms).
 */

/** Period length. 'auto' uses months when every dated paper has at least a month in its date,
 * else years. */
export type Granularity = 'year' | 'month';

/** Options of `buildTrends`; every field has a default. */
export interface TrendOptions {
  /** Default 'auto'. A forced 'month' leaves out (and counts) papers with only a year. */
  granularity?: Granularity | 'auto';
  /** A term gets a series when at least this many dated papers contain it. Default 5. */
  minSupport?: number;
  /** Width of the trailing moving average applied to shares before the slope. Default 3. */
  smoothing?: number;
  /** The recent window over which the slope is fitted, in periods. Default 5. */
  recentPeriods?: number;
  /** Periods with fewer papers than this are treated as missing in smoothing and slope (a
   * half-covered last month would otherwise swing every share). Default 20. */
  minPeriodPapers?: number;
  /** The rising and falling lists take terms with at least this many papers in the recent window
   * and the window before it together. Default 20. */
  minChangePapers?: number;
  /** Length of the rising and falling lists. Default 100. */
  changeListSize?: number;
  /** Kleinberg's s: the burst state's rate is s times the base rate. Default 2. */
  burstScale?: number;
  /** Kleinberg's gamma: cost of entering the burst state, times ln(periods). Default 1. */
  burstGamma?: number;
  /** Related terms are computed for terms in at least this many papers (dated or not). Default 20. */
  relatedMinSupport?: number;
  /** Related terms kept per term in each ranking. Default 20. */
  relatedTopK?: number;
  /** The NPMI ranking only takes pairs found together in at least this many papers. Default 5. */
  relatedMinPapers?: number;
}

/** A period: 'YYYY' or 'YYYY-MM'. Periods are contiguous from the first dated paper to the last,
 * empty ones included, so series can be drawn on a regular axis. */
export interface Period {
  label: string;
  /** 0-based position; series and bursts refer to periods by ordinal. */
  ordinal: number;
  papers: number;
}

/** Per-period counts of the terms with enough support, row-major: term row i, period p at
 * `i * periodCount + p`. */
export interface TermSeries {
  /** Vocabulary term ids of the rows, ascending. */
  terms: Int32Array;
  /** Dated papers containing the term (the row sum of `counts`). */
  support: Int32Array;
  /** Papers of the period containing the term. */
  counts: Int32Array;
  /** counts / papers of the period (0 for an empty period). */
  shares: Float64Array;
}

/** Recent change of one term's share. */
export interface TermChange {
  term: number;
  support: number;
  /** Least-squares slope of the smoothed share over the recent window, in share per period. */
  slope: number;
  /** Share over the recent window (its papers containing the term / its papers). */
  recentShare: number;
  /** Share over the window before it. */
  earlierShare: number;
  /** Papers containing the term in the recent window and the one before it. */
  windowPapers: number;
  /** slope / sqrt(mean smoothed share in the window): change in units of the share's binomial
   * spread, so rare terms that take off can outrank common terms that drift. Rising > 0 > falling. */
  score: number;
}

/** A burst of one term (Kleinberg 2002): periods `start..end` (ordinals, inclusive) where the
 * two-state automaton sits in the high state; `strength` is the cost it saves there, the sum over
 * those periods of sigma(base) - sigma(burst) (Kleinberg's weight; CiteSpace's "strength"). */
export interface Burst {
  term: number;
  start: number;
  end: number;
  strength: number;
  /** The burst's share of papers over the share outside it (see subjects.ts), to 4 decimals
   * (`score` used the exact value). */
  lift: number;
  /** Subject score: strength, lift and the term's specificity together (see subjects.ts). */
  score: number;
  /** Place in the subject list: bursts naming new subjects first (see groupBurstSubjects). */
  rank: number;
  /** The term this burst repeats as the same subject, or -1. */
  sameAs: number;
}

/** Papers per topic per period, row-major: topic t, period p at `t * periodCount + p`. */
export interface TopicSeries {
  counts: Int32Array;
  shares: Float64Array;
}

/** One ranking of related terms, column-wise, rows grouped by `term` ascending then by `rank`. */
export interface RelatedTerms {
  term: Int32Array;
  /** 0-based rank within the term's list. */
  rank: Int32Array;
  other: Int32Array;
  /** Papers containing both terms. */
  papers: Int32Array;
  /** Normalised pointwise mutual information over all papers (Bouma 2009), in [-1, 1]. */
  npmi: Float64Array;
}

/** A term on one of the lists (rising, falling, their phrase and subject forms, new subjects):
 * its change, its subject score, and its places on the subject and new-subject lists. */
export interface ListedChange extends TermChange {
  subjectScore: number;
  /** Place (from 0) on the subject list it is on, rising or falling; null when on neither. */
  subjectRank: number | null;
  /** Place (from 0) on the new-subjects list; null when not on it. */
  newRank: number | null;
}

/** Everything `buildTrends` computes. */
export interface Trends {
  granularity: Granularity;
  periods: Period[];
  /** The period (ordinal) of each paper given, -1 when undated. */
  periodOf: Int32Array;
  /** Papers with a usable date, in the periods. */
  datedPapers: number;
  /** Papers left out: no year, or (for months) no month. Never guessed. */
  undatedPapers: number;
  termSeries: TermSeries;
  /** One per row of `termSeries`, in the same order. */
  changes: TermChange[];
  /** Term ids, highest score first (score > 0, enough papers). */
  rising: number[];
  /** Term ids, lowest score first (score < 0, enough papers). */
  falling: number[];
  /** The same two lists among phrases only: single words of writing style ("reaches",
   * "evidence") can fill the lists above, and a reader may want the field's phrases. */
  phraseRising: number[];
  phraseFalling: number[];
  /** The default lists: subject terms first (the change score weighted by specificity, see
   * subjects.ts). */
  subjectRising: number[];
  subjectFalling: number[];
  /** Specificity in [0, 1] of each row of `termSeries` (see subjects.ts), to 4 decimals (the
   * scores used the exact value). */
  specificity: Float64Array;
  /** Per row of `changes`: its score weighted by the term's specificity, which orders the
   * subject lists. */
  subjectScore: Float64Array;
  /** The changes of the terms on any list, in the order of `changes`: what the app shows. */
  listedChanges: ListedChange[];
  /** Main topic of each row of `termSeries` (-1: none). */
  mainTopic: Int32Array;
  /** New subjects: term ids first seen in the later half of the periods and taking off (see subjects.ts). */
  newTerms: number[];
  /** First period (ordinal) each row of `termSeries` is in two or more papers; -1 never. */
  firstSeen: Int32Array;
  /** One per topic (its id in `term`): the change of its share over the recent periods. */
  topicChanges: TermChange[];
  /** Highest subject score first (see subjects.ts); `strength` orders them for "all words". */
  bursts: Burst[];
  topicSeries: TopicSeries;
  /** Top terms by papers in common (a term's own sub- and super-phrases left out). */
  relatedByPapers: RelatedTerms;
  /** Top terms by NPMI among pairs with at least `relatedMinPapers` papers in common. */
  relatedByNpmi: RelatedTerms;
  /** The related terms a term page lists: by NPMI, topped up by papers in common, at most
   * `relatedTopK` a term (see mergeRelatedTerms). */
  related: RelatedTerms;
  /** The options after defaults, for the build's record. */
  options: Required<TrendOptions>;
}
