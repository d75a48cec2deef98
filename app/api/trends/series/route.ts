/**
 * GET /api/trends/series?terms=neural network,kernel[&related=kernel]: papers and share per
 * period for up to 8 terms (by display form), plus the related terms of one of them.
 */
import { z } from 'zod';
import { readRelatedTerms, readTermsByDisplay, readTermSeries, readTrendPeriods } from '@/lib/store/read';
import { MAX_COMPARED_TERMS } from '@/lib/viz/trends-state';
import { answer, jsonOk, parseQuery } from '../../_shared/respond';

const termList = z
  .string()
  .max(1000)
  .transform((text) =>
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).max(MAX_COMPARED_TERMS, `at most ${MAX_COMPARED_TERMS} terms`));

const schema = z.object({
  terms: termList.default([]),
  related: z.string().trim().max(100).optional(),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  return answer(() => {
    const { periods, papers, granularity } = readTrendPeriods();
    const terms = readTermsByDisplay(query.data.terms);
    const series = readTermSeries(terms);
    const missing = query.data.terms.filter(
      (t) => !terms.some((term) => term.display.toLowerCase() === t.toLowerCase()),
    );
    const focusDisplay = query.data.related ?? terms[0]?.display;
    const focus = focusDisplay ? readTermsByDisplay([focusDisplay])[0] : undefined;
    return jsonOk({
      granularity,
      periods,
      papers,
      series,
      missing,
      related: focus ? { term: focus, terms: readRelatedTerms(focus.id, 12) } : null,
    });
  });
}
