/** GET /api/citations/network?format=csv: every paper of a citation cluster, with its cluster (JSON or CSV). */
import { z } from 'zod';
import { readCitationClusterPapers } from '@/lib/store/read';
import { formatCsv } from '@/lib/viz/csv';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const papers = readCitationClusterPapers();
    if (query.data.format === 'json') return jsonOk({ papers });
    return new Response(
      formatCsv(
        ['cluster', 'cluster label', 'paper id', 'title', 'year', 'citations in the corpus', 'citations in all'],
        papers.map((p) => [p.cluster + 1, p.label, p.id, p.title, p.year, p.local, p.global]),
      ),
      {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="topicscope-citation-clusters.csv"',
          'Cache-Control': 'no-store',
        },
      },
    );
  });
}
