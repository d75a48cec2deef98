/**
 * The search query string (`q`, `topic`, `sub`, `from`, `to`, `source`, `author`, `page`) validated with
 * zod, shared by the search page and the search API routes so both read a URL the same way.
 */
import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v == null || v === '') return undefined;
      if (!/^-?\d{1,10}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

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

const KEYS = ['q', 'topic', 'sub', 'from', 'to', 'source', 'author', 'page'] as const;

/** Picks the search keys (first value of each) out of searchParams or a URLSearchParams. */
export function pickSearchParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<(typeof KEYS)[number], string | undefined> {
  const get = (key: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
    const value = input[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return Object.fromEntries(KEYS.map((k) => [k, get(k)])) as Record<(typeof KEYS)[number], string | undefined>;
}

/** Validates search parameters; the error names each bad field in words. */
export function parseSearchQuery(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; query: SearchQuery } | { ok: false; error: string } {
  const parsed = searchQuerySchema.safeParse(pickSearchParams(input));
  if (parsed.success) return { ok: true, query: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'} ${issue.message}`).join('; '),
  };
}

/** The query string of a search (empty values left out), for links and exports. */
export function formatSearchQuery(query: Partial<Record<(typeof KEYS)[number], string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || (key === 'page' && Number(value) === 1)) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
