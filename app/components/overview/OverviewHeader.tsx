import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { formatCount, formatPaperDate, formatPlural, formatYearRange } from '@/lib/viz/format';

/** The corpus in a sentence, and its counts at a glance. */
export function OverviewHeader({ o }: { o: Overview }) {
  return (
    <>
      <header className="page-header">
        <span className="eyebrow">Overview</span>
        <h1>
          {formatCount(o.papers)} papers in {formatPlural(o.topics.length, 'topic')}
        </h1>
        <p className="lede">
          {o.years ? `Published ${formatYearRange(o.years.first, o.years.last)}, ` : ''}
          read from {formatPlural(o.sources.length, 'source file')}.{' '}
          {o.build.builtAt ? `Built ${formatPaperDate(o.build.builtAt.slice(0, 10))}.` : ''}
        </p>
      </header>

      <dl className="stats" aria-label="The corpus at a glance">
        <div className="stat">
          <dt>Papers</dt>
          <dd>
            <Link href="/search">{formatCount(o.papers)}</Link>
          </dd>
        </div>
        <div className="stat">
          <dt>Authors</dt>
          <dd>
            <Link href="/graph">{formatCount(o.authors)}</Link>
            <span className="stat-note">named on {formatCount(o.papersWithNames)} papers</span>
          </dd>
        </div>
        <div className="stat">
          <dt>Topics</dt>
          <dd>
            <Link href="/topics">{formatCount(o.topics.length)}</Link>
          </dd>
        </div>
        <div className="stat">
          <dt>Years</dt>
          <dd>
            {o.years ? formatYearRange(o.years.first, o.years.last) : '–'}
            {o.undatedPapers > 0 && <span className="stat-note">{formatCount(o.undatedPapers)} undated</span>}
          </dd>
        </div>
        <div className="stat">
          <dt>Sources</dt>
          <dd>
            <a href="#sources">{formatCount(o.sources.length)}</a>
          </dd>
        </div>
      </dl>
    </>
  );
}
