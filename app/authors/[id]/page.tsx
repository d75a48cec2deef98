import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EgoNetworkView } from '../../components/EgoNetworkView';
import { ExportChart } from '../../components/ExportChart';
import { NoBuild } from '../../components/NoBuild';
import { PaperItem } from '../../components/PaperItem';
import { getAuthor, readAuthorName, readOrExplain } from '@/lib/store/read';
import { formatAffiliation, formatCount, formatDecimal, formatPlural, formatYearRange } from '@/lib/viz/format';
import { communityColor, topicColor } from '@/lib/viz/palette';
import { EMPTY_GRAPH_STATE, formatGraphState, parseRouteId } from '@/lib/viz/url-state';
import { maxOf } from '@/lib/viz/extent';

type Props = { params: Promise<{ id: string }> };

const AUTHOR_ID_NAMES: Record<string, string> = {
  orcid: 'ORCID',
  scopus: 'Scopus author',
  openalex: 'OpenAlex',
  s2: 'Semantic Scholar',
  researcherid: 'ResearcherID',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const result = id != null ? readOrExplain(() => readAuthorName(id)) : null;
  return { title: result?.ok && result.value ? result.value : 'Author' };
}

export default async function AuthorPage({ params }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const result = readOrExplain(() => getAuthor(id));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const author = result.value;
  if (!author) notFound();
  const maxTopic = maxOf(
    author.topics.map((t) => t.papers),
    1,
  );
  const stats = author.stats;
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Author</span>
        <h1>{author.name}</h1>
        {author.affiliations.length > 0 && (
          <p className="subtle" style={{ maxWidth: '90ch' }}>
            {formatAffiliation(author.affiliations[0].name, author.affiliations[0].country)}
          </p>
        )}
        <p className="lede">
          {formatPlural(author.papers.length, 'paper')}
          {author.years && <> · active {formatYearRange(author.years.first, author.years.last)}</>}
          {author.coauthors.length > 0 && <> · {formatPlural(author.coauthors.length, 'co-author')}</>}
        </p>
        <div className="cluster">
          <Link className="btn" href={`/search?author=${author.id}`}>
            Search their papers
          </Link>
          {stats && (
            <Link className="btn" href={`/graph?${formatGraphState({ ...EMPTY_GRAPH_STATE, author: author.id })}`}>
              Show in the co-author graph
            </Link>
          )}
        </div>
      </header>

      {stats && (
        <dl className="stats" aria-label="Position in the co-author graph">
          <div className="stat">
            <dt>Degree</dt>
            <dd>
              {formatCount(stats.degree)}
              <span className="stat-note">distinct co-authors linked</span>
            </dd>
          </div>
          <div className="stat">
            <dt>Weighted degree</dt>
            <dd>
              {formatDecimal(stats.weightedDegree, 1)}
              <span className="stat-note">papers shared, split by team size</span>
            </dd>
          </div>
          <div className="stat">
            <dt>Betweenness</dt>
            <dd>
              {formatDecimal(stats.betweenness, 4)}
              <span className="stat-note">how often on shortest paths (0–1)</span>
            </dd>
          </div>
          <div className="stat">
            <dt>Community</dt>
            <dd className="cluster" style={{ gap: 8 }}>
              {stats.communityId != null ? (
                <>
                  <span
                    className="swatch"
                    style={{ background: communityColor(stats.communityId), width: 14, height: 14 }}
                    aria-hidden="true"
                  />
                  {stats.communityId}
                </>
              ) : (
                '–'
              )}
              {stats.communitySize != null && (
                <span className="stat-note">{formatPlural(stats.communitySize, 'author')}</span>
              )}
            </dd>
          </div>
        </dl>
      )}

      <div className="grid-2 section">
        <section className="card" aria-labelledby="papers-title">
          <h2 id="papers-title" className="card-title">
            Papers
          </h2>
          <ul className="paper-list">
            {author.papers.map((p) => (
              <PaperItem key={p.id} paper={p} />
            ))}
          </ul>
        </section>

        <div className="stack">
          <section className="card" aria-labelledby="ego-title">
            <div className="card-header">
              <h2 id="ego-title">Co-author network</h2>
            </div>
            {author.ego && author.ego.coauthors.length > 0 ? (
              <>
                <ExportChart filename={`author-${author.id}-network`} label="co-author network">
                  <EgoNetworkView ego={author.ego} />
                </ExportChart>
                <p className="subtle" style={{ marginTop: 8 }}>
                  {author.ego.truncated ? `The ${author.ego.coauthors.length} strongest ties are shown. ` : ''}
                  Colours are co-author communities; thicker lines mean more joint papers.
                </p>
              </>
            ) : (
              <p className="muted">No co-authors in the graph (papers with very many authors add no links).</p>
            )}
          </section>

          <section className="card" aria-labelledby="coauthors-title">
            <h2 id="coauthors-title" className="card-title">
              Co-authors
            </h2>
            {author.coauthors.length === 0 ? (
              <p className="muted">None named.</p>
            ) : (
              <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col" className="num">
                        Joint papers
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {author.coauthors.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Link href={`/authors/${c.id}`}>{c.name}</Link>
                        </td>
                        <td className="num">{formatCount(c.joint)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {(author.affiliations.length > 0 || author.identifiers.length > 0) && (
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
          )}
          <section className="card" aria-labelledby="author-topics-title">
            <h2 id="author-topics-title" className="card-title">
              Topics
            </h2>
            {author.topics.length === 0 ? (
              <p className="muted">No topic assignments.</p>
            ) : (
              <ol className="bar-list">
                {author.topics.map((t) => (
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
        </div>
      </div>
    </div>
  );
}
