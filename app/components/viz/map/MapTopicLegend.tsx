/** The map's topic legend: a topic's button keeps it in colour (the rest fade), its arrow opens it. */
import Link from 'next/link';
import type { Dispatch } from 'react';
import type { MapMeta } from '@/lib/store/read/map';
import { formatCount } from '@/lib/viz/format';
import type { MapAction } from '@/lib/viz/map-state';
import styles from '../viz.module.css';

export function MapTopicLegend({
  topics,
  kept,
  colors,
  dispatch,
}: {
  topics: MapMeta['topics'];
  kept: number[];
  colors: ReadonlyMap<number, string>;
  dispatch: Dispatch<MapAction>;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Topics</legend>
      <p className={styles.hint}>Select topics to keep them in colour; the rest fade.</p>
      {kept.length > 0 && (
        <button type="button" className="btn" onClick={() => dispatch({ type: 'showAllTopics' })}>
          Show all topics
        </button>
      )}
      <ul className={styles.legend} aria-label="Topics (legend)">
        {topics.map((topic) => (
          <li key={topic.id}>
            <button
              type="button"
              className={styles.legendItem}
              aria-pressed={kept.includes(topic.id)}
              data-faded={(kept.length > 0 && !kept.includes(topic.id)) || undefined}
              onClick={() => dispatch({ type: 'toggleTopic', topic: topic.id })}
            >
              <span className={styles.swatch} style={{ background: colors.get(topic.id) }} aria-hidden="true" />
              <span className={styles.truncate}>{topic.label}</span>
              <span className={styles.count}>{formatCount(topic.size)}</span>
            </button>
            <Link href={`/topics/${topic.id}`} className={styles.legendLink} aria-label={`Open topic ${topic.label}`}>
              →
            </Link>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
