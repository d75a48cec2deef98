import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { maxOf } from '@/lib/viz/extent';
import { formatPlural } from '@/lib/viz/format';

/** The authors with the most co-authors, as bars. */
export function ConnectedAuthors({ authors }: { authors: Overview['topAuthors'] }) {
  const maxDegree = maxOf(
    authors.map((a) => a.degree),
    1,
  );
  return (
    <section className="card" aria-labelledby="connected">
      <div className="card-header">
        <h2 id="connected">Most connected authors</h2>
        <Link href="/graph" className="subtle">
          Co-author graph →
        </Link>
      </div>
      {authors.length === 0 ? (
        <p className="muted">This corpus names no co-authors.</p>
      ) : (
        <ol className="bar-list">
          {authors.map((a) => (
            <li key={a.id}>
              <Link href={`/authors/${a.id}`}>
                <span className="bar-label">
                  <span>{a.name}</span>
                </span>
                <span className="bar-value">
                  {formatPlural(a.degree, 'co-author')} · {formatPlural(a.papers, 'paper')}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{
                      display: 'block',
                      width: `${(a.degree / maxDegree) * 100}%`,
                      background: 'var(--chart-bar)',
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
