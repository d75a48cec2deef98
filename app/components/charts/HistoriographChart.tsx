'use client';
/**
 * The historiograph (bibliometrix's histPlot, CitNetExplorer's first view): the corpus's most
 * locally cited papers by year, left to right, with the citations among them as arcs; each paper is
 * named by first author and year and opens its page. Hovering a paper lights up its citations.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { HistoriographData } from '@/lib/store/read/citations';
import { buildHistoriographScales, formatCitationArc } from '@/lib/viz/citation-view';
import { maxOf } from '@/lib/viz/extent';
import { measureText } from '@/lib/viz/font-metrics';
import { formatCount } from '@/lib/viz/format';
import { placeLabels } from '@/lib/viz/label-placement';
import { HaloText } from './HaloText';
import { ExportChart } from '../ExportChart';
import { useSize } from '../viz/use-size';
import styles from '../viz/viz.module.css';

const FONT = 11;
const MARGIN = { left: 40, right: 90, top: 36, bottom: 40 };

export function HistoriographChart({ data }: { data: HistoriographData }) {
  const [wrapRef, size] = useSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const width = size.width || 960;
  const height = Math.max(260, Math.min(900, MARGIN.top + MARGIN.bottom + Math.max(1, data.lanes - 1) * 48));
  const { x, y, first, last } = useMemo(
    () =>
      buildHistoriographScales(
        data.papers.map((p) => p.year),
        data.lanes,
        { width, height, ...MARGIN },
      ),
    [data.papers, data.lanes, width, height],
  );
  const maxLocal = maxOf(
    data.papers.map((p) => p.local),
    1,
  );
  const radius = (local: number) => 3 + 7 * Math.sqrt(local / maxLocal);
  const px = data.papers.map((p) => x(p.year));
  const py = data.papers.map((p) => y(p.lane));
  const lit = (i: number) => hover === null || hover === i;
  const linkLit = (l: { citing: number; cited: number }) => hover === l.citing || hover === l.cited;
  const labels = placeLabels(
    data.papers.map((p, i) => ({
      id: i,
      text: p.name,
      x: px[i] + radius(p.local) + 3 + measureText(p.name, FONT, 400) / 2,
      y: py[i],
      priority: (hover === i ? 1e9 : 0) + p.local,
    })),
    { width, height, fontSize: FONT, measure: (s) => measureText(s, FONT, 400), padding: 1 },
  );
  const years: number[] = [];
  const step = Math.max(1, Math.ceil((last - first) / Math.max(2, Math.floor(width / 70))));
  for (let year = first; year <= last; year += step) years.push(year);

  return (
    <ExportChart filename="topicscope-historiograph" label="historiograph">
      <div ref={wrapRef} data-testid="historiograph" style={{ position: 'relative' }}>
        <svg width={width} height={height} role="img" aria-label={`Historiograph of ${data.papers.length} papers`}>
          <defs>
            <marker id="hist-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0L8,4L0,8z" fill="var(--chart-axis, #9aa2ae)" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {years.map((year) => (
              <g key={year}>
                <line
                  x1={x(year)}
                  x2={x(year)}
                  y1={MARGIN.top - 16}
                  y2={height - MARGIN.bottom + 6}
                  stroke="var(--border, #e3e6ea)"
                />
                <text
                  x={x(year)}
                  y={height - MARGIN.bottom + 20}
                  textAnchor="middle"
                  fontSize={FONT}
                  fill="var(--fg-muted, #5b6470)"
                >
                  {year}
                </text>
              </g>
            ))}
          </g>
          <g>
            {data.links.map((l) => (
              <path
                key={`${l.citing}-${l.cited}`}
                d={formatCitationArc(px[l.citing], py[l.citing], px[l.cited], py[l.cited])}
                fill="none"
                stroke={linkLit(l) ? 'var(--accent, #1f5fbf)' : 'var(--chart-axis, #9aa2ae)'}
                strokeOpacity={hover === null ? 0.55 : linkLit(l) ? 0.9 : 0.12}
                strokeWidth={linkLit(l) ? 1.6 : 1}
                markerEnd="url(#hist-arrow)"
              />
            ))}
          </g>
          <g>
            {data.papers.map((p, i) => (
              <Link key={p.id} href={`/papers/${p.id}`} data-paper={p.id}>
                <circle
                  cx={px[i]}
                  cy={py[i]}
                  r={radius(p.local)}
                  fill="var(--accent, #1f5fbf)"
                  fillOpacity={lit(i) ? 0.85 : 0.3}
                  stroke="var(--bg-elevated, #fff)"
                  onPointerEnter={() => setHover(i)}
                  onPointerLeave={() => setHover((h) => (h === i ? null : h))}
                >
                  <title>{`${p.name}: ${p.title} (${formatCount(p.local)} citations in this corpus${p.global !== null ? `, ${formatCount(p.global)} in all` : ''})`}</title>
                </circle>
              </Link>
            ))}
          </g>
          <g pointerEvents="none">
            {labels.map((l) => (
              <HaloText key={l.id} x={l.x} y={l.y} fontSize={FONT} opacity={lit(l.id) ? 1 : 0.4}>
                {l.text}
              </HaloText>
            ))}
          </g>
        </svg>
        {hover !== null && (
          <p className={styles.hint} style={{ position: 'absolute', left: 8, top: 4, margin: 0 }}>
            {data.papers[hover].title}
          </p>
        )}
      </div>
    </ExportChart>
  );
}
