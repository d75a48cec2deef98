'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/** Any unexpected failure while rendering a page: a calm message and a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The server log has the details; the digest lets an operator find them.
    console.warn('Page error', error.digest ?? '');
  }, [error]);
  return (
    <div className="page">
      <div className="card callout-danger" style={{ maxWidth: 640 }} role="alert">
        <span className="eyebrow">Something went wrong</span>
        <h1>This view could not be shown</h1>
        <p className="muted">
          The server hit an error while reading the build. If the pipeline is running, wait for it to finish and try
          again.
          {error.digest && (
            <>
              {' '}
              Reference: <code>{error.digest}</code>
            </>
          )}
        </p>
        <div className="cluster">
          <button type="button" className="btn btn-primary" onClick={() => reset()}>
            Try again
          </button>
          <Link className="btn" href="/">
            Overview
          </Link>
        </div>
      </div>
    </div>
  );
}
