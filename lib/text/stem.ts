/**
 * Porter stemming (M. F. Porter, "An algorithm for suffix stripping", 1980,
 * https://tartarus.org/martin/PorterStemmer/) through natural's implementation, cached per
 * distinct word so a corpus pays once per word type, not once per token.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const ASCII_WORD = /^[a-z]+$/;

/**
 * Stems one lower-case word. Only plain ASCII words are stemmed (Porter's rules are for English);
 * words in other scripts or with digits ("gpt-4", "3d") are returned unchanged. A hyphenated
 * word keeps its leading parts whole and stems its last part ("self-supervised" ->
 * "self-supervis"), so "self-supervised" and "self-supervision" meet while "self" does not.
 */
export function stemWord(word: string): string {
  const hyphen = word.lastIndexOf('-');
  if (hyphen >= 0) {
    const head = word.slice(0, hyphen + 1);
    const last = word.slice(hyphen + 1);
    return head + stemWord(last);
  }
  if (word.length < 3 || !ASCII_WORD.test(word)) return word;
  return PorterStemmer.stem(word);
}

/** A memo of stemWord: each distinct word, and each distinct last part of a hyphenated word,
 * is stemmed once. */
export function createStemCache(): (word: string) => string {
  const cache = new Map<string, string>();
  const stemPart = (part: string): string => {
    let stem = cache.get(part);
    if (stem === undefined) {
      stem = stemWord(part);
      cache.set(part, stem);
    }
    return stem;
  };
  return (word: string) => {
    const hyphen = word.lastIndexOf('-');
    return hyphen < 0 ? stemPart(word) : word.slice(0, hyphen + 1) + stemPart(word.slice(hyphen + 1));
  };
}
