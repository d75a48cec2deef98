import type { NextRequest } from 'next/server';
import { answer, jsonError, jsonOk } from '../../_shared/respond';
import { readPaperSummary } from '@/lib/store/read';

/** A paper's hover-card summary: GET /api/papers/123 → { id, title, titleDerived, year, venue, authors, authorCount, topic }. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) return jsonError(400, 'The paper id must be a positive whole number.');
  return answer(() => {
    const paper = readPaperSummary(Number(id));
    return paper ? jsonOk(paper) : jsonError(404, `No paper with id ${id}.`);
  });
}
