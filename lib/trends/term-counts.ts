import type { TermSeries } from './types';

/** Each document's distinct term ids, as compressed rows: document d holds
 * `terms[offsets[d] .. offsets[d+1])` in order of first occurrence. */
export interface DocTermSets {
  offsets: Int32Array;
  terms: Int32Array;
}

/** Distinct terms per document (presence, not frequency, is what shares count). */
export function buildDocTermSets(docs: Int32Array[], vocabSize: number): DocTermSets {
  const seen = new Int32Array(vocabSize).fill(-1);
  const offsets = new Int32Array(docs.length + 1);
  let total = 0;
  for (const doc of docs) total += doc.length;
  const terms = new Int32Array(total);
  let size = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    for (let i = 0; i < doc.length; i++) {
      const t = doc[i];
      if (seen[t] !== d) {
        seen[t] = d;
        terms[size++] = t;
      }
    }
    offsets[d + 1] = size;
  }
  return { offsets, terms: terms.slice(0, size) };
}

/** Papers per period containing each term, for terms in at least `minSupport` dated papers. */
export function buildTermSeries(
  sets: DocTermSets,
  vocabSize: number,
  periodOf: Int32Array,
  periodPapers: ArrayLike<number>,
  minSupport: number,
): TermSeries {
  const periodCount = periodPapers.length;
  const df = new Int32Array(vocabSize);
  const docCount = sets.offsets.length - 1;
  for (let d = 0; d < docCount; d++) {
    if (periodOf[d] < 0) continue;
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) df[sets.terms[k]]++;
  }
  const row = new Int32Array(vocabSize).fill(-1);
  const kept: number[] = [];
  for (let t = 0; t < vocabSize; t++) {
    if (df[t] >= minSupport && df[t] > 0) {
      row[t] = kept.length;
      kept.push(t);
    }
  }
  const counts = new Int32Array(kept.length * periodCount);
  for (let d = 0; d < docCount; d++) {
    const p = periodOf[d];
    if (p < 0) continue;
    for (let k = sets.offsets[d]; k < sets.offsets[d + 1]; k++) {
      const r = row[sets.terms[k]];
      if (r >= 0) counts[r * periodCount + p]++;
    }
  }
  const shares = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const papers = periodPapers[i % periodCount];
    shares[i] = papers > 0 ? counts[i] / papers : 0;
  }
  const terms = Int32Array.from(kept);
  return { terms, support: Int32Array.from(kept, (t) => df[t]), counts, shares };
}
