import type { SearchOptions } from '@/lib/store/read/search';
import { formatCount, formatSourceName } from '@/lib/viz/format';
import type { SearchQuery } from '@/lib/viz/search-state';
import { AuthorPicker } from '../AuthorPicker';
import { SearchForm } from '../SearchForm';

/** The search box and its filters (topic, years, source, author), filled from the query. */
export function SearchFilters({
  query,
  options,
  authorName,
}: {
  query: SearchQuery;
  options: SearchOptions;
  /** The author filter's name, when the query names one by id. */
  authorName: string | undefined;
}) {
  return (
    <section className="card" aria-label="Search and filters">
      <SearchForm>
        {/* A sub-topic belongs to the topic it was chosen in: SearchForm drops it when the topic changes. */}
        {query.sub != null && <input type="hidden" name="sub" value={query.sub} data-topic={query.topic ?? ''} />}
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
  );
}
