/**
 * Tokenizes a whole corpus into term ids: surface words -> Porter stems -> phrases (bigrams,
 * then trigrams) -> a vocabulary with readable display forms and document frequencies. Each pass
 * is a function of its own: scan and stems (surface-stream.ts), count and phrases
 * (find-phrases.ts), document terms (document-terms.ts), display forms (display-forms.ts).
 */
import { assignDocumentTerms } from './document-terms';
import { collectSurfaceForms, pickDisplayForms } from './display-forms';
import { countStems, findBigrams, findTrigrams, mergeBigrams, noBigrams, wordUnits } from './find-phrases';
import { type DocumentSource, indexStems, scanDocuments } from './surface-stream';
import type { TokenizedCorpus } from './types';

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
  docs: DocumentSource,
  opts: TokenizeOptions = {},
  onProgress?: (done: number, total: number) => void,
): TokenizedCorpus {
  const stream = scanDocuments(docs, resolveTokenizeOptions(opts, 0).titleWeight);
  const nDocs = stream.titleEnd.length;
  const o = resolveTokenizeOptions(opts, nDocs);
  onProgress?.(nDocs, 2 * nDocs);
  const index = indexStems(stream.surfaceStems);
  const thresholds = { minCount: o.minPhraseCount, minNpmi: o.minPhraseNpmi };
  const usePhrases = o.phrases && o.maxPhraseLength >= 2;
  const bigrams = usePhrases
    ? findBigrams(stream, index, countStems(stream.surfaceCount, index), thresholds)
    : noBigrams(stream, index);
  const units = usePhrases ? mergeBigrams(stream, bigrams) : wordUnits(stream);
  const trigrams = usePhrases && o.maxPhraseLength >= 3 ? findTrigrams(units, bigrams, thresholds) : null;
  const assigned = assignDocumentTerms(
    units,
    index,
    bigrams,
    trigrams,
    o,
    onProgress && ((done) => onProgress(nDocs + done, 2 * nDocs)),
  );
  const vocab = pickDisplayForms(assigned, stream.surfaces, bigrams, trigrams);
  return {
    vocab,
    docs: assigned.docs,
    forms: collectSurfaceForms(
      stream.tok,
      stream.docStart,
      stream.surfaces,
      assigned.termOfSurface,
      assigned.surfaceUse,
      vocab.terms.length,
    ),
  };
}
