/**
 * The topic map's view state: what the filters keep, how outliers show, the zoom and the selected
 * area. reduceMapState is the only way it changes (actions in, state out); parseMapState and
 * formatMapState carry it in the URL (`topic`, `years`, `source`, `z`, `sel`, `outliers`).
 */
import type { Point } from './lasso';
import type { Affine } from './map-scale';
import {
  choiceField,
  formatIdList,
  formatPolygon,
  formatYearRange,
  formatZoom,
  idListField,
  polygonField,
  readQuery,
  writeQuery,
  yearRangeField,
  zoomField,
  type QueryInput,
} from './url-state';

/** How the map shows outliers. */
export type OutlierMode = 'apart' | 'hide';

export interface MapViewState {
  /** Topics kept in full colour; empty = all. */
  topics: number[];
  /** Inclusive year range; null = all years (and undated papers). */
  years: [number, number] | null;
  /** Source indices kept; empty = all. */
  sources: number[];
  /** d3-zoom transform on top of the fitted map; null = fitted. */
  zoom: Affine | null;
  /**
   * The selected area in data coordinates: a lasso's polygon, or a brush's rectangle as its four
   * corners; null = no selection.
   */
  area: Point[] | null;
  /** Papers far from their topic: drawn apart (under the others, as grey rings) or hidden. */
  outliers: OutlierMode;
}

export const EMPTY_MAP_STATE: MapViewState = {
  topics: [],
  years: null,
  sources: [],
  zoom: null,
  area: null,
  outliers: 'apart',
};

export type MapAction =
  | { type: 'toggleTopic'; topic: number }
  | { type: 'showAllTopics' }
  /** `all` lists every source: unticking one while all are kept keeps the others. */
  | { type: 'toggleSource'; source: number; all: readonly number[] }
  /** One end of the year range; `year` null = all years. `range` is the build's span. */
  | { type: 'setYear'; end: 0 | 1; year: number | null; range: readonly [number, number] | null }
  | { type: 'setOutliers'; outliers: OutlierMode }
  | { type: 'selectArea'; area: Point[] | null }
  | { type: 'zoomEnd'; zoom: Affine };

function toggle(ids: readonly number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((t) => t !== id) : [...ids, id].sort((a, b) => a - b);
}

/** The map's view state after an action; the same object when nothing changed. */
export function reduceMapState(state: MapViewState, action: MapAction): MapViewState {
  switch (action.type) {
    case 'toggleTopic':
      return { ...state, topics: toggle(state.topics, action.topic) };
    case 'showAllTopics':
      return state.topics.length ? { ...state, topics: [] } : state;
    case 'toggleSource':
      return {
        ...state,
        sources:
          state.sources.length === 0
            ? action.all.filter((s) => s !== action.source)
            : toggle(state.sources, action.source),
      };
    case 'setYear': {
      const { range } = action;
      if (!range) return state;
      if (action.year === null) return { ...state, years: null };
      const next: [number, number] = state.years ? [...state.years] : [range[0], range[1]];
      next[action.end] = action.year;
      // Moving one end past the other drags the other along.
      if (next[0] > next[1]) next[1 - action.end] = action.year;
      const all = next[0] === range[0] && next[1] === range[1];
      return { ...state, years: all ? null : next };
    }
    case 'setOutliers':
      return state.outliers === action.outliers ? state : { ...state, outliers: action.outliers };
    case 'selectArea':
      return state.area === null && action.area === null ? state : { ...state, area: action.area };
    case 'zoomEnd': {
      const t = action.zoom;
      // A transform within rounding of the fitted view is the fitted view: the URL leaves it out.
      const identity = Math.abs(t.k - 1) < 1e-3 && Math.abs(t.x) < 0.5 && Math.abs(t.y) < 0.5;
      return { ...state, zoom: identity ? null : t };
    }
  }
}

/** True when a filter leaves papers out. */
export function isMapFiltered(state: MapViewState): boolean {
  return state.topics.length > 0 || state.years !== null || state.sources.length > 0 || state.outliers === 'hide';
}

const mapQuery = {
  topic: idListField(500),
  years: yearRangeField,
  source: idListField(255),
  z: zoomField,
  sel: polygonField,
  outliers: choiceField(['apart', 'hide'], 'apart'),
};

/** The map's state from its URL; malformed parts fall back to the default. */
export function parseMapState(input: QueryInput): MapViewState {
  const q = readQuery(mapQuery, input);
  return { topics: q.topic, years: q.years, sources: q.source, zoom: q.z, area: q.sel, outliers: q.outliers };
}

/** The map's URL query: keys in a fixed order, defaults left out. */
export function formatMapState(state: MapViewState): string {
  return writeQuery([
    ['topic', formatIdList(state.topics)],
    ['years', formatYearRange(state.years)],
    ['source', formatIdList(state.sources)],
    ['z', state.zoom ? formatZoom(state.zoom) : null],
    ['sel', state.area ? formatPolygon(state.area) : null],
    ['outliers', state.outliers === 'hide' ? 'hide' : null],
  ]);
}
