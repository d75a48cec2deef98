/**
 * Porter stemming (M. F. Porter, "An algorithm for suffix stripping", 1980,
 * https://tartarus.org/martin/PorterStemmer/) through natural's implementation, cached per
 * distinct word so a corpus pays once per word type, not once per token.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const ASCII_WORD = /^[a-z]+$/;

/**
 * Word families Porter merges although they mean different things in research writing, each
 * given its own stem: "generation", "generalization", "general" and "generic" all become
 * "gener" (half the arXiv abstracts), "experiment" and "experience" become "experi",
 * "communication" and "community" "commun", "position" and "positive" "posit". Checked in order,
 * on the whole lower-case word; everything else goes to Porter unchanged.
 */
const FAMILIES: readonly [RegExp, string][] = [
  [/^generali[sz]/, 'generaliz'],
  [/^generat/, 'generat'],
  [/^general(ly|s)?$/, 'general'],
  [/^generic(ally|s)?$/, 'generic'],
  [/^experien/, 'experienc'],
  [/^experiment/, 'experiment'],
  [/^activation/, 'activat'],
  [/^communicat/, 'communic'],
  [/^communit/, 'communiti'],
  [/^universit/, 'universiti'],
  [/^organi[sz]/, 'organiz'],
  [/^positiv/, 'positiv'],
  [/^position/, 'position'],
  [/^operator/, 'operator'],
  [/^locali[sz]/, 'localiz'],
  [/^meaning/, 'meaning'],
];

/** The plain Porter stem of a lower-case ASCII word (no family rules). */
export function porterStem(word: string): string {
  return PorterStemmer.stem(word);
}

/**
 * Stems one lower-case word: Porter, except for the FAMILIES it would wrongly merge. Only plain
 * ASCII words are stemmed (Porter's rules are for English);
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
  for (const [family, stem] of FAMILIES) if (family.test(word)) return stem;
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
