import Link from 'next/link';
import type { TopicDetail } from '@/lib/store/read/topics';
import { maxOf } from '@/lib/viz/extent';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { PaperItem } from '../PaperItem';

/** The papers nearest the topic's centre, with a link to all of its papers. */
export function RepresentativePapers({ detail }: { detail: TopicDetail }) {
  const { topic } = detail;
  return (
    <section className="card" aria-labelledby="reps-title">
      <div className="card-header">
        <h2 id="reps-title">Representative papers</h2>
        <Link href={`/search?topic=${topic.id}`} className="subtle">
          All {formatCount(topic.size)} papers →
        </Link>
      </div>
      {detail.representatives.length === 0 ? (
        <p className="muted">None stored.</p>
      ) : (
        <ul className="paper-list">
          {detail.representatives.map((p) => (
            <PaperItem key={p.id} paper={p} showTopic={false} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The authors with the most papers in the topic, as bars. */
export function TopicAuthors({ authors, color }: { authors: TopicDetail['topAuthors']; color: string }) {
  const maxAuthor = maxOf(
    authors.map((a) => a.papers),
    1,
  );
  return (
    <section className="card" aria-labelledby="authors-title">
      <h2 id="authors-title" className="card-title">
        Top authors
      </h2>
      {authors.length === 0 ? (
        <p className="muted">No named authors in this topic.</p>
      ) : (
        <ol className="bar-list">
          {authors.map((a) => (
            <li key={a.id}>
              <Link href={`/authors/${a.id}`}>
                <span className="bar-label">
                  <span>{a.name}</span>
                </span>
                <span className="bar-value">{formatPlural(a.papers, 'paper')}</span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{ display: 'block', width: `${(a.papers / maxAuthor) * 100}%`, background: color }}
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
