import type { QualityReport } from '@/lib/store/read/quality';
import { formatCount, formatDecimal, formatShare } from '@/lib/viz/format';
import { describeMetric, parseTopicsNote } from '@/lib/viz/quality-metrics';

/** Coherence under which a topic's label deserves a look at its papers. */
export const WEAK_COHERENCE = 0.03;

/** The quality report in plain words: how the topics were found and how far each figure says to trust them. */
export function TrustSummary({ report }: { report: QualityReport }) {
  const value = (key: string) => report.metrics[key]?.value ?? null;
  const silhouette = value('silhouette');
  const coherence = value('coherence');
  const mapKey = Object.keys(report.metrics).find((k) => /^map_|trust|preserv/i.test(k));
  const mapValue = mapKey ? value(mapKey) : null;
  const labelled = value('ari') != null || value('nmi') != null;
  const lowTopics = report.topics.filter((t) => t.coherence != null && t.coherence < WEAK_COHERENCE);
  const totalRejected = report.sources.reduce((s, f) => s + f.rejected, 0);
  const topicsNote = parseTopicsNote(report.metrics.topics?.note);
  const outliers = value('outliers');
  const outlierShare = value('outlier_share');
  return (
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
              {topicsNote.choice ? ` ${topicsNote.choice.replace(/^chosen /, '')}` : ''} (<a href="#k-title">see how</a>
              )
            </>
          ) : topicsNote.choice ? (
            <>; their number was {topicsNote.choice}</>
          ) : null}
          . Every paper is assigned one topic; its page also shows how much it belongs to its nearest others.
        </li>
        {report.topicMethod && <li data-testid="topics-method-reason">Why this method: {report.topicMethod.why}.</li>}
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
                ; {lowTopics.length} {lowTopics.length === 1 ? 'topic has' : 'topics have'} weak coherence and deserve a
                look at their papers before trusting the label
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
  );
}
