'use client';
/**
 * The direct-citation network, as CitNetExplorer draws it: the pipeline's layout of each citation
 * cluster's best connected papers in its own named region, on the canvas engine of the co-author
 * graph (zoom, hover, names without collisions). Colour by cluster, topic or year; find a paper or
 * click one for its ego network (what it cites and what cites it); the cluster list beside it.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CitationNetworkData } from '@/lib/store/read/citations';
import {
  buildCitationColors,
  buildCitationEgo,
  buildYearColor,
  CITATION_COLOR_CHOICES,
  formatCitationViewState,
  yearExtent,
  type CitationColorBy,
  type CitationViewState,
} from '@/lib/viz/citation-view';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { groupColor } from '@/lib/viz/palette';
import { ExportChart } from '../ExportChart';
import { Autocomplete } from './Autocomplete';
import { ChoiceGroup } from './ChoiceGroup';
import { CitationSidePanel } from './CitationSidePanel';
import { CoauthorGraph, type CoauthorGraphHandle } from './CoauthorGraph';
import type { GraphData } from './graph-engine';
import { useSize } from './use-size';
import { useUrlState } from './use-url-state';
import styles from './viz.module.css';

export interface CitationNetworkExplorerProps {
  data: CitationNetworkData;
  initial: CitationViewState;
}

export function CitationNetworkExplorer({ data, initial }: CitationNetworkExplorerProps) {
  const { paper: initialPaper, color: initialColor } = initial;
  const { nodes, edges, clusters } = data;
  const graphRef = useRef<CoauthorGraphHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [colorBy, setColorBy] = useState<CitationColorBy>(initialColor);
  const indexOf = useMemo(() => new Map(nodes.id.map((id, i) => [id, i])), [nodes.id]);
  const [focus, setFocus] = useState<number>(initialPaper !== null ? (indexOf.get(initialPaper) ?? -1) : -1);
  const [cluster, setCluster] = useState<number | null>(null);
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);

  useUrlState(formatCitationViewState({ paper: focus >= 0 ? nodes.id[focus] : null, color: colorBy }));

  const colors = useMemo(() => buildCitationColors(nodes, colorBy), [nodes, colorBy]);
  const graph: GraphData = useMemo(
    () => ({
      id: nodes.id,
      name: nodes.name,
      x: nodes.x,
      y: nodes.y,
      // Size by citations from the corpus.
      papers: nodes.local.map((c) => c + 1),
      color: colors,
      edgeSource: edges.source,
      edgeTarget: edges.target,
      // A citation inside a cluster is drawn a shade stronger than one across clusters.
      edgePapers: edges.source.map((s, e) => (nodes.cluster[s] === nodes.cluster[edges.target[e]] ? 2 : 1)),
      regions: clusters.map((c) => ({
        x: c.x,
        y: c.y,
        r: c.radius,
        label: c.label || `Cluster ${c.id + 1}`,
        color: groupColor(c.id),
        size: c.size,
      })),
      spokes: true,
    }),
    [nodes, edges, clusters, colors],
  );
  const visible = useMemo(() => new Uint8Array(nodes.id.length).fill(1), [nodes.id.length]);
  const ego = useMemo(() => (focus >= 0 ? buildCitationEgo(edges, focus) : null), [edges, focus]);
  const highlighted = useMemo(() => {
    if (ego) return ego.members;
    if (cluster === null) return null;
    const members = new Set<number>();
    nodes.cluster.forEach((c, i) => c === cluster && members.add(i));
    return members;
  }, [ego, cluster, nodes.cluster]);

  const pick = useCallback((index: number) => {
    setCluster(null);
    setFocus(index);
    graphRef.current?.flyTo(index);
  }, []);
  const onHover = useCallback(
    (index: number | null, at: { x: number; y: number } | null) =>
      setHover(index !== null && at ? { index, at } : null),
    [],
  );
  const onSelect = useCallback((index: number) => {
    setCluster(null);
    setFocus(index);
  }, []);
  const noop = useCallback(() => undefined, []);
  const searchPapers = useCallback(
    (query: string) => {
      const q = query.toLowerCase();
      const found: number[] = [];
      for (let i = 0; i < nodes.id.length && found.length < 12; i++) {
        if (nodes.title[i].toLowerCase().includes(q) || nodes.name[i].toLowerCase().includes(q)) found.push(i);
      }
      return Promise.resolve(found);
    },
    [nodes],
  );

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label="Direct-citation network">
        <p className={styles.hint} data-testid="citation-network-status">
          {formatCount(data.drawn)} of {formatCount(data.clustered)} clustered papers drawn (each cluster&rsquo;s best
          connected, at most {formatCount(data.limit)}), {formatPlural(edges.source.length, 'citation')} among them, in{' '}
          {formatPlural(clusters.length, 'cluster')}.{' '}
          {data.network === 'coupling'
            ? 'Too few papers cite each other here, so the clusters and places come from bibliographic coupling; a line is a direct citation.'
            : 'Clusters are Louvain communities of the citations; a line is a citation (click a paper for what it cites and what cites it).'}
        </p>
        <div className={styles.graphToolbar}>
          <ChoiceGroup
            name="citation-color"
            label="Colour by"
            options={CITATION_COLOR_CHOICES}
            value={colorBy}
            onChange={setColorBy}
          />
          <Autocomplete<number>
            label="Find a paper"
            placeholder="Title or author"
            fetchOptions={searchPapers}
            optionKey={(i) => nodes.id[i]}
            optionLabel={(i) => `${nodes.name[i]}: ${nodes.title[i]}`}
            onPick={pick}
            testId="citation-search"
          />
          <button type="button" className="btn" onClick={() => graphRef.current?.reset()}>
            Reset view
          </button>
        </div>
        {colorBy === 'year' && <YearLegend years={nodes.year} />}
        {colorBy === 'topic' && (
          <p className={styles.hint}>
            Colours are the papers&rsquo; topics (from their words); regions stay the citation clusters.
          </p>
        )}
        <ExportChart filename="topicscope-citations" label="citation network" canvas>
          <div ref={areaRef} className={styles.graphArea} data-testid="citation-network" data-color={colorBy}>
            <CoauthorGraph
              ref={graphRef}
              data={graph}
              visible={visible}
              focus={focus}
              ego={highlighted}
              initialZoom={null}
              label={`Direct-citation network of ${formatCount(nodes.id.length)} papers`}
              onHover={onHover}
              onSelect={onSelect}
              onZoomEnd={noop}
              onDraw={noop}
            />
            {hover && <CitationHoverCard data={data} index={hover.index} at={hover.at} area={area} />}
          </div>
        </ExportChart>
      </section>
      <CitationSidePanel
        data={data}
        focus={focus}
        ego={ego}
        cluster={cluster}
        onPaper={pick}
        onCluster={(id) => {
          setFocus(-1);
          setCluster((c) => (c === id ? null : id));
        }}
        onClear={() => setFocus(-1)}
      />
    </div>
  );
}

/** The year scale as a gradient between the first and last year drawn. */
function YearLegend({ years }: { years: readonly (number | null)[] }) {
  const [first, last] = yearExtent(years);
  const color = buildYearColor(first, last);
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => color(first + t * (last - first))).join(', ');
  return (
    <p className={styles.hint} data-testid="year-legend">
      {first}{' '}
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: 120,
          height: 10,
          verticalAlign: 'middle',
          background: `linear-gradient(to right, ${stops})`,
        }}
      />{' '}
      {last}
    </p>
  );
}

/** The card beside a hovered paper: its title, short name, both counts and its cluster. */
function CitationHoverCard({
  data,
  index,
  at,
  area,
}: {
  data: CitationNetworkData;
  index: number;
  at: { x: number; y: number };
  area: { width: number; height: number };
}) {
  const { nodes, clusters } = data;
  const global = nodes.global[index];
  return (
    <div
      className={styles.hoverCard}
      style={{ left: at.x, top: at.y }}
      data-flip-x={at.x > area.width - 320 || undefined}
      data-flip-y={at.y > area.height - 90 || undefined}
      role="tooltip"
    >
      <strong>{nodes.title[index]}</strong>
      <span className={styles.hint}>
        {nodes.name[index]} · cited {formatCount(nodes.local[index])} here
        {global !== null && `, ${formatCount(global)} in all`}
      </span>
      <span className={styles.hint}>
        {clusters[nodes.cluster[index]]?.label || `Cluster ${nodes.cluster[index] + 1}`}
      </span>
    </div>
  );
}
