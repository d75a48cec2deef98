/** The trends page's data: the compared terms' series, through the shared client data module. */
import type { RelatedTerm, TermSeries, TrendTerm } from '@/lib/store/read/trends';
import { formatSeriesQuery, type TrendsViewState } from '@/lib/viz/trends-state';
import { useJson, useLastDefined } from '../fetch-json';

/** What `/api/trends/series` answers, and what the page renders first. */
export interface TrendsData {
  granularity: 'year' | 'month';
  periods: string[];
  papers: number[];
  series: TermSeries[];
  missing: string[];
  related: { term: TrendTerm; terms: RelatedTerm[] } | null;
}

/**
 * The series of the compared terms: the page's own until the terms or the focus change, then
 * fetched; the last series shown stay until the new ones arrive.
 */
export function useTermSeries(
  state: TrendsViewState,
  initial: TrendsViewState,
  initialData: TrendsData,
): { shown: TrendsData; error?: string } {
  const query = formatSeriesQuery(state);
  const initialQuery = formatSeriesQuery(initial);
  const fetched = useJson<TrendsData>(query === initialQuery ? null : `/api/trends/series?${query}`);
  const shown = useLastDefined(query === initialQuery ? initialData : fetched.data, initialData);
  return { shown, error: fetched.error };
}
