import type { SearchResults } from '@/lib/store/read/search';
import { Marked } from '../Marked';
import { PaperItem } from '../PaperItem';

/** One page of hits, numbered from the page's first, with the matched words marked. */
export function SearchHits({ results }: { results: SearchResults }) {
  if (results.hits.length === 0) {
    return (
      <div className="card">
        <p className="muted" style={{ margin: 0 }}>
          Nothing found. Try fewer or shorter words (the last word matches as a prefix), or remove a filter.
        </p>
      </div>
    );
  }
  return (
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
  );
}
