/**
 * GET /api/graph/items?map=institutions&item=3: an item of a co-occurrence map (a term, keyword,
 * institution or country) with its most cited papers.
 */
import { z } from 'zod';
import { COOCCURRENCE_KINDS, readCooccurrencePapers, type CooccurrenceMapKind } from '@/lib/store/read';
import { answer, jsonError, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({
  map: z.enum(COOCCURRENCE_KINDS as [CooccurrenceMapKind, ...CooccurrenceMapKind[]]),
  item: z.coerce.number().int().min(0).max(1e9),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const found = readCooccurrencePapers(query.data.map, query.data.item, query.data.limit);
    return found ? jsonOk(found) : jsonError(404, `No item ${query.data.item} in the ${query.data.map} map`);
  });
}
