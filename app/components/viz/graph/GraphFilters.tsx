/**
 * The filters of a co-author view (period, topic, joint papers), its colouring, and the buttons
 * that clear the filters and the highlighted author.
 */
import type { Dispatch } from 'react';
import { isGraphFiltered, type GraphAction, type GraphViewState } from '@/lib/viz/graph-state';
import { TopicSelect } from '../TopicSelect';
import styles from '../viz.module.css';

const MIN_JOINT_CHOICES = [1, 2, 3, 5];

/** A select's value as a year or id; empty is none. */
const numberOrNull = (value: string) => (value ? Number(value) : null);

export function GraphFilters({
  state,
  dispatch,
  topics,
  years,
}: {
  state: GraphViewState;
  dispatch: Dispatch<GraphAction>;
  topics: { id: number; label: string }[];
  years: { min: number; max: number } | null;
}) {
  const yearChoices = years ? Array.from({ length: years.max - years.min + 1 }, (_, i) => years.min + i) : [];
  const jointChoices = [...new Set([...MIN_JOINT_CHOICES, state.minJoint])].sort((a, b) => a - b);
  return (
    <div className={styles.graphToolbar} aria-label="Filters">
      {yearChoices.length > 1 && (
        <label className={styles.hint}>
          Years{' '}
          <YearSelect
            label="From year"
            none="first"
            value={state.from}
            years={yearChoices}
            allowed={(y) => state.to === null || y <= state.to}
            onChange={(year) => dispatch({ type: 'from', year })}
          />{' '}
          to{' '}
          <YearSelect
            label="To year"
            none="last"
            value={state.to}
            years={yearChoices}
            allowed={(y) => state.from === null || y >= state.from}
            onChange={(year) => dispatch({ type: 'to', year })}
          />
        </label>
      )}
      {topics.length > 0 && (
        <label className={styles.hint}>
          Topic{' '}
          <TopicSelect
            label="Topic"
            all="all"
            value={state.topic}
            topics={topics}
            onChange={(topic) => dispatch({ type: 'topic', topic })}
            maxWidth={220}
          />
        </label>
      )}
      <label className={styles.hint}>
        Joint papers{' '}
        <select
          aria-label="Minimum joint papers"
          value={state.minJoint}
          onChange={(e) => dispatch({ type: 'minJoint', minJoint: Number(e.target.value) })}
        >
          {jointChoices.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? 'any' : `${n}+`}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.hint}>
        Colour{' '}
        <select
          aria-label="Colour authors by"
          value={state.color}
          onChange={(e) => dispatch({ type: 'color', color: e.target.value === 'topic' ? 'topic' : 'group' })}
        >
          <option value="group">{state.view === 'community' ? 'sub-community' : 'community'}</option>
          <option value="topic">main topic</option>
        </select>
      </label>
      {isGraphFiltered(state) && (
        <button type="button" className="btn" onClick={() => dispatch({ type: 'clearFilters' })}>
          Clear filters
        </button>
      )}
      {state.author !== null && (
        <button type="button" className="btn" onClick={() => dispatch({ type: 'clearAuthor' })}>
          Clear highlight
        </button>
      )}
    </div>
  );
}

/** One end of the period: a year, or none (`none` names the open end). */
function YearSelect({
  label,
  none,
  value,
  years,
  allowed,
  onChange,
}: {
  label: string;
  none: string;
  value: number | null;
  years: number[];
  allowed: (year: number) => boolean;
  onChange: (year: number | null) => void;
}) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(numberOrNull(e.target.value))}>
      <option value="">{none}</option>
      {years.map((y) => (
        <option key={y} value={y} disabled={!allowed(y)}>
          {y}
        </option>
      ))}
    </select>
  );
}
