import Link from 'next/link';
import type { AuthorDetail } from '@/lib/store/read/authors';
import { maxOf } from '@/lib/viz/extent';
import { formatPlural } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';

/** The topics of the author's papers, as bars. */
export function AuthorTopics({ topics }: { topics: AuthorDetail['topics'] }) {
  const maxTopic = maxOf(
    topics.map((t) => t.papers),
    1,
  );
  return (
    <section className="card" aria-labelledby="author-topics-title">
      <h2 id="author-topics-title" className="card-title">
        Topics
      </h2>
      {topics.length === 0 ? (
        <p className="muted">No topic assignments.</p>
      ) : (
        <ol className="bar-list">
          {topics.map((t) => (
            <li key={t.id}>
              <Link href={`/topics/${t.id}`}>
                <span className="bar-label">
                  <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                  <span>{t.label}</span>
                </span>
                <span className="bar-value">{formatPlural(t.papers, 'paper')}</span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{
                      display: 'block',
                      width: `${(t.papers / maxTopic) * 100}%`,
                      background: topicColor(t.id),
                    }}
                  />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
