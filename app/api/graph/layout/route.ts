/**
 * GET /api/graph/layout?min=2: the precomputed co-author layout (authors with at least `min`
 * papers, bounded) as parallel arrays.
 */
import { z } from 'zod';
import { readGraphLayout, GRAPH_MAX_NODES } from '@/lib/store/read';
import { answer, parseQuery } from '../../_shared/respond';

const schema = z.object({
  min: z.coerce.number().int().min(1).max(10_000).default(1),
  maxNodes: z.coerce.number().int().min(1).max(GRAPH_MAX_NODES).default(GRAPH_MAX_NODES),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() =>
    Response.json(readGraphLayout({ minPapers: query.data.min, maxNodes: query.data.maxNodes }), {
      headers: { 'Cache-Control': 'private, no-cache' },
    }),
  );
}
