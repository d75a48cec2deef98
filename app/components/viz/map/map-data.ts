/**
 * The map's data, through the shared client data module: the binary point payload, the card of the
 * paper under the pointer, and the cards of a selection.
 */
import type { MapPaperCard } from '@/lib/store/read/map';
import { CARDS_GET_MAX, formatCardsUrl, SELECTION_LIST } from '@/lib/viz/map-selection';
import { decodeMapPoints, type MapPointColumns } from '@/lib/viz/point-payload';
import { fetchArrayBuffer, fetchJson, useFetched, useJson, useLastDefined, type Fetched } from '../fetch-json';

const POINTS_URL = '/api/map/points';
const NO_CARDS: MapPaperCard[] = [];

/**
 * The payload, gzipped on the wire and inflated by the browser's DecompressionStream where it has
 * one (every current browser), else as it is.
 */
async function readMapPoints(url: string): Promise<MapPointColumns> {
  if (typeof DecompressionStream === 'undefined') return decodeMapPoints(await fetchArrayBuffer(url));
  const response = await fetch(`${url}?encoding=gzip`);
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? response.statusText);
  }
  const inflated = new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
  return decodeMapPoints(await inflated.arrayBuffer());
}

/** The cards of some papers, in the order asked; a long list goes in a POST body. */
export async function fetchMapCards(ids: readonly number[]): Promise<MapPaperCard[]> {
  if (ids.length === 0) return [];
  const init: RequestInit | undefined =
    ids.length <= CARDS_GET_MAX
      ? undefined
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) };
  const url = init ? '/api/map/papers' : formatCardsUrl(ids);
  return (await fetchJson<{ papers: MapPaperCard[] }>(url, init)).papers;
}

/** Every paper's position, topic, year, source and flags, decoded. */
export function useMapPoints(): Fetched<MapPointColumns> {
  return useFetched(POINTS_URL, readMapPoints);
}

/** The card of the paper under the pointer, fetched once the pointer rests 60 ms on it. */
export function useHoverCard(id: number | null): MapPaperCard | null {
  const { data } = useJson<{ papers: MapPaperCard[] }>(id === null ? null : formatCardsUrl([id]), 60);
  return data?.papers[0] ?? null;
}

/** The cards of the first papers of a selection; the previous list stays until the new one arrives. */
export function useSelectionCards(ids: readonly number[]): MapPaperCard[] {
  const url = ids.length ? formatCardsUrl(ids.slice(0, SELECTION_LIST)) : null;
  const { data, error } = useJson<{ papers: MapPaperCard[] }>(url);
  return useLastDefined(url === null || error ? NO_CARDS : data?.papers, NO_CARDS);
}
