/**
 * The field's foundations, on the overview: the corpus papers its own papers cite most, and the
 * references outside the corpus they cite most (bibliometrix's most-cited references), with counts
 * and a CSV. A corpus without reference lists says so and names the exports that carry them.
 */
import Link from 'next/link';
import type { CitationSummary, CitedPaper, CitedPeriod, CitedReference } from '@/lib/store/read/citations';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { CitedPaperList, CitedReferenceList } from './CitedLists';

export function NoReferences() {
  return (
    <p className="muted" data-testid="no-references">
      This corpus has no reference lists, so there is no citation layer. Exports that carry them: Web of Science (plain
      text or tab-delimited, &ldquo;Full Record and Cited References&rdquo;), Scopus CSV with references, OpenAlex
      works, PubMed XML, Semantic Scholar, Crossref and Lens.
    </p>
  );
}

export function Foundations({
  summary,
  papers,
  references,
  byPeriod = [],
}: {
  summary: CitationSummary;
  papers: CitedPaper[];
  references: CitedReference[];
  /** The most cited corpus papers per period of publication, latest first. */
  byPeriod?: CitedPeriod[];
}) {
  return (
    <section className="card section" aria-labelledby="foundations" data-testid="foundations">
      <div className="card-header">
        <h2 id="foundations">Foundations</h2>
        {summary.papersWithReferences > 0 && (
          <a href="/api/citations/foundations?format=csv" className="subtle" download>
            CSV
          </a>
        )}
      </div>
      {summary.papersWithReferences === 0 ? (
        <NoReferences />
      ) : (
        <>
          <p className="muted">
            {formatCount(summary.papersWithReferences)} of {formatCount(summary.papers)} papers list their references (
            {formatCount(summary.references)} in all); {formatCount(summary.resolved)} point to papers of this corpus,
            making {formatPlural(summary.citations, 'citation')} inside it
            {summary.citations > 0 && (
              <>
                {' '}
                (<Link href="/graph?net=citations">their network</Link>,{' '}
                <Link href="/graph?net=historiograph">the historiograph</Link>)
              </>
            )}
            .
          </p>
          <div className="grid-2">
            <div>
              <h3>Most cited in this corpus</h3>
              <CitedPaperList
                papers={papers}
                empty="No paper of the corpus cites another."
                testId="most-cited-papers"
              />
            </div>
            <div>
              <h3>Most cited references outside it</h3>
              <CitedReferenceList
                references={references}
                empty="No outside reference is cited by two papers or more."
                testId="most-cited-references"
              />
            </div>
          </div>
          {byPeriod.length > 0 && (
            <>
              <h3>Most cited in this corpus, by when they were published</h3>
              <div className="grid-2" data-testid="most-cited-by-period">
                {byPeriod.map((p) => (
                  <div key={p.period}>
                    <h4 className="subtle">{p.period}</h4>
                    <CitedPaperList papers={p.papers} empty="" />
                  </div>
                ))}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
