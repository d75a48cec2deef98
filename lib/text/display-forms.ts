/**
 * How terms read: each term's display form (the surface sequence used most often), and the
 * forms of the words written more than one way, document by document.
 */
import type { DocumentTerms } from './document-terms';
import type { BigramPhrases, TrigramPhrases } from './find-phrases';
import type { SurfaceForms, Vocabulary } from './types';

/**
 * The vocabulary of assigned terms, each displayed as the surface sequence that stood for it
 * most often; ties go to the alphabetically first, so the choice does not depend on the order
 * the sequences are seen in.
 */
export function pickDisplayForms(
  assigned: DocumentTerms,
  surfaces: readonly string[],
  bigrams: BigramPhrases,
  trigrams: TrigramPhrases | null,
): Vocabulary {
  const { terms, termOfSurface, surfaceUse, termOfPair, pairUse, termOfTriple, tripleUse } = assigned;
  const { pairs } = bigrams;
  const bestCount = new Float64Array(terms.length);
  const display: string[] = terms.slice();
  const consider = (term: number, count: number, text: () => string): void => {
    if (count > bestCount[term]) {
      bestCount[term] = count;
      display[term] = text();
    } else if (count === bestCount[term] && count > 0) {
      const t = text();
      if (t < display[term]) display[term] = t;
    }
  };
  for (let s = 0; s < surfaces.length; s++)
    if (termOfSurface[s] >= 0) consider(termOfSurface[s], surfaceUse[s], () => surfaces[s]);
  const pairText = (e: number): string => `${surfaces[pairs.first[e]]} ${surfaces[pairs.second[e]]}`;
  for (let e = 0; e < pairUse.length; e++) if (pairUse[e] > 0) consider(termOfPair[e], pairUse[e], () => pairText(e));
  if (trigrams !== null) {
    const { triples } = trigrams;
    for (const [k, count] of tripleUse)
      consider(termOfTriple.at(k, -1), count, () => `${pairText(triples.first[k])} ${surfaces[triples.second[k]]}`);
  }
  return {
    terms,
    display,
    isPhrase: Uint8Array.from(assigned.isPhrase),
    df: Int32Array.from(assigned.df),
  };
}

/** The forms of terms written more than one way, and each document's uses of them, from the
 * surface word stream (`tok`, -1 at breaks; document d is tok[docStart[d]..docStart[d + 1])). */
export function collectSurfaceForms(
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
