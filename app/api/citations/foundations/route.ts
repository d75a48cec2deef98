/** GET /api/citations/foundations?format=csv&limit=500: the most cited references outside the corpus (JSON or CSV). */
import { z } from 'zod';
import { readFoundations } from '@/lib/store/read';
import { formatCsv } from '@/lib/viz/csv';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const references = readFoundations(query.data.limit);
    if (query.data.format === 'json') return jsonOk({ references });
    return new Response(
      formatCsv(
        ['rank', 'reference', 'title', 'doi', 'key', 'citing papers'],
        references.map((r, i) => [i + 1, r.raw, r.title, r.doi, r.key, r.citations]),
      ),
      {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="topicscope-foundations.csv"',
          'Cache-Control': 'no-store',
        },
      },
    );
  });
}
