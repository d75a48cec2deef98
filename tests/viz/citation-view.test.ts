/** The citation views' pure helpers: colours, a paper's ego network, the historiograph's arcs and names. */
import { describe, expect, it } from 'vitest';
import {
  buildCitationColors,
  buildCitationEgo,
  buildHistoriographScales,
  findDrawnPapers,
  formatCitationArc,
  formatCitationViewState,
  parseCitationViewState,
  reduceCitationNetwork,
  yearExtent,
  type CitationNetworkState,
} from '@/lib/viz/citation-view';
import { formatShortCitation } from '@/lib/viz/format';
import { groupColor, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';

describe('citation view helpers', () => {
  it('splits a paper’s links into what it cites and what cites it', () => {
    // 0 → 1, 2 → 0, 3 → 0, 1 → 2.
    const ego = buildCitationEgo({ source: [0, 2, 3, 1], target: [1, 0, 0, 2] }, 0);
    expect(ego.cites).toEqual([1]);
    expect(ego.citedBy).toEqual([2, 3]);
    expect([...ego.members].sort()).toEqual([0, 1, 2, 3]);
  });

  it('colours by cluster, topic (grey without one) or year (grey without one)', () => {
    const nodes = { cluster: [0, 1], topic: [3, -1], year: [2000, null] };
    expect(buildCitationColors(nodes, 'cluster')).toEqual([groupColor(0), groupColor(1)]);
    expect(buildCitationColors(nodes, 'topic')).toEqual([topicColor(3), NEUTRAL_COLOR]);
    const byYear = buildCitationColors({ ...nodes, year: [2000, 2010] }, 'year');
    expect(byYear[0]).not.toBe(byYear[1]);
    expect(buildCitationColors(nodes, 'year')[1]).toBe(NEUTRAL_COLOR);
    expect(yearExtent([null, 2003, 1999])).toEqual([1999, 2003]);
    expect(yearExtent([null])).toEqual([0, 0]);
  });

  it('bends an arc between two papers of one row upward by a quarter of its length', () => {
    // From (0, 100) to (100, 100): length 100, bend 25, control point (50, 75).
    expect(formatCitationArc(0, 100, 100, 100)).toBe('M0,100Q50,75 100,100');
    // Right to left bends upward too.
    expect(formatCitationArc(100, 100, 0, 100)).toBe('M100,100Q50,75 0,100');
  });

  it('puts years across and rows down', () => {
    const { x, y } = buildHistoriographScales([2000, 2010], 3, {
      width: 400,
      height: 200,
      left: 40,
      right: 60,
      top: 20,
      bottom: 30,
    });
    expect([x(2000), x(2010)]).toEqual([40, 340]);
    // Three rows in 150 px: 48 px apart at most.
    expect([y(0), y(1), y(2)]).toEqual([20, 68, 116]);
  });

  it('names a paper by its first author’s surname and year', () => {
    expect(formatShortCitation('Midori Shima, Hideji Hanabusa', 2016, 'Factor VIII')).toBe('Shima 2016');
    expect(formatShortCitation('Smith, John; Lee, Ann', 2001, 'X')).toBe('Smith 2001');
    expect(formatShortCitation('', null, 'A very long title that goes on')).toBe('A very long title that …');
  });

  it('reads and writes the view’s URL, leniently', () => {
    expect(parseCitationViewState({ net: 'citations', paper: '102', color: 'year' })).toEqual({
      paper: 102,
      color: 'year',
    });
    expect(parseCitationViewState({ paper: 'x', color: 'rainbow' })).toEqual({ paper: null, color: 'cluster' });
    expect(formatCitationViewState({ paper: 102, color: 'year' })).toBe('net=citations&paper=102&color=year');
    expect(formatCitationViewState({ paper: null, color: 'cluster' })).toBe('net=citations');
    const state = { paper: 7, color: 'topic' as const };
    expect(parseCitationViewState(new URLSearchParams(formatCitationViewState(state)))).toEqual(state);
  });
});

describe('the direct-citation view’s reducer and paper search', () => {
  const none: CitationNetworkState = { focus: -1, color: 'cluster', cluster: null };

  it('chooses a paper or a cluster, each clearing the other', () => {
    const lit = reduceCitationNetwork(none, { type: 'toggleCluster', cluster: 2 });
    expect(lit).toEqual({ focus: -1, color: 'cluster', cluster: 2 });
    const paper = reduceCitationNetwork(lit, { type: 'focus', index: 5 });
    expect(paper).toEqual({ focus: 5, color: 'cluster', cluster: null });
    expect(reduceCitationNetwork(paper, { type: 'focus', index: 5 })).toBe(paper);
    expect(reduceCitationNetwork(paper, { type: 'toggleCluster', cluster: 1 })).toEqual({ ...none, cluster: 1 });
    expect(reduceCitationNetwork(lit, { type: 'toggleCluster', cluster: 2 })).toEqual(none);
    expect(reduceCitationNetwork(paper, { type: 'clearFocus' })).toEqual(none);
    expect(reduceCitationNetwork(none, { type: 'clearFocus' })).toBe(none);
    expect(reduceCitationNetwork(paper, { type: 'color', color: 'year' })).toEqual({ ...paper, color: 'year' });
  });

  it('finds drawn papers by title or short name, any case, in drawing order, at most `max`', () => {
    const nodes = {
      title: ['Graph networks', 'Attention is all', 'Deep graphs', 'Kernels'],
      name: ['Smith 2019', 'Vaswani 2017', 'Graves 2014', 'Schölkopf 2002'],
    };
    expect(findDrawnPapers(nodes, 'GRAPH')).toEqual([0, 2]);
    expect(findDrawnPapers(nodes, 'graves')).toEqual([2]);
    expect(findDrawnPapers(nodes, 'a', 2)).toEqual([0, 1]);
    expect(findDrawnPapers(nodes, 'quantum')).toEqual([]);
  });
});
