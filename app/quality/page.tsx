import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DataTable } from '../components/DataTable';
import { ExportChart } from '../components/ExportChart';
import { NoBuild } from '../components/NoBuild';
import { LineChart } from '../components/charts/LineChart';
import { getQualityReport, readOrExplain, type QualityMetric } from '@/lib/store/read';
import { formatCount, formatDecimal, formatShare, formatSourceName } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { describeMetric, metricOrder, NON_METRIC_KEYS, parseTopicsNote, type Verdict } from '@/lib/viz/quality-metrics';
import { maxOf, minOf } from '@/lib/viz/extent';

export const metadata: Metadata = { title: 'Quality' };

const VERDICT_STYLE: Record<Verdict, { label: string; className: string }> = {
  good: { label: 'good', className: 'badge badge-accent' },
  fair: { label: 'fair', className: 'badge' },
  weak: { label: 'weak', className: 'badge badge-warning' },
  none: { label: 'poor', className: 'badge badge-warning' },
};

function MetricCard({ metric }: { metric: QualityMetric }) {
  const d = describeMetric(metric.metric);
  const value = metric.value;
  const reading = d && value != null ? d.read(value) : null;
  const shown = value == null ? 'n/a' : d?.format === 'percent' ? formatShare(value, 1) : formatDecimal(value, 3);
  const position =
    d && value != null ? Math.min(1, Math.max(0, (value - d.range[0]) / (d.range[1] - d.range[0]))) : null;
  return (
    <div className="card">
      <div className="card-header" style={{ marginBottom: 4 }}>
        <h3 style={{ fontSize: 'var(--text-sm)' }}>{d?.title ?? metric.metric}</h3>
        {reading && (
          <span className={VERDICT_STYLE[reading.verdict].className}>{VERDICT_STYLE[reading.verdict].label}</span>
        )}
      </div>
      <div style={{ fontSize: '1.7rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{shown}</div>
      {position != null && (
        <div className="bar-list" aria-hidden="true" style={{ margin: '6px 0 8px' }}>
          <div className="bar-track">
            <div className="bar-fill" style={{ width: `${position * 100}%`, background: 'var(--chart-bar)' }} />
          </div>
        </div>
      )}
      {reading && <p style={{ fontSize: 'var(--text-sm)', marginBottom: 6 }}>{reading.words}.</p>}
      {d && (
        <p className="subtle" style={{ margin: 0 }}>
          {d.about}
        </p>
      )}
      {metric.note && (
        <p className="subtle" style={{ margin: '6px 0 0' }}>
          {metric.note}
        </p>
      )}
    </div>
  );
}

export default async function QualityPage() {
  await connection();
  const result = readOrExplain(() => getQualityReport());
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const report = result.value;
  const metrics = Object.values(report.metrics)
    .filter((m) => !NON_METRIC_KEYS.has(m.metric))
    .sort((a, b) => metricOrder(a.metric) - metricOrder(b.metric) || a.metric.localeCompare(b.metric));
  const value = (key: string) => report.metrics[key]?.value ?? null;
  const silhouette = value('silhouette');
  const coherence = value('coherence');
  const mapKey = Object.keys(report.metrics).find((k) => /^map_|trust|preserv/i.test(k));
  const mapValue = mapKey ? value(mapKey) : null;
  const labelled = value('ari') != null || value('nmi') != null;
  const byCoherence = [...report.topics].sort((a, b) => (b.coherence ?? -Infinity) - (a.coherence ?? -Infinity));
  const coherences = report.topics.map((t) => t.coherence).filter((c): c is number => c != null);
  const cMin = minOf(coherences, 0);
  const cMax = maxOf(coherences, 1e-9);
  const lowTopics = byCoherence.filter((t) => t.coherence != null && t.coherence < 0.03);
  const totalRejected = report.sources.reduce((s, f) => s + f.rejected, 0);
  const topicsNote = parseTopicsNote(report.metrics.topics?.note);
  const outliers = value('outliers');
  const outlierShare = value('outlier_share');
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Quality</span>
        <h1>How far to trust these topics</h1>
      </header>

      <section className="callout" aria-labelledby="trust-title">
        <h2 id="trust-title" style={{ fontSize: 'var(--text-md)' }}>
          In plain words
        </h2>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li data-testid="topics-method">
            The {report.topics.length} topics were found by {topicsNote.method ?? 'clustering the papers\u2019 words'}
            {report.chosenK != null && report.kScores.length > 1 ? (
              <>
                ; their number was picked among {report.kScores.length} candidates
                {topicsNote.choice ? ` ${topicsNote.choice.replace(/^chosen /, '')}` : ''} (
                <a href="#k-title">see how</a>)
              </>
            ) : topicsNote.choice ? (
              <>; their number was {topicsNote.choice}</>
            ) : null}
            . Every paper is assigned one topic; its page also shows how much it belongs to its nearest others.
          </li>
          {outliers != null && (
            <li>
              Outliers: {formatCount(outliers)} {outliers === 1 ? 'paper sits' : 'papers sit'} far from their topic
              {outlierShare != null ? ` (${formatShare(outlierShare, 1)})` : ''}; they stay in it and are shown apart on
              the map and on their topic&apos;s page.
            </li>
          )}
          {report.subtopics.topics > 0 && (
            <li>
              Sub-topics: {formatCount(report.subtopics.topics)} large{' '}
              {report.subtopics.topics === 1 ? 'topic was' : 'topics were'} split into{' '}
              {formatCount(report.subtopics.parts)} parts, labelled on the map when zoomed in and listed on each
              topic&apos;s page.
            </li>
          )}
          {silhouette != null && (
            <li>
              Separation: {describeMetric('silhouette')!.read(silhouette).words} (silhouette{' '}
              {formatDecimal(silhouette, 3)}).
            </li>
          )}
          {coherence != null && (
            <li>
              Labels: {describeMetric('coherence')!.read(coherence).words} (coherence {formatDecimal(coherence, 3)})
              {lowTopics.length > 0 && (
                <>
                  ; {lowTopics.length} {lowTopics.length === 1 ? 'topic has' : 'topics have'} weak coherence and deserve
                  a look at their papers before trusting the label
                </>
              )}
              .
            </li>
          )}
          {mapValue != null && <li>Map: {describeMetric(mapKey!)!.read(mapValue).words}.</li>}
          <li>
            {labelled
              ? 'The source carried labels, so agreement with them is measured below.'
              : 'The sources carry no labels, so there is no external check of the topics: judge them by their papers.'}
          </li>
          {totalRejected > 0 && (
            <li>
              {formatCount(totalRejected)} input records could not be used (<a href="#rejected">why</a>).
            </li>
          )}
        </ul>
      </section>

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
        <section className="card" aria-labelledby="k-title">
          <div className="card-header">
            <h2 id="k-title">How the number of topics was chosen</h2>
          </div>
          {report.kScores.length > 0 ? (
            <>
              <ExportChart filename="k-selection" label="silhouette by number of topics chart">
                <LineChart
                  title="Silhouette for each number of topics tried; the chosen one is marked"
                  points={report.kScores.map((k) => ({ x: String(k.k), y: k.silhouette }))}
                  marked={report.chosenK != null ? String(report.chosenK) : undefined}
                  markedLabel={report.chosenK != null ? `chosen k = ${report.chosenK}` : undefined}
                  formatY={(v) => v.toFixed(3)}
                  xLabel="number of topics (k)"
                  yLabel="silhouette"
                  zeroBased={false}
                />
              </ExportChart>
              <p className="subtle" style={{ marginTop: 8 }}>
                Each candidate k was clustered and scored by silhouette on a sample; higher means better separated
                topics.
              </p>
              <DataTable
                caption="Silhouette per number of topics"
                columns={[{ label: 'k', numeric: true }, { label: 'Silhouette', numeric: true }, { label: 'Chosen' }]}
                rows={report.kScores.map((k) => [String(k.k), formatDecimal(k.silhouette, 4), k.chosen ? 'yes' : ''])}
              />
            </>
          ) : (
            <p className="muted">The number of topics was fixed by an option, not searched.</p>
          )}
        </section>

        <section className="card" aria-labelledby="per-topic-title">
          <h2 id="per-topic-title" className="card-title">
            Coherence of each topic
          </h2>
          <ol className="bar-list" style={{ maxHeight: 420, overflowY: 'auto', paddingRight: 6 }}>
            {byCoherence.map((t) => (
              <li key={t.id}>
                <Link href={`/topics/${t.id}`}>
                  <span className="bar-label">
                    <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                    <span>{t.label}</span>
                  </span>
                  <span className="bar-value">{formatDecimal(t.coherence, 3)}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{
                        display: 'block',
                        width: `${t.coherence != null ? ((t.coherence - cMin) / (cMax - cMin)) * 100 : 0}%`,
                        background: t.coherence != null && t.coherence < 0.03 ? 'var(--warning)' : topicColor(t.id),
                      }}
                    />
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section className="card section" id="rejected" aria-labelledby="rejected-title">
        <h2 id="rejected-title" className="card-title">
          Input records not used
        </h2>
        {totalRejected === 0 ? (
          <p className="muted">Every record of every file was read.</p>
        ) : (
          <div className="grid-2">
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Rejected records by reason</caption>
                <thead>
                  <tr>
                    <th scope="col">Reason</th>
                    <th scope="col" className="num">
                      Records
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejectedByReason.map((r) => (
                    <tr key={r.reason}>
                      <td>{r.reason}</td>
                      <td className="num">{formatCount(r.records)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Rejected records by file</caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col" className="num">
                      Read
                    </th>
                    <th scope="col" className="num">
                      Rejected
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.sources.map((s) => (
                    <tr key={s.file}>
                      <td title={s.file}>{formatSourceName(s.file)}</td>
                      <td className="num">{formatCount(s.recordsRead)}</td>
                      <td className="num">{formatCount(s.rejected)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
