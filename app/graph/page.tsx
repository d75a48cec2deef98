/**
 * /graph: who works with whom. The layout is precomputed by the pipeline; the page says plainly
 * how many papers carry author names, since some sources list only an author count.
 */
import type { Metadata } from 'next';
import { readCommunityMap, readGraphSummary, readOrExplain } from '@/lib/store/read';
import { formatCount } from '@/lib/viz/format';
import { parseGraphState } from '@/lib/viz/url-state';
import { NoBuild } from '../components/NoBuild';
import { CoauthorGraphExplorer } from '../components/viz/CoauthorGraphExplorer';
import styles from '../components/viz/viz.module.css';

export const metadata: Metadata = { title: 'Co-author graph · Topicscope' };

export default async function GraphPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const result = readOrExplain(() => ({ summary: readGraphSummary(), map: readCommunityMap() }));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { summary, map } = result.value;
  // A note above the graph only when the missing names change the picture; else a footnote.
  const namesMatter = summary.papersWithoutNames > 0.05 * summary.papers;
  const namedSources = summary.bySource.filter((s) => s.named > 0);
  const unnamedSources = summary.bySource.filter((s) => s.named < s.papers);
  return (
    <div className="page-wide">
      <h1>Co-author graph</h1>
      {namesMatter && (
        <div className={styles.note} role="note" data-testid="names-note">
          {summary.papersWithNames === 0 ? (
            <p>
              <strong>No paper in this corpus lists its authors by name</strong>, so there is no co-author graph to
              draw. The sources give at most a count of authors.
            </p>
          ) : (
            <p>
              <strong>
                Only {formatCount(summary.papersWithNames)} of {formatCount(summary.papers)} papers list their authors
                by name
              </strong>
              {namedSources.length > 0 && <> (from {namedSources.map((s) => s.label).join(', ')})</>}. The other{' '}
              {formatCount(summary.papersWithoutNames)} papers come from listings that give at most a count of authors (
              {unnamedSources
                .map((s) =>
                  s.named === 0
                    ? `all ${formatCount(s.papers)} of ${s.label}`
                    : `${formatCount(s.papers - s.named)} of ${formatCount(s.papers)} in ${s.label}`,
                )
                .join('; ')}
              ); their authors are absent from this graph rather than guessed.
            </p>
          )}
        </div>
      )}
      {summary.authors > 0 && (
        <>
          <p className="muted">
            {formatCount(summary.authors)} authors and {formatCount(summary.edges)} co-author links, in{' '}
            {formatCount(summary.communityCount)} communities. Start from the map of communities, open one to see its
            members and sub-groups, or draw the whole network with each community in its own region.
          </p>
          <CoauthorGraphExplorer
            summary={summary}
            map={map}
            topics={summary.topics}
            years={summary.years}
            initial={parseGraphState(params)}
          />
          {!namesMatter && summary.papersWithoutNames > 0 && (
            <p className={styles.hint} data-testid="names-footnote">
              {formatCount(summary.papersWithoutNames)} of {formatCount(summary.papers)} papers list no author names and
              are not in this graph.
            </p>
          )}
        </>
      )}
    </div>
  );
}
