/**
 * The graph page's view state. The co-author view: which view (the map of communities, one
 * community, the whole network), the open community, colour and size, the highlighted author, the
 * filters that choose which papers links count, and the zoom. reduceGraphState is the only way it
 * changes (actions in, state out); parseGraphState and formatGraphState carry it in the URL (`view`,
 * `community`, `color`, `size`, `author`, `from`, `to`, `topic`, `joint`, `z`), with the same keys
 * and values the hand-written reader used. Beside it, the page's network (`net`) and a co-occurrence
 * map's chosen item (`item`).
 */
import { z } from 'zod';
import type { CooccurrenceMapKind } from '../store/read/graph';
import type { Affine } from './map-scale';
import { choiceField, formatZoom, idField, readQuery, writeQuery, yearField, zoomField } from './url-state';
import type { QueryInput } from './url-state';

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

/** The most joint papers a link filter asks for. */
export const MAX_MIN_JOINT = 1000;

export type GraphAction =
  /** Another view; the zoom starts fitted. */
  | { type: 'view'; view: GraphViewName }
  /** One community's members (from the map or the list of communities). */
  | { type: 'openCommunity'; community: number }
  | { type: 'from'; year: number | null }
  | { type: 'to'; year: number | null }
  | { type: 'topic'; topic: number | null }
  | { type: 'minJoint'; minJoint: number }
  | { type: 'clearFilters' }
  | { type: 'color'; color: GraphViewState['color'] }
  | { type: 'size'; size: GraphViewState['size'] }
  /** An author clicked in the graph: highlighted where they are. */
  | { type: 'selectAuthor'; author: number }
  /**
   * An author found by name: opened where they are drawn, in their community's view when the map
   * draws their community (`community`), else in the whole network.
   */
  | { type: 'pickAuthor'; author: number; community: number | null }
  | { type: 'clearAuthor' }
  | { type: 'zoomEnd'; zoom: Affine };

/** The graph's view state after an action; the same object when nothing changed. */
export function reduceGraphState(state: GraphViewState, action: GraphAction): GraphViewState {
  switch (action.type) {
    case 'view':
      return { ...state, view: action.view, zoom: null };
    case 'openCommunity':
      return { ...state, view: 'community', community: action.community, zoom: null };
    case 'from':
      return state.from === action.year ? state : { ...state, from: action.year };
    case 'to':
      return state.to === action.year ? state : { ...state, to: action.year };
    case 'topic':
      return state.topic === action.topic ? state : { ...state, topic: action.topic };
    case 'minJoint': {
      const minJoint = Math.min(MAX_MIN_JOINT, Math.max(1, Math.round(action.minJoint) || 1));
      return state.minJoint === minJoint ? state : { ...state, minJoint };
    }
    case 'clearFilters':
      return isGraphFiltered(state) ? { ...state, from: null, to: null, topic: null, minJoint: 1 } : state;
    case 'color':
      return state.color === action.color ? state : { ...state, color: action.color };
    case 'size':
      return state.size === action.size ? state : { ...state, size: action.size };
    case 'selectAuthor':
      return state.author === action.author ? state : { ...state, author: action.author };
    case 'pickAuthor':
      return {
        ...state,
        author: action.author,
        view: action.community !== null ? 'community' : 'network',
        community: action.community ?? state.community,
        zoom: null,
      };
    case 'clearAuthor':
      return state.author === null ? state : { ...state, author: null };
    case 'zoomEnd': {
      const t = action.zoom;
      // A transform within rounding of the fitted view is the fitted view: the URL leaves it out.
      const identity = Math.abs(t.k - 1) < 1e-3 && Math.abs(t.x) < 0.5 && Math.abs(t.y) < 0.5;
      return { ...state, zoom: identity ? null : t };
    }
  }
}

/** True when a filter chooses the papers links count. */
export function isGraphFiltered(state: GraphViewState): boolean {
  return state.from !== null || state.to !== null || state.topic !== null || state.minJoint > 1;
}

/** The community whose members the view draws, or null (the map of communities, the whole network). */
export function openCommunity(state: GraphViewState): number | null {
  return state.view === 'community' && state.community !== null ? state.community : null;
}

const graphQuery = {
  // Read as text: which view opens depends on the other fields too (chooseView).
  view: z.string().optional().catch(undefined),
  community: idField,
  color: choiceField(['group', 'topic'], 'group'),
  size: choiceField(['authors', 'papers'], 'authors'),
  author: idField,
  from: yearField,
  to: yearField,
  topic: idField,
  joint: idField,
  z: zoomField,
};

/**
 * The view a URL asks for. An explicit `view` wins (a community view needs its community); a
 * `community` alone opens it, an `author` alone opens the whole network where they are drawn.
 */
function chooseView(view: string | undefined, community: number | null, author: number | null): GraphViewName {
  if (view === 'network' || (view === 'community' && community !== null)) return view;
  if (community !== null && view !== 'communities') return 'community';
  if (author !== null && view === undefined) return 'network';
  return 'communities';
}

/** The co-author view's state from its URL; malformed parts fall back to the default. */
export function parseGraphState(input: QueryInput): GraphViewState {
  const q = readQuery(graphQuery, input);
  return {
    view: chooseView(q.view, q.community, q.author),
    community: q.community,
    color: q.color,
    size: q.size,
    author: q.author,
    from: q.from,
    to: q.to,
    topic: q.topic,
    minJoint: q.joint !== null && q.joint >= 1 ? Math.min(q.joint, MAX_MIN_JOINT) : 1,
    zoom: q.z,
  };
}

/** The co-author view's URL query: keys in a fixed order, defaults left out. */
export function formatGraphState(state: GraphViewState): string {
  return writeQuery([
    ['view', state.view !== 'communities' ? state.view : null],
    ['community', state.view === 'community' ? state.community : null],
    ['color', state.color !== 'group' ? state.color : null],
    ['size', state.size !== 'authors' ? state.size : null],
    ['author', state.author],
    ['from', state.from],
    ['to', state.to],
    ['topic', state.topic],
    ['joint', state.minJoint > 1 ? state.minJoint : null],
    ['z', state.zoom ? formatZoom(state.zoom) : null],
  ]);
}

/**
 * The query of `/api/graph/layout` for the view: the open community and the filters; null for the
 * map of communities, which needs no layout.
 */
export function formatLayoutQuery(state: GraphViewState): string | null {
  if (state.view === 'communities') return null;
  return writeQuery([
    ['community', openCommunity(state)],
    ['from', state.from],
    ['to', state.to],
    ['topic', state.topic],
    ['joint', state.minJoint > 1 ? state.minJoint : null],
  ]);
}

/** The query of `/api/graph/export` for the view on screen, in `format`. */
export function formatExportQuery(state: GraphViewState, format: string): string {
  const graph = state.view !== 'communities';
  return writeQuery([
    ['format', format],
    ['view', state.view],
    ['size', state.size],
    ['color', state.color],
    ['community', openCommunity(state)],
    ['from', graph ? state.from : null],
    ['to', graph ? state.to : null],
    ['topic', graph ? state.topic : null],
    ['joint', graph && state.minJoint > 1 ? state.minJoint : null],
  ]);
}

// ------------------------------------------------------------------ the page's network

/** The networks of the graph page (`net`): co-authors, the co-occurrence maps, the citation views. */
export const GRAPH_NETS = [
  'coauthors',
  'terms',
  'keywords',
  'institutions',
  'countries',
  'cocitation',
  'coupling',
  'citations',
  'historiograph',
] as const satisfies readonly ('coauthors' | 'citations' | 'historiograph' | CooccurrenceMapKind)[];

export type GraphNet = (typeof GRAPH_NETS)[number];

const netQuery = { net: choiceField(GRAPH_NETS, 'coauthors') };

/** The network the page shows; anything unknown is the co-author graph. */
export function parseGraphNet(input: QueryInput): GraphNet {
  return readQuery(netQuery, input).net;
}

// ------------------------------------------------------------------ a co-occurrence map

/** A co-occurrence map's view: the item whose papers are listed. */
export interface CooccurrenceViewState {
  item: number | null;
}

const cooccurrenceQuery = { item: idField };

/** A co-occurrence map's state from its URL. */
export function parseCooccurrenceState(input: QueryInput): CooccurrenceViewState {
  return readQuery(cooccurrenceQuery, input);
}

/** A co-occurrence map's URL query, `net` first. */
export function formatCooccurrenceState(kind: CooccurrenceMapKind, state: CooccurrenceViewState): string {
  return writeQuery([
    ['net', kind],
    ['item', state.item],
  ]);
}
