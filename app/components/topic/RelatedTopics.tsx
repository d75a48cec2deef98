import Link from 'next/link';
import type { TopicDetail } from '@/lib/store/read/topics';
import { maxOf } from '@/lib/viz/extent';
import { formatDecimal } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';

/** The topics nearest this one by the cosine of their centroids, as bars. */
export function RelatedTopics({ related }: { related: TopicDetail['related'] }) {
  const maxSimilarity = maxOf(
    related.map((r) => r.similarity),
    1e-9,
  );
  return (
    <section className="card" aria-labelledby="related-title">
      <h2 id="related-title" className="card-title">
        Related topics
      </h2>
      {related.length === 0 ? (
        <p className="muted">No related topics.</p>
      ) : (
        <ol className="bar-list">
          {related.map((r) => (
            <li key={r.id}>
              <Link href={`/topics/${r.id}`}>
                <span className="bar-label">
                  <span className="swatch" style={{ background: topicColor(r.id) }} aria-hidden="true" />
                  <span>{r.label}</span>
                </span>
                <span className="bar-value" title="Cosine similarity of the topic centroids">
                  {formatDecimal(r.similarity, 2)}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{
                      display: 'block',
                      width: `${(Math.max(0, r.similarity) / maxSimilarity) * 100}%`,
                      background: topicColor(r.id),
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
