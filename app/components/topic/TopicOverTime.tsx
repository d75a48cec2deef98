import type { TopicDetail } from '@/lib/store/read/topics';
import { formatCount, formatPeriod, formatShare } from '@/lib/viz/format';
import { DataTable } from '../DataTable';
import { ExportChart } from '../ExportChart';
import { LineChart } from '../charts/LineChart';

/** The topic's share of each period's papers, as a line and a table. */
export function TopicOverTime({ detail }: { detail: TopicDetail }) {
  const { topic } = detail;
  const hasPeriods = detail.periods.some((p) => p.papers > 0);
  return (
    <section className="card" aria-labelledby="share-title">
      <div className="card-header">
        <h2 id="share-title">Share of papers over time</h2>
      </div>
      {hasPeriods ? (
        <>
          <ExportChart filename={`topic-${topic.id}-share`} label="topic share chart">
            <LineChart
              title={`Share of each period's papers in ${topic.label}`}
              points={detail.periods.map((p) => ({ x: formatPeriod(p.period), y: p.share }))}
              filled
              format="share"
              height={200}
            />
          </ExportChart>
          <DataTable
            caption={`Share of papers in ${topic.label} per period`}
            columns={[{ label: 'Period' }, { label: 'Papers', numeric: true }, { label: 'Share', numeric: true }]}
            rows={detail.periods.map((p) => [formatPeriod(p.period), formatCount(p.papers), formatShare(p.share)])}
          />
        </>
      ) : (
        <p className="muted">No dated papers in this topic.</p>
      )}
    </section>
  );
}
