import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DataTable } from './components/DataTable';
import { ExportChart } from './components/ExportChart';
import { NoBuild } from './components/NoBuild';
import { ColumnChart } from './components/charts/ColumnChart';
import { Sparkline } from './components/charts/Sparkline';
import {
  getOverview,
  readCitationSummary,
  readFoundations,
  readMostCitedPapers,
  readOrExplain,
} from '@/lib/store/read';
import { Foundations } from './components/citations/Foundations';
import {
  formatCount,
  formatPaperDate,
  formatPlural,
  formatShare,
  formatSourceName,
  formatYearRange,
} from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { EMPTY_TRENDS_STATE, formatTrendsState } from '@/lib/viz/trends-state';
import { maxOf } from '@/lib/viz/extent';

export const metadata: Metadata = { title: 'Overview' };

function trendsHref(terms: string[]): string {
  return `/trends?${formatTrendsState({ ...EMPTY_TRENDS_STATE, terms })}`;
}

export default async function OverviewPage() {
  await connection();
  const result = readOrExplain(() => ({
    overview: getOverview(),
    citations: readCitationSummary(),
    citedPapers: readMostCitedPapers({ limit: 10 }),
    foundations: readFoundations(10),
  }));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const o = result.value.overview;
  const { citations, citedPapers, foundations } = result.value;
  const maxTopic = maxOf(
    o.topics.map((t) => t.size),
    1,
  );
  const topTopics = o.topics.slice(0, 15);
  const maxDegree = maxOf(
    o.topAuthors.map((a) => a.degree),
    1,
  );
  return (
    <div className="page">
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

      <div className="grid-2 section">
        <section className="card" aria-labelledby="topics-by-size">
          <div className="card-header">
            <h2 id="topics-by-size">Topics by size</h2>
            <Link href="/topics" className="subtle">
              All {o.topics.length} topics →
            </Link>
          </div>
          <ol className="bar-list">
            {topTopics.map((t) => (
              <li key={t.id}>
                <Link href={`/topics/${t.id}`}>
                  <span className="bar-label">
                    <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                    <span>{t.label}</span>
                  </span>
                  <span className="bar-value">
                    {formatCount(t.size)} · {formatShare(t.share)}
                  </span>
                  <span className="bar-track" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ display: 'block', width: `${(t.size / maxTopic) * 100}%`, background: topicColor(t.id) }}
                    />
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          {o.topics.length > topTopics.length && (
            <p className="subtle" style={{ marginTop: 12 }}>
              and {o.topics.length - topTopics.length} smaller topics.
            </p>
          )}
        </section>

        <div className="stack">
          <section className="card" aria-labelledby="per-year">
            <div className="card-header">
              <h2 id="per-year">Papers per year</h2>
            </div>
            {o.papersPerYear.length > 0 ? (
              <ExportChart filename="papers-per-year" label="papers per year chart">
                <ColumnChart
                  title="Papers per year"
                  data={o.papersPerYear.map((y) => ({
                    label: String(y.year),
                    value: y.papers,
                    href: `/search?from=${y.year}&to=${y.year}`,
                  }))}
                  formatValue={formatCount}
                />
              </ExportChart>
            ) : (
              <p className="muted">No paper in this corpus has a year.</p>
            )}
            <DataTable
              caption="Papers per year"
              columns={[{ label: 'Year' }, { label: 'Papers', numeric: true }]}
              rows={o.papersPerYear.map((y) => [
                <Link key="y" href={`/search?from=${y.year}&to=${y.year}`}>
                  {y.year}
                </Link>,
                formatCount(y.papers),
              ])}
            />
          </section>

          <section className="card" aria-labelledby="rising">
            <div className="card-header">
              <h2 id="rising">Rising terms</h2>
              {o.risingTerms.length > 1 && (
                <Link href={trendsHref(o.risingTerms.slice(0, 4).map((t) => t.term))} className="subtle">
                  Compare the top four →
                </Link>
              )}
            </div>
            {o.risingTerms.length === 0 ? (
              <p className="muted">Not enough dated papers to see terms rise.</p>
            ) : (
              <ul className="row-list">
                {o.risingTerms.map((t) => (
                  <li key={t.termId}>
                    <Link href={trendsHref([t.term])} className="grow">
                      {t.term}
                    </Link>
                    <Sparkline
                      values={t.series.map((s) => s.share)}
                      label={`Share of papers mentioning ${t.term} per period, from ${formatShare(t.series[0]?.share ?? 0)} to ${formatShare(t.series[t.series.length - 1]?.share ?? 0)}`}
                    />
                    <span
                      className="subtle num"
                      style={{ width: 56, textAlign: 'right' }}
                      title="Share of papers in the most recent periods"
                    >
                      {formatShare(t.recentShare)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <div className="grid-2 section">
        <section className="card" aria-labelledby="connected">
          <div className="card-header">
            <h2 id="connected">Most connected authors</h2>
            <Link href="/graph" className="subtle">
              Co-author graph →
            </Link>
          </div>
          {o.topAuthors.length === 0 ? (
            <p className="muted">This corpus names no co-authors.</p>
          ) : (
            <ol className="bar-list">
              {o.topAuthors.map((a) => (
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

        <section className="card" aria-labelledby="explore">
          <h2 id="explore">Explore</h2>
          <ul className="row-list">
            <li>
              <Link href="/map" className="grow">
                Topic map
              </Link>
              <span className="subtle">every paper as a point, coloured by topic</span>
            </li>
            <li>
              <Link href="/topics" className="grow">
                Topics
              </Link>
              <span className="subtle">terms, papers and authors of each topic</span>
            </li>
            <li>
              <Link href="/trends" className="grow">
                Keyword trends
              </Link>
              <span className="subtle">subjects rising and bursting, topic evolution</span>
            </li>
            <li>
              <Link href="/graph" className="grow">
                Networks
              </Link>
              <span className="subtle">co-author communities, term and institution maps, citation maps</span>
            </li>
            <li>
              <Link href="/quality" className="grow">
                Quality report
              </Link>
              <span className="subtle">how far to trust the topics</span>
            </li>
          </ul>
        </section>
      </div>

      <Foundations summary={citations} papers={citedPapers} references={foundations} />

      <section className="card section" id="sources" aria-labelledby="sources-title">
        <div className="card-header">
          <h2 id="sources-title">Sources</h2>
          <span className="subtle">what became of each file&apos;s records</span>
        </div>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Venue</th>
                <th scope="col">Format</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col" className="num">
                  Kept
                </th>
                <th scope="col" className="num">
                  Merged
                </th>
                <th scope="col" className="num">
                  No abstract
                </th>
                <th scope="col" className="num">
                  Rejected
                </th>
              </tr>
            </thead>
            <tbody>
              {o.sources.map((s) => (
                <tr key={s.file}>
                  <td>
                    <Link href={`/search?source=${encodeURIComponent(s.file)}`} title={s.notes ?? undefined}>
                      {formatSourceName(s.file)}
                    </Link>
                  </td>
                  <td>
                    {s.venue
                      ? s.year && !s.venue.includes(String(s.year))
                        ? `${s.venue} ${s.year}`
                        : s.venue
                      : (s.year ?? '–')}
                  </td>
                  <td>
                    <code>{s.layout}</code>
                    {s.warnings.map((w) => (
                      <span key={w} className="badge badge-warning" title={w} style={{ marginLeft: 6 }}>
                        note
                      </span>
                    ))}
                  </td>
                  <td className="num">{formatCount(s.recordsRead)}</td>
                  <td className="num">{formatCount(s.papersKept)}</td>
                  <td
                    className="num"
                    title={
                      s.duplicatesMerged > 0
                        ? [
                            ...Object.entries(s.mergedBy)
                              .filter(([, n]) => n > 0)
                              .map(([how, n]) => `${formatCount(n)} by ${how === 'id' ? 'identifier' : how}`),
                            ...Object.entries(s.mergedWith).map(
                              ([file, n]) => `${formatCount(n)} into papers of ${formatSourceName(file)}`,
                            ),
                          ].join('\n')
                        : undefined
                    }
                  >
                    {formatCount(s.duplicatesMerged)}
                  </td>
                  <td className="num">{formatCount(s.withoutAbstract)}</td>
                  <td className="num">
                    {s.rejected > 0 ? (
                      <Link
                        href="/quality#rejected"
                        title={Object.entries(s.rejectReasons)
                          .map(([reason, n]) => `${reason}: ${n}`)
                          .join('\n')}
                      >
                        {formatCount(s.rejected)}
                      </Link>
                    ) : (
                      '0'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
