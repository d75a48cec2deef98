/**
 * GET /api/graph/layout?community=3&from=2015&to=2020&topic=4&joint=2: the authors a view draws at
 * their stored positions and the links among them, as parallel arrays. Without `community`, the
 * whole network (each community's core in its region); the filters choose the papers links count.
 */
import { z } from 'zod';
import { readGraphLayout } from '@/lib/store/read';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const year = z.coerce.number().int().min(1000).max(3000).optional();
const schema = z
  .object({
    community: z.coerce.number().int().min(0).max(1e9).optional(),
    from: year,
    to: year,
    topic: z.coerce.number().int().min(0).max(1e9).optional(),
    joint: z.coerce.number().int().min(1).max(1000).default(1),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  const q = query.data;
  return answer(() =>
    jsonOk(
      readGraphLayout({
        community: q.community ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        topic: q.topic ?? null,
        minJoint: q.joint,
      }),
    ),
  );
}
