'use client';
/**
 * The topic map page's interactive part: loads the binary point payload, holds the view state
 * (filters, outliers shown apart or hidden, zoom, the selected area) in the URL, and wires
 * TopicMap to the legend, filters, hover card and the selection list with its CSV export. A brushed
 * rectangle and a lasso are both just a polygon in data coordinates, so they share one selection
 * path (selectInPolygon, the URL's `sel`).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MapMeta, MapPaperCard } from '@/lib/store/read/map';
import { formatCsv } from '@/lib/viz/csv';
import { formatAuthorsShort, formatCount } from '@/lib/viz/format';
import { selectInPolygon, type Point } from '@/lib/viz/lasso';
import { buildActiveMask, countActive, POINT_ACTIVE } from '@/lib/viz/map-filter';
import type { Affine } from '@/lib/viz/map-scale';
import { topicColor } from '@/lib/viz/palette';
import { decodeMapPoints, type MapPointColumns } from '@/lib/viz/point-payload';
import { formatMapState, type MapViewState } from '@/lib/viz/url-state';
import { ExportChart } from '../ExportChart';
import { downloadText } from './download';
import type { MapTool } from './map-engine';
import { TopicMap, type TopicMapHandle } from './TopicMap';
import { useUrlState } from './use-url-state';
import { useSize } from './use-size';
import { ChoiceGroup } from './ChoiceGroup';
import { OutlierLegend } from './OutlierLegend';
import styles from './viz.module.css';

const SELECTION_LIST = 100;
const CSV_MAX = 10_000;

interface Props {
  meta: MapMeta;
  initial: MapViewState;
}

async function fetchCards(ids: number[]): Promise<MapPaperCard[]> {
  if (ids.length === 0) return [];
  const response =
    ids.length <= 200
      ? await fetch(`/api/map/papers?ids=${ids.join(',')}`)
      : await fetch('/api/map/papers', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ids }),
        });
  if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? response.statusText);
  return ((await response.json()) as { papers: MapPaperCard[] }).papers;
}

/** True for a text field, dropdown or editable element: keys typed there are the field's. */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function TopicMapExplorer({ meta, initial }: Props) {
  const router = useRouter();
  const mapRef = useRef<TopicMapHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [state, setState] = useState<MapViewState>(initial);
  const [points, setPoints] = useState<MapPointColumns | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<MapTool>('pan');
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const [cards, setCards] = useState<ReadonlyMap<number, MapPaperCard>>(new Map());
  const [selectionCards, setSelectionCards] = useState<MapPaperCard[]>([]);
  const [timing, setTiming] = useState<{ drawMs: number; drawn: number } | null>(null);

  useUrlState(formatMapState(state));

  useEffect(() => {
    let cancelled = false;
    fetch('/api/map/points')
      .then(async (response) => {
        if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? response.statusText);
        return decodeMapPoints(await response.arrayBuffer());
      })
      .then((decoded) => {
        if (cancelled) return;
        setPoints(decoded);
      })
      .catch((error: Error) => !cancelled && setLoadError(error.message));
    return () => {
      cancelled = true;
    };
  }, []);

  const colors = useMemo(() => new Map(meta.topics.map((t) => [t.id, topicColor(t.id)])), [meta.topics]);
  const topicById = useMemo(() => new Map(meta.topics.map((t) => [t.id, t])), [meta.topics]);

  const mask = useMemo(
    () =>
      points
        ? buildActiveMask(points, {
            topics: state.topics,
            years: state.years,
            sources: state.sources,
            hideOutliers: state.outliers === 'hide',
          })
        : new Uint8Array(0),
    [points, state.topics, state.years, state.sources, state.outliers],
  );
  const activeCount = useMemo(() => countActive(mask), [mask]);
  const selected = useMemo(() => {
    if (!points || !state.area) return null;
    return Uint32Array.from(selectInPolygon(points.x, points.y, state.area, (i) => mask[i] === POINT_ACTIVE));
  }, [points, state.area, mask]);
  const selectedIds = useMemo(
    () => (selected && points ? Array.from(selected, (i) => points.ids[i]) : []),
    [selected, points],
  );

  // Hover card: cached, fetched after a short pause so sweeping across points stays cheap.
  const hoverId = hover && points ? points.ids[hover.index] : null;
  const hoverCard = hoverId !== null ? (cards.get(hoverId) ?? null) : null;
  useEffect(() => {
    if (hoverId === null || cards.has(hoverId)) return;
    const timer = window.setTimeout(() => {
      fetchCards([hoverId])
        .then(([card]) => card && setCards((current) => new Map(current).set(hoverId, card)))
        .catch(() => undefined);
    }, 60);
    return () => window.clearTimeout(timer);
  }, [hoverId, cards]);

  useEffect(() => {
    let cancelled = false;
    const ids = selectedIds.slice(0, SELECTION_LIST);
    fetchCards(ids)
      .then((cards) => !cancelled && setSelectionCards(cards))
      .catch(() => !cancelled && setSelectionCards([]));
    return () => {
      cancelled = true;
    };
  }, [selectedIds]);

  const onHover = useCallback((index: number | null, at: { x: number; y: number } | null) => {
    setHover(index !== null && at ? { index, at } : null);
  }, []);
  const onOpen = useCallback(
    (index: number) => {
      if (points) router.push(`/papers/${points.ids[index]}`);
    },
    [points, router],
  );
  const onSelectArea = useCallback((polygon: Point[] | null) => setState((s) => ({ ...s, area: polygon })), []);

  // Escape clears the selection from anywhere on the page, unless something else used the key or
  // it was pressed in a form field (a year dropdown, the topic search), where it belongs to the field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || isFormField(event.target)) return;
      setState((s) => (s.area ? { ...s, area: null } : s));
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const onZoomEnd = useCallback((t: Affine) => {
    const identity = Math.abs(t.k - 1) < 1e-3 && Math.abs(t.x) < 0.5 && Math.abs(t.y) < 0.5;
    setState((s) => ({ ...s, zoom: identity ? null : t }));
  }, []);
  const onDraw = useCallback((ms: number, drawn: number) => {
    setTiming({ drawMs: ms, drawn });
  }, []);

  function toggleTopic(id: number) {
    setState((s) => ({
      ...s,
      topics: s.topics.includes(id) ? s.topics.filter((t) => t !== id) : [...s.topics, id].sort((a, b) => a - b),
    }));
  }
  function toggleSource(index: number) {
    setState((s) => ({
      ...s,
      sources: s.sources.includes(index)
        ? s.sources.filter((t) => t !== index)
        : [...s.sources, index].sort((a, b) => a - b),
    }));
  }
  function setYears(which: 0 | 1, value: string) {
    setState((s) => {
      if (!meta.years) return s;
      const current = s.years ?? meta.years;
      if (value === '') return { ...s, years: null };
      const next: [number, number] = [...current];
      next[which] = Number(value);
      if (next[0] > next[1]) next[1 - which] = next[which];
      const all = next[0] === meta.years[0] && next[1] === meta.years[1];
      return { ...s, years: all ? null : next };
    });
  }

  async function exportCsv() {
    const ids = selectedIds.slice(0, CSV_MAX);
    const cards = await fetchCards(ids);
    const csv = formatCsv(
      ['id', 'title', 'authors', 'year', 'venue', 'topic_id', 'topic', 'subtopic', 'outlier', 'source'],
      cards.map((c) => [
        c.id,
        c.title,
        c.authors,
        c.year,
        c.venue,
        c.topicId,
        c.topicLabel,
        c.subtopicLabel,
        c.outlier ? 1 : 0,
        c.source,
      ]),
    );
    downloadText(csv, 'topicscope-selection.csv', 'text/csv;charset=utf-8');
  }

  const yearOptions = meta.years
    ? Array.from({ length: meta.years[1] - meta.years[0] + 1 }, (_, i) => meta.years![0] + i)
    : [];
  const years = state.years ?? meta.years;
  const filtered =
    state.topics.length > 0 || state.years !== null || state.sources.length > 0 || state.outliers === 'hide';
  const hoverTopic = hoverCard?.topicId != null ? topicById.get(hoverCard.topicId) : undefined;
  const engineTopics = meta.topics;

  return (
    <div className={styles.mapLayout}>
      <aside className={styles.mapSidebar} aria-label="Map filters and legend">
        <fieldset className={styles.fieldset}>
          <legend>Tool</legend>
          <ChoiceGroup
            name="map-mode"
            label="Pointer tool"
            options={[
              ['pan', 'Pan & zoom'],
              ['brush', 'Rectangle brush'],
              ['lasso', 'Lasso select'],
            ]}
            value={mode}
            onChange={setMode}
          />
          <div className="cluster">
            <button type="button" className="btn" onClick={() => mapRef.current?.zoomTo(null)}>
              Reset view
            </button>
          </div>
        </fieldset>

        {meta.years && (
          <fieldset className={styles.fieldset}>
            <legend>Years</legend>
            <div className="cluster">
              <label>
                From{' '}
                <select value={years?.[0] ?? ''} onChange={(e) => setYears(0, e.target.value)} aria-label="First year">
                  {yearOptions.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                to{' '}
                <select value={years?.[1] ?? ''} onChange={(e) => setYears(1, e.target.value)} aria-label="Last year">
                  {yearOptions.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {meta.undated > 0 && (
              <p className={styles.hint}>
                {formatCount(meta.undated)} undated {meta.undated === 1 ? 'paper is' : 'papers are'} shown only when all
                years are.
              </p>
            )}
          </fieldset>
        )}

        {meta.sources.length > 1 && (
          <fieldset className={styles.fieldset}>
            <legend>Sources</legend>
            {meta.sources.map((source) => (
              <label key={source.file} className={styles.checkRow}>
                <input
                  type="checkbox"
                  checked={state.sources.length === 0 || state.sources.includes(source.index)}
                  onChange={() =>
                    state.sources.length === 0
                      ? setState((s) => ({
                          ...s,
                          sources: meta.sources.filter((x) => x.index !== source.index).map((x) => x.index),
                        }))
                      : toggleSource(source.index)
                  }
                />
                <span className={styles.truncate} title={source.file}>
                  {source.label}
                </span>
                <span className={styles.count}>{formatCount(source.papers)}</span>
              </label>
            ))}
          </fieldset>
        )}

        {meta.outliers.count > 0 && (
          <OutlierLegend
            count={meta.outliers.count}
            threshold={meta.outliers.threshold}
            mode={state.outliers}
            onChange={(outliers) => setState((s) => ({ ...s, outliers }))}
          />
        )}

        <fieldset className={styles.fieldset}>
          <legend>Topics</legend>
          <p className={styles.hint}>Select topics to keep them in colour; the rest fade.</p>
          {state.topics.length > 0 && (
            <button type="button" className="btn" onClick={() => setState((s) => ({ ...s, topics: [] }))}>
              Show all topics
            </button>
          )}
          <ul className={styles.legend} aria-label="Topics (legend)">
            {meta.topics.map((topic) => {
              const on = state.topics.length === 0 || state.topics.includes(topic.id);
              return (
                <li key={topic.id}>
                  <button
                    type="button"
                    className={styles.legendItem}
                    aria-pressed={state.topics.includes(topic.id)}
                    data-faded={!on || undefined}
                    onClick={() => toggleTopic(topic.id)}
                  >
                    <span className={styles.swatch} style={{ background: colors.get(topic.id) }} aria-hidden="true" />
                    <span className={styles.truncate}>{topic.label}</span>
                    <span className={styles.count}>{formatCount(topic.size)}</span>
                  </button>
                  <Link
                    href={`/topics/${topic.id}`}
                    className={styles.legendLink}
                    aria-label={`Open topic ${topic.label}`}
                  >
                    →
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </aside>

      <section className={styles.mapMain} aria-label="Topic map">
        <div className={styles.mapStatus} aria-live="polite">
          {loadError ? (
            <span className={styles.error}>The map could not be loaded: {loadError}</span>
          ) : !points ? (
            <span>Loading {formatCount(meta.papers)} points…</span>
          ) : (
            <span>
              {filtered
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
                topics={engineTopics}
                subtopics={meta.subtopics}
                colors={colors}
                mask={mask}
                selected={selected}
                area={state.area}
                mode={mode}
                initialZoom={initial.zoom}
                label={`Topic map of ${formatCount(points.ids.length)} papers in ${meta.topics.length} topics`}
                onHover={onHover}
                onOpen={onOpen}
                onSelectArea={onSelectArea}
                onZoomEnd={onZoomEnd}
                onDraw={onDraw}
              />
            )}
            {hover && (
              <div
                className={styles.hoverCard}
                style={{ left: hover.at.x, top: hover.at.y }}
                data-flip-x={hover.at.x > area.width - 360 || undefined}
                data-flip-y={hover.at.y > area.height - 150 || undefined}
                role="tooltip"
              >
                {hoverCard ? (
                  <>
                    <strong>{hoverCard.title}</strong>
                    {hoverCard.authors && <span>{formatAuthorsShort(hoverCard.authors, 4)}</span>}
                    <span className={styles.hint}>{[hoverCard.year, hoverCard.venue].filter(Boolean).join(' · ')}</span>
                    {hoverTopic && (
                      <span className={styles.cardTopic}>
                        <span
                          className={styles.swatch}
                          style={{ background: colors.get(hoverTopic.id) }}
                          aria-hidden="true"
                        />
                        {hoverTopic.label}
                      </span>
                    )}
                    {hoverCard.subtopicLabel && (
                      <span className={styles.hint}>Sub-topic: {hoverCard.subtopicLabel}</span>
                    )}
                    {hoverCard.outlier && (
                      <span className={styles.hint}>Outlier: far from its topic&apos;s typical paper</span>
                    )}
                    <span className={styles.hint}>Click to open</span>
                  </>
                ) : (
                  <span className={styles.hint}>Loading…</span>
                )}
              </div>
            )}
          </div>
        </ExportChart>
      </section>

      <section className={styles.mapSelection} aria-label="Selected papers">
        <div className={styles.selectionHeader}>
          <h2>Selection</h2>
          {selected && (
            <div className="cluster">
              <button type="button" className="btn" onClick={exportCsv} disabled={selected.length === 0}>
                Export CSV{selected.length > CSV_MAX ? ` (first ${formatCount(CSV_MAX)})` : ''}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => setState((s) => ({ ...s, area: null }))}
                aria-keyshortcuts="Escape"
              >
                Clear
              </button>
            </div>
          )}
        </div>
        {!selected ? (
          <p className={styles.hint}>
            Choose “Rectangle brush” or “Lasso select” and drag over points to list their papers here; Escape clears the
            selection.
          </p>
        ) : selected.length === 0 ? (
          <p className={styles.hint}>No matching papers inside the selection.</p>
        ) : (
          <>
            <p className={styles.hint}>
              {formatCount(selected.length)} papers
              {selected.length > SELECTION_LIST ? `; the first ${SELECTION_LIST} are listed` : ''}.
            </p>
            <div className={styles.selectionScroll} tabIndex={0} role="region" aria-label="Selected papers list">
              <ol className={styles.selectionList}>
                {selectionCards.map((card) => (
                  <li key={card.id}>
                    <Link href={`/papers/${card.id}`}>{card.title}</Link>
                    <span className={styles.hint}>
                      {[formatAuthorsShort(card.authors, 3), card.year, card.topicLabel].filter(Boolean).join(' · ')}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
