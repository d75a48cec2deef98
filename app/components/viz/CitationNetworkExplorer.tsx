'use client';
/**
 * The direct-citation network, as CitNetExplorer draws it: the pipeline's layout of each citation
 * cluster's best connected papers in its own named region, on the canvas engine of the co-author
 * graph (zoom, hover, names without collisions). Colour by cluster, topic or year; find a paper or
 * click one for its ego network (what it cites and what cites it); the cluster list beside it. It
 * only coordinates: the view state changes through reduceCitationNetwork, the paper and colouring
 * live in the URL, and the graph, side panel, legend and hover card render what they are given.
 */
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { CitationNetworkData } from '@/lib/store/read/citations';
import {
  buildCitationColors,
  buildCitationEgo,
  CITATION_COLOR_CHOICES,
  findDrawnPapers,
  formatCitationViewState,
  reduceCitationNetwork,
  type CitationViewState,
} from '@/lib/viz/citation-view';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { groupColor } from '@/lib/viz/palette';
import { ExportChart } from '../ExportChart';
import { Autocomplete } from './Autocomplete';
import { ChoiceGroup } from './ChoiceGroup';
import { CoauthorGraph, type CoauthorGraphHandle } from './CoauthorGraph';
import { CitationHoverCard } from './graph/CitationHoverCard';
import { CitationSidePanel } from './graph/CitationSidePanel';
import { YearLegend } from './graph/YearLegend';
import type { GraphData } from './graph-engine';
import { useSize } from './use-size';
import { useUrlState } from './use-url-state';
import styles from './viz.module.css';

export interface CitationNetworkExplorerProps {
  data: CitationNetworkData;
  initial: CitationViewState;
}

export function CitationNetworkExplorer({ data, initial }: CitationNetworkExplorerProps) {
  const { nodes, edges, couplingEdges, clusters } = data;
  const graphRef = useRef<CoauthorGraphHandle>(null);
  const [areaRef, area] = useSize<HTMLDivElement>();
  const [{ focus, color: colorBy, cluster }, dispatch] = useReducer(reduceCitationNetwork, initial, (url) => ({
    focus: url.paper !== null ? nodes.id.indexOf(url.paper) : -1,
    color: url.color,
    cluster: null,
  }));
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);

  useUrlState(formatCitationViewState({ paper: focus >= 0 ? nodes.id[focus] : null, color: colorBy }));

  const colors = useMemo(() => buildCitationColors(nodes, colorBy), [nodes, colorBy]);
  const graph: GraphData = useMemo(() => {
    // Citations, then (when coupling made the clusters) the coupling links.
    const source = edges.source.concat(couplingEdges.source);
    const target = edges.target.concat(couplingEdges.target);
    return {
      id: nodes.id,
      name: nodes.name,
      x: nodes.x,
      y: nodes.y,
      // Size by citations from the corpus.
      papers: nodes.local.map((c) => c + 1),
      color: colors,
      edgeSource: source,
      edgeTarget: target,
      // A link inside a cluster is drawn a shade stronger than one across clusters.
      edgePapers: source.map((s, e) => (nodes.cluster[s] === nodes.cluster[target[e]] ? 2 : 1)),
      regions: clusters.map((c) => ({
        x: c.x,
        y: c.y,
        r: c.radius,
        label: c.label || `Cluster ${c.id + 1}`,
        color: groupColor(c.id),
        size: c.size,
      })),
      spokes: true,
    };
  }, [nodes, edges, couplingEdges, clusters, colors]);
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
    dispatch({ type: 'focus', index });
    graphRef.current?.flyTo(index);
  }, []);
  const onHover = useCallback(
    (index: number | null, at: { x: number; y: number } | null) =>
      setHover(index !== null && at ? { index, at } : null),
    [],
  );
  const onSelect = useCallback((index: number) => dispatch({ type: 'focus', index }), []);
  const noop = useCallback(() => undefined, []);
  const searchPapers = useCallback((query: string) => Promise.resolve(findDrawnPapers(nodes, query)), [nodes]);

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label="Direct-citation network">
        <p className={styles.hint} data-testid="citation-network-status">
          {formatCount(data.drawn)} of {formatCount(data.clustered)} clustered papers drawn (each cluster&rsquo;s best
          connected, at most {formatCount(data.limit)}), {formatPlural(edges.source.length, 'citation')}
          {couplingEdges.source.length > 0
            ? ` and ${formatPlural(couplingEdges.source.length, 'coupling link')}`
            : ''}{' '}
          among them, in {formatPlural(clusters.length, 'cluster')}.{' '}
          {data.network === 'coupling'
            ? 'Too few papers cite each other here, so the clusters and places come from bibliographic coupling; a line joins two papers that share references (the strongest links), or a paper and one it cites.'
            : 'Clusters are Louvain communities of the citations; a line is a citation (click a paper for what it cites and what cites it).'}
        </p>
        <div className={styles.graphToolbar}>
          <ChoiceGroup
            name="citation-color"
            label="Colour by"
            options={CITATION_COLOR_CHOICES}
            value={colorBy}
            onChange={(color) => dispatch({ type: 'color', color })}
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
        onCluster={(id) => dispatch({ type: 'toggleCluster', cluster: id })}
        onClear={() => dispatch({ type: 'clearFocus' })}
      />
    </div>
  );
}
