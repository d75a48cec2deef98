/**
 * The first passes of tokenizeCorpus: the documents scanned into one stream of surface word ids
 * (in shares on worker threads, merged in document order), and the words grouped by their stem.
 */
import { parallelThreads, runParallel } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { type ScanInput, type ScannedShare, type StoredTexts, scanShareWithTable } from './scan';
import { WordTable } from './tokenize';

/** Every document's surface word ids, in one stream for the corpus. */
export interface SurfaceStream {
  /** Per document: the title's word ids, -1, the text's word ids, -1 (-1 also at the breaks
   * inside them), then one spare 0 after the last document. */
  tok: Int32Array;
  /** Document d is tok[docStart[d] .. docStart[d + 1]); the last entry is the token count. */
  docStart: Int32Array;
  /** End of document d's title tokens (the -1 after them sits there). */
  titleEnd: Int32Array;
  /** Word id -> surface word; ids in order of first occurrence. */
  surfaces: string[];
  /** Word id -> Porter stem ('' for a word that is never emitted). */
  surfaceStems: string[];
  /** Word id -> occurrences in the corpus. */
  surfaceCount: number[];
}

/** Documents whose texts are papers' plain abstracts kept in an AbstractFile (lib/corpus), read
 * back a block at a time by each thread, so the texts of a large corpus are never all in memory. */
export interface StoredDocuments {
  /** Each document's title. */
  titles: string[];
  /** The AbstractFile's path. */
  abstractFile: StoredTexts['file'];
  /** The paper (index in the file) of each document, ascending. */
  papers: Int32Array;
}

/** The documents to tokenize: titles and texts in memory, or titles with texts on disk. */
export type DocumentSource = readonly { title: string; text: string }[] | StoredDocuments;

/** Below this many documents per thread, the scan stays on the calling thread: starting a worker
 * costs more than it saves. */
const MIN_DOCS_PER_SHARE = 4000;
/** The first share's size relative to the others'. The output does not depend on it. */
const FIRST_SHARE_WEIGHT = 1.2;

/**
 * Pass 1 (scan): the documents' titles (skipped when `titleWeight` is 0) and texts as surface
 * word ids, in contiguous shares of the documents on as many threads as there are. The stream
 * does not depend on the number of threads.
 */
export function scanDocuments(docs: DocumentSource, titleWeight: number): SurfaceStream {
  const stored = 'abstractFile' in docs ? docs : null;
  const nDocs = stored === null ? (docs as readonly { title: string }[]).length : stored.titles.length;
  const shareCount =
    nDocs < MIN_DOCS_PER_SHARE * 2 ? 1 : Math.min(parallelThreads(), Math.floor(nDocs / MIN_DOCS_PER_SHARE));
  // The first share runs on this thread while workers start up (a few hundred ms): give it more.
  const shareStart = (i: number) => (i === 0 ? 0 : FIRST_SHARE_WEIGHT + i - 1);
  const shares: ScanInput[] = [];
  for (let i = 0; i < shareCount; i++) {
    const from = Math.floor((shareStart(i) * nDocs) / shareStart(shareCount));
    const to = Math.floor((shareStart(i + 1) * nDocs) / shareStart(shareCount));
    if (stored !== null) {
      // Each thread reads its share's texts from the file itself, a block at a time.
      shares.push({
        titles: stored.titles.slice(from, to),
        stored: { file: stored.abstractFile, papers: stored.papers.slice(from, to) },
        titleWeight,
      });
    } else {
      const slice = (docs as readonly { title: string; text: string }[]).slice(from, to);
      shares.push({ titles: slice.map((doc) => doc.title), texts: slice.map((doc) => doc.text), titleWeight });
    }
  }
  // The first share's word table becomes the corpus's: its ids are already global.
  let table = new WordTable();
  const scanned = runParallel(
    TASKS.scanShare,
    (input: ScanInput) => {
      const scan = scanShareWithTable(input);
      if (input === shares[0]) table = scan.table;
      return scan.share;
    },
    shares,
  );
  return mergeScannedShares(scanned, table);
}

/**
 * Merges scanned shares in document order into one stream: a later share's words get global ids
 * in its order of first occurrence, after the words of the shares before it, as one scan over all
 * documents gives. `table` is the first share's word table; the other shares' words are added to
 * it. (Dropped words keep ids from the first share; no token refers to them.)
 */
export function mergeScannedShares(scanned: readonly ScannedShare[], table: WordTable): SurfaceStream {
  let nDocs = 0;
  let nTok = 0;
  for (const share of scanned) {
    nDocs += share.titleEnd.length;
    nTok += share.tokens.length;
  }
  const surfaceStems: string[] = scanned.length > 0 ? scanned[0].stems.slice() : [];
  const surfaceCount: number[] = scanned.length > 0 ? Array.from(scanned[0].counts) : [];
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
  return { tok, docStart, titleEnd, surfaces: table.words, surfaceStems, surfaceCount };
}

/** The stems of a corpus, and the stem of each word: stem ids in order of their first word. */
export interface StemIndex {
  /** Stem id -> stem. */
  stems: string[];
  /** Word id -> stem id. */
  stemOf: Int32Array;
}

/** Pass 2 (stems): groups the words by their stem ("networks", "network" -> "network"). */
export function indexStems(surfaceStems: readonly string[]): StemIndex {
  const stemIndex = new Map<string, number>();
  const stems: string[] = [];
  const stemOf = new Int32Array(surfaceStems.length);
  for (let s = 0; s < surfaceStems.length; s++) {
    const st = surfaceStems[s];
    let sid = stemIndex.get(st);
    if (sid === undefined) {
      sid = stems.length;
      stemIndex.set(st, sid);
      stems.push(st);
    }
    stemOf[s] = sid;
  }
  return { stems, stemOf };
}
