/**
 * Pure helpers of the citation views: the direct-citation view's URL state and its reducer, the
 * search among its drawn papers, node colours (by citation cluster, topic or year), a paper's
 * ego network in the direct-citation graph, and the geometry of the historiograph (years across,
 * rows down, links as arcs so a citation that skips a year does not run through the papers between).
 */
import { interpolateCividis, scaleLinear, scaleSequential } from 'd3';
import { groupColor, NEUTRAL_COLOR, topicColor } from './palette';
import { choiceField, idField, readQuery, writeQuery, type QueryInput } from './url-state';

export type CitationColorBy = 'cluster' | 'topic' | 'year';

/** The direct-citation view's URL: the chosen paper (store id) and the colouring. */
export interface CitationViewState {
  paper: number | null;
  color: CitationColorBy;
}

const CITATION_VIEW_QUERY = {
  paper: idField,
  color: choiceField(['cluster', 'topic', 'year'], 'cluster'),
};

/** Reads the view's state from a URL query, leniently (junk falls back to the default). */
export function parseCitationViewState(input: QueryInput): CitationViewState {
  return readQuery(CITATION_VIEW_QUERY, input);
}

/** The view's query string, `net=citations` first; the default colouring is left out. */
export function formatCitationViewState(state: CitationViewState): string {
  return writeQuery([
    ['net', 'citations'],
    ['paper', state.paper],
    ['color', state.color === 'cluster' ? null : state.color],
  ]);
}

/**
 * What the direct-citation view shows besides its URL state: the chosen paper as an index of the
 * drawn papers (-1 = none) and the cluster lit up (null = none). A paper and a cluster exclude
 * each other: choosing one clears the other.
 */
export interface CitationNetworkState {
  focus: number;
  color: CitationColorBy;
  cluster: number | null;
}

export type CitationNetworkAction =
  | { type: 'focus'; index: number }
  | { type: 'clearFocus' }
  | { type: 'color'; color: CitationColorBy }
  /** Lights a cluster up, or puts it out when it is lit already. */
  | { type: 'toggleCluster'; cluster: number };

/** The direct-citation view's state after an action; the same object when nothing changed. */
export function reduceCitationNetwork(
  state: CitationNetworkState,
  action: CitationNetworkAction,
): CitationNetworkState {
  switch (action.type) {
    case 'focus':
      return state.focus === action.index && state.cluster === null
        ? state
        : { ...state, focus: action.index, cluster: null };
    case 'clearFocus':
      return state.focus === -1 ? state : { ...state, focus: -1 };
    case 'color':
      return state.color === action.color ? state : { ...state, color: action.color };
    case 'toggleCluster':
      return { ...state, focus: -1, cluster: state.cluster === action.cluster ? null : action.cluster };
  }
}

/** The drawn papers whose title or short name contains `query` (any case), in drawing order, at most `max`. */
export function findDrawnPapers(
  nodes: { title: readonly string[]; name: readonly string[] },
  query: string,
  max = 12,
): number[] {
  const q = query.toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < nodes.title.length && found.length < max; i++) {
    if (nodes.title[i].toLowerCase().includes(q) || nodes.name[i].toLowerCase().includes(q)) found.push(i);
  }
  return found;
}

export const CITATION_COLOR_CHOICES: readonly (readonly [CitationColorBy, string])[] = [
  ['cluster', 'Citation cluster'],
  ['topic', 'Topic'],
  ['year', 'Year'],
];

/** A colour per year, old (dark blue) to recent (yellow): cividis reads for colour-blind eyes too. */
export function buildYearColor(first: number, last: number): (year: number | null) => string {
  const scale = scaleSequential(interpolateCividis).domain([first, Math.max(first + 1, last)]);
  return (year) => (year === null ? NEUTRAL_COLOR : scale(year));
}

/** The colour of every node for one choice. */
export function buildCitationColors(
  nodes: { cluster: readonly number[]; topic: readonly number[]; year: readonly (number | null)[] },
  by: CitationColorBy,
): string[] {
  if (by === 'cluster') return nodes.cluster.map((c) => groupColor(c));
  if (by === 'topic') return nodes.topic.map((t) => (t >= 0 ? topicColor(t) : NEUTRAL_COLOR));
  const [first, last] = yearExtent(nodes.year);
  const color = buildYearColor(first, last);
  return nodes.year.map(color);
}

/** First and last year among `years` ([0, 0] when none is known). */
export function yearExtent(years: readonly (number | null)[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const y of years) {
    if (y === null) continue;
    first = Math.min(first, y);
    last = Math.max(last, y);
  }
  return first <= last ? [first, last] : [0, 0];
}

/** A paper's neighbours in the drawn citation graph: what it cites, what cites it, and both with it. */
export function buildCitationEgo(
  edges: { source: readonly number[]; target: readonly number[] },
  focus: number,
): { cites: number[]; citedBy: number[]; members: Set<number> } {
  const cites: number[] = [];
  const citedBy: number[] = [];
  for (let e = 0; e < edges.source.length; e++) {
    if (edges.source[e] === focus) cites.push(edges.target[e]);
    if (edges.target[e] === focus) citedBy.push(edges.source[e]);
  }
  return { cites, citedBy, members: new Set([focus, ...cites, ...citedBy]) };
}

/** Where the historiograph draws: x by year, y by row, within `width` × `height` less margins. */
export function buildHistoriographScales(
  years: readonly number[],
  lanes: number,
  size: { width: number; height: number; left: number; right: number; top: number; bottom: number },
) {
  const [first, last] = yearExtent(years);
  const x = scaleLinear()
    .domain(first === last ? [first - 1, last + 1] : [first, last])
    .range([size.left, size.width - size.right]);
  const rowHeight = lanes > 1 ? Math.min(48, (size.height - size.top - size.bottom) / (lanes - 1)) : 0;
  const y = (lane: number) => size.top + (lanes > 1 ? lane * rowHeight : (size.height - size.top - size.bottom) / 2);
  return { x, y, first, last };
}

/**
 * An arc from (x1, y1) to (x2, y2) as an SVG path: a quadratic curve bent upward by a share of its
 * length, so links between papers of one row do not overlap the papers between them.
 */
export function formatCitationArc(x1: number, y1: number, x2: number, y2: number): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const bend = Math.min(80, 0.25 * length);
  // The normal pointing up on screen (negative y) for a left-to-right link.
  const nx = length > 0 ? dy / length : 0;
  const ny = length > 0 ? -dx / length : 0;
  const sign = ny <= 0 ? 1 : -1;
  const cx = (x1 + x2) / 2 + sign * nx * bend;
  const cy = (y1 + y2) / 2 + sign * ny * bend;
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}
