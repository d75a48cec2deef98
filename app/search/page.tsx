import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AuthorPicker } from '../components/AuthorPicker';
import { Marked } from '../components/Marked';
import { NoBuild } from '../components/NoBuild';
import { Pager } from '../components/Pager';
import { PaperItem } from '../components/PaperItem';
import { SearchForm } from '../components/SearchForm';
import { firstParam, parseRouteId, type SearchParamsRecord } from '@/lib/viz/url-state';
import { formatSearchQuery, parseSearchQuery, type SearchQuery } from '@/lib/viz/search-state';
import {
  findAuthorIdByName,
  getSearchOptions,
  readAuthorName,
  readOrExplain,
  readTopicSubtopics,
  searchPapers,
  SEARCH_EXPORT_MAX_ROWS,
} from '@/lib/store/read';
import { formatCount, formatSourceName } from '@/lib/viz/format';

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchQuery(await searchParams);
  return { title: parsed.ok && parsed.query.q ? `“${parsed.query.q}”` : 'Search' };
}

const EMPTY_QUERY: SearchQuery = {
  q: '',
  page: 1,
  topic: undefined,
  sub: undefined,
  from: undefined,
  to: undefined,
  source: undefined,
  author: undefined,
};

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  // The form keeps a sub-topic filter in a hidden field: when "Any topic" is picked with it, the
  // sub-topic goes too (the API, asked directly, answers 400 instead).
  const parsed = parseSearchQuery(
    firstParam(params, 'sub') != null && !firstParam(params, 'topic') ? { ...params, sub: undefined } : params,
  );
  const query = parsed.ok ? parsed.query : EMPTY_QUERY;
  const result = readOrExplain(() => {
    const options = getSearchOptions();
    let authorId: number | undefined;
    let authorName: string | undefined;
    if (query.author) {
      const id = parseRouteId(query.author);
      if (id != null) {
        const name = readAuthorName(id);
        authorName = name ?? query.author;
        authorId = name != null ? id : -1;
      } else {
        authorName = query.author;
        // An unknown name matches nothing rather than being silently dropped.
        authorId = findAuthorIdByName(query.author) ?? -1;
      }
    }
    const results = searchPapers(
      query.q,
      {
        topic: query.topic,
        subtopic: query.sub,
        from: query.from,
        to: query.to,
        source: query.source,
        author: authorId,
      },
      query.page,
    );
    const subtopicLabel =
      query.topic != null && query.sub != null
        ? (readTopicSubtopics(query.topic).find((s) => s.id === query.sub)?.label ?? null)
        : null;
    return { options, results, authorName, authorUnknown: authorId === -1, subtopicLabel };
  });
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { options, results, authorName, authorUnknown, subtopicLabel } = result.value;
  const ms = results.elapsedMs;
  const linkParams = {
    q: query.q,
    topic: query.topic,
    sub: query.sub,
    from: query.from,
    to: query.to,
    source: query.source,
    author: query.author,
  };
  const hrefFor = (page: number) => `/search?${formatSearchQuery({ ...linkParams, page })}`;
  const without = (key: keyof typeof linkParams) => `/search?${formatSearchQuery({ ...linkParams, [key]: undefined })}`;
  const topicLabel = options.topics.find((t) => t.id === query.topic)?.label;
  const filtered =
    query.topic != null || query.sub != null || query.from != null || query.to != null || query.source || query.author;
  const exportHref = `/api/search/export?${formatSearchQuery(linkParams)}`;
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Search</span>
        <h1>{query.q ? <>Papers matching “{query.q}”</> : filtered ? 'Papers' : 'Search papers'}</h1>
      </header>

      <section className="card" aria-label="Search and filters">
        <SearchForm>
          {query.sub != null && <input type="hidden" name="sub" value={query.sub} />}
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 12 }}>
            <div className="field">
              <label htmlFor="q">Words in the title, abstract or author names</label>
              <input
                id="q"
                type="search"
                name="q"
                defaultValue={query.q}
                placeholder='e.g. diffusion models, "graph neural network", Bengio'
                style={{ height: 40, fontSize: '1rem' }}
              />
            </div>
            <button type="submit" className="btn btn-primary" style={{ alignSelf: 'end', height: 40 }}>
              Search
            </button>
          </div>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 2fr) 90px 90px minmax(0, 1.5fr) minmax(0, 1.5fr)',
              gap: 12,
              marginTop: 12,
            }}
          >
            <div className="field">
              <label htmlFor="topic">Topic</label>
              <select id="topic" name="topic" defaultValue={query.topic != null ? String(query.topic) : ''}>
                <option value="">Any topic</option>
                {options.topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label} ({formatCount(t.size)})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="from">From</label>
              <input
                id="from"
                type="number"
                name="from"
                inputMode="numeric"
                min={options.years?.min}
                max={options.years?.max}
                placeholder={options.years ? String(options.years.min) : 'year'}
                defaultValue={query.from ?? ''}
              />
            </div>
            <div className="field">
              <label htmlFor="to">To</label>
              <input
                id="to"
                type="number"
                name="to"
                inputMode="numeric"
                min={options.years?.min}
                max={options.years?.max}
                placeholder={options.years ? String(options.years.max) : 'year'}
                defaultValue={query.to ?? ''}
              />
            </div>
            <div className="field">
              <label htmlFor="source">Source</label>
              <select id="source" name="source" defaultValue={query.source ?? ''}>
                <option value="">Any source</option>
                {options.sources.map((s) => (
                  <option key={s.file} value={s.file}>
                    {s.venue ? `${s.venue} · ` : ''}
                    {formatSourceName(s.file)} ({formatCount(s.papers)})
                  </option>
                ))}
              </select>
            </div>
            <AuthorPicker name="author" defaultValue={authorName} />
          </div>
        </SearchForm>
      </section>

      {!parsed.ok && (
        <p className="callout callout-warning section" role="alert">
          Some of the search parameters were not understood and were ignored: {parsed.error}.
        </p>
      )}

      <section className="section" aria-labelledby="results-title" aria-live="polite">
        <div className="section-title">
          <h2 id="results-title" style={{ fontSize: 'var(--text-md)' }}>
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
          <div className="cluster" style={{ marginBottom: 12 }} aria-label="Active filters">
            {query.topic != null && (
              <Link
                className="chip"
                href={`/search?${formatSearchQuery({ ...linkParams, topic: undefined, sub: undefined })}`}
                aria-label={`Remove topic filter ${topicLabel ?? query.topic}`}
              >
                Topic: {topicLabel ?? query.topic} ✕
              </Link>
            )}
            {query.sub != null && (
              <Link
                className="chip"
                href={without('sub')}
                aria-label={`Remove sub-topic filter ${subtopicLabel ?? query.sub}`}
              >
                Sub-topic: {subtopicLabel ?? `part ${query.sub + 1}`} ✕
              </Link>
            )}
            {(query.from != null || query.to != null) && (
              <Link
                className="chip"
                href={`/search?${formatSearchQuery({ ...linkParams, from: undefined, to: undefined })}`}
                aria-label="Remove year filter"
              >
                Years: {query.from ?? '…'}–{query.to ?? '…'} ✕
              </Link>
            )}
            {query.source && (
              <Link className="chip" href={without('source')} aria-label="Remove source filter">
                Source: {formatSourceName(query.source)} ✕
              </Link>
            )}
            {query.author && (
              <Link className="chip" href={without('author')} aria-label="Remove author filter">
                Author: {authorName} ✕
              </Link>
            )}
          </div>
        )}
        {authorUnknown && (
          <p className="callout callout-warning">
            No author named “{query.author}” in this corpus. Pick a name from the suggestions.
          </p>
        )}
        {results.hits.length === 0 ? (
          <div className="card">
            <p className="muted" style={{ margin: 0 }}>
              Nothing found. Try fewer or shorter words (the last word matches as a prefix), or remove a filter.
            </p>
          </div>
        ) : (
          <div className="card" style={{ paddingTop: 8, paddingBottom: 8 }}>
            <ol className="paper-list" start={(results.page - 1) * results.pageSize + 1}>
              {results.hits.map((hit) => (
                <PaperItem
                  key={hit.paper.id}
                  paper={hit.paper}
                  title={<Marked parts={hit.titleParts} />}
                  authors={
                    hit.authorParts.length > 0 && hit.authorParts.some((p) => p.hit) ? (
                      <Marked parts={hit.authorParts} />
                    ) : undefined
                  }
                >
                  {hit.snippetParts.length > 0 && (
                    <p className="paper-snippet">
                      <Marked parts={hit.snippetParts} />
                    </p>
                  )}
                </PaperItem>
              ))}
            </ol>
          </div>
        )}
        <Pager page={results.page} pageCount={results.pageCount} hrefFor={hrefFor} />
      </section>
    </div>
  );
}
