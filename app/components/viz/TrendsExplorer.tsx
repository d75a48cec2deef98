'use client';
/**
 * The trends page's interactive part. It only coordinates: the view state (compared terms, focus,
 * stack mode, which terms the lists take, the burst and evolution topics) changes through
 * reduceTrendsState and lives in the URL; the compared terms' series come through trends-data;
 * the sections render what they are given: the term comparison, the rising, falling and bursting
 * terms, the topics over time, the burst timeline and the evolution of topics.
 */
import { useCallback, useReducer } from 'react';
import type {
  NewTerm,
  TermBurst,
  TermMover,
  TimelineBurst,
  TopicEvolutionData,
  TopicShares,
} from '@/lib/store/read/trends';
import { densePeriods } from '@/lib/viz/trend-series';
import {
  formatTrendsState,
  isCompared,
  MAX_COMPARED_TERMS,
  reduceTrendsState,
  type MoverKind,
  type TrendsViewState,
} from '@/lib/viz/trends-state';
import { BurstTimeline } from './trends/BurstTimeline';
import { EvolutionFlow } from './trends/EvolutionFlow';
import { MoverLists } from './trends/MoverLists';
import { TermComparison } from './trends/TermComparison';
import { TopicsOverTime } from './trends/TopicsOverTime';
import { useTermSeries, type TrendsData } from './trends/trends-data';
import { useUrlState } from './use-url-state';

interface Props {
  initial: TrendsViewState;
  data: TrendsData;
  /** The mover lists: subjects first, every word by its raw score, phrases only; the view picks one. */
  movers: Record<MoverKind, { rising: TermMover[]; falling: TermMover[]; bursting: TermBurst[] }>;
  topicShares: TopicShares;
  minPeriodPapers: number;
  /** New subjects: first seen late and taking off. */
  newTerms: NewTerm[];
  /** The subjects-first burst timeline of all topics. */
  bursts: TimelineBurst[];
  evolution: TopicEvolutionData;
}

export function TrendsExplorer({
  initial,
  data,
  movers,
  topicShares,
  minPeriodPapers,
  newTerms,
  bursts,
  evolution,
}: Props) {
  const [state, dispatch] = useReducer(reduceTrendsState, initial);
  useUrlState(formatTrendsState(state));
  const { shown, error } = useTermSeries(state, initial, data);

  const { periods, papers } = shown;
  const compared = shown.series.filter((s) => isCompared(state.terms, s.display));
  const dense = densePeriods(papers, minPeriodPapers);
  const periodWord = shown.granularity === 'month' ? 'month' : 'year';

  const addTerm = useCallback((term: string) => dispatch({ type: 'addTerm', term }), []);
  const compares = (term: string) => isCompared(state.terms, term);
  const canAdd = (term: string) => !compares(term) && state.terms.length < MAX_COMPARED_TERMS;

  return (
    <div className="stack">
      <TermComparison
        terms={state.terms}
        shown={shown}
        compared={compared}
        error={error}
        minPeriodPapers={minPeriodPapers}
        isCompared={compares}
        onAdd={addTerm}
        onRemove={(term) => dispatch({ type: 'removeTerm', term })}
        onFocus={(term) => dispatch({ type: 'focus', term })}
      />
      <MoverLists
        kind={state.movers}
        onKind={(kind) => dispatch({ type: 'movers', movers: kind })}
        movers={movers[state.movers]}
        newTerms={newTerms}
        dense={dense}
        periodWord={periodWord}
        canAdd={canAdd}
        onAdd={addTerm}
      />
      <TopicsOverTime
        stack={state.stack}
        onStack={(stack) => dispatch({ type: 'stack', stack })}
        periods={periods}
        papers={papers}
        dense={dense}
        minPeriodPapers={minPeriodPapers}
        topicShares={topicShares}
      />
      <BurstTimeline
        periods={periods}
        initial={bursts}
        topics={topicShares.topics.map((t) => ({ id: t.id, label: t.label }))}
        kind={state.movers}
        topic={state.burstTopic}
        onTopic={(topic) => dispatch({ type: 'burstTopic', topic })}
      />
      <EvolutionFlow
        data={evolution}
        selected={state.evolution}
        onSelect={(topic) => dispatch({ type: 'evolution', topic })}
      />
    </div>
  );
}
