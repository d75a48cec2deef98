/**
 * Bursts on a shared time axis, as CiteSpace's burst table shows them: one row per term, a bar over
 * the periods of its burst, the term's other forms counted after its name. D3 computes the band
 * scale; React renders the SVG.
 */
import { scaleBand } from 'd3';
import { useMemo } from 'react';
import type { TimelineBurst } from '@/lib/store/read/trends';
import { maxOf } from '@/lib/viz/extent';
import { measureText } from '@/lib/viz/font-metrics';
import { formatPeriod } from '@/lib/viz/format';

const ROW = 22;
const FONT = 12;

export function BurstChart({
  periods,
  bursts,
  width: available,
}: {
  periods: string[];
  bursts: TimelineBurst[];
  /** The width to fill (at least 420 px; 800 before it is known). */
  width: number;
}) {
  const labelWidth = useMemo(
    () =>
      Math.min(
        260,
        maxOf(
          bursts.map((b) => measureText(`${b.display} +4`, FONT) + 12),
          120,
        ),
      ),
    [bursts],
  );
  const width = Math.max(420, available || 800);
  const x = scaleBand<number>()
    .domain(periods.map((_, i) => i))
    .range([labelWidth, width - 8])
    .paddingInner(0.1);
  const position = new Map(periods.map((p, i) => [p, i]));
  const height = ROW * (bursts.length + 1) + 8;
  // Axis ticks: about one label every 60 px.
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, (width - labelWidth) / 60)));

  return (
    <svg width={width} height={height} role="img" aria-label={`Timeline of ${bursts.length} bursts`}>
      {periods.map((p, i) =>
        i % every === 0 ? (
          <text
            key={p}
            x={(x(i) ?? 0) + x.bandwidth() / 2}
            y={12}
            textAnchor="middle"
            fontSize={10}
            fill="var(--muted, #5b6270)"
          >
            {formatPeriod(p)}
          </text>
        ) : null,
      )}
      {bursts.map((b, row) => {
        const y = ROW * (row + 1);
        const s = position.get(b.start) ?? 0;
        const e = position.get(b.end) ?? s;
        const x0 = x(s) ?? labelWidth;
        const x1 = (x(e) ?? x0) + x.bandwidth();
        return (
          <g key={`${b.id}-${b.start}`} data-term={b.display}>
            <title>{`${b.display}: ${formatPeriod(b.start)}–${formatPeriod(b.end)}, strength ${b.strength.toFixed(1)}, ${b.lift.toFixed(1)}× its share outside the burst${b.also.length > 0 ? `; also ${b.also.join(', ')}` : ''}`}</title>
            <rect x={labelWidth} y={y + 8} width={width - 8 - labelWidth} height={2} fill="var(--border, #e3e6ea)" />
            <rect
              x={x0}
              y={y + 3}
              width={Math.max(3, x1 - x0)}
              height={ROW - 8}
              rx={3}
              fill="var(--chart-highlight, #d55e00)"
            />
            <text x={4} y={y + 13} fontSize={FONT} fill="var(--fg, #16191f)">
              {b.display}
              {b.also.length > 0 && <tspan fill="var(--muted, #5b6270)">{` +${b.also.length}`}</tspan>}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
