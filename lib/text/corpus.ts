/**
 * Tokenizes a whole corpus into term ids: surface words -> Porter stems -> phrases (bigrams,
 * then trigrams) -> a vocabulary with readable display forms and document frequencies.
 */
import type { SurfaceForms, TokenizedCorpus, Vocabulary } from './types';
import { WordTable } from './tokenize';
import { type ScanInput, IntBuffer, scanShareWithTable } from './scan';
import { parallelThreads, runParallel, siblingTask } from '../parallel/pool';
import { PairCounter } from './pair-counter';
import { mergeUnits, scoreNpmi } from './phrases';

/** How a corpus becomes term ids. */
export interface TokenizeOptions {
  /** How many times the title's tokens are counted (default 2); 0 ignores titles. */
  titleWeight?: number;
  /** Detect phrases (default true). */
  phrases?: boolean;
  /** A phrase must occur at least this often in the corpus (default: 5, or one in 5,000
   * documents on large corpora, whichever is more). */
  minPhraseCount?: number;
  /** Minimum normalized PMI of a phrase's parts (default 0.35). */
  minPhraseNpmi?: number;
  /** Longest phrase in words (default 3). */
  maxPhraseLength?: 2 | 3;
  /** Also count a phrase's words as terms of their own (default true). */
  phraseWords?: boolean;
}

/** The defaults that depend on corpus size, resolved. */
export function resolveTokenizeOptions(opts: TokenizeOptions, docCount: number): Required<TokenizeOptions> {
  return {
    titleWeight: Math.max(0, Math.round(opts.titleWeight ?? 2)),
    phrases: opts.phrases ?? true,
    minPhraseCount: opts.minPhraseCount ?? Math.max(5, Math.ceil(docCount / 5000)),
    minPhraseNpmi: opts.minPhraseNpmi ?? 0.35,
    maxPhraseLength: opts.maxPhraseLength ?? 3,
    phraseWords: opts.phraseWords ?? true,
  };
}

/** Below this many documents per thread, pass 1 stays on the calling thread: starting a worker
 * costs more than it saves. */
const MIN_DOCS_PER_SHARE = 4000;
/** The first share's size relative to the others'. The output does not depend on it. */
const FIRST_SHARE_WEIGHT = 1.2;
const SCAN_TASK = siblingTask(import.meta.url, 'scan', 'scanShare');

/**
 * Tokenizes papers (title + text) into a TokenizedCorpus. Terms are Porter stems, and phrases of
 * stems joined by a space; each has the display form seen most often ("graph neural networks").
 *
 * Phrases (bigrams, then trigrams built from a bigram and a word) are pairs of adjacent units
 * that occur at least `minPhraseCount` times with NPMI at least `minPhraseNpmi`
 * (Bouma 2009; the two-pass scheme follows Mikolov et al., arXiv:1310.4546, section 4). They never
 * span a boundary (punctuation, removed markup, stop words). By default a phrase's words count as
 * terms too: in "graph neural networks are..." the paper counts "graph neural network", "graph",
 * "neural" and "network" (on arXiv this raises NMI against the categories from 0.226 to 0.235, mean
 * of seven seeds); with `phraseWords: false` the phrase replaces its words.
 *
 * Term ids are assigned in order of first occurrence. `onProgress(done, total)` counts two passes
 * over the documents (total = 2 x documents).
 */
export function tokenizeCorpus(
  docs: { title: string; text: string }[],
  opts: TokenizeOptions = {},
  onProgress?: (done: number, total: number) => void,
): TokenizedCorpus {
  const o = resolveTokenizeOptions(opts, docs.length);
  const nDocs = docs.length;
  const progressTotal = 2 * nDocs;

  // Pass 1, in contiguous shares of the documents on as many threads as there are: surface
  // words to ids, with per document the title range, a boundary, the text range; and stems,
  // once per word type.
  const shareCount =
    nDocs < MIN_DOCS_PER_SHARE * 2 ? 1 : Math.min(parallelThreads(), Math.floor(nDocs / MIN_DOCS_PER_SHARE));
  // The first share runs on this thread while workers start up (a few hundred ms): give it more.
  const shareStart = (i: number) => (i === 0 ? 0 : FIRST_SHARE_WEIGHT + i - 1);
  const shares: ScanInput[] = [];
  for (let i = 0; i < shareCount; i++) {
    const from = Math.floor((shareStart(i) * nDocs) / shareStart(shareCount));
    const to = Math.floor((shareStart(i + 1) * nDocs) / shareStart(shareCount));
    const slice = docs.slice(from, to);
    shares.push({
      titles: slice.map((doc) => doc.title),
      texts: slice.map((doc) => doc.text),
      titleWeight: o.titleWeight,
    });
  }
  // The first share's word table becomes the corpus's: its ids are already global.
  let table = new WordTable();
  const scanned = runParallel(
    SCAN_TASK,
    (input: ScanInput) => {
      const scan = scanShareWithTable(input);
      if (input === shares[0]) table = scan.table;
      return scan.share;
    },
    shares,
  );
  onProgress?.(nDocs, progressTotal);

  // Merge the shares in document order: a later share's words get global ids in its order of
  // first occurrence, after the words of the shares before it, as one pass over all documents
  // gives. (Dropped words keep ids from the first share; no token refers to them.)
  const surfaceStems: string[] = scanned[0].stems.slice();
  const surfaceCount: number[] = Array.from(scanned[0].counts);
  let nTok = 0;
  for (const share of scanned) nTok += share.tokens.length;
  const tok = new Int32Array(nTok + 1);
  const docStart = new Int32Array(nDocs + 1);
  const titleEnd = new Int32Array(nDocs);
  let at = 0;
  let firstDoc = 0;
  for (let i = 0; i < scanned.length; i++) {
    const share = scanned[i];
    const toGlobal = new Int32Array(share.words.length);
    for (let w = 0; w < share.words.length; w++) {
      if (i === 0) {
        toGlobal[w] = w;
        continue;
      }
      if (share.dropped[w] === 1) continue;
      const id = table.internWord(share.words[w]);
      if (id === surfaceStems.length) {
        surfaceStems.push(share.stems[w]);
        surfaceCount.push(0);
      }
      surfaceCount[id] += share.counts[w];
      toGlobal[w] = id;
    }
    const src = share.tokens;
    for (let p = 0; p < src.length; p++) {
      const t = src[p];
      tok[at + p] = t < 0 ? -1 : toGlobal[t];
    }
    const n = share.titleEnd.length;
    for (let d = 0; d < n; d++) {
      docStart[firstDoc + d] = at + share.docStart[d];
      titleEnd[firstDoc + d] = at + share.titleEnd[d];
    }
    at += src.length;
    firstDoc += n;
  }
  docStart[nDocs] = nTok;
  const surfaces = table.words;
  const nSurfaces = surfaces.length;

  const stemIndex = new Map<string, number>();
  const stems: string[] = [];
  const stemOf = new Int32Array(nSurfaces);
  for (let s = 0; s < nSurfaces; s++) {
    const st = surfaceStems[s];
    let sid = stemIndex.get(st);
    if (sid === undefined) {
      sid = stems.length;
      stemIndex.set(st, sid);
      stems.push(st);
    }
    stemOf[s] = sid;
  }
  const nStems = stems.length;

  const usePhrases = o.phrases && o.maxPhraseLength >= 2;
  const useTrigrams = usePhrases && o.maxPhraseLength >= 3;

  // Bigrams. Unit ids in a merged stream: s < nSurfaces is a word; nSurfaces + e is the
  // two-word surface sequence with entry e in surfacePairs.
  const surfacePairs = new PairCounter(1 << 16);
  let surfacePairStem = new Int32Array(0); // surface-pair entry -> stem-pair entry
  let bigramScore = new Float64Array(0); // per stem-pair entry; -Infinity = not a phrase
  // Stems that start / end some bigram phrase: most adjacent pairs are rejected on these
  // flags without a hash lookup.
  const startsBigram = new Uint8Array(nStems);
  const endsBigram = new Uint8Array(nStems);
  if (usePhrases) {
    const stemCount = new Float64Array(nStems);
    let total = 0;
    for (let s = 0; s < nSurfaces; s++) {
      stemCount[stemOf[s]] += surfaceCount[s];
      total += surfaceCount[s];
    }
    const frequent = new Uint8Array(nSurfaces);
    for (let t = 0; t < nSurfaces; t++) frequent[t] = stemCount[stemOf[t]] >= o.minPhraseCount ? 1 : 0;
    for (let p = 0; p < nTok; p++) {
      const t = tok[p];
      // Every document ends with a boundary, so p + 1 < nTok here.
      const next = tok[p + 1];
      if (t >= 0 && next >= 0 && frequent[t] === 1 && frequent[next] === 1) surfacePairs.add(t, next);
    }
    const stemPairs = new PairCounter(surfacePairs.size);
    surfacePairStem = new Int32Array(surfacePairs.size);
    for (let e = 0; e < surfacePairs.size; e++) {
      surfacePairStem[e] = stemPairs.add(
        stemOf[surfacePairs.first[e]],
        stemOf[surfacePairs.second[e]],
        surfacePairs.counts[e],
      );
    }
    bigramScore = new Float64Array(stemPairs.size).fill(-Infinity);
    for (let e = 0; e < stemPairs.size; e++) {
      const c = stemPairs.counts[e];
      const a = stemPairs.first[e];
      const b = stemPairs.second[e];
      if (c < o.minPhraseCount || a === b) continue;
      const s = scoreNpmi(c, stemCount[a], stemCount[b], total);
      if (s >= o.minPhraseNpmi) {
        bigramScore[e] = s;
        startsBigram[a] = 1;
        endsBigram[b] = 1;
      }
    }
  }
  const scoreBigram = (a: number, b: number): number => {
    if (a >= nSurfaces || b >= nSurfaces || startsBigram[stemOf[a]] === 0 || endsBigram[stemOf[b]] === 0)
      return -Infinity;
    const e = surfacePairs.find(a, b);
    return e < 0 ? -Infinity : bigramScore[surfacePairStem[e]];
  };
  const mergeBigram = (a: number, b: number): number => nSurfaces + surfacePairs.find(a, b);
  // A merged unit seen at the stem level: the stem id of a word, nStems + stem-pair entry.
  const stemUnit = (u: number): number => (u < nSurfaces ? stemOf[u] : nStems + surfacePairStem[u - nSurfaces]);

  // The bigram-merged stream, per document: title range then text range.
  let units: Int32Array = tok;
  let unitStart = docStart;
  let unitTitleEnd = titleEnd;
  if (usePhrases) {
    const merged = new IntBuffer(nTok + 1);
    unitStart = new Int32Array(nDocs + 1);
    unitTitleEnd = new Int32Array(nDocs);
    for (let d = 0; d < nDocs; d++) {
      unitStart[d] = merged.length;
      merged.length += mergeUnits(tok, docStart[d], titleEnd[d], merged.data, merged.length, scoreBigram, mergeBigram);
      unitTitleEnd[d] = merged.length;
      merged.length += mergeUnits(
        tok,
        titleEnd[d],
        docStart[d + 1],
        merged.data,
        merged.length,
        scoreBigram,
        mergeBigram,
      );
    }
    unitStart[nDocs] = merged.length;
    units = merged.data;
  }
  const nUnits = unitStart[nDocs];

  // Trigrams: a bigram phrase next to a word, scored on the bigram-merged stream.
  const trigramTable = new PairCounter(1024); // (stem unit, stem unit) -> entry
  let trigramScore = new Float64Array(0);
  const nStemUnits = nStems + bigramScore.length;
  const startsTrigram = new Uint8Array(nStemUnits);
  const endsTrigram = new Uint8Array(nStemUnits);
  if (useTrigrams) {
    const unitCount = new Float64Array(nStemUnits);
    let total = 0;
    for (let i = 0; i < nUnits; i++) {
      const u = units[i];
      if (u >= 0) {
        unitCount[stemUnit(u)]++;
        total++;
      }
    }
    for (let i = 0; i + 1 < nUnits; i++) {
      const u = units[i];
      const v = units[i + 1];
      if (u < 0 || v < 0 || u >= nSurfaces === v >= nSurfaces) continue;
      const su = stemUnit(u);
      const sv = stemUnit(v);
      if (unitCount[su] >= o.minPhraseCount && unitCount[sv] >= o.minPhraseCount) trigramTable.add(su, sv);
    }
    trigramScore = new Float64Array(trigramTable.size).fill(-Infinity);
    for (let e = 0; e < trigramTable.size; e++) {
      const c = trigramTable.counts[e];
      if (c < o.minPhraseCount) continue;
      const a = trigramTable.first[e];
      const b = trigramTable.second[e];
      const s = scoreNpmi(c, unitCount[a], unitCount[b], total);
      if (s >= o.minPhraseNpmi) {
        trigramScore[e] = s;
        startsTrigram[a] = 1;
        endsTrigram[b] = 1;
      }
    }
  }

  // Trigram surface sequences: (surface-pair entry of the first two words, third word).
  const surfaceTriples = new PairCounter(1024);
  const scoreTrigram = (a: number, b: number): number => {
    if (a >= nSurfaces === b >= nSurfaces) return -Infinity;
    const sa = stemUnit(a);
    const sb = stemUnit(b);
    if (startsTrigram[sa] === 0 || endsTrigram[sb] === 0) return -Infinity;
    const e = trigramTable.find(sa, sb);
    return e < 0 ? -Infinity : trigramScore[e];
  };
  // Final units: words < nSurfaces <= bigrams < TRIGRAM_BASE <= trigrams.
  const TRIGRAM_BASE = nSurfaces + surfacePairs.size;
  const mergeTrigram = (a: number, b: number): number => {
    let head: number;
    let last: number;
    if (a >= nSurfaces) {
      head = a - nSurfaces;
      last = b;
    } else {
      const e = b - nSurfaces;
      head = surfacePairs.find(a, surfacePairs.first[e]);
      last = surfacePairs.second[e];
    }
    return TRIGRAM_BASE + surfaceTriples.add(head, last, 0);
  };

  // Final pass: units -> term ids, with document frequencies and display-form counts.
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const isPhrase: number[] = [];
  const dfList: number[] = [];
  const lastDoc: number[] = [];
  const termOfSurface = new Int32Array(nSurfaces).fill(-1);
  const termOfPair = new Int32Array(surfacePairs.size).fill(-1);
  const termOfTriple = new IntBuffer(1024);
  const surfaceUse = new Float64Array(nSurfaces);
  const pairUse = new Float64Array(surfacePairs.size);
  const tripleUse = new Map<number, number>();

  const termFor = (key: string, phrase: boolean): number => {
    let id = termIndex.get(key);
    if (id === undefined) {
      id = terms.length;
      termIndex.set(key, id);
      terms.push(key);
      isPhrase.push(phrase ? 1 : 0);
      dfList.push(0);
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
    if (u < TRIGRAM_BASE) {
      const e = u - nSurfaces;
      pairUse[e]++;
      let t = termOfPair[e];
      if (t < 0) {
        t = termOfPair[e] = termFor(
          `${stems[stemOf[surfacePairs.first[e]]]} ${stems[stemOf[surfacePairs.second[e]]]}`,
          true,
        );
      }
      return t;
    }
    const k = u - TRIGRAM_BASE;
    tripleUse.set(k, (tripleUse.get(k) ?? 0) + 1);
    let t = termOfTriple.at(k, -1);
    if (t < 0) {
      const e = surfaceTriples.first[k];
      const key = `${stems[stemOf[surfacePairs.first[e]]]} ${stems[stemOf[surfacePairs.second[e]]]} ${stems[stemOf[surfaceTriples.second[k]]]}`;
      t = termFor(key, true);
      termOfTriple.set(k, t);
    }
    return t;
  };

  let scratch = new Int32Array(1024);
  const termsOfRange = (from: number, to: number, d: number, out: number[]): void => {
    let seq = units;
    let lo = from;
    let hi = to;
    if (useTrigrams) {
      if (scratch.length < to - from) scratch = new Int32Array(2 * (to - from));
      seq = scratch;
      lo = 0;
      hi = mergeUnits(units, from, to, scratch, 0, scoreTrigram, mergeTrigram);
    }
    const emit = (u: number): void => {
      const t = termOfUnit(u);
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        dfList[t]++;
      }
      out.push(t);
    };
    for (let i = lo; i < hi; i++) {
      const u = seq[i];
      if (u < 0) continue;
      emit(u);
      if (!o.phraseWords || u < nSurfaces) continue;
      const e = u < TRIGRAM_BASE ? u - nSurfaces : surfaceTriples.first[u - TRIGRAM_BASE];
      emit(surfacePairs.first[e]);
      emit(surfacePairs.second[e]);
      if (u >= TRIGRAM_BASE) emit(surfaceTriples.second[u - TRIGRAM_BASE]);
    }
  };

  const docTerms: Int32Array[] = new Array(nDocs);
  const titleTerms: number[] = [];
  const textTerms: number[] = [];
  for (let d = 0; d < nDocs; d++) {
    titleTerms.length = 0;
    textTerms.length = 0;
    termsOfRange(unitStart[d], unitTitleEnd[d], d, titleTerms);
    termsOfRange(unitTitleEnd[d], unitStart[d + 1], d, textTerms);
    const ids = new Int32Array(titleTerms.length * o.titleWeight + textTerms.length);
    let k = 0;
    for (let r = 0; r < o.titleWeight; r++) for (const t of titleTerms) ids[k++] = t;
    for (const t of textTerms) ids[k++] = t;
    docTerms[d] = ids;
    if (onProgress && ((d + 1) % 2000 === 0 || d + 1 === nDocs)) onProgress(nDocs + d + 1, progressTotal);
  }

  const vocab = buildVocabulary(terms, isPhrase, dfList, (consider) => {
    for (let s = 0; s < nSurfaces; s++)
      if (termOfSurface[s] >= 0) consider(termOfSurface[s], surfaceUse[s], () => surfaces[s]);
    const pairText = (e: number): string => `${surfaces[surfacePairs.first[e]]} ${surfaces[surfacePairs.second[e]]}`;
    for (let e = 0; e < pairUse.length; e++) if (pairUse[e] > 0) consider(termOfPair[e], pairUse[e], () => pairText(e));
    for (const [k, count] of tripleUse) {
      consider(
        termOfTriple.at(k, -1),
        count,
        () => `${pairText(surfaceTriples.first[k])} ${surfaces[surfaceTriples.second[k]]}`,
      );
    }
  });
  return {
    vocab,
    docs: docTerms,
    forms: buildSurfaceForms(tok, docStart, surfaces, termOfSurface, surfaceUse, vocab.terms.length),
  };
}

/** The forms of terms written more than one way, and each document's uses of them, from the
 * surface token stream (`tok`, -1 at breaks; document d is tok[docStart[d]..docStart[d + 1])). */
function buildSurfaceForms(
  tok: Int32Array,
  docStart: Int32Array,
  surfaces: readonly string[],
  termOfSurface: Int32Array,
  surfaceUse: Float64Array,
  termCount: number,
): SurfaceForms {
  const formsOfTerm = new Int32Array(termCount);
  for (let s = 0; s < surfaces.length; s++)
    if (termOfSurface[s] >= 0 && surfaceUse[s] > 0) formsOfTerm[termOfSurface[s]]++;
  const formOf = new Int32Array(surfaces.length).fill(-1);
  const text: string[] = [];
  const term: number[] = [];
  for (let s = 0; s < surfaces.length; s++) {
    const t = termOfSurface[s];
    if (t < 0 || surfaceUse[s] === 0 || formsOfTerm[t] < 2) continue;
    formOf[s] = text.length;
    text.push(surfaces[s]);
    term.push(t);
  }
  const nDocs = docStart.length - 1;
  const start = new Int32Array(nDocs + 1);
  let count = 0;
  for (let d = 0; d < nDocs; d++) {
    start[d] = count;
    for (let i = docStart[d]; i < docStart[d + 1]; i++) if (tok[i] >= 0 && formOf[tok[i]] >= 0) count++;
  }
  start[nDocs] = count;
  const tokens = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < docStart[nDocs]; i++) {
    const s = tok[i];
    if (s >= 0 && formOf[s] >= 0) tokens[at++] = formOf[s];
  }
  return { text, term: Int32Array.from(term), tokens, docStart: start };
}

/** Picks each term's display form: the surface form used most often, ties to the
 * alphabetically first, so the choice does not depend on iteration order. */
function buildVocabulary(
  terms: string[],
  isPhrase: number[],
  df: number[],
  forEachForm: (consider: (term: number, count: number, text: () => string) => void) => void,
): Vocabulary {
  const bestCount = new Float64Array(terms.length);
  const display: string[] = terms.slice();
  forEachForm((term, count, text) => {
    if (count > bestCount[term]) {
      bestCount[term] = count;
      display[term] = text();
    } else if (count === bestCount[term] && count > 0) {
      const t = text();
      if (t < display[term]) display[term] = t;
    }
  });
  return { terms, display, isPhrase: Uint8Array.from(isPhrase), df: Int32Array.from(df) };
}
