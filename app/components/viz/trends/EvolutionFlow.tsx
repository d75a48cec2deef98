'use client';
/**
 * Topic evolution as an alluvial flow: splits, merges, new and fading topics show as bands that
 * fork, join, start or end. The layout is computed in lib/viz/evolution-flow (d3-sankey); the chart
 * draws it. Clicking a topic lists its papers.
 */
import { useMemo } from 'react';
import type { TopicEvolutionData } from '@/lib/store/read/trends';
import { buildEvolutionLayout, formatEvolutionCsv } from '@/lib/viz/evolution-flow';
import { ExportChart } from '../../ExportChart';
import { downloadText } from '../download';
import { useJson } from '../fetch-json';
import { EvolutionChart } from '../../charts/EvolutionChart';
import { EvolutionPapers, type EvolutionNodePapers } from './EvolutionPapers';
import { useSize } from '../use-size';
import styles from '../viz.module.css';

export function EvolutionFlow({
  data,
  selected,
  onSelect,
}: {
  data: TopicEvolutionData;
  selected: number | null;
  onSelect: (node: number | null) => void;
}) {
  const [ref, size] = useSize<HTMLDivElement>();
  const width = Math.max(560, size.width || 900);
  const layout = useMemo(() => buildEvolutionLayout(data, width), [data, width]);
  const papers = useJson<EvolutionNodePapers>(selected === null ? null : `/api/trends/evolution?node=${selected}`);

  if (!layout) {
    return (
      <section className="card" aria-label="Topic evolution">
        <h2 style={{ fontSize: 'var(--text-lg)', marginTop: 0 }}>Topic evolution</h2>
        <p className={styles.hint}>Too few dated papers to follow topics across periods.</p>
      </section>
    );
  }
  const download = () => downloadText(formatEvolutionCsv(data), 'topicscope-topic-evolution.csv', 'text/csv');

  return (
    <section className="card" aria-label="Topic evolution" data-testid="topic-evolution">
      <div className={styles.chartHeader}>
        <h2 style={{ fontSize: 'var(--text-lg)', margin: 0 }}>Topic evolution</h2>
        <button type="button" className="btn" onClick={download}>
          CSV
        </button>
      </div>
      <p className={styles.hint}>
        Topics fitted in each window of periods, joined to the next window&apos;s topics that their papers resemble
        (cosine of the topics&apos; centres). A band that forks is a split, bands that join are a merge; a topic with no
        band in is new, one with no band out fades. Click a topic for its papers.
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
        <ExportChart filename="topicscope-topic-evolution" label="topic evolution">
          <div ref={ref}>
            <EvolutionChart layout={layout} width={width} selected={selected} onSelect={onSelect} />
          </div>
        </ExportChart>
        {selected !== null && <EvolutionPapers fetched={papers} />}
      </div>
    </section>
  );
}
