import { z } from 'zod';
import { answer, jsonOk, parseQuery } from '../_shared/respond';
import { searchAuthors } from '@/lib/store/read';

const querySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, { error: 'q is required' })
    .max(100, { error: 'q must be at most 100 characters' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/**
 * The one author search: GET /api/authors?q=name&limit=10 → { authors: [{ id, name, papers, coauthors,
 * community, component, laidOut }] }, name starts first, then word starts, then any match.
 */
export function GET(request: Request): Response {
  const query = parseQuery(request, querySchema);
  if (!query.ok) return query.response;
  return answer(() => jsonOk({ authors: searchAuthors(query.data.q, query.data.limit) }));
}
