/**
 * The citation layer of a corpus: who cites whom inside it (from the references ingestion resolved
 * to corpus papers), each paper's local citation count beside the global count its source reported,
 * and the field's foundations — the references outside the corpus that its papers cite most, grouped
 * by their normalized key (DOI, paper id, or author-year-volume-page as bibliometrix and VOSviewer
 * compare them).
 */
import type { Corpus } from '../corpus/types';
import { pickReferenceTitle } from './reference-parts';

export interface Foundation {
  /** The reference's normalized key (`doi:…`, `openalex:w…`, `smith|2019|v114|p1`). */
  key: string;
  /** Corpus papers citing it. */
  citations: number;
  /** How the sources wrote it (the most common form). */
  raw: string;
  doi: string | null;
  /** The cited work's title when any of the forms writes it (a Scopus reference does, a WoS `CR`
   * line or an OpenAlex W-id does not). */
  title: string | null;
}

export interface CitationLayer {
  /** Distinct citing → cited pairs of corpus paper indices (no self-citations), by citing then cited. */
  citing: Int32Array;
  cited: Int32Array;
  /** Citations each paper gets from the corpus. */
  localCitedBy: Int32Array;
  /** References outside the corpus cited by at least two papers, most cited first (at most `maxFoundations`). */
  foundations: Foundation[];
  /** Papers with at least one reference, and references that resolved to no corpus paper. */
  papersWithReferences: number;
  unresolved: number;
}

/** Sorts `xs[from..to)` ascending in place (a paper's cited papers: mostly a few dozen). */
function sortSegment(xs: number[], from: number, to: number): void {
  if (to - from > 32) {
    const sorted = xs.slice(from, to).sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i++) xs[from + i] = sorted[i];
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= from && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * Builds the citation layer from the corpus's references, their resolved targets and their key
 * ids. Outside references are counted by key id (one pass, a stamp per key instead of a set of
 * citing papers); only the foundations kept have their spellings counted, in a second pass: at a
 * million papers most of the millions of keys are cited once.
 */
export function buildCitationLayer(
  corpus: Pick<Corpus, 'papers' | 'referenceTargets' | 'referenceKeys'>,
  maxFoundations = 2000,
): CitationLayer {
  const n = corpus.papers.length;
  const { keys, start, ids } = corpus.referenceKeys;
  // Cited papers, paper by paper: the citing side is the paper itself, in order.
  const citedList: number[] = [];
  const citingList: number[] = [];
  const localCitedBy = new Int32Array(n);
  const citedStamp = new Int32Array(n).fill(-1);
  // Per key id, over the references that resolved to no corpus paper.
  const citingCount = new Int32Array(keys.length);
  const lastCiting = new Int32Array(keys.length).fill(-1);
  let papersWithReferences = 0;
  let unresolved = 0;
  corpus.papers.forEach((paper, p) => {
    if (paper.references.length === 0) return;
    papersWithReferences++;
    const targets = corpus.referenceTargets[p];
    const from = citedList.length;
    for (let k = 0, at = start[p]; k < paper.references.length; k++, at++) {
      const target = targets !== undefined ? targets[k] : -1;
      if (target >= 0) {
        if (target !== p && citedStamp[target] !== p) {
          citedStamp[target] = p;
          citedList.push(target);
          citingList.push(p);
          localCitedBy[target]++;
        }
        continue;
      }
      unresolved++;
      const id = ids[at];
      if (id < 0) continue;
      if (lastCiting[id] !== p) {
        lastCiting[id] = p;
        citingCount[id]++;
      }
    }
    sortSegment(citedList, from, citedList.length);
  });
  const citing = Int32Array.from(citingList);
  const cited = Int32Array.from(citedList);
  const chosen: number[] = [];
  for (let id = 0; id < keys.length; id++) if (citingCount[id] >= 2) chosen.push(id);
  chosen.sort((a, b) => citingCount[b] - citingCount[a] || (keys[a] < keys[b] ? -1 : 1));
  chosen.length = Math.min(chosen.length, maxFoundations);
  // The kept keys' spellings, counted over every unresolved reference that has one, and their first
  // DOI: only the references of the kept keys are read again.
  const formsOf = new Map<number, Map<string, number>>();
  const doiOf = new Map<number, string>();
  for (const id of chosen) formsOf.set(id, new Map());
  if (formsOf.size > 0) {
    const kept = new Uint8Array(keys.length);
    for (const id of chosen) kept[id] = 1;
    corpus.papers.forEach((paper, p) => {
      const targets = corpus.referenceTargets[p];
      for (let k = 0, at = start[p]; k < paper.references.length; k++, at++) {
        const id = ids[at];
        if (id < 0 || kept[id] === 0 || (targets !== undefined && targets[k] >= 0)) continue;
        const { raw, doi } = paper.references[k];
        const spellings = formsOf.get(id)!;
        spellings.set(raw, (spellings.get(raw) ?? 0) + 1);
        if (doi !== null && !doiOf.has(id)) doiOf.set(id, doi);
      }
    });
  }
  const foundations: Foundation[] = chosen.map((id) => {
    const spellings = formsOf.get(id)!;
    let raw = '';
    let most = 0;
    for (const [form, count] of spellings) {
      if (count > most || (count === most && form < raw)) {
        raw = form;
        most = count;
      }
    }
    // Most common form first, then as the sources' text sorts: the same title whatever the order read.
    const ordered = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      key: keys[id],
      citations: citingCount[id],
      raw,
      doi: doiOf.get(id) ?? null,
      title: pickReferenceTitle(
        ordered.map(([form]) => form),
        keys[id],
      ),
    };
  });
  return { citing, cited, localCitedBy, foundations, papersWithReferences, unresolved };
}
