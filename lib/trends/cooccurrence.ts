import type { Vocabulary } from '../text/types';
import type { DocTermSets } from './term-counts';
import type { RelatedTerms } from './types';

/** Options of `buildRelatedTerms`. */
export interface RelatedOptions {
  minSupport: number;
  topK: number;
  minPairPapers: number;
}

/** Related terms by co-occurrence in papers, without a V x V matrix: for each term with enough
 * support, the papers containing it are scanned and counts of the other supported terms are kept
 * in one dense scratch row (cost: the sum over papers of their distinct supported terms squared),
 * then only the top `topK` are kept, by papers in common and by NPMI (Bouma 2009,
 * https://svn.spraakdata.gu.se/repos/gerlof/pub/www/Docs/npmi-pfd.pdf). A phrase and the words or
 * shorter phrases inside it are never each other's related terms. */
export function buildRelatedTerms(
  sets: DocTermSets,
  vocab: Pick<Vocabulary, 'terms' | 'isPhrase'>,
  opts: RelatedOptions,
): { byPapers: RelatedTerms; byNpmi: RelatedTerms } {
  const vocabSize = vocab.terms.length;
  const docCount = sets.offsets.length - 1;
  const df = new Int32Array(vocabSize);
  for (let k = 0; k < sets.terms.length; k++) df[sets.terms[k]]++;
  const supported = new Uint8Array(vocabSize);
  for (let t = 0; t < vocabSize; t++) supported[t] = df[t] >= opts.minSupport && df[t] > 0 ? 1 : 0;

  // Papers restricted to supported terms, and each supported term's papers (postings).
  const docOffsets = new Int32Array(docCount + 1);
  const docTerms = new Int32Array(sets.terms.length);
  let size = 0;
  for (let d = 0; d < docCount; d++) {
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) {
      if (supported[sets.terms[k]]) docTerms[size++] = sets.terms[k];
    }
    docOffsets[d + 1] = size;
  }
  const postingOffsets = new Int32Array(vocabSize + 1);
  for (let k = 0; k < size; k++) postingOffsets[docTerms[k] + 1]++;
  for (let t = 0; t < vocabSize; t++) postingOffsets[t + 1] += postingOffsets[t];
  const postings = new Int32Array(size);
  const fill = postingOffsets.slice(0, vocabSize);
  for (let d = 0; d < docCount; d++) {
    for (let k = docOffsets[d]; k < docOffsets[d + 1]; k++) postings[fill[docTerms[k]]++] = d;
  }

  const nested = buildNestedTerms(vocab);
  const together = new Int32Array(vocabSize);
  const stamp = new Int32Array(vocabSize).fill(-1);
  const excluded = new Int32Array(vocabSize).fill(-1);
  const touched = new Int32Array(vocabSize);
  const npmiOf = new Float64Array(vocabSize);
  const byPapers = new RowsBuilder();
  const byNpmi = new RowsBuilder();
  const logN = Math.log(docCount);
  const logCount = new Float64Array(docCount + 1);
  for (let c = 1; c <= docCount; c++) logCount[c] = Math.log(c);

  for (let a = 0; a < vocabSize; a++) {
    if (!supported[a]) continue;
    let touchedCount = 0;
    for (let k = postingOffsets[a]; k < postingOffsets[a + 1]; k++) {
      const d = postings[k];
      for (let j = docOffsets[d]; j < docOffsets[d + 1]; j++) {
        const b = docTerms[j];
        if (stamp[b] !== a) {
          stamp[b] = a;
          together[b] = 0;
          touched[touchedCount++] = b;
        }
        together[b]++;
      }
    }
    excluded[a] = a;
    for (const b of nested.get(a) ?? []) excluded[b] = a;

    const countHeap = new TopK(opts.topK, (x, y) => together[x] - together[y] || y - x);
    const npmiHeap = new TopK(opts.topK, (x, y) => npmiOf[x] - npmiOf[y] || y - x);
    const logDfA = logCount[df[a]];
    const npmiFor = (b: number) => {
      const c = together[b];
      // A pair in every paper has p(a,b) = 1: perfect co-occurrence.
      return c === docCount ? 1 : (logCount[c] - logDfA - logCount[df[b]] + logN) / (logN - logCount[c]);
    };
    // Floors below which an item cannot enter a full heap (ties are settled by the heaps).
    let countFloor = -1;
    let npmiFloor = -Infinity;
    for (let i = 0; i < touchedCount; i++) {
      const b = touched[i];
      if (excluded[b] === a) continue;
      const c = together[b];
      if (c >= countFloor) {
        countHeap.offer(b);
        if (countHeap.full()) countFloor = together[countHeap.worst()];
      }
      if (c >= opts.minPairPapers) {
        const value = npmiFor(b);
        if (value >= npmiFloor) {
          npmiOf[b] = value;
          npmiHeap.offer(b);
          if (npmiHeap.full()) npmiFloor = npmiOf[npmiHeap.worst()];
        }
      }
    }
    countHeap.sorted().forEach((b, rank) => byPapers.push(a, rank, b, together[b], npmiFor(b)));
    npmiHeap.sorted().forEach((b, rank) => byNpmi.push(a, rank, b, together[b], npmiOf[b]));
  }
  return { byPapers: byPapers.build(), byNpmi: byNpmi.build() };
}

/** For each phrase, the shorter terms inside it, and for each such term the phrases holding it. */
function buildNestedTerms(vocab: Pick<Vocabulary, 'terms' | 'isPhrase'>): Map<number, number[]> {
  const idOf = new Map<string, number>();
  vocab.terms.forEach((term, id) => idOf.set(term, id));
  const nested = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    const list = nested.get(a);
    if (list) list.push(b);
    else nested.set(a, [b]);
  };
  vocab.terms.forEach((term, id) => {
    if (!vocab.isPhrase[id]) return;
    const words = term.split(' ');
    for (let length = 1; length < words.length; length++) {
      for (let start = 0; start + length <= words.length; start++) {
        const inner = idOf.get(words.slice(start, start + length).join(' '));
        if (inner === undefined) continue;
        link(id, inner);
        link(inner, id);
      }
    }
  });
  return nested;
}

/** The best `k` items under `compare` (positive = first is better), kept in a min-heap. */
class TopK {
  private heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: (x: number, y: number) => number,
  ) {}

  offer(item: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.compare(heap[i], heap[parent]) >= 0) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (this.k > 0 && this.compare(item, heap[0]) > 0) {
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && this.compare(heap[left], heap[worst]) < 0) worst = left;
        if (right < heap.length && this.compare(heap[right], heap[worst]) < 0) worst = right;
        if (worst === i) break;
        [heap[i], heap[worst]] = [heap[worst], heap[i]];
        i = worst;
      }
    }
  }

  full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The worst item kept (the heap's root). */
  worst(): number {
    return this.heap[0];
  }

  /** Best first. */
  sorted(): number[] {
    return [...this.heap].sort((x, y) => this.compare(y, x));
  }
}

class RowsBuilder {
  private term: number[] = [];
  private rank: number[] = [];
  private other: number[] = [];
  private papers: number[] = [];
  private npmi: number[] = [];

  push(term: number, rank: number, other: number, papers: number, npmi: number): void {
    this.term.push(term);
    this.rank.push(rank);
    this.other.push(other);
    this.papers.push(papers);
    this.npmi.push(npmi);
  }

  build(): RelatedTerms {
    return {
      term: Int32Array.from(this.term),
      rank: Int32Array.from(this.rank),
      other: Int32Array.from(this.other),
      papers: Int32Array.from(this.papers),
      npmi: Float64Array.from(this.npmi),
    };
  }
}
