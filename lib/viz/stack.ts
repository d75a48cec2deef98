/**
 * Topic shares over time as stacked layers: d3.stack with either no offset on shares (layers
 * fill each period's share of papers) or the wiggle offset on paper counts (a streamgraph, after
 * Byron & Wattenberg, "Stacked Graphs – Geometry & Aesthetics", 2008). Small topics beyond
 * `maxLayers` are pooled into one "other topics" layer so colours stay distinguishable.
 */
import {
  area,
  curveMonotoneX,
  scaleLinear,
  scalePoint,
  stack,
  stackOffsetNone,
  stackOffsetWiggle,
  stackOrderInsideOut,
  stackOrderNone,
} from 'd3';
import type { StackMode } from './trends-state';

export interface StackInputTopic {
  id: number;
  label: string;
}

export interface StackLayer {
  /** Topic id, or -1 for the pooled "other topics" layer. */
  id: number;
  label: string;
  /** Papers per period. */
  papers: number[];
  /** [lower, upper] per period in the stacked space. */
  bands: [number, number][];
}

export interface TopicStack {
  periods: string[];
  layers: StackLayer[];
  /** Extent of the stacked values (for the y scale). */
  yDomain: [number, number];
  mode: StackMode;
}

export const OTHER_LAYER_ID = -1;

/**
 * Stacks topics × periods. `papers[t][p]` are the papers of topic t in period p and `totals[p]`
 * the dated papers in period p (share = papers / total; 0 when the period is empty).
 */
export function buildTopicStack(
  periods: readonly string[],
  topics: readonly StackInputTopic[],
  papers: readonly (readonly number[])[],
  totals: readonly number[],
  opts: { mode: StackMode; maxLayers?: number },
): TopicStack {
  const maxLayers = Math.max(1, opts.maxLayers ?? 12);
  const sums = topics.map((_, t) => papers[t].reduce((s, v) => s + v, 0));
  const order = topics.map((_, t) => t).sort((a, b) => sums[b] - sums[a] || topics[a].id - topics[b].id);
  const kept = order.length > maxLayers ? order.slice(0, maxLayers - 1) : order;
  const pooled = order.length > maxLayers ? order.slice(maxLayers - 1) : [];
  const layers: Omit<StackLayer, 'bands'>[] = kept.map((t) => ({
    id: topics[t].id,
    label: topics[t].label,
    papers: [...papers[t]],
  }));
  if (pooled.length) {
    layers.push({
      id: OTHER_LAYER_ID,
      label: `${pooled.length} other topics`,
      papers: periods.map((_, p) => pooled.reduce((s, t) => s + papers[t][p], 0)),
    });
  }
  const rows = periods.map((_, p) => {
    const row: Record<string, number> = {};
    layers.forEach((layer, l) => {
      const count = layer.papers[p];
      row[l] = opts.mode === 'share' ? (totals[p] > 0 ? count / totals[p] : 0) : count;
    });
    return row;
  });
  const generator = stack<Record<string, number>>()
    .keys(layers.map((_, l) => String(l)))
    .offset(opts.mode === 'stream' ? stackOffsetWiggle : stackOffsetNone)
    .order(opts.mode === 'stream' ? stackOrderInsideOut : stackOrderNone);
  const series = generator(rows);
  let lo = Infinity;
  let hi = -Infinity;
  const out: StackLayer[] = layers.map((layer, l) => {
    const bands = series[l].map((d) => [d[0], d[1]] as [number, number]);
    for (const [a, b] of bands) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    return { ...layer, bands };
  });
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  return { periods: [...periods], layers: out, yDomain: [lo, hi === lo ? lo + 1 : hi], mode: opts.mode };
}

export interface StackPath {
  id: number;
  label: string;
  d: string;
}

/** SVG path data for every layer inside a width × height plot area. */
export function buildStackPaths(topicStack: TopicStack, width: number, height: number): StackPath[] {
  const x = scalePoint<string>().domain(topicStack.periods).range([0, width]);
  const y = scaleLinear().domain(topicStack.yDomain).range([height, 0]);
  const shape = area<[number, number]>()
    .x((_, i) => x(topicStack.periods[i]) ?? 0)
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .curve(curveMonotoneX);
  return topicStack.layers.map((layer) => ({ id: layer.id, label: layer.label, d: shape(layer.bands) ?? '' }));
}
