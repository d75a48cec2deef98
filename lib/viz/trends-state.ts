/**
 * The trends page's view state: the compared terms, the term whose related terms are listed, the
 * topic chart's layout, which terms the mover lists take, the burst timeline's topic and the
 * evolution flow's selected topic. reduceTrendsState is the only way it changes; parseTrendsState
 * and formatTrendsState carry it in the URL (`terms`, `focus`, `stack`, `movers`, `btopic`, `evo`).
 */
import { z } from 'zod';
import { choiceField, idField, readQuery, writeQuery, type QueryInput } from './url-state';

/** Topics over time: small multiples (one chart per topic), stacked shares, or a streamgraph. */
export type StackMode = 'multiples' | 'share' | 'stream';

/** Which terms the rising, falling and bursting lists take: subjects first, every word, or phrases only. */
export type MoverKind = 'subjects' | 'all' | 'phrases';

export interface TrendsViewState {
  /** Compared terms by display form, in the order picked. */
  terms: string[];
  /** The term whose related terms are listed; null = the first compared term. */
  focus: string | null;
  stack: StackMode;
  /** The rising, falling and bursting lists and the burst timeline: subjects first, every word, or phrases only. */
  movers: MoverKind;
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

export type TrendsAction =
  | { type: 'addTerm'; term: string }
  | { type: 'removeTerm'; term: string }
  | { type: 'focus'; term: string }
  | { type: 'stack'; stack: StackMode }
  | { type: 'movers'; movers: MoverKind }
  | { type: 'burstTopic'; topic: number | null }
  | { type: 'evolution'; topic: number | null };

/** True when `term` is compared already (terms compare without regard to case). */
export function isCompared(terms: readonly string[], term: string): boolean {
  const lower = term.toLowerCase();
  return terms.some((t) => t.toLowerCase() === lower);
}

/** The trends view state after an action; the same object when nothing changed. */
export function reduceTrendsState(state: TrendsViewState, action: TrendsAction): TrendsViewState {
  switch (action.type) {
    case 'addTerm':
      if (isCompared(state.terms, action.term) || state.terms.length >= MAX_COMPARED_TERMS) return state;
      return { ...state, terms: [...state.terms, action.term] };
    case 'removeTerm':
      return {
        ...state,
        terms: state.terms.filter((t) => t !== action.term),
        focus: state.focus === action.term ? null : state.focus,
      };
    case 'focus':
      return { ...state, focus: action.term };
    case 'stack':
      return { ...state, stack: action.stack };
    case 'movers':
      return { ...state, movers: action.movers };
    case 'burstTopic':
      return { ...state, burstTopic: action.topic };
    case 'evolution':
      return { ...state, evolution: action.topic };
  }
}

/** A term as the URL keeps it: commas and runs of space become one space, at most 80 characters. */
function cleanTerm(text: string): string {
  return text
    .replace(/[,\s]+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** Comma-separated terms, cleaned, without repeats (any case), at most MAX_COMPARED_TERMS. */
const termListField = z
  .string()
  .catch('')
  .transform((text) => {
    const terms: string[] = [];
    for (const raw of text.split(',')) {
      const term = cleanTerm(raw);
      if (term && !isCompared(terms, term)) terms.push(term);
      if (terms.length >= MAX_COMPARED_TERMS) break;
    }
    return terms;
  });

const termField = z
  .string()
  .catch('')
  .transform((text) => cleanTerm(text) || null);

const trendsQuery = {
  terms: termListField,
  focus: termField,
  stack: choiceField(['multiples', 'share', 'stream'], 'multiples'),
  movers: choiceField(['subjects', 'all', 'phrases'], 'subjects'),
  btopic: idField,
  evo: idField,
};

/** The trends view's state from its URL; malformed parts fall back to the default. */
export function parseTrendsState(input: QueryInput): TrendsViewState {
  const q = readQuery(trendsQuery, input);
  return { terms: q.terms, focus: q.focus, stack: q.stack, movers: q.movers, burstTopic: q.btopic, evolution: q.evo };
}

/** The trends view's URL query: keys in a fixed order, defaults left out. */
export function formatTrendsState(state: TrendsViewState): string {
  return writeQuery([
    ['terms', state.terms.length ? state.terms.map(cleanTerm).join(',') : null],
    ['focus', state.focus ? cleanTerm(state.focus) : null],
    ['stack', state.stack !== 'multiples' ? state.stack : null],
    ['movers', state.movers !== 'subjects' ? state.movers : null],
    ['btopic', state.burstTopic],
    ['evo', state.evolution],
  ]);
}

/** The query of `/api/trends/series` for the compared terms and the focus. */
export function formatSeriesQuery(state: TrendsViewState): string {
  const params = new URLSearchParams({ terms: state.terms.join(',') });
  if (state.focus) params.set('related', state.focus);
  return params.toString();
}
