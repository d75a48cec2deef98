/**
 * A paper's place among the topics: its nearest topics with their soft membership weights, the
 * part of its topic it falls in, and a note when it sits far from its topic's typical paper.
 */
import Link from 'next/link';
import type { PaperDetail } from '@/lib/store/read/papers';
import { formatDecimal, roundPercents } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { formatSearchQuery } from '@/lib/viz/search-state';

export function PaperMembership({
  topic,
  memberships,
  subtopic,
  outlier,
}: Pick<PaperDetail, 'topic' | 'memberships' | 'subtopic' | 'outlier'>) {
  if (!topic) return null;
  // Whole percents that never add up past 100, so the bars and their numbers agree.
  const percents = roundPercents(memberships.map((m) => m.weight));
  const rest = 100 - percents.reduce((sum, p) => sum + p, 0);
  const others = memberships.filter((m) => m.topicId !== topic.id);
  return (
    <div className="membership" data-testid="topic-membership">
      {subtopic && (
        <p className="subtle" style={{ margin: '6px 0 0' }}>
          Sub-topic:{' '}
          <Link href={`/search?${formatSearchQuery({ topic: topic.id, sub: subtopic.id })}`}>{subtopic.label}</Link>
        </p>
      )}
      {memberships.length > 0 && (
        <>
          <h3 className="subtle membership-title">Topic membership</h3>
          <ol className="bar-list" aria-label="Nearest topics by membership weight">
            {memberships.map((m, i) => (
              <li key={m.rank} data-weight={m.weight}>
                <Link href={`/topics/${m.topicId}`}>
                  <span className="bar-label">
                    <span className="swatch" style={{ background: topicColor(m.topicId) }} aria-hidden="true" />
                    <span>{m.label}</span>
                  </span>
                  <span className="bar-value">{percents[i]}%</span>
                  <span className="bar-track" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ display: 'block', width: `${m.weight * 100}%`, background: topicColor(m.topicId) }}
                    />
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          <p className="subtle" style={{ margin: '6px 0 0' }}>
            How much the paper belongs to each of its nearest topics (fuzzy membership over all topics)
            {rest > 0 ? `; the other topics share the remaining ${rest}%` : ''}.
          </p>
        </>
      )}
      {outlier?.isOutlier && (
        <p className="callout callout-warning membership-note" data-testid="outlier-note">
          <strong>At the edge of its topic.</strong> Far from its topic&apos;s typical paper (robust z-score{' '}
          {formatDecimal(outlier.score, 1)}
          {outlier.threshold != null ? `, above ${formatDecimal(outlier.threshold, 1)}` : ''})
          {others.length > 0 && (
            <>
              ; nearest other topics:{' '}
              {others.map((m, i) => (
                <span key={m.topicId}>
                  {i > 0 && ', '}
                  <Link href={`/topics/${m.topicId}`}>{m.label}</Link> ({percents[memberships.indexOf(m)]}%)
                </span>
              ))}
            </>
          )}
          .
        </p>
      )}
    </div>
  );
}
