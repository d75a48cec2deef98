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
}
