import type { AuthorDetail } from '@/lib/store/read/authors';
import { formatAffiliation, formatPlural, formatYearRange } from '@/lib/viz/format';

const AUTHOR_ID_NAMES: Record<string, string> = {
  orcid: 'ORCID',
  scopus: 'Scopus author',
  openalex: 'OpenAlex',
  s2: 'Semantic Scholar',
  researcherid: 'ResearcherID',
};

/** The author's affiliations over the years, and their identifiers in the services. */
export function AuthorAffiliations({ author }: { author: AuthorDetail }) {
  if (author.affiliations.length === 0 && author.identifiers.length === 0) return null;
  return (
    <section className="card" aria-labelledby="affiliations-title">
      <h2 id="affiliations-title" className="card-title">
        Affiliations
      </h2>
      {author.affiliations.length === 0 ? (
        <p className="muted">The sources give no affiliation for this author.</p>
      ) : (
        <ul className="row-list">
          {author.affiliations.map((a) => (
            <li key={a.id}>
              <span className="grow">{formatAffiliation(a.name, a.country)}</span>
              <span className="subtle nowrap">
                {formatPlural(a.papers, 'paper')}
                {a.first != null && a.last != null ? ` · ${formatYearRange(a.first, a.last)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {author.identifiers.length > 0 && (
        <dl className="id-list" aria-label="Author identifiers">
          {author.identifiers.map((i) => (
            <div key={`${i.scheme}:${i.value}`}>
              <dt>{AUTHOR_ID_NAMES[i.scheme] ?? i.scheme}</dt>
              <dd>
                {i.scheme === 'orcid' ? (
                  <a href={`https://orcid.org/${i.value}`} rel="noreferrer">
                    {i.value}
                  </a>
                ) : i.scheme === 'openalex' ? (
                  <a href={`https://openalex.org/${i.value}`} rel="noreferrer">
                    {i.value}
                  </a>
                ) : (
                  i.value
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
