import type { Paper } from '../corpus/types';

/** Authors as dense ids: identity = `AuthorName.key`, ids in order of first appearance. */
export interface AuthorIndex {
  keys: string[];
  /** Most frequent spelling per key (ties: the first seen). */
  names: string[];
  /** Author ids per paper, in the paper's order; a key listed twice on a paper counts once. */
  paperAuthors: Int32Array[];
}

/** Assigns author ids 0..n-1 by first appearance over `papers` and picks each display name. */
export function buildAuthorIndex(papers: readonly Paper[]): AuthorIndex {
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const names: string[] = [];
  const appearances: number[] = [];
  /** Per author, the last paper that listed them: a repeat on the same paper is seen in O(1). */
  const lastPaper: number[] = [];
  // Spellings other than the first, per author: most authors have one, so no map per author.
  const otherSpellings = new Map<number, Map<string, number>>();
  const paperAuthors: Int32Array[] = new Array(papers.length);
  for (let p = 0; p < papers.length; p++) {
    const listed = papers[p].authors;
    const ids = new Int32Array(listed.length);
    let count = 0;
    for (const author of listed) {
      let id = idOf.get(author.key);
      if (id === undefined) {
        id = keys.length;
        idOf.set(author.key, id);
        keys.push(author.key);
        names.push(author.name);
        appearances.push(0);
        lastPaper.push(-1);
      }
      // Ingestion lists each identity once, but a repeat would double-count pairs: drop it.
      if (lastPaper[id] === p) continue;
      lastPaper[id] = p;
      ids[count++] = id;
      appearances[id]++;
      if (author.name !== names[id]) {
        let spellings = otherSpellings.get(id);
        if (!spellings) otherSpellings.set(id, (spellings = new Map()));
        spellings.set(author.name, (spellings.get(author.name) ?? 0) + 1);
      }
    }
    paperAuthors[p] = count === ids.length ? ids : ids.slice(0, count);
  }
  for (const [id, spellings] of otherSpellings) {
    let best = names[id];
    let bestCount = appearances[id];
    for (const count of spellings.values()) bestCount -= count;
    // Map order is first-seen order, so a strict > keeps the earliest spelling on ties.
    for (const [name, count] of spellings) {
      if (count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    names[id] = best;
  }
  return { keys, names, paperAuthors };
}

// The co-author graph and the store's writer both need the index of one corpus: build it once.
const indexes = new WeakMap<readonly Paper[], AuthorIndex>();

/** {@link buildAuthorIndex} of `papers`, built once per array: every consumer of a corpus's
 * author ids (the graph, the build's authors table) gets the same numbering. */
export function getAuthorIndex(papers: readonly Paper[]): AuthorIndex {
  let index = indexes.get(papers);
  if (index === undefined) {
    index = buildAuthorIndex(papers);
    indexes.set(papers, index);
  }
  return index;
}
