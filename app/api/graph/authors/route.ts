/** GET /api/graph/authors?q=lee: author autocomplete (prefix matches first, then by papers). */
import { z } from 'zod';
import { searchAuthors } from '@/lib/store/read';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => jsonOk({ authors: searchAuthors(query.data.q, query.data.limit) }));
}
