import Link from 'next/link';

/** Unknown pages, papers, topics and authors. */
export default function NotFound() {
  return (
    <div className="page">
      <div className="card" style={{ maxWidth: 640 }}>
        <span className="eyebrow">404</span>
        <h1>Not found</h1>
        <p className="muted">
          There is no such page, or no paper, topic or author with that number in the current build. Numbers can change
          when the pipeline runs again on other input.
        </p>
        <div className="cluster">
          <Link className="btn btn-primary" href="/">
            Overview
          </Link>
          <Link className="btn" href="/search">
            Search papers
          </Link>
          <Link className="btn" href="/topics">
            Topics
          </Link>
        </div>
      </div>
    </div>
  );
}
