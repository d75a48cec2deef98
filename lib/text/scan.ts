/**
 * The first pass of tokenizeCorpus over a share of the documents: cleaned text to surface word
 * ids, and each new word's stem. Shares run on worker threads (lib/parallel) and are merged in
 * document order, which gives the same word ids as one pass over all documents.
 */
import { forEachAbstract } from '../corpus/abstract-file';
import { createStemCache } from './stem';
import { WordTable, cleanText, scanWords } from './tokenize';

/** Documents whose texts are the plain abstracts of papers kept in an AbstractFile (lib/corpus). */
export interface StoredTexts {
  /** The AbstractFile's path. */
  file: string;
  /** The paper of each document, ascending ('' for a paper with no abstract). */
  papers: Int32Array;
}

/** A contiguous share of the corpus: its texts in memory, or read from `stored` a block at a time. */
export interface ScanInput {
  titles: string[];
  texts?: string[];
  stored?: StoredTexts;
  /** Titles are skipped when 0. */
  titleWeight: number;
}

/** Word ids of a share, local to it: ids number the share's words in order of first occurrence. */
export interface ScannedShare {
  /** Per document: the title's ids, -1, the text's ids, -1 (-1 also between phrase-breaking spans). */
  tokens: Int32Array;
  /** Document d's tokens start at docStart[d]; docStart has one more entry than documents. */
  docStart: Int32Array;
  /** End of document d's title tokens (the -1 after them sits there). */
  titleEnd: Int32Array;
  /** Local word id -> surface word. */
  words: string[];
  /** Local word id -> 1 when the word is never emitted (stop word, number, one character). */
  dropped: Uint8Array;
  /** Local word id -> Porter stem ('' for dropped words). */
  stems: string[];
  /** Local word id -> occurrences in the share. */
  counts: Int32Array;
}

/** A growable Int32Array. */
export class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = v;
  }
  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** Value at i, or `fallback` past the end. */
  at(i: number, fallback: number): number {
    return i < this.length ? this.data[i] : fallback;
  }
  set(i: number, v: number): void {
    while (this.length <= i) this.push(-1);
    this.data[i] = v;
  }
  /** The values, in an array of their own. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Scans and stems a share of the documents (see ScannedShare); the worker task. */
export function scanShare(input: ScanInput): ScannedShare {
  return scanShareWithTable(input).share;
}

/** scanShare, with the share's word table (whose ids are the share's local ids). */
export function scanShareWithTable(input: ScanInput): { share: ScannedShare; table: WordTable } {
  const { titles, texts, stored, titleWeight } = input;
  const n = titles.length;
  const table = new WordTable();
  // About one token per eight characters (stored texts: about 150 tokens a document).
  let chars = 0;
  if (texts !== undefined)
    for (let d = 0; d < n; d++) chars += texts[d].length + (titleWeight > 0 ? titles[d].length : 0);
  else chars = 900 * n;
  const tokens = new IntBuffer(Math.ceil(chars / 6) + 2 * n + 16);
  const docStart = new Int32Array(n + 1);
  const titleEnd = new Int32Array(n);
  const scanDocument = (d: number, text: string): void => {
    docStart[d] = tokens.length;
    if (titleWeight > 0) scanWords(cleanText(titles[d]), table, tokens);
    titleEnd[d] = tokens.length;
    tokens.push(-1);
    scanWords(cleanText(text), table, tokens);
    tokens.push(-1);
  };
  if (texts !== undefined) for (let d = 0; d < n; d++) scanDocument(d, texts[d]);
  else if (stored !== undefined) forEachAbstract(stored.file, stored.papers, 'plain', scanDocument);
  else throw new Error('a share of documents needs texts or stored texts');
  docStart[n] = tokens.length;

  const nWords = table.size;
  const counts = new Int32Array(nWords);
  const data = tokens.data;
  for (let p = 0, end = tokens.length; p < end; p++) {
    const t = data[p];
    if (t >= 0) counts[t]++;
  }
  const stemCache = createStemCache();
  const stems: string[] = new Array(nWords);
  const dropped = table.dropped.slice(0, nWords);
  for (let s = 0; s < nWords; s++) stems[s] = dropped[s] === 1 ? '' : stemCache(table.words[s]);
  return { share: { tokens: tokens.toArray(), docStart, titleEnd, words: table.words, dropped, stems, counts }, table };
}
