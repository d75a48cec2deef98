/**
 * The search query (`q`, `topic`, `sub`, `from`, `to`, `source`, `author`, `page`, and `after`, the
 * cursor of the page before: the store checks it), shared by the
 * search page and the search API routes so both read a URL the same way. Strict: a bad field is an
 * error in words (the routes answer 400 with it, the page shows it).
 */
import { z } from 'zod';
import { optionalInt, optionalText, validateQuery, writeQuery, type QueryInput } from './url-state';

const SEARCH_KEYS = ['q', 'topic', 'sub', 'from', 'to', 'source', 'author', 'page', 'after'] as const;
type SearchKey = (typeof SEARCH_KEYS)[number];

/** The search parameters; `author` is an id or a name, resolved by the caller. */
export const searchQuerySchema = z
  .object({
    q: optionalText(500),
    topic: optionalInt(0, 100_000),
    // A sub-topic's id within its topic (the topic page links to its parts' papers).
    sub: optionalInt(0, 1000),
    from: optionalInt(0, 9999),
    to: optionalInt(0, 9999),
    source: optionalText(500),
    author: optionalText(200),
    page: optionalInt(1, 100_000),
    after: optionalText(80),
  })
  .refine((v) => v.sub == null || v.topic != null, { message: 'needs a topic', path: ['sub'] })
  .transform((v) => ({
    ...v,
    q: v.q ?? '',
    page: v.page ?? 1,
    // A reversed year range is read the way it was meant.
    from: v.from != null && v.to != null && v.from > v.to ? v.to : v.from,
    to: v.from != null && v.to != null && v.from > v.to ? v.from : v.to,
  }));

export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Validates search parameters; the error names each bad field in words. */
export function parseSearchQuery(input: QueryInput): { ok: true; query: SearchQuery } | { ok: false; error: string } {
  return validateQuery(searchQuerySchema, SEARCH_KEYS, input);
}

/** The query string of a search (empty values and page 1 left out), for links and exports. */
export function formatSearchQuery(query: Partial<Record<SearchKey, string | number | undefined>>): string {
  return writeQuery(SEARCH_KEYS.map((key) => [key, key === 'page' && Number(query.page) === 1 ? null : query[key]]));
}
