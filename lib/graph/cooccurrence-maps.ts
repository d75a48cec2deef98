/**
 * The co-occurrence maps of a build: subject terms always; the sources' keywords, institutions and
 * countries when the corpus carries them. Each map keeps, per drawn item, its papers (the most cited
 * first, at most `PAPERS_PER_ITEM`), so the dashboard can open an item's papers.
 */
import type { Paper, ReferenceKeys } from '../corpus/types';
import type { TokenizedCorpus } from '../text/types';
import { deriveSeed } from '../random';
import {
  buildCooccurrenceMap,
  DEFAULT_COOCCURRENCE_OPTIONS,
  type CooccurrenceKind,
  type CooccurrenceMap,
} from './cooccurrence';
import {
  buildCocitationItems,
  buildCountryItems,
  buildCouplingItems,
  buildInstitutionItems,
  buildKeywordItems,
  buildTermItems,
  maxCocitationPapers,
  type ItemLists,
} from './cooccurrence-items';

/** Papers kept per drawn item for its list on the dashboard. */
export const PAPERS_PER_ITEM = 200;

export interface BuiltCooccurrenceMap {
  map: CooccurrenceMap;
  /** For each drawn item (parallel to `map.items`), the store ids of its papers, most cited first. */
  itemPapers: number[][];
}

/** Options per kind: how many items a map draws and how many papers an item needs. */
export const COOCCURRENCE_LIMITS: Record<CooccurrenceKind, { maxItems: number; minPapers: number }> = {
  terms: { maxItems: 300, minPapers: 5 },
  keywords: { maxItems: 300, minPapers: 2 },
  institutions: { maxItems: 250, minPapers: 2 },
  countries: { maxItems: 120, minPapers: 1 },
  cocitation: { maxItems: 300, minPapers: 2 },
  coupling: { maxItems: 300, minPapers: 2 },
};

/**
 * Builds every map the corpus allows. `referenceKeys` are the key ids of the references of
 * `papers`; `modelPapers[i]` is the paper of `corpus.docs[i]` and `modelTopics[i]` its topic.
 */
export function buildCooccurrenceMaps(
  papers: readonly Paper[],
  referenceKeys: ReferenceKeys,
  modelPapers: readonly Paper[],
  corpus: TokenizedCorpus,
  modelTopics: Int32Array,
  topicCount: number,
  seed: number,
): BuiltCooccurrenceMap[] {
  const sources: [CooccurrenceKind, ItemLists | null, readonly Paper[]][] = [
    ['terms', buildTermItems(corpus, modelTopics, topicCount), modelPapers],
    ['keywords', buildKeywordItems(papers), papers],
    ['institutions', buildInstitutionItems(papers), papers],
    ['countries', buildCountryItems(papers), papers],
    ['cocitation', buildCocitationItems(papers, referenceKeys), papers],
    ['coupling', buildCouplingItems(papers, referenceKeys), papers],
  ];
  const out: BuiltCooccurrenceMap[] = [];
  for (const [kind, lists, owners] of sources) {
    if (lists === null) continue;
    const map = buildCooccurrenceMap(
      kind,
      lists.labels,
      lists.paperItems,
      {
        ...DEFAULT_COOCCURRENCE_OPTIONS,
        ...COOCCURRENCE_LIMITS[kind],
        ...(kind === 'cocitation' ? { maxPapers: maxCocitationPapers(papers.length) } : {}),
        seed: deriveSeed(seed, `cooccurrence ${kind}`),
      },
      lists.rank,
    );
    if (map.items.length < 2) continue;
    const position = new Map(map.items.map((item, i) => [item.item, i]));
    const papersOfItem = lists.papersOfItem;
    const itemPapers: number[][] = papersOfItem
      ? map.items.map((item) => papersOfItem(item.item))
      : map.items.map(() => []);
    if (!papersOfItem) {
      lists.paperItems.forEach((items, p) => {
        for (let i = 0; i < items.length; i++) {
          const at = position.get(items[i]);
          if (at !== undefined) itemPapers[at].push(p);
        }
      });
    }
    const cited = (p: number) => owners[p].citedBy ?? -1;
    out.push({
      map,
      itemPapers: itemPapers.map((list) =>
        list
          .sort((a, b) => cited(b) - cited(a) || (owners[b].year ?? 0) - (owners[a].year ?? 0) || a - b)
          .slice(0, PAPERS_PER_ITEM)
          .map((p) => owners[p].id),
      ),
    });
  }
  return out;
}
