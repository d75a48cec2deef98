/** GET /api/graph/ego?author=12: an author, their co-authors and the links among them. */
import { z } from 'zod';
import { readEgoNetwork } from '@/lib/store/read';
import { answer, jsonError, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({
  author: z.coerce.number().int().positive(),
  limit: z.coerce.number().int().min(1).max(500).default(150),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const ego = readEgoNetwork(query.data.author, query.data.limit);
    if (!ego) return jsonError(404, `No author with id ${query.data.author}`);
    return jsonOk(ego);
  });
}
