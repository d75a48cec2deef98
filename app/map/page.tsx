/**
 * /map: every paper as a point, coloured by topic. The server reads the topics, sources and years;
 * the points themselves arrive as one binary payload from /api/map/points.
 */
import type { Metadata } from 'next';
import { readMapMeta, readOrExplain } from '@/lib/store/read';
import { parseMapState } from '@/lib/viz/map-state';
import { formatCount } from '@/lib/viz/format';
import { NoBuild } from '../components/NoBuild';
import { TopicMapExplorer } from '../components/viz/TopicMapExplorer';

export const metadata: Metadata = { title: 'Topic map · Topicscope' };

export default async function MapPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const result = readOrExplain(() => readMapMeta());
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const meta = result.value;
  return (
    <div className="page-wide">
      <h1>Topic map</h1>
      <p className="muted">
        {formatCount(meta.papers)} papers placed by their content: near each other when they share vocabulary, coloured
        by topic. Scroll or pinch to zoom, drag to pan, hover a point for its paper, click to open it.
      </p>
      {meta.papers === 0 ? (
        <p>This build has no papers on the map.</p>
      ) : (
        <TopicMapExplorer
          meta={meta}
          initial={parseMapState(params)}
          renderer={params.renderer === 'canvas' ? 'canvas' : 'webgl'}
        />
      )}
    </div>
  );
}
