'use client';
/**
 * Mirrors a view's state into the query string with window.history.replaceState, debounced, so
 * panning does not flood the history and a copied URL reproduces the view. Next.js keeps
 * useSearchParams in step with replaceState without a server round trip (unlike router.replace,
 * which re-renders the server component on every call).
 */
import { useEffect } from 'react';

export function useUrlState(query: string, delayMs = 300): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const next = query ? `?${query}` : '';
      if (window.location.search !== next) {
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${next}${window.location.hash}`,
        );
      }
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [query, delayMs]);
}
