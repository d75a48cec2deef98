import { describe, expect, it } from 'vitest';
import {
  EMPTY_TRENDS_STATE,
  EMPTY_MAP_STATE,
  EMPTY_GRAPH_STATE,
  formatGraphState,
  formatMapState,
  formatTrendsState,
  parseGraphState,
  parseMapState,
  parseTrendsState,
  type MapViewState,
} from '@/lib/viz/url-state';

describe('map URL state', () => {
  it('formats to a short, readable query and parses it back', () => {
    const state: MapViewState = {
      topics: [5, 2],
      years: [2019, 2022],
      sources: [1],
      zoom: { k: 2.5, x: -120.34, y: 44.06 },
      area: [
        [0.5, 1.25],
        [2, 3],
        [-1.123456, 4],
      ],
      outliers: 'hide',
    };
    const query = formatMapState(state);
    expect(query).toBe('topic=2,5&years=2019-2022&source=1&z=2.5,-120.3,44.1&sel=0.5,1.25;2,3;-1.1235,4&outliers=hide');
    const back = parseMapState(new URLSearchParams(query));
    expect(back).toEqual({
      topics: [2, 5],
      years: [2019, 2022],
      sources: [1],
      zoom: { k: 2.5, x: -120.3, y: 44.1 },
      area: [
        [0.5, 1.25],
        [2, 3],
        [-1.1235, 4],
      ],
      outliers: 'hide',
    });
    expect(formatMapState(back)).toBe(query);
  });

  it('leaves defaults out and survives junk', () => {
    expect(formatMapState(EMPTY_MAP_STATE)).toBe('');
    expect(parseMapState({ topic: 'a,3,-1,3', years: '2022-2019', z: '0,1,2', sel: '1,2;3' })).toEqual({
      topics: [3],
      years: [2019, 2022],
      sources: [],
      zoom: null,
      area: null,
      outliers: 'apart',
    });
    expect(parseMapState({ years: ['2020'], z: 'NaN,1,1' })).toMatchObject({ years: [2020, 2020], zoom: null });
    // Outliers are shown apart unless the URL says hide; anything else is the default.
    expect(parseMapState({ outliers: 'show' }).outliers).toBe('apart');
    expect(parseMapState({ outliers: 'hide' }).outliers).toBe('hide');
    expect(formatMapState({ ...EMPTY_MAP_STATE, outliers: 'apart' })).toBe('');
    expect(formatMapState({ ...EMPTY_MAP_STATE, years: [2020, 2020] })).toBe('years=2020');
  });
});

describe('graph URL state', () => {
  it('round-trips views, filters and zoom, and clamps', () => {
    const state = {
      ...EMPTY_GRAPH_STATE,
      view: 'community' as const,
      community: 3,
      color: 'topic' as const,
      author: 42,
      from: 2015,
      to: 2020,
      topic: 4,
      minJoint: 2,
      zoom: { k: 1.5, x: 10, y: 20 },
    };
    const q = formatGraphState(state);
    expect(q).toBe('view=community&community=3&color=topic&author=42&from=2015&to=2020&topic=4&joint=2&z=1.5,10,20');
    expect(parseGraphState(new URLSearchParams(q))).toEqual(state);
    expect(parseGraphState({ author: 'x', joint: '0', from: '15' })).toEqual(EMPTY_GRAPH_STATE);
    expect(formatGraphState(EMPTY_GRAPH_STATE)).toBe('');
    // A community without a view opens it; an author alone opens the network.
    expect(parseGraphState({ community: '2' }).view).toBe('community');
    expect(parseGraphState({ author: '7' }).view).toBe('network');
    expect(parseGraphState({ view: 'community' }).view).toBe('communities');
  });
});

describe('trends URL state', () => {
  it('round-trips terms with spaces, drops duplicates and bounds the list', () => {
    const q = formatTrendsState({
      ...EMPTY_TRENDS_STATE,
      terms: ['neural network', 'kernel'],
      focus: 'kernel',
      stack: 'stream',
      movers: 'phrases',
    });
    expect(q).toBe('terms=neural+network,kernel&focus=kernel&stack=stream&movers=phrases');
    expect(parseTrendsState(new URLSearchParams(q))).toEqual({
      ...EMPTY_TRENDS_STATE,
      terms: ['neural network', 'kernel'],
      focus: 'kernel',
      stack: 'stream',
      movers: 'phrases',
    });
    const many = parseTrendsState({ terms: 'a, A ,b,,c,d,e,f,g,h,i,j', stack: 'bogus' });
    expect(many.terms).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(many.stack).toBe('multiples');
    expect(parseTrendsState({ movers: 'bogus' }).movers).toBe('subjects');
    expect(parseTrendsState({ movers: 'all' }).movers).toBe('all');
    expect(formatTrendsState(EMPTY_TRENDS_STATE)).toBe('');
    expect(parseTrendsState({ btopic: '3', evo: '12' })).toMatchObject({ burstTopic: 3, evolution: 12 });
    expect(formatTrendsState({ ...EMPTY_TRENDS_STATE, burstTopic: 3, evolution: 12 })).toBe('btopic=3&evo=12');
  });
});
