import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { maxOf } from '@/lib/viz/extent';
import { formatCount, formatShare } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';

const SHOWN = 15;

/** The largest topics as bars, each linking to its page. */
export function TopicsBySize({ topics }: { topics: Overview['topics'] }) {
  const maxTopic = maxOf(
    topics.map((t) => t.size),
    1,
  );
  const topTopics = topics.slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="topics-by-size">
      <div className="card-header">
        <h2 id="topics-by-size">Topics by size</h2>
        <Link href="/topics" className="subtle">
          All {topics.length} topics →
        </Link>
      </div>
      <ol className="bar-list">
        {topTopics.map((t) => (
          <li key={t.id}>
            <Link href={`/topics/${t.id}`}>
              <span className="bar-label">
                <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                <span>{t.label}</span>
              </span>
              <span className="bar-value">
                {formatCount(t.size)} · {formatShare(t.share)}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className="bar-fill"
                  style={{ display: 'block', width: `${(t.size / maxTopic) * 100}%`, background: topicColor(t.id) }}
                />
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {topics.length > topTopics.length && (
        <p className="subtle" style={{ marginTop: 12 }}>
          and {topics.length - topTopics.length} smaller topics.
        </p>
      )}
    </section>
  );
}
