/**
 * View state of the map, graph and trends pages as URL query strings, so any view can be shared
 * and reloaded. parseX never throws: malformed parts fall back to the default. formatX writes
 * keys in a fixed order and leaves defaults out, so parse(format(s)) round-trips.
 */
import type { Affine } from './map-scale';
import type { Point } from './lasso';

/** What Next.js hands a page as `searchParams`, or a URLSearchParams. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function getParam(input: QueryInput, key: string): string | null {
  if (input instanceof URLSearchParams) return input.get(key);
  const value = input[key];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function parseIntList(text: string | null, max = 500): number[] {
  if (!text) return [];
  const out: number[] = [];
  for (const part of text.split(',')) {
    if (!/^\d{1,9}$/.test(part.trim())) continue;
    const n = Number(part);
    if (!out.includes(n)) out.push(n);
    if (out.length >= max) break;
  }
  return out.sort((a, b) => a - b);
}

/** Rounds to 4 significant-ish decimals for short, stable URLs. */
function round(value: number, digits = 4): string {
  return String(Number(value.toFixed(digits)));
}

function parseZoom(text: string | null): Affine | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [k, x, y] = parts;
  if (k <= 0 || k > 1e4) return null;
  return { k, x, y };
}

function formatZoom(z: Affine): string {
  return `${round(z.k, 3)},${round(z.x, 1)},${round(z.y, 1)}`;
}

function buildQuery(entries: [string, string | null][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== null && value !== '') params.set(key, value);
  // Commas and semicolons are safe in a query; keeping them readable makes shared URLs legible.
  return params.toString().replace(/%2C/gi, ',').replace(/%3B/gi, ';');
}

// ------------------------------------------------------------------ map

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

/** How the map shows outliers. */
export type OutlierMode = 'apart' | 'hide';

export const EMPTY_MAP_STATE: MapViewState = {
  topics: [],
  years: null,
  sources: [],
  zoom: null,
  area: null,
  outliers: 'apart',
};

function parseYears(text: string | null): [number, number] | null {
  const m = text?.match(/^(\d{4})(?:-(\d{4}))?$/);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  return a <= b ? [a, b] : [b, a];
}

function parsePolygon(text: string | null): Point[] | null {
  if (!text) return null;
  const out: Point[] = [];
  for (const pair of text.split(';').slice(0, 200)) {
    const [x, y] = pair.split(',').map(Number);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    out.push([x, y]);
  }
  return out.length >= 3 ? out : null;
}

export function parseMapState(input: QueryInput): MapViewState {
  return {
    topics: parseIntList(getParam(input, 'topic')),
    years: parseYears(getParam(input, 'years')),
    sources: parseIntList(getParam(input, 'source'), 255),
    zoom: parseZoom(getParam(input, 'z')),
    area: parsePolygon(getParam(input, 'sel')),
    outliers: getParam(input, 'outliers') === 'hide' ? 'hide' : 'apart',
  };
}

export function formatMapState(state: MapViewState): string {
  const years = state.years
    ? state.years[0] === state.years[1]
      ? String(state.years[0])
      : `${state.years[0]}-${state.years[1]}`
    : null;
  return buildQuery([
    ['topic', state.topics.length ? [...state.topics].sort((a, b) => a - b).join(',') : null],
    ['years', years],
    ['source', state.sources.length ? [...state.sources].sort((a, b) => a - b).join(',') : null],
    ['z', state.zoom ? formatZoom(state.zoom) : null],
    ['sel', state.area ? state.area.map(([x, y]) => `${round(x)},${round(y)}`).join(';') : null],
    ['outliers', state.outliers === 'hide' ? 'hide' : null],
  ]);
}

// ------------------------------------------------------------------ graph

/** The graph page's views: the map of communities, one community's members, or the whole network. */
export type GraphViewName = 'communities' | 'community' | 'network';

export interface GraphViewState {
  view: GraphViewName;
  /** The community the detail view opens. */
  community: number | null;
  /** Colour of the authors: by community (network view) or sub-community (detail), or by main topic. */
  color: 'group' | 'topic';
  /** Size of the communities on the map: by authors or by papers. */
  size: 'authors' | 'papers';
  /** The highlighted author (ego network); null = none. */
  author: number | null;
  /** Links count only papers of these years (inclusive) and of this topic. */
  from: number | null;
  to: number | null;
  topic: number | null;
  /** Links need at least this many joint papers. */
  minJoint: number;
  zoom: Affine | null;
}

export const EMPTY_GRAPH_STATE: GraphViewState = {
  view: 'communities',
  community: null,
  color: 'group',
  size: 'authors',
  author: null,
  from: null,
  to: null,
  topic: null,
  minJoint: 1,
  zoom: null,
};

function parseId(text: string | null): number | null {
  return text && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function parseYear(text: string | null): number | null {
  return text && /^\d{4}$/.test(text) ? Number(text) : null;
}

export function parseGraphState(input: QueryInput): GraphViewState {
  const view = getParam(input, 'view');
  const community = parseId(getParam(input, 'community'));
  const minJoint = parseId(getParam(input, 'joint'));
  const author = parseId(getParam(input, 'author'));
  return {
    view:
      view === 'network' || (view === 'community' && community !== null)
        ? view
        : community !== null && view !== 'communities'
          ? 'community'
          : author !== null && view === null
            ? 'network'
            : 'communities',
    community,
    color: getParam(input, 'color') === 'topic' ? 'topic' : 'group',
    size: getParam(input, 'size') === 'papers' ? 'papers' : 'authors',
    author,
    from: parseYear(getParam(input, 'from')),
    to: parseYear(getParam(input, 'to')),
    topic: parseId(getParam(input, 'topic')),
    minJoint: minJoint !== null && minJoint >= 1 ? Math.min(minJoint, 1000) : 1,
    zoom: parseZoom(getParam(input, 'z')),
  };
}

export function formatGraphState(state: GraphViewState): string {
  return buildQuery([
    ['view', state.view !== 'communities' ? state.view : null],
    ['community', state.view === 'community' && state.community !== null ? String(state.community) : null],
    ['color', state.color !== 'group' ? state.color : null],
    ['size', state.size !== 'authors' ? state.size : null],
    ['author', state.author !== null ? String(state.author) : null],
    ['from', state.from !== null ? String(state.from) : null],
    ['to', state.to !== null ? String(state.to) : null],
    ['topic', state.topic !== null ? String(state.topic) : null],
    ['joint', state.minJoint > 1 ? String(state.minJoint) : null],
    ['z', state.zoom ? formatZoom(state.zoom) : null],
  ]);
}

// ------------------------------------------------------------------ trends

/** Topics over time: small multiples (one chart per topic), stacked shares, or a streamgraph. */
export type StackMode = 'multiples' | 'share' | 'stream';

export interface TrendsViewState {
  /** Compared terms by display form, in the order picked. */
  terms: string[];
  /** The term whose related terms are listed; null = the first compared term. */
  focus: string | null;
  stack: StackMode;
  /** The rising, falling and bursting lists and the burst timeline: subjects first, every word, or phrases only. */
  movers: 'subjects' | 'all' | 'phrases';
  /** The burst timeline shows only terms of this topic; null = all. */
  burstTopic: number | null;
  /** The topic of the evolution flow whose papers are listed; null = none. */
  evolution: number | null;
}

export const EMPTY_TRENDS_STATE: TrendsViewState = {
  terms: [],
  focus: null,
  stack: 'multiples',
  movers: 'subjects',
  burstTopic: null,
  evolution: null,
};
export const MAX_COMPARED_TERMS = 8;

function cleanTerm(text: string): string {
  return text
    .replace(/[,\s]+/g, ' ')
    .trim()
    .slice(0, 80);
}

function parseStack(text: string | null): StackMode {
  return text === 'share' || text === 'stream' ? text : 'multiples';
}

function parseMovers(text: string | null): TrendsViewState['movers'] {
  return text === 'phrases' || text === 'all' ? text : 'subjects';
}

export function parseTrendsState(input: QueryInput): TrendsViewState {
  const terms: string[] = [];
  for (const raw of (getParam(input, 'terms') ?? '').split(',')) {
    const term = cleanTerm(raw);
    if (term && !terms.some((t) => t.toLowerCase() === term.toLowerCase())) terms.push(term);
    if (terms.length >= MAX_COMPARED_TERMS) break;
  }
  const focus = cleanTerm(getParam(input, 'focus') ?? '');
  return {
    terms,
    focus: focus || null,
    stack: parseStack(getParam(input, 'stack')),
    movers: parseMovers(getParam(input, 'movers')),
    burstTopic: parseId(getParam(input, 'btopic')),
    evolution: parseId(getParam(input, 'evo')),
  };
}

export function formatTrendsState(state: TrendsViewState): string {
  return buildQuery([
    ['terms', state.terms.length ? state.terms.map(cleanTerm).join(',') : null],
    ['focus', state.focus ? cleanTerm(state.focus) : null],
    ['stack', state.stack !== 'multiples' ? state.stack : null],
    ['movers', state.movers !== 'subjects' ? state.movers : null],
    ['btopic', state.burstTopic !== null ? String(state.burstTopic) : null],
    ['evo', state.evolution !== null ? String(state.evolution) : null],
  ]);
}
