/**
 * "At the edge of this topic": the papers furthest from the topic's typical paper, each with its
 * outlier score and the topic it leans to most after this one.
 */
import Link from 'next/link';
import type { TopicOutliers as Outliers } from '@/lib/store/read/topics';
import { formatCount, formatDecimal, formatPlural, formatShare } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { PaperItem } from '../PaperItem';

/** Outliers listed before the rest fold away under "more". */
const FIRST_SHOWN = 8;

function OutlierItem({ paper }: { paper: Outliers['papers'][number] }) {
  return (
    <PaperItem
      paper={paper}
      showTopic={false}
      extra={
        <>
          <span className="nowrap" title="Robust z-score of its distance to the topic's centre">
            z {formatDecimal(paper.score, 1)}
          </span>
          {paper.nearestOther && (
            <span className="cluster" style={{ gap: 5 }}>
              nearest other topic:
              <Link href={`/topics/${paper.nearestOther.id}`} className="cluster" style={{ gap: 5 }}>
                <span className="swatch" style={{ background: topicColor(paper.nearestOther.id) }} aria-hidden="true" />
                {paper.nearestOther.label}
              </Link>
              <span title="Its membership weight in that topic">({formatShare(paper.nearestOther.weight, 0)})</span>
            </span>
          )}
        </>
      }
    />
  );
}

export function TopicOutliers({ outliers, topicSize }: { outliers: Outliers; topicSize: number }) {
  const threshold = outliers.threshold != null ? formatDecimal(outliers.threshold, 1) : null;
  return (
    <section className="card" aria-labelledby="outliers-title" data-testid="topic-outliers">
      <h2 id="outliers-title" className="card-title">
        At the edge of this topic
      </h2>
      <p className="subtle">
        An outlier is a paper much further from the topic&apos;s centre than its typical paper
        {threshold ? ` (a robust z-score of its distance above ${threshold})` : ''}: it stays in this topic, but often
        sits between topics or on a subject of its own.
      </p>
      {outliers.count === 0 ? (
        <p className="muted">No paper of this topic is an outlier.</p>
      ) : (
        <>
          <p data-testid="outlier-count">
            <strong>{formatPlural(outliers.count, 'outlier')}</strong> ({formatShare(outliers.count / topicSize)} of its
            papers)
            {outliers.count > outliers.papers.length
              ? `; the ${formatCount(outliers.papers.length)} furthest are listed`
              : ''}
            .
          </p>
          <ul className="paper-list">
            {outliers.papers.slice(0, FIRST_SHOWN).map((p) => (
              <OutlierItem key={p.id} paper={p} />
            ))}
          </ul>
          {outliers.papers.length > FIRST_SHOWN && (
            <details className="more">
              <summary>{formatCount(outliers.papers.length - FIRST_SHOWN)} more</summary>
              <ul className="paper-list">
                {outliers.papers.slice(FIRST_SHOWN).map((p) => (
                  <OutlierItem key={p.id} paper={p} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
