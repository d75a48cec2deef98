/**
 * The phrase passes of tokenizeCorpus: stem counts, two-word phrases found on the word stream,
 * the stream with them merged, and three-word phrases (a two-word phrase next to a word) found on
 * that. Phrases are pairs of adjacent units that occur at least `minCount` times with NPMI at
 * least `minNpmi` (Bouma 2009; the two-pass scheme follows Mikolov et al., arXiv:1310.4546,
 * section 4).
 *
 * Units of a merged stream: u < nSurfaces is a word id; nSurfaces + e is the two-word surface
 * sequence with entry e in `BigramPhrases.pairs`; `TrigramPhrases.base` + k is the three-word
 * sequence with entry k in `TrigramPhrases.triples`; -1 is a break.
 */
import { PairCounter } from './pair-counter';
import { mergeUnits, scoreNpmi } from './phrases';
import { IntBuffer } from './scan';
import type { StemIndex, SurfaceStream } from './surface-stream';

/** When a pair of adjacent units is a phrase. */
export interface PhraseThresholds {
  /** Occurrences in the corpus, at least. */
  minCount: number;
  /** Normalized PMI of the parts, at least. */
  minNpmi: number;
}

/** Occurrences of each stem, summed over its words, and of all words. */
export interface StemCounts {
  stemCount: Float64Array;
  total: number;
}

/** Pass 3 (count): how often each stem occurs. */
export function countStems(surfaceCount: readonly number[], index: StemIndex): StemCounts {
  const stemCount = new Float64Array(index.stems.length);
  let total = 0;
  for (let s = 0; s < surfaceCount.length; s++) {
    stemCount[index.stemOf[s]] += surfaceCount[s];
    total += surfaceCount[s];
  }
  return { stemCount, total };
}

/** The two-word phrases of a corpus, and how to score and merge adjacent units with them. */
export interface BigramPhrases {
  nSurfaces: number;
  nStems: number;
  /** Adjacent frequent words, as surface pairs with their counts: entry e is unit nSurfaces + e. */
  pairs: PairCounter;
  /** Surface pair entry -> stem pair entry. */
  pairStem: Int32Array;
  /** Per stem pair entry, its NPMI; -Infinity where the pair is not a phrase. */
  stemPairScore: Float64Array;
  /** The score of merging words a and b (-Infinity: not a phrase), for mergeUnits. */
  score: (a: number, b: number) => number;
  /** The unit of words a and b merged, for mergeUnits. */
  merge: (a: number, b: number) => number;
  /** A word or bigram unit at the stem level: the stem id of a word, nStems + the stem pair
   * entry of a bigram. */
  stemUnit: (u: number) => number;
}

function bigramPhrases(
  index: StemIndex,
  nSurfaces: number,
  pairs: PairCounter,
  pairStem: Int32Array,
  stemPairScore: Float64Array,
  startsBigram: Uint8Array,
  endsBigram: Uint8Array,
): BigramPhrases {
  const { stemOf } = index;
  const nStems = index.stems.length;
  return {
    nSurfaces,
    nStems,
    pairs,
    pairStem,
    stemPairScore,
    score: (a, b) => {
      if (a >= nSurfaces || b >= nSurfaces || startsBigram[stemOf[a]] === 0 || endsBigram[stemOf[b]] === 0)
        return -Infinity;
      const e = pairs.find(a, b);
      return e < 0 ? -Infinity : stemPairScore[pairStem[e]];
    },
    merge: (a, b) => nSurfaces + pairs.find(a, b),
    stemUnit: (u) => (u < nSurfaces ? stemOf[u] : nStems + pairStem[u - nSurfaces]),
  };
}

/** No two-word phrases: every unit is a word. */
export function noBigrams(stream: SurfaceStream, index: StemIndex): BigramPhrases {
  const nStems = index.stems.length;
  return bigramPhrases(
    index,
    stream.surfaces.length,
    new PairCounter(),
    new Int32Array(0),
    new Float64Array(0),
    new Uint8Array(nStems),
    new Uint8Array(nStems),
  );
}

/**
 * Pass 4 (phrases): the two-word phrases. Adjacent words that are both frequent enough are
 * counted as surface pairs, then as stem pairs; a stem pair of two different stems is a phrase
 * when it passes the thresholds.
 */
export function findBigrams(
  stream: SurfaceStream,
  index: StemIndex,
  counts: StemCounts,
  t: PhraseThresholds,
): BigramPhrases {
  const { tok, docStart } = stream;
  const { stemOf } = index;
  const { stemCount, total } = counts;
  const nSurfaces = stream.surfaces.length;
  const nStems = index.stems.length;
  const nTok = docStart[docStart.length - 1];
  const frequent = new Uint8Array(nSurfaces);
  for (let s = 0; s < nSurfaces; s++) frequent[s] = stemCount[stemOf[s]] >= t.minCount ? 1 : 0;
  const pairs = new PairCounter(1 << 16);
  for (let p = 0; p < nTok; p++) {
    const a = tok[p];
    // Every document ends with a break, so p + 1 < nTok here.
    const b = tok[p + 1];
    if (a >= 0 && b >= 0 && frequent[a] === 1 && frequent[b] === 1) pairs.add(a, b);
  }
  const stemPairs = new PairCounter(pairs.size);
  const pairStem = new Int32Array(pairs.size);
  for (let e = 0; e < pairs.size; e++)
    pairStem[e] = stemPairs.add(stemOf[pairs.first[e]], stemOf[pairs.second[e]], pairs.counts[e]);
  // Stems that start / end some phrase: most adjacent pairs are rejected on these flags without
  // a hash lookup.
  const startsBigram = new Uint8Array(nStems);
  const endsBigram = new Uint8Array(nStems);
  const score = new Float64Array(stemPairs.size).fill(-Infinity);
  for (let e = 0; e < stemPairs.size; e++) {
    const c = stemPairs.counts[e];
    const a = stemPairs.first[e];
    const b = stemPairs.second[e];
    if (c < t.minCount || a === b) continue;
    const s = scoreNpmi(c, stemCount[a], stemCount[b], total);
    if (s >= t.minNpmi) {
      score[e] = s;
      startsBigram[a] = 1;
      endsBigram[b] = 1;
    }
  }
  return bigramPhrases(index, nSurfaces, pairs, pairStem, score, startsBigram, endsBigram);
}

/** A stream of units (words or phrases), per document the title's then the text's. */
export interface UnitStream {
  /** The units; entries from start[nDocs] on are unused. */
  units: Int32Array;
  /** Document d is units[start[d] .. start[d + 1]). */
  start: Int32Array;
  /** End of document d's title units. */
  titleEnd: Int32Array;
}

/** The word stream as units, unmerged. */
export function wordUnits(stream: SurfaceStream): UnitStream {
  return { units: stream.tok, start: stream.docStart, titleEnd: stream.titleEnd };
}

/** Pass 5: the word stream with its two-word phrases merged (see mergeUnits: where two
 * phrases overlap, the stronger wins), never across a title's end. */
export function mergeBigrams(stream: SurfaceStream, bigrams: BigramPhrases): UnitStream {
  const { tok, docStart, titleEnd } = stream;
  const nDocs = titleEnd.length;
  const merged = new IntBuffer(docStart[nDocs] + 1);
  const start = new Int32Array(nDocs + 1);
  const unitTitleEnd = new Int32Array(nDocs);
  for (let d = 0; d < nDocs; d++) {
    start[d] = merged.length;
    merged.length += mergeUnits(
      tok,
      docStart[d],
      titleEnd[d],
      merged.data,
      merged.length,
      bigrams.score,
      bigrams.merge,
    );
    unitTitleEnd[d] = merged.length;
    merged.length += mergeUnits(
      tok,
      titleEnd[d],
      docStart[d + 1],
      merged.data,
      merged.length,
      bigrams.score,
      bigrams.merge,
    );
  }
  start[nDocs] = merged.length;
  return { units: merged.data, start, titleEnd: unitTitleEnd };
}

/** The three-word phrases of a corpus, and how to score and merge adjacent units with them. */
export interface TrigramPhrases {
  /** The first trigram unit: base + k is the sequence with entry k in `triples`. */
  base: number;
  /** Three-word surface sequences as (surface pair entry of two words, the other word), numbered
   * as `merge` first meets them. */
  triples: PairCounter;
  /** The score of merging a bigram and a word next to it (-Infinity: not a phrase). */
  score: (a: number, b: number) => number;
  /** The trigram unit of a bigram and a word merged; adds it to `triples` when new. */
  merge: (a: number, b: number) => number;
}

/**
 * Pass 6 (phrases): the three-word phrases, a two-word phrase next to a word, scored on the
 * bigram-merged stream at the stem level as findBigrams scores words.
 */
export function findTrigrams(units: UnitStream, bigrams: BigramPhrases, t: PhraseThresholds): TrigramPhrases {
  const { nSurfaces, pairs, stemUnit } = bigrams;
  const seq = units.units;
  const nUnits = units.start[units.start.length - 1];
  const table = new PairCounter(1024); // (stem unit, stem unit) -> entry
  const nStemUnits = bigrams.nStems + bigrams.stemPairScore.length;
  const unitCount = new Float64Array(nStemUnits);
  let total = 0;
  for (let i = 0; i < nUnits; i++) {
    const u = seq[i];
    if (u >= 0) {
      unitCount[stemUnit(u)]++;
      total++;
    }
  }
  for (let i = 0; i + 1 < nUnits; i++) {
    const u = seq[i];
    const v = seq[i + 1];
    if (u < 0 || v < 0 || u >= nSurfaces === v >= nSurfaces) continue;
    const su = stemUnit(u);
    const sv = stemUnit(v);
    if (unitCount[su] >= t.minCount && unitCount[sv] >= t.minCount) table.add(su, sv);
  }
  const startsTrigram = new Uint8Array(nStemUnits);
  const endsTrigram = new Uint8Array(nStemUnits);
  const score = new Float64Array(table.size).fill(-Infinity);
  for (let e = 0; e < table.size; e++) {
    const c = table.counts[e];
    if (c < t.minCount) continue;
    const a = table.first[e];
    const b = table.second[e];
    const s = scoreNpmi(c, unitCount[a], unitCount[b], total);
    if (s >= t.minNpmi) {
      score[e] = s;
      startsTrigram[a] = 1;
      endsTrigram[b] = 1;
    }
  }
  const base = nSurfaces + pairs.size;
  const triples = new PairCounter(1024);
  return {
    base,
    triples,
    score: (a, b) => {
      if (a >= nSurfaces === b >= nSurfaces) return -Infinity;
      const sa = stemUnit(a);
      const sb = stemUnit(b);
      if (startsTrigram[sa] === 0 || endsTrigram[sb] === 0) return -Infinity;
      const e = table.find(sa, sb);
      return e < 0 ? -Infinity : score[e];
    },
    merge: (a, b) => {
      let head: number;
      let last: number;
      if (a >= nSurfaces) {
        head = a - nSurfaces;
        last = b;
      } else {
        const e = b - nSurfaces;
        head = pairs.find(a, pairs.first[e]);
        last = pairs.second[e];
      }
      return base + triples.add(head, last, 0);
    },
  };
}
