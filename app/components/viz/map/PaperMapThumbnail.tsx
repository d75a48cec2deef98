import { scaleLinear } from 'd3';
import type { PaperMapSample } from '@/lib/store/read';
import { topicColor } from '@/lib/viz/palette';

/**
 * A small static topic map: a sample of papers as dots (one SVG path per topic, so a thousand
 * points cost a few kilobytes) and one paper ringed on top.
 */
export function PaperMapThumbnail({
  sample,
  highlight,
  highlightTopic,
  width = 320,
  height = 240,
  label,
}: {
  sample: PaperMapSample;
  highlight: { x: number; y: number };
  highlightTopic: number | null;
  width?: number;
  height?: number;
  label: string;
}) {
  const pad = 10;
  const { minX, maxX, minY, maxY } = sample.extent;
  // Equal units on both axes, so the map keeps its shape.
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * pad) / (maxX - minX || span), (height - 2 * pad) / (maxY - minY || span));
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const x = scaleLinear()
    .domain([cx - width / 2 / scale, cx + width / 2 / scale])
    .range([0, width]);
  const y = scaleLinear()
    .domain([cy - height / 2 / scale, cy + height / 2 / scale])
    .range([height, 0]);
  const byTopic = new Map<number, string[]>();
  for (const p of sample.points) {
    const list = byTopic.get(p.topicId) ?? [];
    list.push(`M${x(p.x).toFixed(1)} ${y(p.y).toFixed(1)}h0`);
    byTopic.set(p.topicId, list);
  }
  const hx = x(highlight.x);
  const hy = y(highlight.y);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      style={{ background: 'var(--bg-subtle)', borderRadius: 8 }}
    >
      <title>{label}</title>
      {[...byTopic].map(([topic, parts]) => (
        <path
          key={topic}
          d={parts.join('')}
          style={{
            stroke: topicColor(topic),
            strokeWidth: 3,
            strokeLinecap: 'round',
            opacity: highlightTopic == null || topic === highlightTopic ? 0.75 : 0.22,
          }}
        />
      ))}
      <circle cx={hx} cy={hy} r={9} style={{ fill: 'none', stroke: 'var(--fg)', strokeWidth: 2 }} />
      <circle
        cx={hx}
        cy={hy}
        r={4}
        style={{
          fill: highlightTopic != null ? topicColor(highlightTopic) : 'var(--chart-highlight)',
          stroke: 'var(--bg-elevated)',
          strokeWidth: 1.5,
        }}
      />
    </svg>
  );
}
