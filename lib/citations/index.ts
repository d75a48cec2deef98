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

/** Builds the citation layer from the corpus's references and their resolved targets. */
export function buildCitationLayer(corpus: Corpus, maxFoundations = 2000): CitationLayer {
  const n = corpus.papers.length;
  const pairs: number[] = [];
  const localCitedBy = new Int32Array(n);
  const outside = new Map<string, { citing: Set<number>; forms: Map<string, number>; doi: string | null }>();
  let papersWithReferences = 0;
  let unresolved = 0;
  const seen = new Set<number>();
  corpus.papers.forEach((paper, p) => {
    if (paper.references.length === 0) return;
    papersWithReferences++;
    const targets = corpus.referenceTargets[p];
    seen.clear();
    paper.references.forEach((ref, k) => {
      const target = targets !== undefined ? targets[k] : -1;
      if (target >= 0) {
        if (target !== p && !seen.has(target)) {
          seen.add(target);
          pairs.push(p, target);
          localCitedBy[target]++;
        }
        return;
      }
      unresolved++;
      if (ref.key === null) return;
      let entry = outside.get(ref.key);
      if (!entry) outside.set(ref.key, (entry = { citing: new Set(), forms: new Map(), doi: ref.doi }));
      entry.citing.add(p);
      entry.forms.set(ref.raw, (entry.forms.get(ref.raw) ?? 0) + 1);
      if (entry.doi === null && ref.doi !== null) entry.doi = ref.doi;
    });
  });
  const m = pairs.length / 2;
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * a + 1] - pairs[2 * b + 1],
  );
  const citing = Int32Array.from(order, (i) => pairs[2 * i]);
  const cited = Int32Array.from(order, (i) => pairs[2 * i + 1]);
  const foundations: Foundation[] = [];
  for (const [key, e] of outside) {
    if (e.citing.size < 2) continue;
    let raw = '';
    let most = 0;
    for (const [form, count] of e.forms) {
      if (count > most || (count === most && form < raw)) {
        raw = form;
        most = count;
      }
    }
    foundations.push({ key, citations: e.citing.size, raw, doi: e.doi, title: null });
  }
  foundations.sort((a, b) => b.citations - a.citations || (a.key < b.key ? -1 : 1));
  const kept = foundations.slice(0, maxFoundations);
  for (const f of kept) {
    // Most common form first, then as the sources' text sorts: the same title whatever the order read.
    const forms = [...outside.get(f.key)!.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    f.title = pickReferenceTitle(
      forms.map(([form]) => form),
      f.key,
    );
  }
  return {
    citing,
    cited,
    localCitedBy,
    foundations: kept,
    papersWithReferences,
    unresolved,
  };
}
