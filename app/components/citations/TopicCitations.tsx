/** A topic's most cited papers (by corpus papers) and the references its papers cite most. */
import Link from 'next/link';
import type { CitationSummary, CitedPaper, CitedReference } from '@/lib/store/read/citations';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { NoReferences } from './Foundations';

export function TopicCitations({
  summary,
  papers,
  references,
}: {
  summary: CitationSummary;
  papers: CitedPaper[];
  references: CitedReference[];
}) {
  return (
    <section className="card section" aria-labelledby="topic-cited" data-testid="topic-citations">
      <h2 id="topic-cited" className="card-title">
        Most cited
      </h2>
      {summary.papersWithReferences === 0 ? (
        <NoReferences />
      ) : (
        <div className="grid-2">
          <div>
            <h3>Papers of this topic, by citations from the corpus</h3>
            {papers.length === 0 ? (
              <p className="muted">No paper of this topic is cited inside the corpus.</p>
            ) : (
              <ol className="row-list">
                {papers.map((p) => (
                  <li key={p.id}>
                    <Link href={`/papers/${p.id}`} className="grow">
                      {p.title}
                    </Link>
                    <span className="subtle">
                      {formatPlural(p.local, 'citation')}
                      {p.global !== null ? ` · ${formatCount(p.global)} in all` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div>
            <h3>References its papers cite most</h3>
            {references.length === 0 ? (
              <p className="muted">No reference is cited by two papers of this topic.</p>
            ) : (
              <ol className="row-list">
                {references.map((r) => (
                  <li key={r.key}>
                    <span className="grow">{r.raw}</span>
                    <span className="subtle">{formatPlural(r.citations, 'paper')}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
