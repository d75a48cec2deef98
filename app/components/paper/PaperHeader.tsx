import Link from 'next/link';
import type { PaperDetail } from '@/lib/store/read/papers';
import { formatAffiliation, formatCount, formatFormatName, formatPaperDate, formatPlural } from '@/lib/viz/format';
import { LatexText } from '../LatexText';

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** How a version link reads on the page. */
const VERSION_KINDS: Record<string, string> = {
  'is-preprint-of': 'Preprint of',
  'has-preprint': 'Preprint:',
  'is-version-of': 'A version of',
  'has-version': 'Other version:',
};

/** The authors, each with the numbers of their affiliations, and the affiliations listed below. */
function PaperAuthors({ paper }: { paper: PaperDetail }) {
  const unnamed = paper.authors.length === 0 && (paper.authorCount ?? 0) > 0;
  // Affiliation numbers per author position, as a paper's title page shows them.
  const marks = new Map<number, number[]>();
  paper.affiliations.forEach((a, i) => {
    for (const p of a.positions) marks.set(p, [...(marks.get(p) ?? []), i + 1]);
  });
  return (
    <>
      <p className="lede" style={{ fontSize: 'var(--text-md)' }}>
        {paper.authors.length > 0 ? (
          paper.authors.map((a, i) => (
            <span key={a.position}>
              {i > 0 && ', '}
              <Link href={`/authors/${a.id}`}>{a.name}</Link>
              {marks.has(a.position) && <sup className="subtle">{marks.get(a.position)?.join(',')}</sup>}
            </span>
          ))
        ) : unnamed ? (
          <span className="muted">{paper.authorCount} authors, names not in the source</span>
        ) : (
          <span className="muted">Authors not given</span>
        )}
      </p>
      {paper.affiliations.length > 0 && (
        <ol className="affiliation-list subtle" aria-label="Affiliations">
          {paper.affiliations.map((a, i) => (
            <li key={a.id} value={i + 1}>
              <sup>{i + 1}</sup> {formatAffiliation(a.name, a.country)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Date, venue, type, DOI, citation count, label and arXiv id; then the paper's other versions. */
function PaperFacts({ paper }: { paper: PaperDetail }) {
  return (
    <>
      <div className="paper-meta" style={{ fontSize: 'var(--text-sm)' }}>
        {(paper.date || paper.year) && <span>{formatPaperDate(paper.date, paper.year)}</span>}
        {paper.venue && <span>{paper.venue}</span>}
        {paper.docType && <span className="badge">{paper.docType}</span>}
        {paper.doi && (
          <a href={`https://doi.org/${paper.doi}`} rel="noreferrer">
            doi:{paper.doi}
          </a>
        )}
        {paper.citedBy && (
          <span
            title={`Times cited as ${paper.citedBy.source ? formatFormatName(paper.citedBy.source) : 'the source'} counts it, across all of its database`}
          >
            cited {formatPlural(paper.citedBy.count, 'time')}
            {paper.citedBy.source ? ` (${formatFormatName(paper.citedBy.source)})` : ''}
          </span>
        )}
        {paper.referenceCount + paper.citedByCorpusCount > 0 && (
          <span title="Citations from papers of this corpus" data-testid="local-citations">
            {formatCount(paper.citedByCorpusCount)} in this corpus
          </span>
        )}
        {paper.label && <span className="badge">{paper.label}</span>}
        {paper.externalId &&
          (ARXIV_ID.test(paper.externalId) ? (
            <a href={`https://arxiv.org/abs/${paper.externalId}`} rel="noreferrer">
              arXiv:{paper.externalId}
            </a>
          ) : (
            <span>{paper.externalId}</span>
          ))}
      </div>
      {paper.versions.length > 0 && (
        <p className="subtle" style={{ fontSize: 'var(--text-sm)' }}>
          {paper.versions.map((v, i) => (
            <span key={`${v.kind}:${v.doi}`}>
              {i > 0 && ' · '}
              {VERSION_KINDS[v.kind] ?? v.kind}{' '}
              {v.paper ? (
                <Link href={`/papers/${v.paper.id}`}>
                  <LatexText text={v.paper.title} />
                </Link>
              ) : (
                <a href={`https://doi.org/${v.doi}`} rel="noreferrer">
                  doi:{v.doi}
                </a>
              )}
            </span>
          ))}
        </p>
      )}
    </>
  );
}

/** The paper's title (derived or not), authors and facts. */
export function PaperHeader({ paper }: { paper: PaperDetail }) {
  return (
    <header className="page-header">
      <span className="eyebrow">Paper{paper.venue ? ` · ${paper.venue}` : ''}</span>
      <h1 style={{ maxWidth: '40ch' }}>
        <LatexText text={paper.title} />
      </h1>
      {paper.titleDerived && (
        <p>
          <span className="badge badge-warning" title="The source listed no title">
            derived title
          </span>{' '}
          <span className="subtle">
            The source had no title; this one is taken from the tl;dr or the first sentence.
          </span>
        </p>
      )}
      <PaperAuthors paper={paper} />
      <PaperFacts paper={paper} />
    </header>
  );
}
