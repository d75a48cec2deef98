/**
 * The layout of the topic evolution flow: one column per window of periods, one bar per topic
 * fitted in that window (height by papers), bands between the topics of consecutive windows that
 * point the same way. d3-sankey computes it; the chart draws the rectangles and paths it returns.
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { TopicEvolutionData } from '../store/read/trends';
import { formatCsv } from './csv';
import { formatPeriod } from './format';
import { categoricalColor } from './palette';

/** The flow's height in pixels; the columns' labels sit above TOP. */
export const EVOLUTION_HEIGHT = 560;
const TOP = 24;

interface NodeDatum {
  id: number;
  window: number;
  label: string;
  size: number;
}
interface LinkDatum {
  similarity: number;
}
type Node = SankeyNode<NodeDatum, LinkDatum>;
type Flow = SankeyLink<NodeDatum, LinkDatum>;

export interface EvolutionBar {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
  width: number;
  /** At least 2 pixels, so the smallest topic stays clickable. */
  height: number;
  /** The middle of the bar's span, where its label goes. */
  middle: number;
  color: string;
}

export interface EvolutionBand {
  source: number;
  target: number;
  /** The SVG path of the band's centre line. */
  path: string;
  width: number;
  color: string;
  title: string;
}

export interface EvolutionLayout {
  columns: { window: number; x: number; label: string }[];
  bars: EvolutionBar[];
  bands: EvolutionBand[];
}

function colorOf(id: number): string {
  return categoricalColor(id % 20);
}

/** The flow laid out in `width` pixels; null when there is nothing to follow (no topics, or one window). */
export function buildEvolutionLayout(data: TopicEvolutionData, width: number): EvolutionLayout | null {
  if (data.nodes.length === 0 || data.windows.length < 2) return null;
  const index = new Map(data.nodes.map((n, i) => [n.id, i]));
  const generator = sankey<NodeDatum, LinkDatum>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => n.window)
    .nodeWidth(12)
    .nodePadding(8)
    .nodeSort((a, b) => b.size - a.size || a.id - b.id)
    .extent([
      [8, TOP],
      [width - 170, EVOLUTION_HEIGHT - 8],
    ]);
  // Bars by papers (d3-sankey's fixedValue), never shorter than the bands coming in.
  const inflow = new Map<number, number>();
  for (const l of data.links) inflow.set(l.target, (inflow.get(l.target) ?? 0) + Math.max(0.5, l.value));
  const graph = generator({
    nodes: data.nodes.map((n) => ({ ...n, fixedValue: Math.max(n.size, inflow.get(n.id) ?? 0) })),
    links: data.links
      .filter((l) => index.has(l.source) && index.has(l.target))
      .map((l) => ({ source: l.source, target: l.target, value: Math.max(0.5, l.value), similarity: l.similarity })),
  });
  const nodes = graph.nodes as Node[];
  const path = sankeyLinkHorizontal<NodeDatum, LinkDatum>();
  return {
    columns: data.windows.map((w) => {
      const node = nodes.find((n) => n.window === w.window);
      return {
        window: w.window,
        x: node ? ((node.x0 ?? 0) + (node.x1 ?? 0)) / 2 : 0,
        label: w.first === w.last ? formatPeriod(w.first) : `${formatPeriod(w.first)}–${formatPeriod(w.last)}`,
      };
    }),
    bars: nodes.map((n) => ({
      id: n.id,
      label: n.label,
      size: n.size,
      x: n.x0 ?? 0,
      y: n.y0 ?? 0,
      width: (n.x1 ?? 0) - (n.x0 ?? 0),
      height: Math.max(2, (n.y1 ?? 0) - (n.y0 ?? 0)),
      middle: ((n.y0 ?? 0) + (n.y1 ?? 0)) / 2,
      color: colorOf(n.id),
    })),
    bands: (graph.links as Flow[]).map((l) => {
      const s = l.source as Node;
      const t = l.target as Node;
      return {
        source: s.id,
        target: t.id,
        path: path(l) ?? '',
        width: Math.max(1, l.width ?? 1),
        color: colorOf(s.id),
        title: `${s.label} → ${t.label}: similarity ${l.similarity.toFixed(2)}`,
      };
    }),
  };
}

/** The flow's bands as CSV: each from a topic of one window to a topic of the next. */
export function formatEvolutionCsv(data: TopicEvolutionData): string {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const span = (n: TopicEvolutionData['nodes'][number] | undefined) =>
    n ? `${data.windows[n.window].first}-${data.windows[n.window].last}` : '';
  return formatCsv(
    ['source window', 'source topic', 'target window', 'target topic', 'similarity', 'papers carried'],
    data.links.map((l) => {
      const s = byId.get(l.source);
      const t = byId.get(l.target);
      return [span(s), s?.label, span(t), t?.label, l.similarity, l.value];
    }),
  );
}
