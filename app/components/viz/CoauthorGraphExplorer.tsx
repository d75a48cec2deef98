'use client';
/**
 * The co-author graph page's interactive part: loads the layout, keeps the view (author,
 * minimum papers, zoom) in the URL, searches authors and flies to them, and shows the picked
 * author's ego network beside the graph with the components and communities summary.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EgoNetwork, GraphAuthor, GraphLayout, GraphSummary } from '@/lib/store/read/graph';
import { formatCount, formatDecimal } from '@/lib/viz/format';
import type { Affine } from '@/lib/viz/map-scale';
import { categoricalColor, communityColor, NEUTRAL_COLOR } from '@/lib/viz/palette';
import { formatGraphState, type GraphViewState } from '@/lib/viz/url-state';
import { EgoNetworkView } from '../EgoNetworkView';
import { ExportChart } from '../ExportChart';
import { Autocomplete } from './Autocomplete';
import { CoauthorGraph, type CoauthorGraphHandle } from './CoauthorGraph';
import type { GraphData } from './graph-engine';
import { useUrlState } from './use-url-state';
import { useSize } from './use-width';
import styles from './viz.module.css';
import { fetchJson } from './fetch-json';

const COLOURED_COMMUNITIES = 10;
const MIN_PAPER_CHOICES = [1, 2, 3, 5, 10];

export function CoauthorGraphExplorer({ summary, initial }: { summary: GraphSummary; initial: GraphViewState }) {
  const graphRef = useRef<CoauthorGraphHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [state, setState] = useState<GraphViewState>(initial);
  const [layout, setLayout] = useState<GraphLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [egoResult, setEgoResult] = useState<{ author: number; ego?: EgoNetwork; error?: string } | null>(null);
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const [draw, setDraw] = useState<{ ms: number; thinned: boolean } | null>(null);
  const onDraw = useCallback((ms: number, thinned: boolean) => setDraw({ ms, thinned }), []);
  const flyWhenReady = useRef<boolean>(initial.author !== null && initial.zoom === null);

  useUrlState(formatGraphState(state));

  useEffect(() => {
    fetchJson<GraphLayout>('/api/graph/layout')
      .then(setLayout)
      .catch((error: Error) => setLoadError(error.message));
  }, []);

  // Community colours follow the summary's order (largest first), so the table and graph agree.
  const slotByCommunity = useMemo(
    () => new Map(summary.communities.slice(0, COLOURED_COMMUNITIES).map((c, i) => [c.id, i])),
    [summary.communities],
  );
  const slotOf = useCallback(
    (community: number | null) => (community === null ? null : (slotByCommunity.get(community) ?? null)),
    [slotByCommunity],
  );

  const data = useMemo<GraphData | null>(() => {
    if (!layout) return null;
    return {
      id: layout.nodes.id,
      name: layout.nodes.name,
      x: layout.nodes.x,
      y: layout.nodes.y,
      papers: layout.nodes.papers,
      color: layout.nodes.community.map((c) => {
        const slot = slotByCommunity.get(c);
        return slot === undefined ? NEUTRAL_COLOR : categoricalColor(slot);
      }),
      edgeSource: layout.edges.source,
      edgeTarget: layout.edges.target,
      edgePapers: layout.edges.papers,
    };
  }, [layout, slotByCommunity]);
  const indexById = useMemo(() => new Map((layout?.nodes.id ?? []).map((id, i) => [id, i])), [layout]);
  const visible = useMemo(
    () => Uint8Array.from(layout?.nodes.papers ?? [], (p) => (p >= state.minPapers ? 1 : 0)),
    [layout, state.minPapers],
  );
  const shownCount = useMemo(() => visible.reduce((s, v) => s + v, 0), [visible]);

  useEffect(() => {
    const author = state.author;
    if (author === null) return;
    const controller = new AbortController();
    fetchJson<EgoNetwork>(`/api/graph/ego?author=${author}`, { signal: controller.signal })
      .then((ego) => setEgoResult({ author, ego }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setEgoResult({ author, error: error.message });
      });
    return () => controller.abort();
  }, [state.author]);
  const current = egoResult && egoResult.author === state.author ? egoResult : null;
  const ego = current?.ego ?? null;
  const egoError = current?.error ?? null;

  const focus = state.author !== null ? (indexById.get(state.author) ?? -1) : -1;
  const egoSet = useMemo(() => {
    if (!ego) return null;
    const set = new Set<number>();
    for (const id of [ego.author.id, ...ego.coauthors.map((c) => c.id)]) {
      const i = indexById.get(id);
      if (i !== undefined) set.add(i);
    }
    return set;
  }, [ego, indexById]);

  useEffect(() => {
    if (!flyWhenReady.current || focus < 0 || !data) return;
    // On the next frame, once the canvas has its size; cancelled if the component unmounts first.
    const frame = requestAnimationFrame(() => {
      flyWhenReady.current = false;
      graphRef.current?.flyTo(focus);
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, data]);

  function pickAuthor(author: { id: number }) {
    setState((s) => ({ ...s, author: author.id }));
    const index = indexById.get(author.id);
    if (index !== undefined) {
      // Keep a picked author visible even when the filter would hide them.
      const papers = layout?.nodes.papers[index] ?? 1;
      setState((s) => ({ ...s, minPapers: Math.min(s.minPapers, papers) }));
      graphRef.current?.flyTo(index);
    }
  }

  const onSelect = useCallback(
    (index: number) => {
      setState((s) => ({ ...s, author: layout?.nodes.id[index] ?? s.author }));
    },
    [layout],
  );
  const onHover = useCallback(
    (index: number | null, at: { x: number; y: number } | null) =>
      setHover(index !== null && at ? { index, at } : null),
    [],
  );
  const onZoomEnd = useCallback((t: Affine) => {
    const identity = Math.abs(t.k - 1) < 1e-3 && Math.abs(t.x) < 0.5 && Math.abs(t.y) < 0.5;
    setState((s) => ({ ...s, zoom: identity ? null : t }));
  }, []);

  const selectedName = ego?.author.name ?? null;

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label="Co-author graph">
        <div className={styles.graphToolbar}>
          <Autocomplete<GraphAuthor>
            label="Find an author"
            placeholder="Type a name…"
            testId="author-search"
            fetchOptions={(q, signal) =>
              fetchJson<{ authors: GraphAuthor[] }>(`/api/graph/authors?q=${encodeURIComponent(q)}`, { signal }).then(
                (r) => r.authors,
              )
            }
            optionKey={(a) => a.id}
            optionLabel={(a) => a.name}
            renderOption={(a) => (
              <>
                <span className={styles.truncate}>{a.name}</span>
                <span className={styles.count}>
                  {formatCount(a.papers)} {a.papers === 1 ? 'paper' : 'papers'}
                  {a.laidOut ? '' : ' · not drawn'}
                </span>
              </>
            )}
            onPick={pickAuthor}
            keepText
          />
          <label className={styles.hint}>
            Minimum papers{' '}
            <select
              value={state.minPapers}
              onChange={(e) => setState((s) => ({ ...s, minPapers: Number(e.target.value) }))}
              aria-label="Minimum papers per author"
            >
              {[...new Set([...MIN_PAPER_CHOICES, state.minPapers])]
                .sort((a, b) => a - b)
                .map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? 'any' : `${n}+`}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => graphRef.current?.reset()}>
            Reset view
          </button>
          {state.author !== null && (
            <button type="button" className="btn" onClick={() => setState((s) => ({ ...s, author: null }))}>
              Clear highlight
            </button>
          )}
        </div>
        <p className={styles.hint} aria-live="polite">
          {loadError
            ? `The graph could not be loaded: ${loadError}`
            : !layout
              ? 'Loading the layout…'
              : `${formatCount(shownCount)} of ${formatCount(layout.laidOut)} drawn authors shown, ${formatCount(layout.edges.source.length)} links${layout.truncated ? ' (bounded: the most prolific authors and strongest links)' : ''}.`}
          {draw && ` Drawn in ${draw.ms.toFixed(1)} ms.`}
          {draw?.thinned && ' Single-paper links appear as you zoom in.'}
        </p>
        <ExportChart filename="topicscope-coauthors" label="co-author graph" canvas>
          <div
            ref={areaRef}
            className={styles.graphArea}
            data-testid="graph-area"
            data-focus-author={selectedName ?? undefined}
          >
            {data && layout && layout.nodes.id.length > 0 ? (
              <CoauthorGraph
                ref={graphRef}
                data={data}
                visible={visible}
                focus={focus}
                ego={egoSet}
                initialZoom={initial.zoom}
                label={`Co-author graph of ${formatCount(layout.nodes.id.length)} authors, coloured by community`}
                onHover={onHover}
                onSelect={onSelect}
                onZoomEnd={onZoomEnd}
                onDraw={onDraw}
              />
            ) : layout ? (
              <p className={styles.hint} style={{ padding: 16 }}>
                No author has a precomputed layout in this build.
              </p>
            ) : null}
            {hover && layout && (
              <div
                className={styles.hoverCard}
                style={{ left: hover.at.x, top: hover.at.y }}
                data-flip-x={hover.at.x > area.width - 320 || undefined}
                data-flip-y={hover.at.y > area.height - 90 || undefined}
                role="tooltip"
              >
                <strong>{layout.nodes.name[hover.index]}</strong>
                <span className={styles.hint}>
                  {formatCount(layout.nodes.papers[hover.index])}{' '}
                  {layout.nodes.papers[hover.index] === 1 ? 'paper' : 'papers'} · click to highlight co-authors
                </span>
              </div>
            )}
          </div>
        </ExportChart>
      </section>

      <aside className={styles.sidePanel} aria-label="Author and graph summary">
        {state.author !== null && (
          <section className="card" aria-live="polite" data-testid="ego-panel">
            {egoError ? (
              <p className={styles.error}>{egoError}</p>
            ) : !ego ? (
              <p className={styles.hint}>Loading the author…</p>
            ) : (
              <>
                <h2>
                  <Link href={`/authors/${ego.author.id}`}>{ego.author.name}</Link>
                </h2>
                <p className={styles.hint}>
                  {formatCount(ego.author.papers)} {ego.author.papers === 1 ? 'paper' : 'papers'},{' '}
                  {formatCount(ego.author.coauthors)} co-authors
                  {ego.author.laidOut
                    ? ''
                    : '. Their component is too small to be drawn in the graph; here is their ego network.'}
                </p>
                <ExportChart filename={`topicscope-ego-${ego.author.id}`} label={`ego network of ${ego.author.name}`}>
                  <EgoNetworkView ego={ego} colorOf={(community) => communityColor(slotOf(community))} />
                </ExportChart>
                <h3>Co-authors</h3>
                <table className={styles.compactTable}>
                  <thead>
                    <tr>
                      <th scope="col">Author</th>
                      <th scope="col" className="num">
                        Joint papers
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ego.coauthors.slice(0, 30).map((c) => (
                      <tr key={c.id}>
                        <td>
                          <button
                            type="button"
                            className="btn-link"
                            onClick={() => pickAuthor(c)}
                            style={{
                              background: 'none',
                              border: 0,
                              padding: 0,
                              color: 'var(--accent)',
                              cursor: 'pointer',
                              font: 'inherit',
                              textAlign: 'left',
                            }}
                          >
                            {c.name}
                          </button>
                        </td>
                        <td className="num">{c.joint}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {ego.coauthors.length > 30 && (
                  <p className={styles.hint}>and {formatCount(ego.coauthors.length - 30)} more.</p>
                )}
              </>
            )}
          </section>
        )}

        <section className="card">
          <h2>Communities</h2>
          <p className={styles.hint}>
            {formatCount(summary.communityCount)} communities (Louvain)
            {summary.modularity !== null ? `, modularity ${formatDecimal(summary.modularity, 3)}` : ''}. The ten largest
            have colours; the rest are grey.
          </p>
          <table className={styles.compactTable}>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col" className="num">
                  Authors
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.communities.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span className={styles.cardTopic}>
                      <span
                        className={styles.swatch}
                        style={{ background: slotOf(c.id) === null ? NEUTRAL_COLOR : categoricalColor(slotOf(c.id)!) }}
                        aria-hidden="true"
                      />
                      <span>{c.topAuthors.join(', ') || `#${c.id}`}</span>
                    </span>
                  </td>
                  <td className="num">{formatCount(c.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card">
          <h2>Components</h2>
          <p className={styles.hint}>
            {formatCount(summary.componentCount)} connected components; the largest are drawn (
            {formatCount(summary.laidOut)} authors).
          </p>
          <table className={styles.compactTable}>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="num">
                  Authors
                </th>
                <th scope="col">Drawn</th>
              </tr>
            </thead>
            <tbody>
              {summary.components.map((c, i) => (
                <tr key={c.id}>
                  <td>{i === 0 ? 'Largest' : `#${i + 1}`}</td>
                  <td className="num">{formatCount(c.size)}</td>
                  <td>{c.laidOut ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </aside>
    </div>
  );
}
