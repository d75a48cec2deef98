import Link from 'next/link';

/** Previous / next links with "page x of y"; `hrefFor` builds the URL of a page. */
export function Pager({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
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
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
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
