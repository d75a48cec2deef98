import type { Paper } from '../corpus/types';

/** Authors as dense ids, in order of first appearance. Identity is an author identifier where the
 * sources give one (see {@link buildIdentityKeys}), else `AuthorName.key`. */
export interface AuthorIndex {
  /** Identity key per author: `orcid:…`, `scopus:…`, … for identified authors, else the name key. */
  keys: string[];
  /** Identifiers per author (`scheme:value`, sorted); empty for authors known by name only. */
  identifiers: string[][];
  /** Most frequent spelling per key (ties: the first seen). */
  names: string[];
  /** Author ids per paper, in the paper's order; a key listed twice on a paper counts once. */
  paperAuthors: Int32Array[];
}

/** Scheme order for an identified author's key: the most widely shared identifier first. */
const SCHEME_RANK: Readonly<Record<string, number>> = { orcid: 0, scopus: 1, openalex: 2, s2: 3, researcherid: 4 };

/**
 * The identity key of every author listing, for corpora whose sources give author identifiers:
 * listings that share an identifier are one person (one person spelled two ways is one author);
 * a name with identifiers in one scheme that differ stays several people (two "Wang, J." with
 * different Scopus ids). A listing without identifiers joins the identified person of its name
 * when exactly one such person has that name, and stays a name otherwise. Returns null when no
 * listing has an identifier (then identity is the name key).
 */
export function buildIdentityKeys(papers: readonly Paper[]): Map<string, string>[] | null {
  // Union-find over identifiers (`scheme:value`).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let at = x;
    while (at !== root) {
      const next = parent.get(at) as string;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  let any = false;
  for (const p of papers) {
    for (const a of p.authors) {
      if (a.ids === undefined || a.ids.length === 0) continue;
      any = true;
      let first: string | null = null;
      for (const id of a.ids) {
        const k = `${id.scheme}:${id.value.toLowerCase()}`;
        if (!parent.has(k)) parent.set(k, k);
        if (first === null) first = find(k);
        else {
          const r = find(k);
          if (r !== first) parent.set(r, first);
        }
      }
    }
  }
  if (!any) return null;
  // Per person (union-find root): its identifiers by scheme, and its name keys.
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    const list = members.get(r);
    if (list === undefined) members.set(r, [k]);
    else list.push(k);
  }
  const personKey = new Map<string, string>();
  for (const [root, ids] of members) {
    ids.sort(
      (a, b) =>
        (SCHEME_RANK[a.slice(0, a.indexOf(':'))] ?? 9) - (SCHEME_RANK[b.slice(0, b.indexOf(':'))] ?? 9) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
    personKey.set(root, ids[0]);
  }
  const peopleByName = new Map<string, Set<string>>();
  for (const p of papers) {
    for (const a of p.authors) {
      if (a.ids === undefined || a.ids.length === 0) continue;
      const person = personKey.get(find(`${a.ids[0].scheme}:${a.ids[0].value.toLowerCase()}`)) as string;
      let set = peopleByName.get(a.key);
      if (set === undefined) peopleByName.set(a.key, (set = new Set()));
      set.add(person);
    }
  }
  return papers.map((p) => {
    const out = new Map<string, string>();
    for (const a of p.authors) {
      if (a.ids !== undefined && a.ids.length > 0) {
        out.set(a.key, personKey.get(find(`${a.ids[0].scheme}:${a.ids[0].value.toLowerCase()}`)) as string);
      } else {
        const people = peopleByName.get(a.key);
        if (people !== undefined && people.size === 1) out.set(a.key, people.values().next().value as string);
      }
    }
    return out;
  });
}

/** Assigns author ids 0..n-1 by first appearance over `papers` and picks each display name. */
export function buildAuthorIndex(papers: readonly Paper[]): AuthorIndex {
  const identities = buildIdentityKeys(papers);
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const identifiers: string[][] = [];
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
    const identity = identities?.[p];
    for (const author of listed) {
      const key = identity?.get(author.key) ?? author.key;
      let id = idOf.get(key);
      if (id === undefined) {
        id = keys.length;
        idOf.set(key, id);
        keys.push(key);
        identifiers.push([]);
        names.push(author.name);
        appearances.push(0);
        lastPaper.push(-1);
      }
      // Ingestion lists each identity once, but a repeat would double-count pairs: drop it.
      if (author.ids !== undefined) {
        for (const i of author.ids) {
          const k = `${i.scheme}:${i.value}`;
          if (!identifiers[id].includes(k)) identifiers[id].push(k);
        }
      }
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
  for (const list of identifiers) if (list.length > 1) list.sort();
  return { keys, identifiers, names, paperAuthors };
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
