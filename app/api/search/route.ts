import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { answer, jsonError, jsonOk } from '../_shared/respond';
import { resolveAuthorFilter } from '../_shared/author-filter';
import { parseSearchQuery } from '@/lib/viz/search-state';
import { isSearchCursorError, searchPapers, SEARCH_MAX_PAGE_SIZE } from '@/lib/store/read';

const sizeSchema = z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).default(20);

/**
 * Full-text search: GET /api/search?q=&topic=&sub=&from=&to=&source=&author=&page=&size=&after= → the
 * page of results with highlighted parts ({ text, hit }[]), total, page count and `next`, the cursor
 * of the next page (pass it as `after`; `page` then only numbers the page). A cursor that is not one
 * of this search's answers 400.
 */
export function GET(request: NextRequest): Response {
  const params = request.nextUrl.searchParams;
  const parsed = parseSearchQuery(params);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const size = sizeSchema.safeParse(params.get('size') ?? undefined);
  if (!size.success) return jsonError(400, `size must be a whole number from 1 to ${SEARCH_MAX_PAGE_SIZE}`);
  const q = parsed.query;
  return answer(() => {
    const author = resolveAuthorFilter(q.author);
    try {
      const results = searchPapers(
        q.q,
        { topic: q.topic, subtopic: q.sub, from: q.from, to: q.to, source: q.source, author },
        q.page,
        size.data,
        undefined,
        q.after ?? null,
      );
      return jsonOk(results);
    } catch (error) {
      if (isSearchCursorError(error)) return jsonError(400, error.message);
      throw error;
    }
  });
}
