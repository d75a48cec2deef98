import type { Vocabulary } from '../text/types';
import type { DocTermSets } from './term-counts';
import type { RelatedTerms } from './types';

/** Options of `buildRelatedTerms`. */
export interface RelatedOptions {
  minSupport: number;
  topK: number;
  minPairPapers: number;
}

/** Related terms by co-occurrence in papers, without a V x V matrix: each paper's supported terms
 * are sorted, and for each term a the papers containing it are scanned for the terms b > a after
 * it, counted in one dense scratch row; each pair (a, b) is then offered once to both terms'
 * bounded heaps (top `topK` by papers in common, and by NPMI, Bouma 2009,
 * https://svn.spraakdata.gu.se/repos/gerlof/pub/www/Docs/npmi-pfd.pdf). Cost: half the sum over
 * papers of their distinct supported terms squared; memory: the heaps, V x topK. A phrase and the
 * words or shorter phrases inside it are never each other's related terms. */
export function buildRelatedTerms(
  sets: DocTermSets,
  vocab: Pick<Vocabulary, 'terms' | 'isPhrase'>,
  opts: RelatedOptions,
): { byPapers: RelatedTerms; byNpmi: RelatedTerms } {
  const vocabSize = vocab.terms.length;
  const docCount = sets.offsets.length - 1;
  const df = new Int32Array(vocabSize);
  for (let k = 0; k < sets.terms.length; k++) df[sets.terms[k]]++;
  // Supported terms get dense ids 0..S-1 (ascending with the term id), so the scratch row is
  // small enough to stay in cache.
  const compact = new Int32Array(vocabSize).fill(-1);
  const original: number[] = [];
  for (let t = 0; t < vocabSize; t++) {
    if (df[t] >= opts.minSupport && df[t] > 0) {
      compact[t] = original.length;
      original.push(t);
    }
  }
  const termCount = original.length;
  const logN = Math.log(docCount);
  const logCount = new Float64Array(docCount + 1);
  for (let c = 1; c <= docCount; c++) logCount[c] = Math.log(c);
  const logDf = Float64Array.from(original, (t) => logCount[df[t]]);

  // Papers restricted to supported terms, sorted within each paper; each term's postings hold
  // the position just after it in its paper's row.
  const docOffsets = new Int32Array(docCount + 1);
  const docTerms = new Int32Array(sets.terms.length);
  let size = 0;
  for (let d = 0; d < docCount; d++) {
    const start = size;
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) {
      const id = compact[sets.terms[k]];
      if (id >= 0) docTerms[size++] = id;
    }
    docTerms.subarray(start, size).sort();
    docOffsets[d + 1] = size;
  }
  const postingOffsets = new Int32Array(termCount + 1);
  for (let k = 0; k < size; k++) postingOffsets[docTerms[k] + 1]++;
  for (let t = 0; t < termCount; t++) postingOffsets[t + 1] += postingOffsets[t];
  const postingNext = new Int32Array(size);
  const postingEnd = new Int32Array(size);
  const fill = postingOffsets.slice(0, termCount);
  for (let d = 0; d < docCount; d++) {
    for (let k = docOffsets[d]; k < docOffsets[d + 1]; k++) {
      const slot = fill[docTerms[k]]++;
      postingNext[slot] = k + 1;
      postingEnd[slot] = docOffsets[d + 1];
    }
  }

  const nested = buildNestedTerms(vocab);
  const together = new Int32Array(termCount);
  const excluded = new Int32Array(termCount).fill(-1);
  const touched = new Int32Array(termCount);
  const byPapers = new BoundedHeaps(termCount, opts.topK);
  const byNpmi = new BoundedHeaps(termCount, opts.topK);

  for (let a = 0; a < termCount; a++) {
    const touchedCount = countFollowing(postingOffsets[a], postingOffsets[a + 1], postingNext, postingEnd, docTerms, together, touched);
    for (const t of nested.get(original[a]) ?? []) if (compact[t] >= 0) excluded[compact[t]] = a;
    const logDfA = logDf[a];
    for (let i = 0; i < touchedCount; i++) {
      const b = touched[i];
      const c = together[b];
      together[b] = 0;
      if (excluded[b] === a) continue;
      byPapers.offer(a, b, c, c);
      byPapers.offer(b, a, c, c);
      if (c >= opts.minPairPapers) {
        // A pair in every paper has p(a,b) = 1: perfect co-occurrence.
        const npmi = c === docCount ? 1 : (logCount[c] - logDfA - logDf[b] + logN) / (logN - logCount[c]);
        byNpmi.offer(a, b, npmi, c);
        byNpmi.offer(b, a, npmi, c);
      }
    }
  }

  const npmiOf = (a: number, b: number, c: number) =>
    c === docCount ? 1 : (logCount[c] - logDf[a] - logDf[b] + logN) / (logN - logCount[c]);
  return {
    byPapers: byPapers.build(original, (a, b, _key, c) => npmiOf(a, b, c)),
    byNpmi: byNpmi.build(original, (_a, _b, key) => key),
  };
}

/** Counts, over the postings `from..to` of one term, the terms after it in each paper into
 * `together`, listing each newly seen one in `touched`; returns how many were listed. Kept small
 * and monomorphic: it is the hot loop. */
function countFollowing(
  from: number,
  to: number,
  postingNext: Int32Array,
  postingEnd: Int32Array,
  docTerms: Int32Array,
  together: Int32Array,
  touched: Int32Array,
): number {
  let touchedCount = 0;
  for (let k = from; k < to; k++) {
    const end = postingEnd[k];
    for (let j = postingNext[k]; j < end; j++) {
      const b = docTerms[j];
      if (together[b]++ === 0) touched[touchedCount++] = b;
    }
  }
  return touchedCount;
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

/** One bounded min-heap per term in flat typed arrays: the best `k` (key desc, other id asc)
 * entries offered to each term, with the root the worst kept. */
class BoundedHeaps {
  private readonly keys: Float64Array;
  private readonly others: Int32Array;
  private readonly papers: Int32Array;
  private readonly sizes: Int32Array;

  constructor(
    terms: number,
    private readonly k: number,
  ) {
    this.keys = new Float64Array(terms * k);
    this.others = new Int32Array(terms * k);
    this.papers = new Int32Array(terms * k);
    this.sizes = new Int32Array(terms);
  }

  /** True when entry i ranks below entry j. */
  private worse(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.others[i] > this.others[j]);
  }

  private swap(i: number, j: number): void {
    const { keys, others, papers } = this;
    [keys[i], keys[j]] = [keys[j], keys[i]];
    [others[i], others[j]] = [others[j], others[i]];
    [papers[i], papers[j]] = [papers[j], papers[i]];
  }

  offer(term: number, other: number, key: number, papers: number): void {
    const k = this.k;
    if (k === 0) return;
    const base = term * k;
    const size = this.sizes[term];
    if (size === k) {
      const rootKey = this.keys[base];
      if (key < rootKey || (key === rootKey && other > this.others[base])) return;
      this.keys[base] = key;
      this.others[base] = other;
      this.papers[base] = papers;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < k && this.worse(base + left, base + worst)) worst = left;
        if (right < k && this.worse(base + right, base + worst)) worst = right;
        if (worst === i) return;
        this.swap(base + i, base + worst);
        i = worst;
      }
    }
    let i = size;
    this.keys[base + i] = key;
    this.others[base + i] = other;
    this.papers[base + i] = papers;
    this.sizes[term] = size + 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(base + i, base + parent)) return;
      this.swap(base + i, base + parent);
      i = parent;
    }
  }

  /** Rows by term, best first, with dense ids mapped back through `original`; `npmi` gives the
   * NPMI column from (term, other, key, papers) in dense ids. */
  build(original: number[], npmi: (term: number, other: number, key: number, papers: number) => number): RelatedTerms {
    let total = 0;
    for (let t = 0; t < this.sizes.length; t++) total += this.sizes[t];
    const rows: RelatedTerms = {
      term: new Int32Array(total),
      rank: new Int32Array(total),
      other: new Int32Array(total),
      papers: new Int32Array(total),
      npmi: new Float64Array(total),
    };
    let row = 0;
    for (let t = 0; t < this.sizes.length; t++) {
      const base = t * this.k;
      const entries = Array.from({ length: this.sizes[t] }, (_, i) => base + i).sort((i, j) =>
        this.worse(i, j) ? 1 : this.worse(j, i) ? -1 : 0,
      );
      entries.forEach((entry, rank) => {
        rows.term[row] = original[t];
        rows.rank[row] = rank;
        rows.other[row] = original[this.others[entry]];
        rows.papers[row] = this.papers[entry];
        rows.npmi[row] = npmi(t, this.others[entry], this.keys[entry], this.papers[entry]);
        row++;
      });
    }
    return rows;
  }
}
