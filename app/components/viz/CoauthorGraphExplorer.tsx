'use client';
/**
 * The co-author graph page's interactive part: the map of communities first; a community's members
 * laid out by their sub-groups; the whole network drawn as regions. Filters (period, topic, joint
 * papers) change which links count and fade authors without papers in them; nobody moves. The
 * view lives in the URL; an author's ego network opens beside the graph.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommunityMapData, EgoNetwork, GraphAuthor, GraphLayout, GraphSummary } from '@/lib/store/read/graph';
import { shortNames } from '@/lib/viz/community-labels';
import { formatCount, formatDecimal, formatShare } from '@/lib/viz/format';
import type { Affine } from '@/lib/viz/map-scale';
import { COLOURED_GROUPS, groupColor, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';
import type { NetworkFormat } from '@/lib/viz/network-export';
import { formatGraphState, type GraphViewState } from '@/lib/viz/url-state';
import { EgoNetworkView } from '../EgoNetworkView';
import { ExportChart } from '../ExportChart';
import { Autocomplete } from './Autocomplete';
import { ChoiceGroup } from './ChoiceGroup';
import { CoauthorGraph, type CoauthorGraphHandle } from './CoauthorGraph';
import { CommunityMapView } from './CommunityMapView';
import { fetchJson } from './fetch-json';
import type { GraphData } from './graph-engine';
import { useUrlState } from './use-url-state';
import { useSize } from './use-size';
import styles from './viz.module.css';

const FADED_COLOR = '#d7dae0';
const MIN_JOINT_CHOICES = [1, 2, 3, 5];

const NETWORK_DOWNLOADS: [NetworkFormat, string][] = [
  ['gexf', 'GEXF (Gephi)'],
  ['vosviewer-map', 'VOSviewer map file'],
  ['vosviewer-network', 'VOSviewer network file'],
  ['nodes-csv', 'Nodes (CSV)'],
  ['links-csv', 'Links (CSV)'],
];

/** The export route's query for the view on screen. */
function exportQuery(state: GraphViewState, format: NetworkFormat): string {
  const q = new URLSearchParams({ format, view: state.view, size: state.size, color: state.color });
  if (state.view === 'community' && state.community !== null) q.set('community', String(state.community));
  if (state.view !== 'communities') {
    if (state.from !== null) q.set('from', String(state.from));
    if (state.to !== null) q.set('to', String(state.to));
    if (state.topic !== null) q.set('topic', String(state.topic));
    if (state.minJoint > 1) q.set('joint', String(state.minJoint));
  }
  return q.toString();
}

export interface GraphExplorerProps {
  summary: GraphSummary;
  map: CommunityMapData;
  topics: { id: number; label: string }[];
  years: { min: number; max: number } | null;
  initial: GraphViewState;
}

export function CoauthorGraphExplorer({ summary, map, topics, years, initial }: GraphExplorerProps) {
  const graphRef = useRef<CoauthorGraphHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [state, setState] = useState<GraphViewState>(initial);
  const [result, setResult] = useState<{ key: string; layout?: GraphLayout; error?: string } | null>(null);
  const [egoResult, setEgoResult] = useState<{ author: number; ego?: EgoNetwork; error?: string } | null>(null);
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const [thinned, setThinned] = useState(false);
  const onDraw = useCallback((_ms: number, thin: boolean) => setThinned(thin), []);
  const flyTo = useRef<number | null>(initial.author !== null && initial.zoom === null ? initial.author : null);

  useUrlState(formatGraphState(state));

  const communityById = useMemo(() => new Map(map.communities.map((c) => [c.id, c])), [map.communities]);
  const openCommunity = state.view === 'community' && state.community !== null ? state.community : null;
  const layoutKey =
    state.view === 'communities'
      ? null
      : new URLSearchParams(
          Object.entries({
            community: openCommunity,
            from: state.from,
            to: state.to,
            topic: state.topic,
            joint: state.minJoint > 1 ? state.minJoint : null,
          })
            .filter(([, v]) => v !== null)
            .map(([k, v]) => [k, String(v)]),
        ).toString();

  useEffect(() => {
    if (layoutKey === null) return;
    const controller = new AbortController();
    fetchJson<GraphLayout>(`/api/graph/layout?${layoutKey}`, { signal: controller.signal })
      .then((layout) => setResult({ key: layoutKey, layout }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setResult({ key: layoutKey, error: error.message });
      });
    return () => controller.abort();
  }, [layoutKey]);
  const layout = result && result.key === layoutKey ? (result.layout ?? null) : null;
  const loadError = result && result.key === layoutKey ? (result.error ?? null) : null;

  const regions = useMemo(
    () =>
      map.communities.map((c) => ({
        x: c.x,
        y: c.y,
        r: c.radius,
        label: shortNames(c.topAuthors.slice(0, 2).map((a) => a.name)).join(', '),
        color: groupColor(c.id),
        size: c.size,
      })),
    [map.communities],
  );

  const data = useMemo<GraphData | null>(() => {
    if (!layout) return null;
    const { nodes } = layout;
    return {
      id: nodes.id,
      name: nodes.name,
      x: nodes.x,
      y: nodes.y,
      papers: nodes.papers,
      color: nodes.id.map((_, i) => {
        if (layout.filtered && nodes.active[i] === 0) return FADED_COLOR;
        if (state.color === 'topic') return nodes.topic[i] >= 0 ? topicColor(nodes.topic[i]) : NEUTRAL_COLOR;
        return groupColor(layout.view === 'community' ? nodes.sub[i] : nodes.community[i]);
      }),
      edgeSource: layout.edges.source,
      edgeTarget: layout.edges.target,
      edgePapers: layout.edges.papers,
      group: layout.view === 'network' ? nodes.community : undefined,
      regions: layout.view === 'network' ? regions : undefined,
    };
  }, [layout, state.color, regions]);
  const indexById = useMemo(() => new Map((layout?.nodes.id ?? []).map((id, i) => [id, i])), [layout]);
  const visible = useMemo(() => new Uint8Array(layout?.nodes.id.length ?? 0).fill(1), [layout]);

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
    if (flyTo.current === null || !data) return;
    const index = indexById.get(flyTo.current);
    if (index === undefined) return;
    const frame = requestAnimationFrame(() => {
      flyTo.current = null;
      graphRef.current?.flyTo(index);
    });
    return () => cancelAnimationFrame(frame);
  }, [data, indexById]);

  function pickAuthor(author: GraphAuthor) {
    // Open the author where they are drawn: their community's view, else the network.
    const inMap = author.community !== null && communityById.has(author.community);
    flyTo.current = author.id;
    setState((s) => ({
      ...s,
      author: author.id,
      view: inMap ? 'community' : 'network',
      community: inMap ? author.community : s.community,
      zoom: null,
    }));
  }

  const onSelect = useCallback(
    (index: number) => setState((s) => ({ ...s, author: layout?.nodes.id[index] ?? s.author })),
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

  // The hovered author's strongest drawn co-authors, for the hover card.
  const hoverCoauthors = useMemo(() => {
    if (!hover || !layout) return [];
    const out: { name: string; papers: number }[] = [];
    const { source, target, papers } = layout.edges;
    for (let e = 0; e < source.length; e++) {
      const other = source[e] === hover.index ? target[e] : target[e] === hover.index ? source[e] : -1;
      if (other >= 0) out.push({ name: layout.nodes.name[other], papers: papers[e] });
    }
    return out.sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name)).slice(0, 3);
  }, [hover, layout]);

  const community = openCommunity !== null ? (communityById.get(openCommunity) ?? null) : null;
  const yearChoices = years ? Array.from({ length: years.max - years.min + 1 }, (_, i) => years.min + i) : [];
  const filtered = state.from !== null || state.to !== null || state.topic !== null || state.minJoint > 1;
  const activeCount = layout ? layout.nodes.active.filter((a) => a > 0).length : 0;

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label="Co-author graph">
        <div className={styles.graphToolbar} role="toolbar" aria-label="Graph view">
          <ChoiceGroup<GraphViewState['view']>
            name="graph-view"
            label="View"
            options={[
              ['communities', 'Communities'],
              ['network', 'Whole network'],
              ...(community
                ? ([['community', shortNames(community.topAuthors.slice(0, 2).map((a) => a.name)).join(', ')]] as const)
                : []),
            ]}
            value={state.view}
            onChange={(view) => setState((s) => ({ ...s, view, zoom: null }))}
          />
          <Autocomplete<GraphAuthor>
            label="Find an author"
            placeholder="Type a name…"
            testId="author-search"
            fetchOptions={(q, signal) =>
              fetchJson<{ authors: GraphAuthor[] }>(`/api/authors?q=${encodeURIComponent(q)}`, { signal }).then(
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
          <details className={styles.downloads} data-testid="network-downloads">
            <summary className="btn">Download network</summary>
            <ul>
              {NETWORK_DOWNLOADS.map(([format, text]) => (
                <li key={format}>
                  <a href={`/api/graph/export?${exportQuery(state, format)}`} download>
                    {text}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </div>
        {state.view !== 'communities' && (
          <div className={styles.graphToolbar} aria-label="Filters">
            {yearChoices.length > 1 && (
              <label className={styles.hint}>
                Years{' '}
                <select
                  aria-label="From year"
                  value={state.from ?? ''}
                  onChange={(e) => setState((s) => ({ ...s, from: e.target.value ? Number(e.target.value) : null }))}
                >
                  <option value="">first</option>
                  {yearChoices.map((y) => (
                    <option key={y} value={y} disabled={state.to !== null && y > state.to}>
                      {y}
                    </option>
                  ))}
                </select>{' '}
                to{' '}
                <select
                  aria-label="To year"
                  value={state.to ?? ''}
                  onChange={(e) => setState((s) => ({ ...s, to: e.target.value ? Number(e.target.value) : null }))}
                >
                  <option value="">last</option>
                  {yearChoices.map((y) => (
                    <option key={y} value={y} disabled={state.from !== null && y < state.from}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {topics.length > 0 && (
              <label className={styles.hint}>
                Topic{' '}
                <select
                  aria-label="Topic"
                  value={state.topic ?? ''}
                  onChange={(e) => setState((s) => ({ ...s, topic: e.target.value ? Number(e.target.value) : null }))}
                  style={{ maxWidth: 220 }}
                >
                  <option value="">all</option>
                  {topics.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className={styles.hint}>
              Joint papers{' '}
              <select
                aria-label="Minimum joint papers"
                value={state.minJoint}
                onChange={(e) => setState((s) => ({ ...s, minJoint: Number(e.target.value) }))}
              >
                {[...new Set([...MIN_JOINT_CHOICES, state.minJoint])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={n}>
                      {n === 1 ? 'any' : `${n}+`}
                    </option>
                  ))}
              </select>
            </label>
            <label className={styles.hint}>
              Colour{' '}
              <select
                aria-label="Colour authors by"
                value={state.color}
                onChange={(e) => setState((s) => ({ ...s, color: e.target.value === 'topic' ? 'topic' : 'group' }))}
              >
                <option value="group">{state.view === 'community' ? 'sub-community' : 'community'}</option>
                <option value="topic">main topic</option>
              </select>
            </label>
            {filtered && (
              <button
                type="button"
                className="btn"
                onClick={() => setState((s) => ({ ...s, from: null, to: null, topic: null, minJoint: 1 }))}
              >
                Clear filters
              </button>
            )}
            {state.author !== null && (
              <button type="button" className="btn" onClick={() => setState((s) => ({ ...s, author: null }))}>
                Clear highlight
              </button>
            )}
          </div>
        )}
        {state.view === 'communities' ? (
          <>
            <p className={styles.hint}>
              {formatCount(map.communities.length)} communities of at least 5 authors, placed so that groups who work
              together sit close; lines join communities with joint papers.
              {map.small.communities > 0 &&
                ` ${formatCount(map.small.communities)} smaller groups (${formatCount(map.small.authors)} authors) are counted, not drawn.`}{' '}
              Size by{' '}
              <select
                aria-label="Size communities by"
                value={state.size}
                onChange={(e) => setState((s) => ({ ...s, size: e.target.value === 'papers' ? 'papers' : 'authors' }))}
              >
                <option value="authors">authors</option>
                <option value="papers">papers</option>
              </select>
              . Click a community to open it.
            </p>
            <ExportChart filename="topicscope-communities" label="map of communities">
              {map.communities.length > 0 ? (
                <CommunityMapView
                  data={map}
                  sizeBy={state.size}
                  colorOf={groupColor}
                  onOpen={(id) => setState((s) => ({ ...s, view: 'community', community: id, zoom: null }))}
                />
              ) : (
                <p className={styles.hint} style={{ padding: 16 }}>
                  No community has 5 or more authors in this build.
                </p>
              )}
            </ExportChart>
          </>
        ) : (
          <>
            <p className={styles.hint} aria-live="polite" data-testid="graph-status">
              {loadError
                ? `The graph could not be loaded: ${loadError}`
                : !layout
                  ? 'Loading the layout…'
                  : layout.view === 'community'
                    ? `${formatCount(layout.nodes.id.length)} of ${formatCount(community?.size ?? layout.nodes.id.length)} members drawn (the most connected), ${formatCount(layout.edges.source.length)} links${community && community.subCommunities > 1 ? `, ${community.subCommunities} sub-groups` : ''}.`
                    : `${formatCount(layout.nodes.id.length)} authors drawn: the most connected members of each community, in its region. ${formatCount(layout.edges.source.length)} links.`}
              {layout?.filtered &&
                ` ${formatCount(activeCount)} authors have papers in the filter; the others are faded.`}
              {layout && thinned && ' Single-paper links appear as you zoom in.'}
            </p>
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
                      {layout.nodes.papers[hover.index] === 1 ? 'paper' : 'papers'}
                      {layout.filtered && ` (${formatCount(layout.nodes.active[hover.index])} in the filter)`}
                      {layout.nodes.topic[hover.index] >= 0 &&
                        ` · ${topics.find((t) => t.id === layout.nodes.topic[hover.index])?.label ?? ''}`}
                    </span>
                    {hoverCoauthors.length > 0 && (
                      <span className={styles.hint}>
                        Joint papers: {hoverCoauthors.map((c) => `${c.name} ${formatCount(c.papers)}`).join(' · ')}
                      </span>
                    )}
                    <span className={styles.hint}>Click for all co-authors</span>
                  </div>
                )}
              </div>
            </ExportChart>
          </>
        )}
      </section>

      <aside className={styles.sidePanel} aria-label="Author and community details">
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
                    : '. Not drawn in the graph (a small or far group); here is their ego network.'}
                </p>
                <ExportChart filename={`topicscope-ego-${ego.author.id}`} label={`ego network of ${ego.author.name}`}>
                  <EgoNetworkView ego={ego} colorOf={(c) => (c === null ? NEUTRAL_COLOR : groupColor(c))} />
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
                          <button type="button" className={styles.linkButton} onClick={() => pickAuthor(c)}>
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

        {community && state.view === 'community' && (
          <section className="card" data-testid="community-panel">
            <h2>{community.topAuthors.map((a) => a.name).join(', ')}</h2>
            <p className={styles.hint}>
              {formatCount(community.size)} authors, {formatCount(community.papers)} papers
              {community.topicLabel &&
                `; main topic ${community.topicLabel} (${formatShare(community.topicShare)} of its papers)`}
              . {community.subCommunities > 1 ? `${community.subCommunities} sub-groups, each its own colour.` : ''}
            </p>
            <h3>Best-known members</h3>
            <ul className={styles.plainList}>
              {community.topAuthors.map((a) => (
                <li key={a.id}>
                  <Link href={`/authors/${a.id}`}>{a.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="card">
          <h2>Communities</h2>
          <p className={styles.hint}>
            {formatCount(summary.communityCount)} communities (Louvain)
            {summary.modularity !== null ? `, modularity ${formatDecimal(summary.modularity, 3)}` : ''}. The{' '}
            {COLOURED_GROUPS} largest have a colour of their own; smaller ones are grey, told apart by their region and
            name.
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
              {map.communities.slice(0, 12).map((c) => (
                <tr key={c.id}>
                  <td>
                    <button
                      type="button"
                      className={styles.linkButton}
                      onClick={() => setState((s) => ({ ...s, view: 'community', community: c.id, zoom: null }))}
                    >
                      <span className={styles.cardTopic}>
                        <span className={styles.swatch} style={{ background: groupColor(c.id) }} aria-hidden="true" />
                        <span>{shortNames(c.topAuthors.map((a) => a.name)).join(', ') || `#${c.id}`}</span>
                      </span>
                    </button>
                    {c.topicLabel && <div className={styles.hint}>{c.topicLabel}</div>}
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
            {formatCount(summary.componentCount)} connected components; {formatCount(summary.laidOut)} authors laid out.
          </p>
        </section>
      </aside>
    </div>
  );
}
