/**
 * The items of the co-occurrence maps, paper by paper: the subject terms of the abstracts, the
 * keywords the sources give, institutions and countries of the affiliations.
 */
import type { Paper, ReferenceKeys } from '../corpus/types';
import type { TokenizedCorpus } from '../text/types';
import type { ItemLabels } from './cooccurrence';

/** Item labels and each paper's distinct item ids (parallel to the papers given), with an optional
 * relevance per item that ranks the candidates. */
export interface ItemLists {
  labels: ItemLabels;
  /** Item ids of each document (a paper; for bibliographic coupling, a cited reference). */
  paperItems: Int32Array[];
  rank?: Float64Array;
  /** The papers an item opens, when they are not the documents it occurs in (coupling: the paper itself). */
  papersOfItem?: (item: number) => number[];
}

/** Builds item ids from labels by a key (case-insensitive by default); the label shown is the most
 * frequent spelling (ties: the first seen). */
class ItemIndex {
  private readonly ids = new Map<string, number>();
  /** Each item's first spelling and its count; the other spellings only for the few items that have some. */
  private readonly first: string[] = [];
  private readonly firstCount: number[] = [];
  private readonly others = new Map<number, Map<string, number>>();

  idOf(label: string, key = label.toLowerCase()): number {
    const id = this.ids.get(key);
    if (id === undefined) return this.add(label, key);
    this.count(id, label);
    return id;
  }

  /** A new item for `key` (not in the index yet), spelled `label`. */
  private add(label: string, key: string): number {
    const id = this.first.length;
    this.ids.set(key, id);
    this.first.push(label);
    this.firstCount.push(1);
    return id;
  }

  /** One more use of item `id`, spelled `label`. */
  private count(id: number, label: string): void {
    if (this.first[id] === label) this.firstCount[id]++;
    else {
      let counts = this.others.get(id);
      if (!counts) this.others.set(id, (counts = new Map()));
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }

  /** Each item's most common spelling, the first seen on a tie. */
  labels(): string[] {
    return this.first.map((label, id) => {
      const counts = this.others.get(id);
      if (!counts) return label;
      let best = label;
      let most = this.firstCount[id];
      for (const [other, n] of counts) {
        if (n > most) {
          best = other;
          most = n;
        }
      }
      return best;
    });
  }
}

function distinct(ids: number[]): Int32Array {
  return Int32Array.from(new Set(ids));
}

/**
 * Subject terms of the abstracts: the vocabulary, ranked by how unevenly a term spreads over the
 * topics (the Kullback-Leibler divergence of its papers' topics from the corpus's, as VOSviewer
 * ranks terms by relevance) times the log of its papers, so general words ("results", "method")
 * fall behind the terms that name a subject. `docs` and `paperTopics` are parallel.
 */
export function buildTermItems(corpus: TokenizedCorpus, paperTopics: Int32Array, topicCount: number): ItemLists {
  const { vocab, docs } = corpus;
  const n = vocab.terms.length;
  const paperItems = docs.map((doc) => distinct(Array.from(doc)));
  const overall = new Float64Array(topicCount);
  let modelled = 0;
  for (let p = 0; p < docs.length; p++) {
    if (paperTopics[p] >= 0) {
      overall[paperTopics[p]]++;
      modelled++;
    }
  }
  const byTopic = new Float64Array(n * Math.max(1, topicCount));
  const df = new Float64Array(n);
  paperItems.forEach((items, p) => {
    const t = paperTopics[p];
    if (t < 0) return;
    for (let i = 0; i < items.length; i++) {
      byTopic[items[i] * topicCount + t]++;
      df[items[i]]++;
    }
  });
  const rank = new Float64Array(n);
  for (let term = 0; term < n; term++) {
    if (df[term] === 0) continue;
    let kl = 0;
    for (let t = 0; t < topicCount; t++) {
      const q = byTopic[term * topicCount + t] / df[term];
      if (q > 0) kl += q * Math.log(q / (overall[t] / modelled));
    }
    // Phrases name subjects more often than single words at the same spread.
    rank[term] = kl * Math.log1p(df[term]) * (vocab.isPhrase[term] ? 1.5 : 1);
  }
  return { labels: vocab.display.slice(), paperItems, rank };
}

/** Share of papers that must carry keywords of a kind before a keyword map is drawn. */
export const MIN_KEYWORD_COVERAGE = 0.3;

/**
 * The sources' keywords (the authors' own when enough papers have them, else every kind), or null
 * when too few papers carry keywords for a map.
 */
export function buildKeywordItems(papers: readonly Paper[]): ItemLists | null {
  const covered = (kinds: Set<string>) =>
    papers.filter((p) => p.keywords.some((k) => kinds.has(k.kind))).length / Math.max(1, papers.length);
  const authorOnly = new Set(['author']);
  const kinds =
    covered(authorOnly) >= MIN_KEYWORD_COVERAGE ? authorOnly : new Set(['author', 'indexed', 'mesh', 'concept']);
  if (covered(kinds) < MIN_KEYWORD_COVERAGE) return null;
  const index = new ItemIndex();
  const paperItems = papers.map((p) =>
    distinct(p.keywords.filter((k) => kinds.has(k.kind)).map((k) => index.idOf(k.keyword))),
  );
  return { labels: index.labels(), paperItems };
}

/** Words that mark the organisation in an address, as WoS abbreviates them and others spell them. */
const ORGANISATION =
  /\b(univ\w*|universit\w*|college|inst|institut\w*|school|hosp\w*|clinic\w*|lab|labs|laborator\w*|ctr|cent(?:er|re)|acad\w*|fdn|foundation|council|agcy|agency|minist\w*|natl|national|corp\w*|inc|ltd|gmbh|company|polytech\w*|ecole|hochschule|technion|society|soc|association|assoc|max planck|cnrs|inria|google|microsoft|deepmind|ibm|nvidia|amazon)\b/i;
/** Words that mark a part of an organisation: passed over when a part naming the whole follows. */
const SUBUNIT =
  /\b(dept\w*|department|div|division|fac|faculty|sch|school of|grp|group|unit|sect|section|program\w*|lab of|laboratory of|laboratories of)\b/i;

/**
 * The institution an affiliation address names: the part that names an organisation (`Stanford
 * Univ` in `Stanford Univ, Dept Comp Sci, Stanford, CA 94305 USA`; `University of Oxford` in
 * `Department of Statistics, University of Oxford, Oxford, UK`), else its first part.
 */
export function parseInstitution(address: string): string | null {
  const parts = address
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const named = parts.slice(0, 4).filter((p) => ORGANISATION.test(p) && !SUBUNIT.test(p));
  const pick = named[0] ?? parts.slice(0, 4).find((p) => ORGANISATION.test(p)) ?? parts[0];
  const name = pick.replace(/\s+/g, ' ').replace(/\.$/, '');
  return name.length >= 2 && name.length <= 160 ? name : null;
}

/** Institutions of each paper's affiliations, or null when no paper has affiliations. */
export function buildInstitutionItems(papers: readonly Paper[]): ItemLists | null {
  if (!papers.some((p) => p.affiliations.length > 0)) return null;
  const index = new ItemIndex();
  const paperItems = papers.map((p) => {
    const ids: number[] = [];
    for (const a of p.affiliations) {
      const name = parseInstitution(a.name);
      if (name !== null)
        ids.push(
          index.idOf(
            name,
            name
              .toLowerCase()
              .replace(/[^\p{L}\p{N}]+/gu, ' ')
              .trim(),
          ),
        );
    }
    return distinct(ids);
  });
  return { labels: index.labels(), paperItems };
}

/** Countries of each paper's affiliations, or null when none is known. */
export function buildCountryItems(papers: readonly Paper[]): ItemLists | null {
  if (!papers.some((p) => p.affiliations.some((a) => a.country !== null))) return null;
  const index = new ItemIndex();
  const paperItems = papers.map((p) =>
    distinct(p.affiliations.flatMap((a) => (a.country !== null ? [index.idOf(a.country)] : []))),
  );
  return { labels: index.labels(), paperItems };
}

const OPENALEX_WORK = /^https?:\/\/openalex\.org\/(W\d+)$/i;
/** A WoS `CR` line's first author and year (`KAMADA T, 1989, …`). */
const WOS_AUTHOR_YEAR = /^([^\s,()]+)[^,()]{0,60}, (\d{4})(?:,|$)/;

/** A reference's label as VOSviewer writes it on a co-citation map, first author and year
 * (`Clegg 2002`), from its parts key or a WoS line; `OpenAlex W123` for a bare W-id; else the
 * text as the sources wrote it, cut short. */
export function shortReference(ref: { raw: string; partsKey: string | null }): string {
  if (ref.partsKey) {
    const [surname, year] = ref.partsKey.split('|');
    if (surname && /^\d{4}$/.test(year ?? '')) return `${surname[0].toUpperCase()}${surname.slice(1)} ${year}`;
  }
  const openalex = OPENALEX_WORK.exec(ref.raw);
  if (openalex) return `OpenAlex ${openalex[1].toUpperCase()}`;
  const wos = WOS_AUTHOR_YEAR.exec(ref.raw);
  if (wos) return `${wos[1][0].toUpperCase()}${wos[1].slice(1).toLowerCase()} ${wos[2]}`;
  const text = ref.raw.replace(/\s+/g, ' ').trim();
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/**
 * Co-citation (VOSviewer's and CiteSpace's map of a field's foundations): the items are cited
 * references (grouped by normalized key: the key ids of `referenceKeys`, built over `papers`), and
 * two are linked when the same papers cite both. Each item is labelled by the most common of its
 * references' short forms (ties: the first met), and only the items a map draws are labelled: at
 * scale that is a few hundred of millions of keys. Null when no paper lists references.
 */
export function buildCocitationItems(papers: readonly Paper[], referenceKeys: ReferenceKeys): ItemLists | null {
  if (!papers.some((p) => p.references.length > 0)) return null;
  const { keys, start, ids } = referenceKeys;
  const stamp = new Int32Array(keys.length).fill(-1);
  // Each paper's items are a view of one buffer (a million arrays with buffers of their own weigh on
  // the garbage collector).
  const all = new Int32Array(ids.length);
  let filled = 0;
  const paperItems = papers.map((_, p) => {
    const from = filled;
    for (let at = start[p]; at < start[p + 1]; at++) {
      const id = ids[at];
      if (id < 0 || stamp[id] === p) continue;
      stamp[id] = p;
      all[filled++] = id;
    }
    return all.subarray(from, filled);
  });
  return {
    labels: { count: keys.length, labelItems: (drawn) => labelCitedReferences(papers, referenceKeys, drawn) },
    paperItems,
  };
}

/** The short forms (shortReference) of the key ids `drawn`: each the most common over the
 * references with that key, ties to the first met. */
function labelCitedReferences(papers: readonly Paper[], referenceKeys: ReferenceKeys, drawn: readonly number[]) {
  const { keys, start, ids } = referenceKeys;
  const slot = new Int32Array(keys.length).fill(-1);
  drawn.forEach((id, i) => (slot[id] = i));
  // Per drawn item, its spellings in the order first met; a reference written as the one before it
  // of its key gets that one's label without reading it again.
  const spellings = drawn.map(() => new Map<string, number>());
  const lastRaw: (string | null)[] = drawn.map(() => null);
  const lastParts: (string | null)[] = drawn.map(() => null);
  const lastLabel: string[] = drawn.map(() => '');
  papers.forEach((paper, p) => {
    for (let k = 0, at = start[p]; k < paper.references.length; k++, at++) {
      const i = ids[at] >= 0 ? slot[ids[at]] : -1;
      if (i < 0) continue;
      const r = paper.references[k];
      if (lastRaw[i] !== r.raw || lastParts[i] !== r.partsKey) {
        lastRaw[i] = r.raw;
        lastParts[i] = r.partsKey;
        lastLabel[i] = shortReference(r);
      }
      spellings[i].set(lastLabel[i], (spellings[i].get(lastLabel[i]) ?? 0) + 1);
    }
  });
  return spellings.map((counts) => {
    let best = '';
    let most = 0;
    for (const [label, n] of counts) {
      if (n > most) {
        best = label;
        most = n;
      }
    }
    return best;
  });
}

/**
 * References cited by more than this share of the papers (and by more than
 * MAX_COUPLING_REFERENCE_PAPERS) are left out of the co-citation map, as CiteSpace's and
 * VOSviewer's thresholds leave out what is cited with everything: on a million papers with
 * Zipf-like citations the most cited references are each in a tenth of the reference lists or more.
 */
export const MAX_COCITATION_REFERENCE_SHARE = 0.02;

/** The most papers a reference of the co-citation map is cited by, in a corpus of `papers`. */
export function maxCocitationPapers(papers: number): number {
  return Math.max(MAX_COUPLING_REFERENCE_PAPERS, Math.floor(MAX_COCITATION_REFERENCE_SHARE * papers));
}

/** References cited by more papers than this add no coupling: a reference every paper cites (a
 * field's textbook) says nothing about which papers go together, and its pairs would swamp the map. */
export const MAX_COUPLING_REFERENCE_PAPERS = 500;

/**
 * Bibliographic coupling: the items are the corpus papers, and two are linked by the references
 * they share (by key id, `referenceKeys` built over `papers`); the documents are the references,
 * each listing the papers that cite it. An item opens its own paper. Null when no paper lists
 * references.
 */
export function buildCouplingItems(papers: readonly Paper[], referenceKeys: ReferenceKeys): ItemLists | null {
  if (!papers.some((p) => p.references.length > 0)) return null;
  const { keys, start, ids } = referenceKeys;
  // Key id → its citing papers (distinct, ascending) in a CSR.
  const stamp = new Int32Array(keys.length).fill(-1);
  const citing = new Int32Array(keys.length + 1);
  for (let p = 0; p < papers.length; p++) {
    for (let at = start[p]; at < start[p + 1]; at++) {
      const id = ids[at];
      if (id < 0 || stamp[id] === p) continue;
      stamp[id] = p;
      citing[id + 1]++;
    }
  }
  for (let id = 0; id < keys.length; id++) citing[id + 1] += citing[id];
  const fill = citing.slice(0, keys.length);
  const citingPapers = new Int32Array(citing[keys.length]);
  stamp.fill(-1);
  for (let p = 0; p < papers.length; p++) {
    for (let at = start[p]; at < start[p + 1]; at++) {
      const id = ids[at];
      if (id < 0 || stamp[id] === p) continue;
      stamp[id] = p;
      citingPapers[fill[id]++] = p;
    }
  }
  const paperItems: Int32Array[] = [];
  for (let id = 0; id < keys.length; id++) {
    const count = citing[id + 1] - citing[id];
    if (count >= 2 && count <= MAX_COUPLING_REFERENCE_PAPERS)
      paperItems.push(citingPapers.subarray(citing[id], citing[id + 1]));
  }
  const labels = papers.map((p) => (p.title.length > 80 ? `${p.title.slice(0, 79)}…` : p.title));
  return { labels, paperItems, papersOfItem: (item) => [item] };
}
