/**
 * Keywords as trend terms: the keywords sources give (author keywords, index terms, MeSH, concepts)
 * join the vocabulary for the trends stage, so a keyword is compared over time, ranked among the
 * rising and bursting terms and related to other terms like any word or phrase of the abstracts.
 * A keyword that the abstracts already have as a term (same display, any case) is left to that term;
 * indexers' check tags ("Humans", "priority journal") and keywords of more than a quarter of the
 * papers are left out.
 */
import type { Paper } from '../corpus/types';
import type { TokenizedCorpus } from '../text/types';

/** The trends corpus: the text vocabulary followed by keyword terms, and each paper's tokens with its keywords' ids. */
export interface KeywordTerms {
  corpus: TokenizedCorpus;
  /** Id of the first keyword term (= size of the text vocabulary); ids from here on are keywords. */
  firstKeyword: number;
}

/** Papers a keyword needs to become a term. */
const MIN_KEYWORD_PAPERS = 2;

/** A keyword in more than this share of the papers says nothing about any of them (an indexer's
 * tag on every record of an export), and is no trend term. */
const MAX_KEYWORD_SHARE = 0.25;
const MIN_PAPERS_FOR_SHARE = 40;

/**
 * Indexers' check tags: MeSH's (Humans, Male, Female, Animals, age groups) and Emtree's (article,
 * priority journal, controlled study, …) tag nearly every record of a database by who or what was
 * studied or what kind of document it is, not by its subject. On a Scopus export they top the
 * bursts ("priority journal", "Humans", "article"); they stay on the paper page, not in trends.
 */
const CHECK_TAGS = new Set([
  'human',
  'humans',
  'male',
  'female',
  'animal',
  'animals',
  'adult',
  'aged',
  'aged, 80 and over',
  'middle aged',
  'young adult',
  'adolescent',
  'child',
  'child, preschool',
  'infant',
  'infant, newborn',
  'mice',
  'mouse',
  'rats',
  'rat',
  'pregnancy',
  'article',
  'review',
  'priority journal',
  'controlled study',
  'major clinical study',
  'clinical article',
  'nonhuman',
  'human tissue',
  'human cell',
  'animal experiment',
  'animal model',
  'animal tissue',
  'procedures',
  'journal article',
  "research support, non-u.s. gov't",
  "research support, u.s. gov't, p.h.s.",
  "research support, u.s. gov't, non-p.h.s.",
  'comparative study',
  'retrospective study',
  'prospective study',
  'cohort analysis',
  'follow up',
  'questionnaire',
]);

/**
 * Adds the papers' keywords (in at least `MIN_KEYWORD_PAPERS` papers, compared in lower case) to
 * `corpus` as terms: key `keyword:<lower case>`, display the most frequent spelling, a phrase when
 * it has several words. `papers[i]` must be the paper of `corpus.docs[i]`. Pure; the input corpus
 * is not changed, and documents without keywords share their arrays with it.
 */
export function buildKeywordTerms(papers: readonly Paper[], corpus: TokenizedCorpus): KeywordTerms {
  const { vocab } = corpus;
  const firstKeyword = vocab.terms.length;
  const known = new Set<string>();
  for (const d of vocab.display) known.add(d.toLowerCase());
  // Per keyword (lower case): papers, and spellings with their counts (Map order = first seen).
  const counts = new Map<string, { papers: number; spellings: Map<string, number> }>();
  const perPaper: string[][] = new Array(papers.length);
  for (let i = 0; i < papers.length; i++) {
    const keys: string[] = [];
    for (const k of papers[i].keywords) {
      const key = k.keyword.toLowerCase();
      if (known.has(key) || keys.includes(key)) continue;
      keys.push(key);
      let entry = counts.get(key);
      if (entry === undefined) counts.set(key, (entry = { papers: 0, spellings: new Map() }));
      entry.papers++;
      entry.spellings.set(k.keyword, (entry.spellings.get(k.keyword) ?? 0) + 1);
    }
    perPaper[i] = keys;
  }
  // The share says little on a handful of papers: there every keyword of two or more papers counts.
  const maxPapers =
    papers.length >= MIN_PAPERS_FOR_SHARE ? Math.floor(MAX_KEYWORD_SHARE * papers.length) : papers.length;
  const kept = [...counts.entries()]
    .filter(([key, e]) => e.papers >= MIN_KEYWORD_PAPERS && e.papers <= maxPapers && !CHECK_TAGS.has(key))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (kept.length === 0) return { corpus, firstKeyword };
  const idOf = new Map<string, number>();
  const terms = vocab.terms.slice();
  const display = vocab.display.slice();
  const isPhrase = new Uint8Array(firstKeyword + kept.length);
  isPhrase.set(vocab.isPhrase);
  const df = new Int32Array(firstKeyword + kept.length);
  df.set(vocab.df);
  kept.forEach(([key, e], k) => {
    const id = firstKeyword + k;
    idOf.set(key, id);
    let best = '';
    let bestCount = 0;
    for (const [spelling, n] of e.spellings) {
      if (n > bestCount) {
        best = spelling;
        bestCount = n;
      }
    }
    terms.push(`keyword:${key}`);
    display.push(best);
    isPhrase[id] = /\s/.test(key) ? 1 : 0;
    df[id] = e.papers;
  });
  const docs = corpus.docs.map((doc, i) => {
    let extra = 0;
    for (const key of perPaper[i]) if (idOf.has(key)) extra++;
    if (extra === 0) return doc;
    const out = new Int32Array(doc.length + extra);
    out.set(doc);
    let at = doc.length;
    for (const key of perPaper[i]) {
      const id = idOf.get(key);
      if (id !== undefined) out[at++] = id;
    }
    return out;
  });
  return { corpus: { vocab: { terms, display, isPhrase, df }, docs }, firstKeyword };
}
