import Link from 'next/link';
import type { AuthorDetail } from '@/lib/store/read/authors';
import { formatAffiliation, formatCount, formatDecimal, formatPlural, formatYearRange } from '@/lib/viz/format';
import { communityColor } from '@/lib/viz/palette';
import { EMPTY_GRAPH_STATE, formatGraphState } from '@/lib/viz/graph-state';

/** The author's name, first affiliation, papers and years, with links to their papers and their place in the graph. */
export function AuthorHeader({ author }: { author: AuthorDetail }) {
  const stats = author.stats;
  return (
    <header className="page-header">
      <span className="eyebrow">Author</span>
      <h1>{author.name}</h1>
      {author.affiliations.length > 0 && (
        <p className="subtle" style={{ maxWidth: '90ch' }}>
          {formatAffiliation(author.affiliations[0].name, author.affiliations[0].country)}
        </p>
      )}
      <p className="lede">
        {formatPlural(author.paperCount, 'paper')}
        {author.years && <> · active {formatYearRange(author.years.first, author.years.last)}</>}
        {author.coauthorCount > 0 && <> · {formatPlural(author.coauthorCount, 'co-author')}</>}
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
  );
}

/** Where the author sits in the co-author graph: degree, weighted degree, betweenness, community. */
export function AuthorGraphStats({ stats }: { stats: NonNullable<AuthorDetail['stats']> }) {
  return (
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
  );
}
