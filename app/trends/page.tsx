/**
 * /trends?terms=a,b&focus=a&stack=stream&movers=phrases: compare terms over time; the rising,
 * falling, bursting and new terms (subjects first, every word, or phrases only); the burst
 * timeline; emerging and fading topics; and topic shares per period. Rendered on the server from the URL; later changes
 * are fetched from /api/trends/series.
 */
import type { Metadata } from 'next';
import {
  readBurstTimeline,
  readNewTerms,
  readOrExplain,
  readRelatedTerms,
  readTermMovers,
  readTopicEvolution,
  readTopicMovers,
  readTermsByDisplay,
  readTermSeries,
  readTopicShares,
  readTrendPeriods,
} from '@/lib/store/read';
import { formatCount, formatPeriod } from '@/lib/viz/format';
import { defaultMinPeriodPapers } from '@/lib/viz/trend-series';
import { parseTrendsState } from '@/lib/viz/trends-state';
import { NoBuild } from '../components/NoBuild';
import { TrendsExplorer } from '../components/viz/TrendsExplorer';
import { TopicMoversSection } from './TopicMovers';

export const metadata: Metadata = { title: 'Keyword trends · Topicscope' };

export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = parseTrendsState(await searchParams);
  const result = readOrExplain(() => {
    const { granularity, periods, papers, minPeriodPapers } = readTrendPeriods();
    const terms = readTermsByDisplay(state.terms);
    const focus = readTermsByDisplay([state.focus ?? terms[0]?.display ?? ''])[0];
    return {
      data: {
        granularity,
        periods,
        papers,
        series: readTermSeries(terms),
        missing: state.terms.filter((t) => !terms.some((term) => term.display.toLowerCase() === t.toLowerCase())),
        related: focus ? { term: focus, terms: readRelatedTerms(focus.id, 12) } : null,
      },
      movers: {
        subjects: readTermMovers(10),
        all: readTermMovers(10, undefined, 'all'),
        phrases: readTermMovers(10, undefined, 'phrases'),
      },
      topicShares: readTopicShares(),
      newTerms: readNewTerms(10),
      topicMovers: readTopicMovers(5),
      bursts: readBurstTimeline({ limit: 40 }),
      evolution: readTopicEvolution(),
      // The pipeline's own threshold when it recorded one, so the chart and the trend scores agree.
      minPeriodPapers: minPeriodPapers ?? defaultMinPeriodPapers(papers),
    };
  });
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { data, movers, topicShares, minPeriodPapers, newTerms, topicMovers, bursts, evolution } = result.value;
  const total = data.papers.reduce((s, n) => s + n, 0);
  return (
    <div className="page">
      <h1>Keyword trends</h1>
      {data.periods.length === 0 ? (
        <p>This build has no dated papers, so there are no trends to show.</p>
      ) : (
        <>
          <p className="muted">
            {formatCount(total)} dated papers in {data.periods.length}{' '}
            {data.granularity === 'month' ? 'months' : 'years'}, {formatPeriod(data.periods[0])} to{' '}
            {formatPeriod(data.periods[data.periods.length - 1])}. Shares are of the papers in each period, so busy and
            quiet periods compare fairly.
          </p>
          <TrendsExplorer
            initial={state}
            data={data}
            movers={movers}
            topicShares={topicShares}
            minPeriodPapers={minPeriodPapers}
            newTerms={newTerms}
            bursts={bursts}
            evolution={evolution}
          />
          <TopicMoversSection movers={topicMovers} periods={data.periods} />
        </>
      )}
    </div>
  );
}
