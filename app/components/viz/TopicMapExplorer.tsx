'use client';
/**
 * The topic map page's interactive part. It only coordinates: the view state (filters, outliers
 * shown apart or hidden, zoom, the selected area) changes through reduceMapState and lives in the
 * URL; the points and cards come through map-data; TopicMap draws, and the sidebar, hover card and
 * selection list render what they are given. A brushed rectangle and a lasso are both just a
 * polygon in data coordinates, so they share one selection path (selectInPolygon, the URL's `sel`).
 */
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { MapMeta } from '@/lib/store/read/map';
import { formatCount } from '@/lib/viz/format';
import { selectInPolygon, type Point } from '@/lib/viz/lasso';
import { buildActiveMask, countActive, POINT_ACTIVE } from '@/lib/viz/map-filter';
import type { Affine } from '@/lib/viz/map-scale';
import { CSV_MAX, formatSelectionCsv } from '@/lib/viz/map-selection';
import { formatMapState, isMapFiltered, reduceMapState, type MapViewState } from '@/lib/viz/map-state';
import { topicColor } from '@/lib/viz/palette';
import type { MapPointColumns } from '@/lib/viz/point-payload';
import { ExportChart } from '../ExportChart';
import { downloadText } from './download';
import { MapToolPicker, MapSourceFilter, MapYearFilter } from './map/MapFilters';
import { MapHoverCard } from './map/MapHoverCard';
import { MapSelection } from './map/MapSelection';
import { MapTopicLegend } from './map/MapTopicLegend';
import { fetchMapCards, useHoverCard, useMapPoints, useSelectionCards } from './map/map-data';
import type { MapRenderer, MapTool } from './map-engine';
import { OutlierLegend } from './OutlierLegend';
import { TopicMap, type TopicMapHandle } from './TopicMap';
import { useEscapeKey } from './use-escape-key';
import { useSize } from './use-size';
import { useUrlState } from './use-url-state';
import styles from './viz.module.css';

interface Props {
  meta: MapMeta;
  initial: MapViewState;
  /** `?renderer=canvas` forces the Canvas 2D renderer (read by the page, so the URL state's
   * rewriting cannot drop it before the map is made). */
  renderer: MapRenderer;
}

type Hover = { index: number; at: { x: number; y: number } };

/** The points the filters keep, and the indices of those inside the selected area. */
function useFilteredPoints(points: MapPointColumns | undefined, state: MapViewState) {
  const { topics, years, sources, outliers, area } = state;
  const mask = useMemo(
    () =>
      points
        ? buildActiveMask(points, { topics, years, sources, hideOutliers: outliers === 'hide' })
        : new Uint8Array(0),
    [points, topics, years, sources, outliers],
  );
  const activeCount = useMemo(() => countActive(mask), [mask]);
  const selected = useMemo(() => {
    if (!points || !area) return null;
    return Uint32Array.from(selectInPolygon(points.x, points.y, area, (i) => mask[i] === POINT_ACTIVE));
  }, [points, area, mask]);
  const selectedIds = useMemo(
    () => (selected && points ? Array.from(selected, (i) => points.ids[i]) : []),
    [selected, points],
  );
  return { mask, activeCount, selected, selectedIds };
}

export function TopicMapExplorer({ meta, initial, renderer }: Props) {
  const router = useRouter();
  const mapRef = useRef<TopicMapHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [state, dispatch] = useReducer(reduceMapState, initial);
  const [mode, setMode] = useState<MapTool>('pan');
  const [hover, setHover] = useState<Hover | null>(null);
  const [timing, setTiming] = useState<{ drawMs: number; drawn: number } | null>(null);
  useUrlState(formatMapState(state));

  const { data: points, error: loadError } = useMapPoints();
  const { mask, activeCount, selected, selectedIds } = useFilteredPoints(points, state);
  const hoverCard = useHoverCard(hover && points ? points.ids[hover.index] : null);
  const selectionCards = useSelectionCards(selectedIds);

  const colors = useMemo(() => new Map(meta.topics.map((t) => [t.id, topicColor(t.id)])), [meta.topics]);
  const topicById = useMemo(() => new Map(meta.topics.map((t) => [t.id, t])), [meta.topics]);

  const onHover = useCallback((index: number | null, at: { x: number; y: number } | null) => {
    setHover(index !== null && at ? { index, at } : null);
  }, []);
  const onOpen = useCallback(
    (index: number) => points && router.push(`/papers/${points.ids[index]}`),
    [points, router],
  );
  const onSelectArea = useCallback((area: Point[] | null) => dispatch({ type: 'selectArea', area }), []);
  const onZoomEnd = useCallback((zoom: Affine) => dispatch({ type: 'zoomEnd', zoom }), []);
  const onDraw = useCallback((drawMs: number, drawn: number) => setTiming({ drawMs, drawn }), []);
  const clearArea = useCallback(() => dispatch({ type: 'selectArea', area: null }), []);
  useEscapeKey(clearArea);

  async function exportCsv() {
    const cards = await fetchMapCards(selectedIds.slice(0, CSV_MAX));
    downloadText(formatSelectionCsv(cards), 'topicscope-selection.csv', 'text/csv;charset=utf-8');
  }

  const hoverTopic = hoverCard?.topicId != null ? topicById.get(hoverCard.topicId) : undefined;

  return (
    <div className={styles.mapLayout}>
      <aside className={styles.mapSidebar} aria-label="Map filters and legend">
        <MapToolPicker mode={mode} onMode={setMode} onReset={() => mapRef.current?.zoomTo(null)} />
        {meta.years && (
          <MapYearFilter range={meta.years} undated={meta.undated} years={state.years} dispatch={dispatch} />
        )}
        {meta.sources.length > 1 && <MapSourceFilter sources={meta.sources} kept={state.sources} dispatch={dispatch} />}
        {meta.outliers.count > 0 && (
          <OutlierLegend
            count={meta.outliers.count}
            threshold={meta.outliers.threshold}
            mode={state.outliers}
            onChange={(outliers) => dispatch({ type: 'setOutliers', outliers })}
          />
        )}
        <MapTopicLegend topics={meta.topics} kept={state.topics} colors={colors} dispatch={dispatch} />
      </aside>

      <section className={styles.mapMain} aria-label="Topic map">
        <div className={styles.mapStatus} aria-live="polite">
          {loadError ? (
            <span className={styles.error}>The map could not be loaded: {loadError}</span>
          ) : !points ? (
            <span>Loading {formatCount(meta.papers)} points…</span>
          ) : (
            <span>
              {isMapFiltered(state)
                ? `${formatCount(activeCount)} of ${formatCount(points.ids.length)} papers match`
                : `${formatCount(points.ids.length)} papers`}
              {selected ? ` · ${formatCount(selected.length)} selected` : ''}
            </span>
          )}
          {timing && (
            <span className={styles.hint} data-testid="map-timing">
              drawn {formatCount(timing.drawn)} points in {timing.drawMs.toFixed(1)} ms
            </span>
          )}
        </div>
        <ExportChart filename="topicscope-map" label="topic map" canvas>
          <div ref={areaRef} className={styles.mapArea}>
            {points && (
              <TopicMap
                ref={mapRef}
                points={points}
                topics={meta.topics}
                subtopics={meta.subtopics}
                colors={colors}
                mask={mask}
                selected={selected}
                area={state.area}
                mode={mode}
                initialZoom={initial.zoom}
                renderer={renderer}
                label={`Topic map of ${formatCount(points.ids.length)} papers in ${meta.topics.length} topics`}
                onHover={onHover}
                onOpen={onOpen}
                onSelectArea={onSelectArea}
                onZoomEnd={onZoomEnd}
                onDraw={onDraw}
              />
            )}
            {hover && (
              <MapHoverCard
                at={hover.at}
                area={area}
                card={hoverCard}
                topic={hoverTopic}
                color={hoverTopic && colors.get(hoverTopic.id)}
              />
            )}
          </div>
        </ExportChart>
      </section>

      <MapSelection selected={selected} cards={selectionCards} onExport={exportCsv} onClear={clearArea} />
    </div>
  );
}
