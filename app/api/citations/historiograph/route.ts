/** GET /api/citations/historiograph?format=csv: the historiograph's papers and the citations among them (JSON or CSV). */
import { z } from 'zod';
import { readHistoriograph } from '@/lib/store/read';
import { formatCsv } from '@/lib/viz/csv';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const schema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const history = readHistoriograph();
    if (query.data.format === 'json') return jsonOk(history);
    // One row per paper: what it cites among the historiograph's papers, by their rank.
    const cites = history.papers.map(() => [] as number[]);
    for (const l of history.links) cites[l.citing].push(history.papers[l.cited].rank + 1);
    return new Response(
      formatCsv(
        [
          'rank',
          'paper id',
          'short name',
          'year',
          'title',
          'citations in the corpus',
          'citations in all',
          'cites (ranks)',
        ],
        history.papers.map((p, i) => [
          p.rank + 1,
          p.id,
          p.name,
          p.year,
          p.title,
          p.local,
          p.global,
          cites[i].join(' '),
        ]),
      ),
      {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="topicscope-historiograph.csv"',
          'Cache-Control': 'no-store',
        },
      },
    );
  });
}
