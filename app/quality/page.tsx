import type { Metadata } from 'next';
import { connection } from 'next/server';
import { readQualityReport, readOrExplain } from '@/lib/store/read';
import { metricOrder, NON_METRIC_KEYS } from '@/lib/viz/quality-metrics';
import { NoBuild } from '../components/NoBuild';
import { KSelection } from '../components/quality/KSelection';
import { MetricCard } from '../components/quality/MetricCard';
import { RejectedRecords } from '../components/quality/RejectedRecords';
import { TopicCoherence } from '../components/quality/TopicCoherence';
import { TrustSummary } from '../components/quality/TrustSummary';

export const metadata: Metadata = { title: 'Quality' };

export default async function QualityPage() {
  await connection();
  const result = readOrExplain(() => readQualityReport());
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const report = result.value;
  const metrics = Object.values(report.metrics)
    .filter((m) => !NON_METRIC_KEYS.has(m.metric))
    .sort((a, b) => metricOrder(a.metric) - metricOrder(b.metric) || a.metric.localeCompare(b.metric));
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Quality</span>
        <h1>How far to trust these topics</h1>
      </header>

      <TrustSummary report={report} />

      <section className="section" aria-labelledby="figures-title">
        <h2 id="figures-title">The figures</h2>
        {metrics.length === 0 ? (
          <p className="muted">This build has no quality figures.</p>
        ) : (
          <div className="grid-3">
            {metrics.map((m) => (
              <MetricCard key={m.metric} metric={m} />
            ))}
          </div>
        )}
      </section>

      <div className="grid-2 section">
        <KSelection kScores={report.kScores} chosenK={report.chosenK} />
        <TopicCoherence topics={report.topics} />
      </div>

      <RejectedRecords report={report} />
    </div>
  );
}
