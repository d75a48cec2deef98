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
export function buildAuthorIndex(papers: Paper[]): AuthorIndex {
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const spellings: Map<string, number>[] = [];
  const paperAuthors: Int32Array[] = new Array(papers.length);
  for (let p = 0; p < papers.length; p++) {
    const listed = papers[p].authors;
    const ids: number[] = [];
    for (const author of listed) {
      let id = idOf.get(author.key);
      if (id === undefined) {
        id = keys.length;
        idOf.set(author.key, id);
        keys.push(author.key);
        spellings.push(new Map());
      }
      // Ingestion lists each identity once, but a repeat would double-count pairs: drop it.
      if (ids.includes(id)) continue;
      ids.push(id);
      const counts = spellings[id];
      counts.set(author.name, (counts.get(author.name) ?? 0) + 1);
    }
    paperAuthors[p] = Int32Array.from(ids);
  }
  const names = spellings.map((counts) => {
    let best = '';
    let bestCount = 0;
    // Map iteration is insertion order, so a strict > keeps the first-seen spelling on ties.
    for (const [name, count] of counts) {
      if (count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    return best;
  });
  return { keys, names, paperAuthors };
}
