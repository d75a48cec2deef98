import Link from 'next/link';

/**
 * Previous / next links with "page x of y"; `hrefFor` builds the URL of a page. `hasNext` overrides
 * "page < pageCount" (a search paged by cursor knows whether rows follow); with `countIsLowerBound`
 * the count of pages is "more than".
 */
export function Pager({
  page,
  pageCount,
  hrefFor,
  hasNext = page < pageCount,
  countIsLowerBound = false,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  hasNext?: boolean;
  countIsLowerBound?: boolean;
}) {
  if (pageCount <= 1 && !hasNext && page <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="btn" href={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span className="subtle">
        Page {page} of {countIsLowerBound ? `more than ${pageCount}` : pageCount}
      </span>
      {hasNext ? (
        <Link className="btn" href={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="btn" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
