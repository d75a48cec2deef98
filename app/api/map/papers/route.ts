/**
 * Cards for map points: GET /api/map/papers?ids=1,2,3 (at most 200, for hover cards and the
 * selection list) and POST { ids: [...] } (at most 10,000, for the CSV export of a selection).
 */
import { z } from 'zod';
import { readMapPaperCards } from '@/lib/store/read';
import { answer, idListParam, jsonError, jsonOk, parseBody, parseQuery } from '../../_shared/respond';

const MAX_GET_IDS = 200;
const MAX_POST_IDS = 10_000;

const toIds = idListParam(MAX_GET_IDS);
const querySchema = z.object({
  ids: z.string().max(MAX_GET_IDS * 10),
});
const bodySchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(MAX_POST_IDS),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, querySchema);
  if (!query.ok) return query.response;
  const ids = toIds(query.data.ids);
  if (!ids) return jsonError(400, `Bad request: ids must be 1 to ${MAX_GET_IDS} comma-separated paper ids`);
  return answer(() => jsonOk({ papers: readMapPaperCards(ids) }));
}

export async function POST(request: Request): Promise<Response> {
  const body = await parseBody(request, bodySchema);
  if (!body.ok) return body.response;
  return answer(() => jsonOk({ papers: readMapPaperCards([...new Set(body.data.ids)]) }));
}
