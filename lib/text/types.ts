/** Tokens and terms: the contract between lib/text and lib/model, lib/trends. */

/** The vocabulary of a corpus. A term is a stemmed word or a phrase of stemmed words joined by
 * a space; `display` is its most frequent surface form ("graph neural networks"). */
export interface Vocabulary {
  /** Stable keys, e.g. "network", "graph neural network". Index = term id. */
  terms: string[];
  /** What a person reads, e.g. "networks", "graph neural networks". */
  display: string[];
  /** 1 where the term is a phrase of two or three words. */
  isPhrase: Uint8Array;
  /** Number of documents containing the term. */
  df: Int32Array;
}

/** Every document as the term ids it contains, in reading order, repeats kept (title tokens are
 * weighted in by repetition, see TokenizeOptions.titleWeight). */
export interface TokenizedCorpus {
  vocab: Vocabulary;
  docs: Int32Array[];
  /** The words behind terms written more than one way, per document (see SurfaceForms). */
  forms?: SurfaceForms;
}

/**
 * The surface words of the single-word terms that are written more than one way ("adaptation",
 * "adaptive" and "adapt" are all the term "adapt"), document by document, so that a topic can
 * be labelled with the form its own papers use instead of the corpus's most frequent one.
 * Words of terms with one form are left out: their display form is the only one.
 */
export interface SurfaceForms {
  /** The text of each form. Index = form id. */
  text: string[];
  /** The term id of each form. */
  term: Int32Array;
  /** Form ids of every document's words, document after document (titles counted once). */
  tokens: Int32Array;
  /** Where each document's run starts in `tokens`; the last entry is `tokens.length`. */
  docStart: Int32Array;
}
