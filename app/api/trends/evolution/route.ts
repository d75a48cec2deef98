/** GET /api/trends/evolution?node=12: a topic of the evolution flow with its papers. */
import { z } from 'zod';
import { readEvolutionNode } from '@/lib/store/read';
import { answer, jsonError, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({ node: z.coerce.number().int().min(0).max(1e9) });

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const found = readEvolutionNode(query.data.node);
    return found ? jsonOk(found) : jsonError(404, `No node ${query.data.node} in the topic evolution`);
  });
}
