/**
 * A topic's sub-topics: each part's label, size and share of the topic, its top terms, and a link
 * to its papers (the search page filtered to the part). Says why when the topic is not split.
 */
import Link from 'next/link';
import type { TopicSubtopic } from '@/lib/store/read/topics';
import { formatCount, formatPlural, formatShare } from '@/lib/viz/format';
import { formatSearchQuery } from '@/lib/viz/search-state';

const TERMS_SHOWN = 5;

export function TopicSubtopics({
  topicId,
  topicSize,
  subtopics,
  minPapers,
  color,
}: {
  topicId: number;
  topicSize: number;
  subtopics: TopicSubtopic[];
  /** The smallest topic the pipeline splits. */
  minPapers: number;
  color: string;
}) {
  return (
    <section className="card" aria-labelledby="subtopics-title" data-testid="topic-subtopics">
      <h2 id="subtopics-title" className="card-title">
        Sub-topics
      </h2>
      {subtopics.length === 0 ? (
        <p className="muted" data-testid="subtopics-empty">
          {topicSize < minPapers
            ? `Not split: only topics of ${formatCount(minPapers)} papers or more are divided into sub-topics, and this one has ${formatPlural(topicSize, 'paper')}.`
            : 'This topic was not divided into sub-topics.'}
        </p>
      ) : (
        <>
          <p className="subtle">
            The topic&apos;s papers clustered again among themselves into {subtopics.length} parts; each label names
            what sets its part apart from the others of this topic.
          </p>
          <ol className="part-list">
            {subtopics.map((s) => (
              <li key={s.id} data-testid="subtopic">
                <span className="part-label">{s.label}</span>
                <span className="part-value">
                  {formatPlural(s.size, 'paper')} · {formatShare(s.share, 0)}
                </span>
                <span className="part-track" aria-hidden="true">
                  <span className="part-fill" style={{ width: `${s.share * 100}%`, background: color }} />
                </span>
                <span className="part-terms">
                  {s.terms
                    .slice(0, TERMS_SHOWN)
                    .map((t) => t.term)
                    .join(' · ')}
                </span>
                <Link className="part-link" href={`/search?${formatSearchQuery({ topic: topicId, sub: s.id })}`}>
                  Papers →
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
