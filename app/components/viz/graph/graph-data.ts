/**
 * The graph page's data, through the shared client data module: the layout a co-author view draws,
 * an author's ego network, the authors whose names match what was typed, and the papers of a
 * co-occurrence map's item.
 */
import type { CooccurrenceMapKind, EgoNetwork, GraphAuthor, GraphLayout } from '@/lib/store/read/graph';
import { fetchJson, useJson, type Fetched } from '../fetch-json';

/** What `/api/graph/items` answers: an item of a co-occurrence map and its papers, most cited first. */
export interface ItemPapers {
  item: { id: number; label: string; papers: number };
  papers: { id: number; title: string; year: number | null; authors: string; citedBy: number | null }[];
}

/** The layout for a layout query (formatLayoutQuery); null asks for none. */
export function useGraphLayout(query: string | null): Fetched<GraphLayout> {
  return useJson<GraphLayout>(query === null ? null : `/api/graph/layout?${query}`);
}

/** An author's co-authors and the links among them; null asks for none. */
export function useEgoNetwork(author: number | null): Fetched<EgoNetwork> {
  return useJson<EgoNetwork>(author === null ? null : `/api/graph/ego?author=${author}`);
}

/** The papers of a co-occurrence map's item; null asks for none. */
export function useItemPapers(kind: CooccurrenceMapKind, item: number | null): Fetched<ItemPapers> {
  return useJson<ItemPapers>(item === null ? null : `/api/graph/items?map=${kind}&item=${item}`);
}

/** The authors whose names contain `query`, for the author search. */
export async function fetchAuthorOptions(query: string, signal: AbortSignal): Promise<GraphAuthor[]> {
  return (await fetchJson<{ authors: GraphAuthor[] }>(`/api/authors?q=${encodeURIComponent(query)}`, { signal }))
    .authors;
}
