import { describe, expect, it } from 'vitest';
import { formatGraphState, parseGraphState, type GraphViewState } from '@/lib/viz/graph-state';
import { formatMapState, parseMapState, type MapViewState } from '@/lib/viz/map-state';
import { formatSearchQuery, parseSearchQuery, type SearchQuery } from '@/lib/viz/search-state';
import { formatTrendsState, parseTrendsState, type TrendsViewState } from '@/lib/viz/trends-state';
import recordedGraph from '../fixtures/url-state/graph-written-by-v1.json';
import recorded from '../fixtures/url-state/written-by-v1.json';

interface Recorded<S> {
  url: string;
  state: S;
  written: string;
}

const map = recorded.map as Recorded<MapViewState>[];
const trends = recorded.trends as Recorded<TrendsViewState>[];
const search = recorded.search as {
  url: string;
  result: { ok: true; query: SearchQuery } | { ok: false; error: string };
  written: string | null;
}[];
const graph = recordedGraph.graph as Recorded<GraphViewState>[];

describe('URLs written before URL state moved onto zod', () => {
  it('has the recorded cases', () => {
    expect([map.length, trends.length, search.length]).toEqual([10, 7, 8]);
  });

  it.each(map)('map ?$url decodes to the same state and writes the same query', ({ url, state, written }) => {
    const decoded = parseMapState(new URLSearchParams(url));
    expect(decoded).toEqual(state);
    expect(formatMapState(decoded)).toBe(written);
  });

  it.each(trends)('trends ?$url decodes to the same state and writes the same query', ({ url, state, written }) => {
    const decoded = parseTrendsState(new URLSearchParams(url));
    expect(decoded).toEqual(state);
    expect(formatTrendsState(decoded)).toBe(written);
  });

  it.each(search)('search ?$url reads the same', ({ url, result, written }) => {
    const parsed = parseSearchQuery(new URLSearchParams(url));
    // JSON keeps no undefined fields: compare what the recorded result holds.
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(result);
    if (parsed.ok) expect(formatSearchQuery(parsed.query)).toBe(written);
  });

  it.each(graph)('graph ?$url decodes to the same state and writes the same query', ({ url, state, written }) => {
    const decoded = parseGraphState(new URLSearchParams(url));
    expect(decoded).toEqual(state);
    expect(formatGraphState(decoded)).toBe(written);
  });

  it('has the recorded graph cases', () => {
    expect(graph.length).toBe(16);
  });

  it('reads a page’s searchParams record like a URLSearchParams', () => {
    expect(parseMapState({ topic: ['3,1', '9'], years: '2021' })).toEqual({
      ...map[0].state,
      topics: [1, 3],
      years: [2021, 2021],
    });
  });
});
