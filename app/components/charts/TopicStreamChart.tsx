'use client';
/**
 * Topic shares over time as stacked areas (share of each period's papers) or a streamgraph
 * (papers, wiggle offset). D3 computes the layers (lib/viz/stack.ts); React renders the SVG.
 */
import { scaleLinear, scalePoint } from 'd3';
import { useMemo, useState } from 'react';
import { formatCount, formatPeriod, formatShare } from '@/lib/viz/format';
import { categoricalColor, NEUTRAL_COLOR } from '@/lib/viz/palette';
import { buildStackPaths, buildTopicStack, OTHER_LAYER_ID } from '@/lib/viz/stack';
import type { StackMode } from '@/lib/viz/trends-state';
import { useWidth } from '../viz/use-size';
import styles from '../viz/viz.module.css';

interface Props {
  periods: readonly string[];
  periodPapers: readonly number[];
  topics: readonly { id: number; label: string }[];
  papers: readonly (readonly number[])[];
  mode: StackMode;
  height?: number;
}

const MARGIN = { top: 8, right: 12, bottom: 26, left: 46 };

export function TopicStreamChart({ periods, periodPapers, topics, papers, mode, height = 320 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const stack = useMemo(
    () => buildTopicStack(periods, topics, papers, periodPapers, { mode, maxLayers: 12 }),
    [periods, topics, papers, periodPapers, mode],
  );
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const paths = useMemo(() => buildStackPaths(stack, innerW, innerH), [stack, innerW, innerH]);
  const x = scalePoint<string>().domain(periods).range([0, innerW]);
  const y = scaleLinear().domain(stack.yDomain).range([innerH, 0]);
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(innerW / 64))));
  const colorOf = (id: number) => (id === OTHER_LAYER_ID ? NEUTRAL_COLOR : categoricalColor(id));
  const hovered = hover !== null ? stack.layers.find((l) => l.id === hover) : undefined;
  return (
    <div ref={ref} style={{ width: '100%' }}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          className="chart"
          data-export
          role="img"
          aria-label={`Topic ${mode === 'share' ? 'shares' : 'papers'} per period, ${stack.layers.length} layers`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {mode === 'share' &&
              y.ticks(4).map((v) => (
                <g key={v} transform={`translate(0,${y(v)})`}>
                  <line x2={innerW} stroke="var(--chart-grid)" />
                  <text x={-6} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--chart-text)">
                    {formatShare(v, 0)}
                  </text>
                </g>
              ))}
            {paths.map((p) => (
              <path
                key={p.id}
                d={p.d}
                fill={colorOf(p.id)}
                fillOpacity={hover === null || hover === p.id ? 0.88 : 0.3}
                stroke="var(--bg-elevated)"
                strokeWidth={0.5}
                onMouseEnter={() => setHover(p.id)}
                onMouseLeave={() => setHover(null)}
              >
                <title>{p.label}</title>
              </path>
            ))}
            {periods.map((p, i) =>
              i % every === 0 ? (
                <text key={p} x={x(p)} y={innerH + 16} textAnchor="middle" fontSize={11} fill="var(--chart-text)">
                  {formatPeriod(p)}
                </text>
              ) : null,
            )}
          </g>
        </svg>
      )}
      <p className={styles.hint} aria-live="polite" style={{ minHeight: '1.5em', margin: '4px 0 0' }}>
        {hovered
          ? `${hovered.label}: ${hovered.papers.map((n, i) => `${formatPeriod(periods[i])} ${formatCount(n)}`).join(', ')}`
          : 'Hover a layer for its papers per period.'}
      </p>
      <ul className={styles.streamLegend} aria-label="Topics in the chart">
        {stack.layers.map((l) => (
          <li key={l.id} onMouseEnter={() => setHover(l.id)} onMouseLeave={() => setHover(null)}>
            <span className={styles.swatch} style={{ background: colorOf(l.id) }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
