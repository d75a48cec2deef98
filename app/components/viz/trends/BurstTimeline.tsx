'use client';
/**
 * The trends page's burst timeline: the strongest bursts, subjects first (with the other terms of
 * each subject), by strength over all words, or phrases only; filterable by topic (fetched when not
 * the page's own); drawn by BurstChart; the rows download as CSV.
 */
import type { TimelineBurst } from '@/lib/store/read/trends';
import { formatCsv } from '@/lib/viz/csv';
import { BurstChart } from '../../charts/BurstChart';
import { ExportChart } from '../../ExportChart';
import { downloadText } from '../download';
import { useJson } from '../fetch-json';
import { useSize } from '../use-size';
import { TopicSelect } from '../TopicSelect';
import styles from '../viz.module.css';

export interface BurstTimelineProps {
  periods: string[];
  /** The subjects-first timeline of all topics, rendered on the server. */
  initial: TimelineBurst[];
  topics: { id: number; label: string }[];
  kind: 'subjects' | 'all' | 'phrases';
  topic: number | null;
  onTopic: (topic: number | null) => void;
}

export function BurstTimeline({ periods, initial, topics, kind, topic, onTopic: setTopic }: BurstTimelineProps) {
  const [ref, size] = useSize<HTMLDivElement>();
  // The page brings the subjects-first timeline of all topics; another kind or a topic is fetched.
  const own = topic === null && kind === 'subjects';
  const query = new URLSearchParams({ kind, limit: '40' });
  if (topic !== null) query.set('topic', String(topic));
  const fetched = useJson<{ bursts: TimelineBurst[] }>(own ? null : `/api/trends/bursts?${query}`);
  const bursts = own ? initial : (fetched.data?.bursts ?? null);
  const error = fetched.error ?? null;

  function download() {
    if (!bursts) return;
    downloadText(
      formatCsv(
        ['term', 'start', 'end', 'strength', 'lift', 'same subject'],
        bursts.map((b) => [b.display, b.start, b.end, b.strength.toFixed(2), b.lift.toFixed(2), b.also.join('; ')]),
      ),
      'topicscope-bursts.csv',
      'text/csv',
    );
  }

  return (
    <section className="card" aria-label="Burst timeline" data-testid="burst-timeline">
      <div className={styles.chartHeader}>
        <h2 style={{ fontSize: 'var(--text-lg)', margin: 0 }}>Burst timeline</h2>
        <label className={styles.hint}>
          Topic{' '}
          <TopicSelect
            label="Bursts of the terms of a topic"
            all="all topics"
            value={topic}
            topics={topics}
            onChange={setTopic}
            maxWidth={240}
          />
        </label>
        <button type="button" className="btn" onClick={download} disabled={!bursts}>
          CSV
        </button>
      </div>
      <p className={styles.hint}>
        The strongest bursts: when a term was used far more than its own baseline (Kleinberg). Each bar spans the
        burst&apos;s periods;{' '}
        {kind === 'subjects' ? 'one row per subject (hover a row for its other terms).' : 'by strength.'}
      </p>
      <ExportChart filename="topicscope-burst-timeline" label="burst timeline">
        <div ref={ref} style={{ overflowX: 'auto' }}>
          {error ? (
            <p className={styles.error}>{error}</p>
          ) : !bursts ? (
            <p className={styles.hint}>Loading…</p>
          ) : bursts.length === 0 ? (
            <p className={styles.hint}>No burst among these terms.</p>
          ) : (
            <BurstChart periods={periods} bursts={bursts} width={size.width} />
          )}
        </div>
      </ExportChart>
    </section>
  );
}
