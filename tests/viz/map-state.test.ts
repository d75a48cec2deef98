import { describe, expect, it } from 'vitest';
import {
  EMPTY_MAP_STATE,
  formatMapState,
  isMapFiltered,
  parseMapState,
  reduceMapState,
  type MapViewState,
} from '@/lib/viz/map-state';

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

describe('map state reducer', () => {
  const range = [2015, 2022] as const;

  it('toggles topics in order and shows all again', () => {
    let s = reduceMapState(EMPTY_MAP_STATE, { type: 'toggleTopic', topic: 5 });
    s = reduceMapState(s, { type: 'toggleTopic', topic: 2 });
    expect(s.topics).toEqual([2, 5]);
    expect(reduceMapState(s, { type: 'toggleTopic', topic: 5 }).topics).toEqual([2]);
    expect(reduceMapState(s, { type: 'showAllTopics' }).topics).toEqual([]);
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'showAllTopics' })).toBe(EMPTY_MAP_STATE);
    expect(isMapFiltered(s)).toBe(true);
    expect(isMapFiltered(EMPTY_MAP_STATE)).toBe(false);
  });

  it('unticking one source while all are kept keeps the others', () => {
    const all = [0, 1, 2];
    const s = reduceMapState(EMPTY_MAP_STATE, { type: 'toggleSource', source: 1, all });
    expect(s.sources).toEqual([0, 2]);
    expect(reduceMapState(s, { type: 'toggleSource', source: 1, all }).sources).toEqual([0, 1, 2]);
    expect(reduceMapState(s, { type: 'toggleSource', source: 0, all }).sources).toEqual([2]);
  });

  it('moves one end of the year range, drags the other past it, and forgets the full span', () => {
    const from2018 = reduceMapState(EMPTY_MAP_STATE, { type: 'setYear', end: 0, year: 2018, range });
    expect(from2018.years).toEqual([2018, 2022]);
    expect(reduceMapState(from2018, { type: 'setYear', end: 1, year: 2016, range }).years).toEqual([2016, 2016]);
    expect(reduceMapState(from2018, { type: 'setYear', end: 0, year: 2015, range }).years).toBeNull();
    expect(reduceMapState(from2018, { type: 'setYear', end: 1, year: null, range }).years).toBeNull();
    // A build without dated papers has no range: nothing to set.
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'setYear', end: 0, year: 2018, range: null })).toBe(EMPTY_MAP_STATE);
  });

  it('selects and clears an area, sets outliers, and keeps a near-identity zoom out of the URL', () => {
    const area: MapViewState['area'] = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    const selected = reduceMapState(EMPTY_MAP_STATE, { type: 'selectArea', area });
    expect(selected.area).toBe(area);
    expect(reduceMapState(selected, { type: 'selectArea', area: null }).area).toBeNull();
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'selectArea', area: null })).toBe(EMPTY_MAP_STATE);
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'setOutliers', outliers: 'hide' }).outliers).toBe('hide');
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'zoomEnd', zoom: { k: 1.0005, x: 0.2, y: -0.3 } }).zoom).toBeNull();
    expect(reduceMapState(EMPTY_MAP_STATE, { type: 'zoomEnd', zoom: { k: 2, x: 0.2, y: 0 } }).zoom).toEqual({
      k: 2,
      x: 0.2,
      y: 0,
    });
    const hidden = reduceMapState(EMPTY_MAP_STATE, { type: 'setOutliers', outliers: 'hide' });
    expect(formatMapState(hidden)).toBe('outliers=hide');
    expect(parseMapState(new URLSearchParams(formatMapState(hidden)))).toEqual(hidden);
  });
});
