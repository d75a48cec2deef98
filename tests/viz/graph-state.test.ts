import { describe, expect, it } from 'vitest';
import {
  EMPTY_GRAPH_STATE,
  formatCooccurrenceState,
  formatExportQuery,
  formatGraphState,
  formatLayoutQuery,
  isGraphFiltered,
  openCommunity,
  parseCooccurrenceState,
  parseGraphNet,
  parseGraphState,
  reduceGraphState,
  type GraphViewState,
} from '@/lib/viz/graph-state';

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

describe('reduceGraphState', () => {
  const filtered: GraphViewState = {
    ...EMPTY_GRAPH_STATE,
    view: 'network',
    from: 2015,
    to: 2020,
    topic: 4,
    minJoint: 3,
  };

  it('changes view with a fitted zoom, and opens a community', () => {
    const zoomed = { ...EMPTY_GRAPH_STATE, zoom: { k: 2, x: 5, y: 6 } };
    expect(reduceGraphState(zoomed, { type: 'view', view: 'network' })).toEqual({
      ...EMPTY_GRAPH_STATE,
      view: 'network',
    });
    const opened = reduceGraphState(zoomed, { type: 'openCommunity', community: 7 });
    expect(opened).toEqual({ ...EMPTY_GRAPH_STATE, view: 'community', community: 7 });
    expect(openCommunity(opened)).toBe(7);
    // Leaving the community keeps it for the view choice, but no longer opens it.
    const left = reduceGraphState(opened, { type: 'view', view: 'network' });
    expect([left.community, openCommunity(left)]).toEqual([7, null]);
  });

  it('sets and clears the filters, clamping joint papers', () => {
    let s = reduceGraphState(EMPTY_GRAPH_STATE, { type: 'from', year: 2015 });
    s = reduceGraphState(s, { type: 'to', year: 2020 });
    s = reduceGraphState(s, { type: 'topic', topic: 4 });
    s = reduceGraphState(s, { type: 'minJoint', minJoint: 3 });
    expect(s).toEqual({ ...EMPTY_GRAPH_STATE, from: 2015, to: 2020, topic: 4, minJoint: 3 });
    expect(isGraphFiltered(s)).toBe(true);
    expect(reduceGraphState(s, { type: 'minJoint', minJoint: 0 }).minJoint).toBe(1);
    expect(reduceGraphState(s, { type: 'minJoint', minJoint: 5000 }).minJoint).toBe(1000);
    const cleared = reduceGraphState(filtered, { type: 'clearFilters' });
    expect(cleared).toEqual({ ...EMPTY_GRAPH_STATE, view: 'network' });
    expect(isGraphFiltered(cleared)).toBe(false);
    // Nothing to change: the same object, so React skips the render.
    expect(reduceGraphState(cleared, { type: 'clearFilters' })).toBe(cleared);
    expect(reduceGraphState(s, { type: 'topic', topic: 4 })).toBe(s);
  });

  it('colours and sizes', () => {
    const s = reduceGraphState(EMPTY_GRAPH_STATE, { type: 'color', color: 'topic' });
    expect(reduceGraphState(s, { type: 'size', size: 'papers' })).toEqual({
      ...EMPTY_GRAPH_STATE,
      color: 'topic',
      size: 'papers',
    });
  });

  it('highlights a clicked author where they are, and opens a found one where they are drawn', () => {
    const zoomed = { ...filtered, zoom: { k: 3, x: 1, y: 2 } };
    expect(reduceGraphState(zoomed, { type: 'selectAuthor', author: 9 })).toEqual({ ...zoomed, author: 9 });
    expect(reduceGraphState(zoomed, { type: 'pickAuthor', author: 9, community: 4 })).toEqual({
      ...filtered,
      author: 9,
      view: 'community',
      community: 4,
    });
    const elsewhere = reduceGraphState({ ...zoomed, community: 2 }, { type: 'pickAuthor', author: 9, community: null });
    expect(elsewhere).toEqual({ ...filtered, author: 9, view: 'network', community: 2 });
    expect(reduceGraphState(elsewhere, { type: 'clearAuthor' }).author).toBeNull();
  });

  it('leaves a zoom within rounding of the fitted view out', () => {
    const s = reduceGraphState(EMPTY_GRAPH_STATE, { type: 'zoomEnd', zoom: { k: 1.0004, x: 0.2, y: -0.3 } });
    expect(s.zoom).toBeNull();
    expect(reduceGraphState(s, { type: 'zoomEnd', zoom: { k: 2, x: 10, y: 0 } }).zoom).toEqual({ k: 2, x: 10, y: 0 });
  });
});

describe('graph API queries', () => {
  it('asks the layout route for the open community and the filters only', () => {
    expect(formatLayoutQuery(EMPTY_GRAPH_STATE)).toBeNull();
    expect(formatLayoutQuery({ ...EMPTY_GRAPH_STATE, view: 'network' })).toBe('');
    expect(formatLayoutQuery({ ...filtered(), view: 'community', community: 3, author: 8, color: 'topic' })).toBe(
      'community=3&from=2015&to=2020&topic=4&joint=3',
    );
    expect(formatLayoutQuery({ ...filtered(), community: 3 })).toBe('from=2015&to=2020&topic=4&joint=3');
  });

  it('exports the view on screen; the map of communities without the filters', () => {
    expect(formatExportQuery({ ...filtered(), view: 'community', community: 3 }, 'gexf')).toBe(
      'format=gexf&view=community&size=authors&color=group&community=3&from=2015&to=2020&topic=4&joint=3',
    );
    expect(formatExportQuery({ ...filtered(), view: 'communities', size: 'papers' }, 'nodes-csv')).toBe(
      'format=nodes-csv&view=communities&size=papers&color=group',
    );
  });

  function filtered(): GraphViewState {
    return { ...EMPTY_GRAPH_STATE, view: 'network', from: 2015, to: 2020, topic: 4, minJoint: 3 };
  }
});

describe('the graph page’s network and a co-occurrence map’s item', () => {
  it('reads the network, anything unknown being the co-author graph', () => {
    expect(parseGraphNet({})).toBe('coauthors');
    expect(parseGraphNet({ net: 'terms' })).toBe('terms');
    expect(parseGraphNet(new URLSearchParams('net=historiograph'))).toBe('historiograph');
    expect(parseGraphNet({ net: 'people' })).toBe('coauthors');
  });

  it('round-trips the chosen item', () => {
    expect(parseCooccurrenceState(new URLSearchParams('net=terms&item=12'))).toEqual({ item: 12 });
    expect(parseCooccurrenceState({ item: 'x' })).toEqual({ item: null });
    expect(formatCooccurrenceState('keywords', { item: 12 })).toBe('net=keywords&item=12');
    expect(formatCooccurrenceState('terms', { item: null })).toBe('net=terms');
  });
});
