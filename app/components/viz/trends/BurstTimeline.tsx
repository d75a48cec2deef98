'use client';
/**
 * The burst timeline, as CiteSpace's burst table shows it: one row per term, a bar over the
 * periods of its burst on a shared time axis; subjects first (with the other terms of each subject),
 * by strength over all words, or phrases only; filterable by topic. D3 computes the scale, React
 * renders; the rows download as CSV.
 */
import { scaleBand } from 'd3';
import { useMemo } from 'react';
import type { TimelineBurst } from '@/lib/store/read/trends';
import { formatCsv } from '@/lib/viz/csv';
import { formatPeriod } from '@/lib/viz/format';
import { measureText } from '@/lib/viz/font-metrics';
import { ExportChart } from '../../ExportChart';
import { downloadText } from '../download';
import { useJson } from '../fetch-json';
import { useSize } from '../use-size';
import styles from '../viz.module.css';
import { maxOf } from '@/lib/viz/extent';

const ROW = 22;
const FONT = 12;

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

  const labelWidth = useMemo(
    () =>
      Math.min(
        260,
        maxOf(
          (bursts ?? []).map((b) => measureText(`${b.display} +4`, FONT) + 12),
          120,
        ),
      ),
    [bursts],
  );
  const width = Math.max(420, size.width || 800);
  const x = scaleBand<number>()
    .domain(periods.map((_, i) => i))
    .range([labelWidth, width - 8])
    .paddingInner(0.1);
  const position = new Map(periods.map((p, i) => [p, i]));
  const height = ROW * ((bursts?.length ?? 0) + 1) + 8;
  // Axis ticks: about one label every 60 px.
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, (width - labelWidth) / 60)));

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
          <select
            aria-label="Bursts of the terms of a topic"
            value={topic ?? ''}
            onChange={(e) => setTopic(e.target.value === '' ? null : Number(e.target.value))}
            style={{ maxWidth: 240 }}
          >
            <option value="">all topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
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
            <svg width={width} height={height} role="img" aria-label={`Timeline of ${bursts.length} bursts`}>
              {periods.map((p, i) =>
                i % every === 0 ? (
                  <text
                    key={p}
                    x={(x(i) ?? 0) + x.bandwidth() / 2}
                    y={12}
                    textAnchor="middle"
                    fontSize={10}
                    fill="var(--muted, #5b6270)"
                  >
                    {formatPeriod(p)}
                  </text>
                ) : null,
              )}
              {bursts.map((b, row) => {
                const y = ROW * (row + 1);
                const s = position.get(b.start) ?? 0;
                const e = position.get(b.end) ?? s;
                const x0 = x(s) ?? labelWidth;
                const x1 = (x(e) ?? x0) + x.bandwidth();
                return (
                  <g key={`${b.id}-${b.start}`} data-term={b.display}>
                    <title>{`${b.display}: ${formatPeriod(b.start)}–${formatPeriod(b.end)}, strength ${b.strength.toFixed(1)}, ${b.lift.toFixed(1)}× its share outside the burst${b.also.length > 0 ? `; also ${b.also.join(', ')}` : ''}`}</title>
                    <rect
                      x={labelWidth}
                      y={y + 8}
                      width={width - 8 - labelWidth}
                      height={2}
                      fill="var(--border, #e3e6ea)"
                    />
                    <rect
                      x={x0}
                      y={y + 3}
                      width={Math.max(3, x1 - x0)}
                      height={ROW - 8}
                      rx={3}
                      fill="var(--chart-highlight, #d55e00)"
                    />
                    <text x={4} y={y + 13} fontSize={FONT} fill="var(--fg, #16191f)">
                      {b.display}
                      {b.also.length > 0 && <tspan fill="var(--muted, #5b6270)">{` +${b.also.length}`}</tspan>}
                    </text>
                  </g>
                );
              })}
            </svg>
          )}
        </div>
      </ExportChart>
    </section>
  );
}
