'use client';
/**
 * The co-author graph page's interactive part. It only coordinates: the view state (which view,
 * the open community, colour and size, the highlighted author, the filters, the zoom) changes
 * through reduceGraphState and lives in the URL; the layout and the ego network come through
 * graph-data; the map of communities, the canvas graph, the toolbar, the filters and the side panel
 * render what they are given. Filters change which links count and fade authors without papers in
 * them; nobody moves.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CommunityMapData, GraphAuthor, GraphSummary } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import {
  formatGraphState,
  formatLayoutQuery,
  openCommunity,
  reduceGraphState,
  type GraphViewState,
} from '@/lib/viz/graph-state';
import { authorGraphColumns, communityRegions, drawnIndices } from '@/lib/viz/graph-view';
import type { Affine } from '@/lib/viz/map-scale';
import { ExportChart } from '../ExportChart';
import { CoauthorGraph, type CoauthorGraphHandle } from './CoauthorGraph';
import { AuthorHoverCard } from './graph/AuthorHoverCard';
import { CommunitiesView } from './graph/CommunitiesView';
import { useEgoNetwork, useGraphLayout } from './graph/graph-data';
import { GraphFilters } from './graph/GraphFilters';
import { GraphSidePanel } from './graph/GraphSidePanel';
import { GraphStatus } from './graph/GraphStatus';
import { GraphToolbar } from './graph/GraphToolbar';
import type { GraphData } from './graph-engine';
import { useSize } from './use-size';
import { useUrlState } from './use-url-state';
import styles from './viz.module.css';

export interface GraphExplorerProps {
  summary: GraphSummary;
  map: CommunityMapData;
  topics: { id: number; label: string }[];
  years: { min: number; max: number } | null;
  initial: GraphViewState;
}

type Hover = { index: number; at: { x: number; y: number } };

export function CoauthorGraphExplorer({ summary, map, topics, years, initial }: GraphExplorerProps) {
  const graphRef = useRef<CoauthorGraphHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [state, dispatch] = useReducer(reduceGraphState, initial);
  const [hover, setHover] = useState<Hover | null>(null);
  const [thinned, setThinned] = useState(false);
  // An author named in the URL without a zoom, or picked by name, is flown to once drawn.
  const flyTo = useRef<number | null>(initial.author !== null && initial.zoom === null ? initial.author : null);
  useUrlState(formatGraphState(state));

  const { data: layout, error: loadError } = useGraphLayout(formatLayoutQuery(state));
  const { data: ego, error: egoError } = useEgoNetwork(state.author);

  const communityById = useMemo(() => new Map(map.communities.map((c) => [c.id, c])), [map.communities]);
  const open = openCommunity(state);
  const community = open !== null ? (communityById.get(open) ?? null) : null;
  const regions = useMemo(() => communityRegions(map.communities), [map.communities]);

  const data = useMemo<GraphData | null>(
    () => (layout ? authorGraphColumns(layout, state.color, regions) : null),
    [layout, state.color, regions],
  );
  const indexById = useMemo(() => new Map((layout?.nodes.id ?? []).map((id, i) => [id, i])), [layout]);
  const visible = useMemo(() => new Uint8Array(layout?.nodes.id.length ?? 0).fill(1), [layout]);
  const focus = state.author !== null ? (indexById.get(state.author) ?? -1) : -1;
  const egoSet = useMemo(
    () => (ego ? drawnIndices([ego.author.id, ...ego.coauthors.map((c) => c.id)], indexById) : null),
    [ego, indexById],
  );

  useEffect(() => {
    if (flyTo.current === null || !data) return;
    const index = indexById.get(flyTo.current);
    if (index === undefined) return;
    const frame = requestAnimationFrame(() => {
      flyTo.current = null;
      graphRef.current?.flyTo(index);
    });
    return () => cancelAnimationFrame(frame);
  }, [data, indexById]);

  const pickAuthor = useCallback(
    (author: GraphAuthor) => {
      // Open the author where they are drawn: their community's view, else the whole network.
      const drawn = author.community !== null && communityById.has(author.community);
      flyTo.current = author.id;
      dispatch({ type: 'pickAuthor', author: author.id, community: drawn ? author.community : null });
    },
    [communityById],
  );
  const openOne = useCallback((id: number) => dispatch({ type: 'openCommunity', community: id }), []);
  const onSelect = useCallback(
    (index: number) => {
      const author = layout?.nodes.id[index];
      if (author !== undefined) dispatch({ type: 'selectAuthor', author });
    },
    [layout],
  );
  const onHover = useCallback(
    (index: number | null, at: { x: number; y: number } | null) =>
      setHover(index !== null && at ? { index, at } : null),
    [],
  );
  const onZoomEnd = useCallback((zoom: Affine) => dispatch({ type: 'zoomEnd', zoom }), []);
  const onDraw = useCallback((_ms: number, thin: boolean) => setThinned(thin), []);

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label="Co-author graph">
        <GraphToolbar
          state={state}
          community={community}
          onView={(view) => dispatch({ type: 'view', view })}
          onPickAuthor={pickAuthor}
        />
        {state.view !== 'communities' && (
          <GraphFilters state={state} dispatch={dispatch} topics={topics} years={years} />
        )}
        {state.view === 'communities' ? (
          <CommunitiesView
            map={map}
            size={state.size}
            onSize={(size) => dispatch({ type: 'size', size })}
            onOpen={openOne}
          />
        ) : (
          <>
            <GraphStatus layout={layout} error={loadError} community={community} thinned={thinned} />
            <ExportChart filename="topicscope-coauthors" label="co-author graph" canvas>
              <div
                ref={areaRef}
                className={styles.graphArea}
                data-testid="graph-area"
                data-view={layout?.view}
                data-focus-author={ego?.author.name ?? undefined}
              >
                {data && layout && layout.nodes.id.length > 0 ? (
                  <CoauthorGraph
                    key={`${layout.view}-${layout.community ?? ''}`}
                    ref={graphRef}
                    data={data}
                    visible={visible}
                    focus={focus}
                    ego={egoSet}
                    initialZoom={initial.zoom}
                    label={`Co-author graph of ${formatCount(layout.nodes.id.length)} authors`}
                    onHover={onHover}
                    onSelect={onSelect}
                    onZoomEnd={onZoomEnd}
                    onDraw={onDraw}
                  />
                ) : layout ? (
                  <p className={styles.hint} style={{ padding: 16 }}>
                    No author is drawn in this view.
                  </p>
                ) : null}
                {hover && layout && (
                  <AuthorHoverCard layout={layout} index={hover.index} at={hover.at} area={area} topics={topics} />
                )}
              </div>
            </ExportChart>
          </>
        )}
      </section>
      <GraphSidePanel
        summary={summary}
        map={map}
        author={state.author}
        ego={ego}
        egoError={egoError}
        community={community}
        onPickAuthor={pickAuthor}
        onOpenCommunity={openOne}
      />
    </div>
  );
}
