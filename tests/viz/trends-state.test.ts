import { describe, expect, it } from 'vitest';
import {
  EMPTY_TRENDS_STATE,
  formatSeriesQuery,
  formatTrendsState,
  isCompared,
  MAX_COMPARED_TERMS,
  parseTrendsState,
  reduceTrendsState,
} from '@/lib/viz/trends-state';

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

describe('trends state reducer', () => {
  it('adds terms once whatever their case, up to the limit', () => {
    let s = reduceTrendsState(EMPTY_TRENDS_STATE, { type: 'addTerm', term: 'Diffusion' });
    expect(reduceTrendsState(s, { type: 'addTerm', term: 'diffusion' })).toBe(s);
    for (let i = 0; s.terms.length < MAX_COMPARED_TERMS; i++)
      s = reduceTrendsState(s, { type: 'addTerm', term: `t${i}` });
    expect(s.terms).toHaveLength(8);
    expect(reduceTrendsState(s, { type: 'addTerm', term: 'one more' })).toBe(s);
    expect(isCompared(s.terms, 'DIFFUSION')).toBe(true);
  });

  it('removing the focused term drops the focus', () => {
    let s = reduceTrendsState(EMPTY_TRENDS_STATE, { type: 'addTerm', term: 'kernel' });
    s = reduceTrendsState(s, { type: 'addTerm', term: 'graph' });
    s = reduceTrendsState(s, { type: 'focus', term: 'graph' });
    expect(formatSeriesQuery(s)).toBe('terms=kernel%2Cgraph&related=graph');
    expect(reduceTrendsState(s, { type: 'removeTerm', term: 'kernel' })).toMatchObject({
      terms: ['graph'],
      focus: 'graph',
    });
    expect(reduceTrendsState(s, { type: 'removeTerm', term: 'graph' })).toMatchObject({
      terms: ['kernel'],
      focus: null,
    });
  });

  it('sets the layout, the lists, the burst topic and the evolution topic, all in the URL', () => {
    let s = reduceTrendsState(EMPTY_TRENDS_STATE, { type: 'stack', stack: 'share' });
    s = reduceTrendsState(s, { type: 'movers', movers: 'all' });
    s = reduceTrendsState(s, { type: 'burstTopic', topic: 4 });
    s = reduceTrendsState(s, { type: 'evolution', topic: 9 });
    expect(formatTrendsState(s)).toBe('stack=share&movers=all&btopic=4&evo=9');
    expect(parseTrendsState(new URLSearchParams(formatTrendsState(s)))).toEqual(s);
    expect(reduceTrendsState(s, { type: 'burstTopic', topic: null }).burstTopic).toBeNull();
  });
});
