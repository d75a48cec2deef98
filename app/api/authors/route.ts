import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { answer, jsonError, jsonOk } from '../_shared/respond';
import { findAuthors } from '@/lib/store/read';

const querySchema = z.object({
  q: z.string().trim().min(1, { error: 'q is required' }).max(100, { error: 'q must be at most 100 characters' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** Author lookup for autocomplete: GET /api/authors?q=name&limit=10 → { authors: [{ id, name, papers }] }. */
export function GET(request: NextRequest): Response {
  const parsed = querySchema.safeParse({
    q: request.nextUrl.searchParams.get('q') ?? '',
    limit: request.nextUrl.searchParams.get('limit') ?? undefined,
  });
  if (!parsed.success) return jsonError(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return answer(() => jsonOk({ authors: findAuthors(parsed.data.q, parsed.data.limit) }));
}
