import type { Metadata } from 'next';
import { connection } from 'next/server';
import {
  findAuthorIdByName,
  readSearchOptions,
  readAuthorName,
  readOrExplain,
  isSearchCursorError,
  readTopicSubtopics,
  searchPapers,
  SEARCH_EXPORT_MAX_ROWS,
} from '@/lib/store/read';
import { formatCount } from '@/lib/viz/format';
import { formatSearchQuery, parseSearchQuery, type SearchQuery } from '@/lib/viz/search-state';
import { firstParam, parseRouteId, type SearchParamsRecord } from '@/lib/viz/url-state';
import { NoBuild } from '../components/NoBuild';
import { Pager } from '../components/Pager';
import { ActiveFilters } from '../components/search/ActiveFilters';
import { SearchFilters } from '../components/search/SearchFilters';
import { SearchHits } from '../components/search/SearchHits';

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchQuery(await searchParams);
  return { title: parsed.ok && parsed.query.q ? `“${parsed.query.q}”` : 'Search' };
}

const EMPTY_QUERY: SearchQuery = {
  q: '',
  page: 1,
  after: undefined,
  topic: undefined,
  sub: undefined,
  from: undefined,
  to: undefined,
  source: undefined,
  author: undefined,
};

/**
 * The author filter: an id names an author (or, unknown, is shown as typed), a name is looked up.
 * An unknown author gets id -1, which matches nothing rather than being silently dropped.
 */
function resolveAuthor(author: string | undefined): { id?: number; name?: string } {
  if (!author) return {};
  const id = parseRouteId(author);
  if (id == null) return { id: findAuthorIdByName(author) ?? -1, name: author };
  const name = readAuthorName(id);
  return { id: name != null ? id : -1, name: name ?? author };
}

/** The search's answer, from the database: filter options, the page of hits, and the labels of its
 * filters. A cursor that is not this search's gives the first page and says so. */
function readSearch(query: SearchQuery) {
  const options = readSearchOptions();
  const author = resolveAuthor(query.author);
  const filters = {
    topic: query.topic,
    subtopic: query.sub,
    from: query.from,
    to: query.to,
    source: query.source,
    author: author.id,
  };
  let badCursor = false;
  let results;
  try {
    results = searchPapers(query.q, filters, query.page, undefined, undefined, query.after ?? null);
  } catch (error) {
    if (!isSearchCursorError(error)) throw error;
    badCursor = true;
    results = searchPapers(query.q, filters, 1);
  }
  const subtopicLabel =
    query.topic != null && query.sub != null
      ? (readTopicSubtopics(query.topic).find((s) => s.id === query.sub)?.label ?? null)
      : null;
  return { options, results, badCursor, authorName: author.name, authorUnknown: author.id === -1, subtopicLabel };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  // The form keeps a sub-topic filter in a hidden field: when "Any topic" is picked with it, the
  // sub-topic goes too (the API, asked directly, answers 400 instead).
  const parsed = parseSearchQuery(
    firstParam(params, 'sub') != null && !firstParam(params, 'topic') ? { ...params, sub: undefined } : params,
  );
  const query = parsed.ok ? parsed.query : EMPTY_QUERY;
  const result = readOrExplain(() => readSearch(query));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { options, results, badCursor, authorName, authorUnknown, subtopicLabel } = result.value;
  const ms = results.elapsedMs;
  const linkParams = { ...query, page: undefined, after: undefined };
  // The next page starts after this one's last row (its cursor); an earlier page is named by its
  // number, which the search reads without ranking every match.
  const hrefFor = (page: number) =>
    page === results.page + 1 && results.next
      ? `/search?${formatSearchQuery({ ...linkParams, page, after: results.next })}`
      : `/search?${formatSearchQuery({ ...linkParams, page })}`;
  const filtered =
    query.topic != null || query.sub != null || query.from != null || query.to != null || query.source || query.author;
  const exportHref = `/api/search/export?${formatSearchQuery(linkParams)}`;
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Search</span>
        <h1>{query.q ? <>Papers matching “{query.q}”</> : filtered ? 'Papers' : 'Search papers'}</h1>
      </header>

      <SearchFilters query={query} options={options} authorName={authorName} />

      {badCursor && (
        <p className="callout callout-warning section" role="alert">
          The link’s page position (after={query.after}) is not one of this search’s: showing the first page.
        </p>
      )}

      {!parsed.ok && (
        <p className="callout callout-warning section" role="alert">
          Some of the search parameters were not understood and were ignored: {parsed.error}.
        </p>
      )}

      <section className="section" aria-labelledby="results-title" aria-live="polite">
        <div className="section-title">
          <h2 id="results-title" style={{ fontSize: 'var(--text-md)' }}>
            {results.totalCapped ? 'More than ' : ''}
            {formatCount(results.total)} {results.total === 1 ? 'paper' : 'papers'}
            {query.q && !results.match && (
              <span className="subtle"> (no searchable words in the query: filters only)</span>
            )}
            <span className="subtle" style={{ fontWeight: 400 }}>
              {' '}
              · {ms < 1 ? '<1' : Math.round(ms)} ms
            </span>
          </h2>
          {results.total > 0 && (
            <a className="btn btn-small" href={exportHref} download>
              Export {results.total > SEARCH_EXPORT_MAX_ROWS ? `first ${formatCount(SEARCH_EXPORT_MAX_ROWS)}` : 'all'}{' '}
              as CSV
            </a>
          )}
        </div>
        {filtered && (
          <ActiveFilters
            query={query}
            topicLabel={options.topics.find((t) => t.id === query.topic)?.label}
            subtopicLabel={subtopicLabel}
            authorName={authorName}
          />
        )}
        {authorUnknown && (
          <p className="callout callout-warning">
            No author named “{query.author}” in this corpus. Pick a name from the suggestions.
          </p>
        )}
        <SearchHits results={results} />
        <Pager
          page={results.page}
          pageCount={results.pageCount}
          hasNext={results.next != null || (results.ranking === 'browse' && results.page < results.pageCount)}
          countIsLowerBound={results.totalCapped}
          hrefFor={hrefFor}
        />
      </section>
    </div>
  );
}
