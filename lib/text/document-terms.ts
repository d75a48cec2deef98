/**
 * The last pass of tokenizeCorpus: every document's units as term ids, with the vocabulary's
 * keys, document frequencies, and how often each surface sequence stood for its term (for the
 * display forms).
 */
import type { BigramPhrases, TrigramPhrases, UnitStream } from './find-phrases';
import { mergeUnits } from './phrases';
import { PairCounter } from './pair-counter';
import { IntBuffer } from './scan';
import type { StemIndex } from './surface-stream';

/** Documents whose terms share one array. */
const DOCS_PER_BLOCK = 4096;

/** Every document's term ids, the terms, and the surface sequences behind them. */
export interface DocumentTerms {
  /** Per document: the title's term ids `titleWeight` times, then the text's. */
  docs: Int32Array[];
  /** Term id -> key: a stem, or stems joined by a space. Ids in order of first occurrence. */
  terms: string[];
  /** Term id -> 1 for a phrase. */
  isPhrase: number[];
  /** Term id -> documents containing it. */
  df: number[];
  /** Word id -> its term (-1 when never emitted), and times it was emitted. */
  termOfSurface: Int32Array;
  surfaceUse: Float64Array;
  /** Bigram surface pair entry -> its term (-1 when never emitted), and times emitted. */
  termOfPair: Int32Array;
  pairUse: Float64Array;
  /** Trigram entry -> its term, and times emitted (entries that were emitted only). */
  termOfTriple: IntBuffer;
  tripleUse: Map<number, number>;
}

/** How document terms are emitted. */
export interface DocumentTermOptions {
  /** How many times the title's terms are repeated (0: titles ignored). */
  titleWeight: number;
  /** A phrase's words count as terms too, after the phrase. */
  phraseWords: boolean;
}

/**
 * Pass 7 (document terms): merges each title and text range's three-word phrases (when
 * `trigrams` is given) and emits the units as term ids, with a phrase's words after it when
 * `phraseWords`. `onProgress(docsDone)` is called every 2,000 documents and at the end.
 */
export function assignDocumentTerms(
  units: UnitStream,
  index: StemIndex,
  bigrams: BigramPhrases,
  trigrams: TrigramPhrases | null,
  opts: DocumentTermOptions,
  onProgress?: (docsDone: number) => void,
): DocumentTerms {
  const { stems, stemOf } = index;
  const { nSurfaces, pairs } = bigrams;
  const trigramBase = nSurfaces + pairs.size;
  const triples = trigrams?.triples ?? new PairCounter();
  const seqAll = units.units;
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const isPhrase: number[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const termOfSurface = new Int32Array(nSurfaces).fill(-1);
  const termOfPair = new Int32Array(pairs.size).fill(-1);
  const termOfTriple = new IntBuffer(1024);
  const surfaceUse = new Float64Array(nSurfaces);
  const pairUse = new Float64Array(pairs.size);
  const tripleUse = new Map<number, number>();

  const termFor = (key: string, phrase: boolean): number => {
    let id = termIndex.get(key);
    if (id === undefined) {
      id = terms.length;
      termIndex.set(key, id);
      terms.push(key);
      isPhrase.push(phrase ? 1 : 0);
      df.push(0);
      lastDoc.push(-1);
    }
    return id;
  };
  const termOfUnit = (u: number): number => {
    if (u < nSurfaces) {
      surfaceUse[u]++;
      let t = termOfSurface[u];
      if (t < 0) t = termOfSurface[u] = termFor(stems[stemOf[u]], false);
      return t;
    }
    if (u < trigramBase) {
      const e = u - nSurfaces;
      pairUse[e]++;
      let t = termOfPair[e];
      if (t < 0) {
        t = termOfPair[e] = termFor(`${stems[stemOf[pairs.first[e]]]} ${stems[stemOf[pairs.second[e]]]}`, true);
      }
      return t;
    }
    const k = u - trigramBase;
    tripleUse.set(k, (tripleUse.get(k) ?? 0) + 1);
    let t = termOfTriple.at(k, -1);
    if (t < 0) {
      const e = triples.first[k];
      const key = `${stems[stemOf[pairs.first[e]]]} ${stems[stemOf[pairs.second[e]]]} ${stems[stemOf[triples.second[k]]]}`;
      t = termFor(key, true);
      termOfTriple.set(k, t);
    }
    return t;
  };

  let scratch = new Int32Array(1024);
  const termsOfRange = (from: number, to: number, d: number, out: number[]): void => {
    let seq = seqAll;
    let lo = from;
    let hi = to;
    if (trigrams !== null) {
      if (scratch.length < to - from) scratch = new Int32Array(2 * (to - from));
      seq = scratch;
      lo = 0;
      hi = mergeUnits(seqAll, from, to, scratch, 0, trigrams.score, trigrams.merge);
    }
    const emit = (u: number): void => {
      const t = termOfUnit(u);
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        df[t]++;
      }
      out.push(t);
    };
    for (let i = lo; i < hi; i++) {
      const u = seq[i];
      if (u < 0) continue;
      emit(u);
      if (!opts.phraseWords || u < nSurfaces) continue;
      const e = u < trigramBase ? u - nSurfaces : triples.first[u - trigramBase];
      emit(pairs.first[e]);
      emit(pairs.second[e]);
      if (u >= trigramBase) emit(triples.second[u - trigramBase]);
    }
  };

  const nDocs = units.titleEnd.length;
  const docs: Int32Array[] = new Array(nDocs);
  const titleTerms: number[] = [];
  const textTerms: number[] = [];
  // A block of documents' terms share one array, each document a view of it: a million arrays of
  // their own cost a quarter of a gigabyte of bookkeeping and slow every garbage collection.
  const block: number[] = [];
  const blockEnds: number[] = [];
  let blockFirst = 0;
  const closeBlock = (end: number): void => {
    const all = Int32Array.from(block);
    let from = 0;
    for (let d = blockFirst; d < end; d++) {
      const to = blockEnds[d - blockFirst];
      docs[d] = all.subarray(from, to);
      from = to;
    }
    block.length = 0;
    blockEnds.length = 0;
    blockFirst = end;
  };
  for (let d = 0; d < nDocs; d++) {
    titleTerms.length = 0;
    textTerms.length = 0;
    termsOfRange(units.start[d], units.titleEnd[d], d, titleTerms);
    termsOfRange(units.titleEnd[d], units.start[d + 1], d, textTerms);
    for (let r = 0; r < opts.titleWeight; r++) for (const t of titleTerms) block.push(t);
    for (const t of textTerms) block.push(t);
    blockEnds.push(block.length);
    if (d + 1 - blockFirst === DOCS_PER_BLOCK || d + 1 === nDocs) closeBlock(d + 1);
    if (onProgress && ((d + 1) % 2000 === 0 || d + 1 === nDocs)) onProgress(d + 1);
  }
  return { docs, terms, isPhrase, df, termOfSurface, surfaceUse, termOfPair, pairUse, termOfTriple, tripleUse };
}
