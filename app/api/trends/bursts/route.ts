/** GET /api/trends/bursts?topic=3&kind=subjects&limit=40: the burst timeline, optionally of one topic's terms. */
import { z } from 'zod';
import { readBurstTimeline } from '@/lib/store/read';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({
  topic: z.coerce.number().int().min(0).max(1e9).optional(),
  kind: z.enum(['subjects', 'all', 'phrases']).default('subjects'),
  limit: z.coerce.number().int().min(1).max(200).default(40),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  const q = query.data;
  return answer(() => jsonOk({ bursts: readBurstTimeline({ topic: q.topic ?? null, kind: q.kind, limit: q.limit }) }));
}
