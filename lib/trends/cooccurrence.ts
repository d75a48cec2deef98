import { runParallel, sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import type { Vocabulary } from '../text/types';
import type { DocTermSets } from './term-counts';
import type { RelatedTerms } from './types';

/** Options of `buildRelatedTerms`. */
export interface RelatedOptions {
  minSupport: number;
  topK: number;
  minPairPapers: number;
}

/** The papers restricted to supported terms, in shared memory so a worker reads them in place. */
export interface RelatedIndex {
  /** Supported terms' dense ids, sorted within each paper. */
  docTerms: Int32Array;
  /** Postings of dense term t: `postingOffsets[t] .. postingOffsets[t+1]`; each holds the
   * position just after the term in its paper's row and the row's end. */
  postingOffsets: Int32Array;
  postingNext: Int32Array;
  postingEnd: Int32Array;
  /** Per dense term, the dense ids it must not be related to (phrases and the terms inside). */
  nestedOffsets: Int32Array;
  nestedTerms: Int32Array;
  /** ln(document frequency) per dense term. */
  logDf: Float64Array;
  docCount: number;
}

/** One share of the pair counting: the terms a = first, first + step, … paired with every b > a. */
export interface RelatedShareInput {
  index: RelatedIndex;
  first: number;
  step: number;
  topK: number;
  minPairPapers: number;
}

/** The two bounded heaps of one share, as flat arrays (see `BoundedHeaps`). */
export interface RelatedShare {
  byPapers: HeapArrays;
  byNpmi: HeapArrays;
}

/** Related terms by co-occurrence in papers, without a V x V matrix: each paper's supported terms
 * are sorted, and for each term a the papers containing it are scanned for the terms b > a after
 * it, counted in one dense scratch row; each pair (a, b) is then offered once to both terms'
 * bounded heaps (top `topK` by papers in common, and by NPMI, Bouma 2009,
 * https://svn.spraakdata.gu.se/repos/gerlof/pub/www/Docs/npmi-pfd.pdf). Cost: half the sum over
 * papers of their distinct supported terms squared; memory: the heaps, V x topK, once per share.
 * The terms a are dealt to two shares, counted on two threads when there are two, and the heaps
 * merged: each pair is offered once in all and heaps rank by a total order (key desc, other asc),
 * so the kept entries, and the output bytes, do not depend on the shares or the threads. A phrase and
 * the words or shorter phrases inside it are never each other's related terms. */
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
  const logDf = sharedFloat64(termCount);
  for (let a = 0; a < termCount; a++) logDf[a] = Math.log(df[original[a]]);

  // Papers restricted to supported terms, sorted within each paper; each term's postings (its
  // papers, ascending) hold the position just after it in its paper's row. The rows come sorted
  // without a sort: the papers are first listed per term, then dealt back to rows term by term.
  const termPapers = new Int32Array(termCount + 1);
  const docOffsets = new Int32Array(docCount + 1);
  for (let d = 0; d < docCount; d++) {
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) {
      const id = compact[sets.terms[k]];
      if (id >= 0) {
        termPapers[id + 1]++;
        docOffsets[d + 1]++;
      }
    }
  }
  for (let t = 0; t < termCount; t++) termPapers[t + 1] += termPapers[t];
  for (let d = 0; d < docCount; d++) docOffsets[d + 1] += docOffsets[d];
  const size = docOffsets[docCount];
  const papersOf = new Int32Array(size);
  const termFill = termPapers.slice(0, termCount);
  for (let d = 0; d < docCount; d++) {
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) {
      const id = compact[sets.terms[k]];
      if (id >= 0) papersOf[termFill[id]++] = d;
    }
  }
  const docTerms = sharedInt32(size);
  const postingOffsets = toShared(termPapers);
  const postingNext = sharedInt32(size);
  const postingEnd = sharedInt32(size);
  const docFill = docOffsets.slice(0, docCount);
  for (let t = 0; t < termCount; t++) {
    for (let k = termPapers[t]; k < termPapers[t + 1]; k++) {
      const d = papersOf[k];
      const slot = docFill[d]++;
      docTerms[slot] = t;
      postingNext[k] = slot + 1;
      postingEnd[k] = docOffsets[d + 1];
    }
  }

  const nested = buildNestedTerms(vocab, original);
  const nestedOffsets = sharedInt32(termCount + 1);
  const nestedList: number[] = [];
  for (let a = 0; a < termCount; a++) {
    for (const b of nested[a]) nestedList.push(b);
    nestedOffsets[a + 1] = nestedList.length;
  }
  const index: RelatedIndex = {
    docTerms,
    postingOffsets,
    postingNext,
    postingEnd,
    nestedOffsets,
    nestedTerms: toShared(Int32Array.from(nestedList)),
    logDf,
    docCount,
  };

  // Two shares, the even and the odd terms a: their costs (postings scanned, pairs offered) both
  // fall with the term's frequency rank, so interleaving balances them where a cut would not.
  const share = (first: number): RelatedShareInput => ({
    index,
    first,
    step: 2,
    topK: opts.topK,
    minPairPapers: opts.minPairPapers,
  });
  const [first, second] = runParallel(TASKS.buildRelatedShare, buildRelatedShare, [share(0), share(1)]);
  const byPapers = BoundedHeaps.from(first.byPapers, opts.topK);
  const byNpmi = BoundedHeaps.from(first.byNpmi, opts.topK);
  byPapers.offerAll(second.byPapers);
  byNpmi.offerAll(second.byNpmi);

  const npmiOf = (a: number, b: number, c: number) => pairNpmi(c, logDf[a], logDf[b], Math.log(docCount), docCount);
  return {
    byPapers: byPapers.build(original, (a, b, _key, c) => npmiOf(a, b, c)),
    byNpmi: byNpmi.build(original, (_a, _b, key) => key),
  };
}

/** NPMI of a pair in `c` papers; a pair in every paper has p(a,b) = 1: perfect co-occurrence. */
function pairNpmi(c: number, logDfA: number, logDfB: number, logN: number, docCount: number): number {
  return c === docCount ? 1 : (Math.log(c) - logDfA - logDfB + logN) / (logN - Math.log(c));
}

/** Counts the pairs (a, b > a) for the terms a of one share into both rankings' heaps (a worker
 * task of `buildRelatedTerms`). */
export function buildRelatedShare(input: RelatedShareInput): RelatedShare {
  const { index, first, step, topK, minPairPapers } = input;
  const { docTerms, postingOffsets, postingNext, postingEnd, nestedOffsets, nestedTerms, logDf, docCount } = index;
  const termCount = postingOffsets.length - 1;
  const logN = Math.log(docCount);
  const logCount = new Float64Array(docCount + 1);
  for (let c = 1; c <= docCount; c++) logCount[c] = Math.log(c);
  const together = new Int32Array(termCount);
  const excluded = new Int32Array(termCount).fill(-1);
  const touched = new Int32Array(termCount);
  const byPapers = new BoundedHeaps(termCount, topK);
  const byNpmi = new BoundedHeaps(termCount, topK);

  for (let a = first; a < termCount; a += step) {
    const touchedCount = countFollowing(
      postingOffsets[a],
      postingOffsets[a + 1],
      postingNext,
      postingEnd,
      docTerms,
      together,
      touched,
    );
    for (let k = nestedOffsets[a]; k < nestedOffsets[a + 1]; k++) excluded[nestedTerms[k]] = a;
    const logDfA = logDf[a];
    for (let i = 0; i < touchedCount; i++) {
      const b = touched[i];
      const c = together[b];
      together[b] = 0;
      if (excluded[b] === a) continue;
      byPapers.offer(a, b, c, c);
      byPapers.offer(b, a, c, c);
      if (c >= minPairPapers) {
        // Same expression as pairNpmi, with the logarithms looked up.
        const npmi = c === docCount ? 1 : (logCount[c] - logDfA - logDf[b] + logN) / (logN - logCount[c]);
        byNpmi.offer(a, b, npmi, c);
        byNpmi.offer(b, a, npmi, c);
      }
    }
  }
  return { byPapers: byPapers.arrays(), byNpmi: byNpmi.arrays() };
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

/** Among the supported terms (`original`, dense id -> term id), for each phrase the shorter
 * terms inside it, and for each such term the phrases holding it, in dense ids. */
function buildNestedTerms(vocab: Pick<Vocabulary, 'terms' | 'isPhrase'>, original: number[]): number[][] {
  const idOf = new Map<string, number>();
  original.forEach((term, id) => idOf.set(vocab.terms[term], id));
  const nested: number[][] = original.map(() => []);
  original.forEach((term, id) => {
    if (!vocab.isPhrase[term]) return;
    const words = vocab.terms[term].split(' ');
    for (let length = 1; length < words.length; length++) {
      for (let start = 0; start + length <= words.length; start++) {
        const inner = idOf.get(words.slice(start, start + length).join(' '));
        if (inner === undefined) continue;
        nested[id].push(inner);
        nested[inner].push(id);
      }
    }
  });
  return nested;
}

/** The flat arrays of `BoundedHeaps`: term t's entries are `t*k .. t*k + sizes[t]`. */
export interface HeapArrays {
  keys: Float64Array;
  others: Int32Array;
  papers: Int32Array;
  sizes: Int32Array;
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
    from?: HeapArrays,
  ) {
    this.keys = from?.keys ?? new Float64Array(terms * k);
    this.others = from?.others ?? new Int32Array(terms * k);
    this.papers = from?.papers ?? new Int32Array(terms * k);
    this.sizes = from?.sizes ?? new Int32Array(terms);
  }

  /** Heaps over arrays that `arrays()` returned (on this thread or another). */
  static from(arrays: HeapArrays, k: number): BoundedHeaps {
    return new BoundedHeaps(arrays.sizes.length, k, arrays);
  }

  arrays(): HeapArrays {
    return { keys: this.keys, others: this.others, papers: this.papers, sizes: this.sizes };
  }

  /** Offers every entry of other heaps over the same terms. */
  offerAll(from: HeapArrays): void {
    for (let t = 0; t < from.sizes.length; t++) {
      const base = t * this.k;
      for (let i = 0; i < from.sizes[t]; i++)
        this.offer(t, from.others[base + i], from.keys[base + i], from.papers[base + i]);
    }
  }

  /** True when entry i ranks below entry j. */
  private worse(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.others[i] > this.others[j]);
  }

  private swap(i: number, j: number): void {
    const { keys, others, papers } = this;
    const key = keys[i];
    keys[i] = keys[j];
    keys[j] = key;
    const other = others[i];
    others[i] = others[j];
    others[j] = other;
    const count = papers[i];
    papers[i] = papers[j];
    papers[j] = count;
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

/** One related-terms list per term: the NPMI ranking first (what goes with the term more than
 * chance), topped up from the co-occurrence ranking for terms with few strong associations, at
 * most `limit` a term; terms in id order. */
export function mergeRelatedTerms(byNpmi: RelatedTerms, byPapers: RelatedTerms, limit: number): RelatedTerms {
  const lists = new Map<number, { other: number; papers: number; npmi: number }[]>();
  const collect = (r: RelatedTerms) => {
    for (let i = 0; i < r.term.length; i++) {
      let list = lists.get(r.term[i]);
      if (!list) lists.set(r.term[i], (list = []));
      if (list.length < limit && !list.some((e) => e.other === r.other[i])) {
        list.push({ other: r.other[i], papers: r.papers[i], npmi: r.npmi[i] });
      }
    }
  };
  collect(byNpmi);
  collect(byPapers);
  const terms = [...lists.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const term of terms) n += lists.get(term)!.length;
  const out: RelatedTerms = {
    term: new Int32Array(n),
    rank: new Int32Array(n),
    other: new Int32Array(n),
    papers: new Int32Array(n),
    npmi: new Float64Array(n),
  };
  let at = 0;
  for (const term of terms) {
    lists.get(term)!.forEach((e, rank) => {
      out.term[at] = term;
      out.rank[at] = rank;
      out.other[at] = e.other;
      out.papers[at] = e.papers;
      out.npmi[at] = e.npmi;
      at++;
    });
  }
  return out;
}
