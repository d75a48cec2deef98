/**
 * Subjects first: what tells a field's subject terms ("support vector machines", "gans") from words
 * of style and general vocabulary ("reaches", "networks", "figure") in the trend lists.
 *
 * Two signals, neither of which pushes down the subjects that cut across topics:
 * - **Specificity**: how unevenly a term's papers spread over the topics, the Kullback-Leibler
 *   divergence of their topics from the corpus's, as a percentile among the trend terms (0 = spread
 *   like the corpus, 1 = the most concentrated). Phrases get a fixed bonus: a two- or three-word
 *   term that the phrase finder kept is a name more often than a single word.
 * - **Sharpness** of a burst or a rise against the term's own baseline: the burst's share of papers
 *   over the share outside it (lift). "deep" in 2017-2021 (20% of papers against 2% before) is a
 *   subject arriving, whatever its spread over topics; "networks" in 1987-1995 (60% against 30%) is
 *   the vocabulary of an era.
 */
import type { DocTermSets } from './term-counts';
import type { Burst, TermSeries } from './types';

/** Lifts above this count as this: five times the share outside is as sharp as a burst needs to be
 * (a term with no papers before its burst is not more of a subject for being rare). */
const MAX_LIFT = 5;
/** Strength counts by this power: big movements count more than small ones, without drowning them. */
const STRENGTH_POWER = 0.6;

/** Added to a phrase's specificity (capped at 1). */
const PHRASE_BONUS = 0.25;
/** The weight a term keeps whatever its specificity, so sharp bursts of broad subjects ("deep",
 * "transformer") still rank: specificity moves a score by at most a factor of four. */
const SPECIFICITY_FLOOR = 0.25;

/** Specificity in [0, 1] of each series row (see the module comment), and each row's main topic
 * (the one most of its papers are in; -1 without topics). */
export function buildSpecificity(
  sets: DocTermSets,
  series: TermSeries,
  paperTopics: Int32Array,
  topicCount: number,
  isPhrase: Uint8Array,
): { specificity: Float64Array; mainTopic: Int32Array } {
  const rows = series.terms.length;
  const out = new Float64Array(rows);
  const mainTopic = new Int32Array(rows).fill(-1);
  if (rows === 0 || topicCount < 2)
    return { specificity: out.fill(0.5), mainTopic: mainTopic.fill(topicCount === 1 ? 0 : -1) };
  const rowOf = new Map<number, number>();
  series.terms.forEach((t, r) => rowOf.set(t, r));
  const counts = new Float64Array(rows * topicCount);
  const totals = new Float64Array(rows);
  const overall = new Float64Array(topicCount);
  let modelled = 0;
  for (let d = 0; d + 1 < sets.offsets.length; d++) {
    const topic = paperTopics[d];
    if (topic < 0) continue;
    overall[topic]++;
    modelled++;
    for (let i = sets.offsets[d]; i < sets.offsets[d + 1]; i++) {
      const r = rowOf.get(sets.terms[i]);
      if (r === undefined) continue;
      counts[r * topicCount + topic]++;
      totals[r]++;
    }
  }
  const kl = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (totals[r] === 0) continue;
    let sum = 0;
    let best = -1;
    for (let t = 0; t < topicCount; t++) {
      const c = counts[r * topicCount + t];
      if (c > 0 && (best < 0 || c > counts[r * topicCount + best])) best = t;
      const q = c / totals[r];
      if (q > 0) sum += q * Math.log(q / (overall[t] / modelled));
    }
    kl[r] = sum;
    mainTopic[r] = best;
  }
  // Percentile ranks (ties share the lower rank), so the scale means the same on every corpus.
  const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => kl[a] - kl[b] || a - b);
  for (let i = 0; i < rows; i++) {
    const r = order[i];
    const rank = i > 0 && kl[order[i - 1]] === kl[r] ? out[order[i - 1]] : rows > 1 ? i / (rows - 1) : 0.5;
    out[r] = rank;
  }
  for (let r = 0; r < rows; r++) if (isPhrase[series.terms[r]]) out[r] = Math.min(1, out[r] + PHRASE_BONUS);
  return { specificity: out, mainTopic };
}

/** Papers a term needs in a period before it counts as seen there (one paper may be a stray use). */
const SEEN_PAPERS = 2;

/**
 * New subjects: terms first seen (in `SEEN_PAPERS` papers of a period) in the later half of the
 * periods, that are in more papers in their last period window than in the one before (taking off),
 * ranked by their recent papers times their specificity weight. Returns series rows.
 */
export function buildNewTerms(
  series: TermSeries,
  periodCount: number,
  specificity: Float64Array,
  recentPeriods: number,
  size: number,
): { rows: number[]; firstSeen: Int32Array } {
  const rows = series.terms.length;
  const firstSeen = new Int32Array(rows).fill(-1);
  const candidates: { row: number; score: number }[] = [];
  const half = Math.floor(periodCount / 2);
  const windowStart = Math.max(0, periodCount - recentPeriods);
  for (let r = 0; r < rows; r++) {
    const base = r * periodCount;
    for (let p = 0; p < periodCount; p++) {
      if (series.counts[base + p] >= SEEN_PAPERS) {
        firstSeen[r] = p;
        break;
      }
    }
    if (firstSeen[r] < half || periodCount < 4) continue;
    let recent = 0;
    let before = 0;
    for (let p = windowStart; p < periodCount; p++) recent += series.counts[base + p];
    for (let p = Math.max(0, windowStart - recentPeriods); p < windowStart; p++) before += series.counts[base + p];
    if (recent <= before) continue;
    candidates.push({ row: r, score: recent * specificityWeight(specificity[r]) });
  }
  candidates.sort((a, b) => b.score - a.score || a.row - b.row);
  return { rows: candidates.slice(0, size).map((c) => c.row), firstSeen };
}

/** The weight specificity gives a term's score: from the floor (general) to 1 (specific). */
export function specificityWeight(specificity: number): number {
  return SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) * specificity;
}

/** A burst's share of papers over the share outside it, smoothed so an empty outside stays finite. */
export function burstLift(burst: Burst, counts: ArrayLike<number>, periodPapers: ArrayLike<number>): number {
  let inside = 0;
  let insidePapers = 0;
  let outside = 0;
  let outsidePapers = 0;
  for (let t = 0; t < periodPapers.length; t++) {
    if (t >= burst.start && t <= burst.end) {
      inside += counts[t];
      insidePapers += periodPapers[t];
    } else {
      outside += counts[t];
      outsidePapers += periodPapers[t];
    }
  }
  if (insidePapers === 0) return 1;
  const share = inside / insidePapers;
  const baseline = (outside + 0.5) / (outsidePapers + 1);
  return share / baseline;
}

/** A burst longer than this share of the corpus's periods is an era of vocabulary more than a
 * burst: its strength counts per such share. */
const LONG_BURST_SHARE = 1 / 3;

/**
 * The subject score of a burst: its strength (to the power 0.6, so big movements count without
 * drowning the rest; a burst longer than a third of the corpus's periods counts per third), its
 * sharpness (log of the lift, capped at 5) and the term's specificity. General words with long, mild bursts fall behind
 * subjects with sharp ones.
 */
export function scoreBurst(
  strength: number,
  lift: number,
  specificity: number,
  duration: number,
  periods: number,
): number {
  const long = Math.max(1, duration / Math.max(1, LONG_BURST_SHARE * periods));
  return (
    Math.pow(Math.max(0, strength) / long, STRENGTH_POWER) *
    Math.log2(Math.min(MAX_LIFT, Math.max(1, lift))) *
    specificityWeight(specificity)
  );
}

/** Two terms are one subject when their papers go together this strongly (normalized PMI over all
 * papers: 0 = independent, 1 = always together). */
const SAME_SUBJECT_NPMI = 0.5;
/** ... or, when they share a specific word (one in fewer than `SPECIFIC_WORD_SHARE` of the papers:
 * "adversarial" in "adversarial attacks" and "adversarial perturbations", "speech" in "speech
 * recognition" and "continuous speech recognition"), go together at least this strongly. */
const SAME_WORD_NPMI = 0.2;
const SPECIFIC_WORD_SHARE = 0.1;
/** Bursts ranked with the subject grouping; the rest keep their score order. */
const GROUPED_BURSTS = 3000;

/**
 * Orders bursts so the top of the list covers many subjects: going down the list by score, a burst
 * whose term goes with a term already listed (normalized PMI of their papers at least 0.5) in years
 * that overlap is the same subject said another way ("support vector" after "support vector
 * machines", "cmos" and "chip" after "vlsi", "adversarial attacks" after "adversarial examples");
 * it is kept, grouped under the first, and moved below the bursts that name new subjects. A narrow
 * subject inside a broad one ("deep reinforcement learning" and "deep") stays apart: their papers
 * overlap, but not strongly enough for the broad term's share. Returns, per burst of `bursts`
 * (sorted by score), its rank and the term it was grouped under (-1 for a lead).
 */
export function groupBurstSubjects(
  bursts: readonly Pick<Burst, 'term' | 'start' | 'end'>[],
  sets: DocTermSets,
  vocab: { terms: readonly string[]; df: Int32Array },
): { rank: Int32Array; sameAs: Int32Array } {
  const vocabSize = vocab.terms.length;
  const n = bursts.length;
  const docCount = Math.max(1, sets.offsets.length - 1);
  // The specific words of each term's key (a phrase's key is its words' keys, space-separated).
  const idOf = new Map<string, number>();
  vocab.terms.forEach((t, i) => idOf.set(t, i));
  const words = new Map<number, string[]>();
  const wordsOf = (term: number): string[] => {
    let list = words.get(term);
    if (list === undefined) {
      list = vocab.terms[term].split(' ').filter((w) => {
        const id = idOf.get(w);
        return id !== undefined && vocab.df[id] < SPECIFIC_WORD_SHARE * docCount;
      });
      words.set(term, list);
    }
    return list;
  };
  const rank = new Int32Array(n);
  const sameAs = new Int32Array(n).fill(-1);
  const head = Math.min(n, GROUPED_BURSTS);
  // Papers of the terms in the head of the list, as sorted id lists.
  const wanted = new Uint8Array(vocabSize);
  for (let i = 0; i < head; i++) wanted[bursts[i].term] = 1;
  const papers = new Map<number, number[]>();
  for (let d = 0; d + 1 < sets.offsets.length; d++) {
    for (let i = sets.offsets[d]; i < sets.offsets[d + 1]; i++) {
      const t = sets.terms[i];
      if (!wanted[t]) continue;
      let list = papers.get(t);
      if (!list) papers.set(t, (list = []));
      list.push(d);
    }
  }
  const docs = Math.max(1, sets.offsets.length - 1);
  const npmi = (a: number[], b: number[]) => {
    let i = 0;
    let j = 0;
    let both = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    if (both === 0) return -1;
    const pab = both / docs;
    if (pab >= 1) return 1;
    return Math.log(pab / ((a.length / docs) * (b.length / docs))) / -Math.log(pab);
  };
  const leads: number[] = [];
  const followers: number[] = [];
  for (let i = 0; i < head; i++) {
    const b = bursts[i];
    const mine = papers.get(b.term) ?? [];
    let lead = -1;
    for (const l of leads) {
      const other = bursts[l];
      if (other.term === b.term || other.start > b.end || other.end < b.start) continue;
      const together = npmi(mine, papers.get(other.term) ?? []);
      const shareWord = () => wordsOf(b.term).some((w) => wordsOf(other.term).includes(w));
      if (together >= SAME_SUBJECT_NPMI || (together >= SAME_WORD_NPMI && shareWord())) {
        lead = l;
        break;
      }
    }
    if (lead < 0) leads.push(i);
    else {
      sameAs[i] = bursts[lead].term;
      followers.push(i);
    }
  }
  let next = 0;
  for (const i of leads) rank[i] = next++;
  for (const i of followers) rank[i] = next++;
  for (let i = head; i < n; i++) rank[i] = next++;
  return { rank, sameAs };
}
