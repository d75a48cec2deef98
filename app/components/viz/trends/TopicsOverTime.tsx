/** Topic shares per period: one chart per topic, stacked shares or a streamgraph, and their table. */
import type { TopicShares } from '@/lib/store/read/trends';
import { formatCount, formatPeriod } from '@/lib/viz/format';
import { pickIndices } from '@/lib/viz/trend-series';
import type { StackMode } from '@/lib/viz/trends-state';
import { DataTable } from '../../DataTable';
import { ExportChart } from '../../ExportChart';
import { ChoiceGroup } from '../ChoiceGroup';
import { TopicMultiples } from '../../charts/TopicMultiples';
import { TopicStreamChart } from '../../charts/TopicStreamChart';
import styles from '../viz.module.css';

function TopicChart({
  stack,
  periods,
  papers,
  dense,
  topicShares,
}: {
  stack: StackMode;
  periods: string[];
  papers: number[];
  dense: number[];
  topicShares: TopicShares;
}) {
  if (stack === 'multiples') {
    return (
      <TopicMultiples
        periods={pickIndices(periods, dense)}
        periodPapers={pickIndices(papers, dense)}
        topics={topicShares.topics}
        papers={topicShares.papers.map((row) => pickIndices(row, dense))}
      />
    );
  }
  // Shares leave out the sparse periods; the streamgraph counts papers, so it keeps them all.
  const share = stack === 'share';
  return (
    <TopicStreamChart
      periods={share ? pickIndices(periods, dense) : periods}
      periodPapers={share ? pickIndices(papers, dense) : papers}
      topics={topicShares.topics}
      papers={share ? topicShares.papers.map((row) => pickIndices(row, dense)) : topicShares.papers}
      mode={stack}
    />
  );
}

export function TopicsOverTime({
  stack,
  onStack,
  periods,
  papers,
  dense,
  minPeriodPapers,
  topicShares,
}: {
  stack: StackMode;
  onStack: (stack: StackMode) => void;
  periods: string[];
  papers: number[];
  /** The periods with enough papers for a share. */
  dense: number[];
  minPeriodPapers: number;
  topicShares: TopicShares;
}) {
  return (
    <section className="card" aria-label="Topic shares over time">
      <div className={styles.chartHeader}>
        <h2>Topics over time</h2>
        <ChoiceGroup<StackMode>
          name="stack-mode"
          label="Layout of the topic chart"
          options={[
            ['multiples', 'One chart per topic'],
            ['share', 'Share of papers (stacked)'],
            ['stream', 'Papers (streamgraph)'],
          ]}
          value={stack}
          onChange={onStack}
        />
      </div>
      {stack !== 'stream' && dense.length < periods.length && (
        <p className={styles.hint}>
          Shares leave out the periods with fewer than {minPeriodPapers} papers; the streamgraph shows every period’s
          papers.
        </p>
      )}
      {topicShares.topics.length === 0 || periods.length === 0 ? (
        <p className={styles.hint}>No topics or periods in this build.</p>
      ) : (
        <>
          <ExportChart filename="topicscope-topics-over-time" label="topics over time chart">
            <TopicChart stack={stack} periods={periods} papers={papers} dense={dense} topicShares={topicShares} />
          </ExportChart>
          <DataTable
            caption="Papers per topic and period"
            columns={[{ label: 'Topic' }, ...periods.map((p) => ({ label: formatPeriod(p), numeric: true }))]}
            rows={topicShares.topics.map((t, i) => [t.label, ...topicShares.papers[i].map((n) => formatCount(n))])}
          />
        </>
      )}
    </section>
  );
}
