/**
 * Resolving cited references to the corpus papers they point to: by DOI, by a paper identifier
 * (OpenAlex W-id, S2 paperId, PMID, WoS UT, …), by first author's surname + year + volume + first
 * page (as WoS writes its `CR` lines), or by title when the reference gives one.
 */
import { referencePartsKey } from './bib-fields';
import { MIN_REFERENCE_TITLE_KEY } from './normalize-record';
import { matchKey } from './normalize-text';
import type { Paper, PaperReference, ReferenceKeys } from './types';

/** Per paper, per reference (same order as `paper.references`): the cited paper's index, or -1. */
export interface ReferenceTargets {
  targets: Int32Array[];
  /** The references' keys as numbers (buildReferenceKeys), for the stages after resolution. */
  keys: ReferenceKeys;
  /** References in all. */
  references: number;
  /** References that resolved to a corpus paper (a paper citing itself does not count). */
  resolved: number;
}

/** A paper as far as its reference keys go (the corpus's `Paper` fits). */
export interface KeyedPaper {
  references: readonly { key: string | null }[];
}

/** Key ids by their text, numbered in the order first met. */
class KeyIndex {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `key`, a new one when first met; -1 for none. */
  idOf(key: string | null): number {
    if (key === null) return -1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** Where each paper's references start in one flat list of all of them (`n + 1` offsets). */
function referenceStarts(papers: readonly KeyedPaper[]): Int32Array {
  const start = new Int32Array(papers.length + 1);
  for (let p = 0; p < papers.length; p++) start[p + 1] = start[p] + papers[p].references.length;
  return start;
}

/**
 * Interns every reference's key: the distinct keys in the order first met, and each reference's
 * key id. One lookup by text per reference, once, instead of one in each stage that groups
 * references by key (buildReferenceTargets does the same while it resolves).
 */
export function buildReferenceKeys(papers: readonly KeyedPaper[]): ReferenceKeys {
  const start = referenceStarts(papers);
  const ids = new Int32Array(start[papers.length]);
  const index = new KeyIndex();
  let at = 0;
  for (const paper of papers) for (const r of paper.references) ids[at++] = index.idOf(r.key);
  return { keys: index.keys, start, ids };
}

/** Which lookup resolution tries first for a reference, when that lookup is of its key. */
const FIRST_NONE = 0;
const FIRST_DOI = 1;
const FIRST_ID = 2;
const FIRST_PARTS = 3;

/**
 * The first lookup resolution makes for `r` (its DOI, else its first identifier, else its parts
 * key) when that lookup is of `key`, its key; else FIRST_NONE. Ingestion keys every reference by
 * referenceKey, from those same parts in that order, so this reads which parts the reference
 * has and never its text (tens of millions of references, each a few reads from memory). An
 * identifier whose value is empty gives no key of its own: the parts key, or none, is the key then.
 */
function keyFirstTry(r: PaperReference, key: string): number {
  if (r.doi !== null) return FIRST_DOI;
  if (r.ids.length > 0) return key !== r.partsKey ? FIRST_ID : FIRST_NONE;
  return key === r.partsKey ? FIRST_PARTS : FIRST_NONE;
}

/** The surname of a paper's first author in `Surname, Given` form (display names are `Given Surname`). */
function firstAuthorInverted(p: Paper): string | null {
  const first = p.authors[0]?.name;
  if (first === undefined) return null;
  const space = first.lastIndexOf(' ');
  return `${space < 0 ? first : first.slice(space + 1)}, x`;
}

/**
 * Resolves every reference of every paper, and interns their keys (buildReferenceKeys) in the same
 * pass. A reference's key must be referenceKey of its DOI, identifiers and parts key, as
 * ingestion makes it: a key's lookup among the corpus papers is made once and stands for the first
 * lookup of every reference with that key. Pure; same papers → same targets.
 */
export function buildReferenceTargets(papers: readonly Paper[]): ReferenceTargets {
  const byKey = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (key: string, at: number): void => {
    const had = byKey.get(key);
    if (had === undefined) byKey.set(key, at);
    else if (had !== at) ambiguous.add(key);
  };
  const start = referenceStarts(papers);
  const ids = new Int32Array(start[papers.length]);
  const index = new KeyIndex();
  // Papers without references share one empty array (one each is 150 bytes a paper for nothing).
  const none = new Int32Array(0);
  if (ids.length === 0)
    return { targets: papers.map(() => none), keys: { keys: [], start, ids }, references: 0, resolved: 0 };
  papers.forEach((p, at) => {
    if (p.doi !== null) add(`doi:${p.doi}`, at);
    for (const id of p.ids) add(`${id.scheme}:${id.value.toLowerCase()}`, at);
    if (p.volume !== null || p.firstPage !== null) {
      const key = referencePartsKey({
        firstAuthor: firstAuthorInverted(p),
        year: p.year,
        volume: p.volume,
        page: p.firstPage,
      });
      if (key !== null) add(key, at);
    }
    if (!p.titleDerived) {
      const t = matchKey(p.title);
      if (t.length >= MIN_REFERENCE_TITLE_KEY) add(`title:${t}`, at);
    }
  });
  const lookup = (key: string): number => {
    if (ambiguous.has(key)) return -1;
    return byKey.get(key) ?? -1;
  };
  // Tries in order: the DOI, each identifier, the author-year-volume-page key, the title; the
  // first is skipped when it was the key's lookup (`first`), and made here otherwise (FIRST_NONE).
  const resolve = (r: PaperReference, first: number): number => {
    let hit = first === FIRST_NONE && r.doi !== null ? lookup(`doi:${r.doi}`) : -1;
    const fromId = first === FIRST_ID ? 1 : first === FIRST_PARTS ? r.ids.length : 0;
    for (let k = fromId; hit < 0 && k < r.ids.length; k++)
      hit = lookup(`${r.ids[k].scheme}:${r.ids[k].value.toLowerCase()}`);
    // A reference's DOI may be one the corpus record lacks: its author, year, volume and page still match.
    if (hit < 0 && first !== FIRST_PARTS && r.partsKey !== null) hit = lookup(r.partsKey);
    if (hit < 0 && r.titleKey !== null) hit = lookup(`title:${r.titleKey}`);
    return hit;
  };
  // Each distinct key's own lookup, made when first needed (-2: not yet). The keys are interned in
  // the same pass: tens of millions of references at scale, each read once.
  const keyTarget: number[] = [];
  let resolved = 0;
  // One buffer for every paper's targets, each paper a view of it (a million small arrays, each
  // with a buffer of its own, weigh on the garbage collector).
  const all = new Int32Array(ids.length).fill(-1);
  const targets = papers.map((p, at) => {
    if (p.references.length === 0) return none;
    const from = start[at];
    const out = all.subarray(from, from + p.references.length);
    p.references.forEach((r, i) => {
      const id = index.idOf(r.key);
      ids[from + i] = id;
      if (id === keyTarget.length) keyTarget.push(-2);
      const first = id >= 0 ? keyFirstTry(r, index.keys[id]) : FIRST_NONE;
      let hit: number;
      if (first === FIRST_NONE) hit = resolve(r, FIRST_NONE);
      else {
        hit = keyTarget[id];
        if (hit === -2) hit = keyTarget[id] = lookup(index.keys[id]);
        if (hit < 0) hit = resolve(r, first);
      }
      if (hit >= 0 && hit !== at) {
        out[i] = hit;
        resolved++;
      }
    });
    return out;
  });
  return { targets, keys: { keys: index.keys, start, ids }, references: ids.length, resolved };
}
