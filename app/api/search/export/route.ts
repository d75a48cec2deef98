import type { NextRequest } from 'next/server';
import { answer, jsonError } from '../../_shared/respond';
import { resolveAuthorFilter } from '../../_shared/author-filter';
import { parseSearchQuery } from '@/lib/viz/search-state';
import { openSearchExport, SEARCH_EXPORT_MAX_ROWS, type SearchExportRow, type SearchFilters } from '@/lib/store/read';
import { formatCsv, formatCsvCell } from '@/lib/viz/csv';

const HEADER = [
  'id',
  'title',
  'title_derived',
  'authors',
  'year',
  'date',
  'venue',
  'topic_id',
  'topic',
  'sources',
  'url',
];
const CHUNK = 500;

function toCells(row: SearchExportRow, origin: string) {
  return [
    row.id,
    row.title,
    row.titleDerived ? 1 : 0,
    row.authors,
    row.year,
    row.date,
    row.venue,
    row.topicId,
    row.topicLabel,
    row.sources,
    `${origin}/papers/${row.id}`,
  ];
}

/**
 * The results of a search as CSV (RFC 4180), streamed in chunks of 500 rows, at most
 * SEARCH_EXPORT_MAX_ROWS: GET /api/search/export?q=&topic=&sub=&from=&to=&source=&author=.
 */
export function GET(request: NextRequest): Response {
  const parsed = parseSearchQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const q = parsed.query;
  return answer(() => {
    const filters: SearchFilters = {
      topic: q.topic,
      subtopic: q.sub,
      from: q.from,
      to: q.to,
      source: q.source,
      author: resolveAuthorFilter(q.author),
    };
    // Bound to the build of this request: a build swapped mid-stream must not mix two corpora.
    const reader = openSearchExport(q.q, filters);
    const origin = request.nextUrl.origin;
    const encoder = new TextEncoder();
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // A BOM lets spreadsheet programs read the UTF-8 names and titles correctly.
        controller.enqueue(encoder.encode(`\uFEFF${formatCsv(HEADER, [])}`));
      },
      pull(controller) {
        // Each chunk is one complete query: no statement stays open between pulls.
        const limit = Math.min(CHUNK, SEARCH_EXPORT_MAX_ROWS - offset);
        const rows = limit > 0 ? reader.readRows(limit) : [];
        if (rows.length > 0) {
          const text = rows.map((r) => toCells(r, origin).map(formatCsvCell).join(',')).join('\r\n') + '\r\n';
          controller.enqueue(encoder.encode(text));
          offset += rows.length;
        }
        if (rows.length < limit || limit <= 0 || rows.length === 0) controller.close();
      },
    });
    const name =
      (q.q || 'papers')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'papers';
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="topicscope-${name}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
