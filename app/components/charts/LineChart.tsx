import { area, line, scaleLinear, scalePoint } from 'd3';
import { maxOf, minOf } from '@/lib/viz/extent';

export interface LinePoint {
  x: string;
  y: number;
}

/**
 * One series over ordered categories (periods, candidate k) with an optional filled area and one
 * marked point (the chosen k). Server-rendered SVG.
 */
export function LineChart({
  points,
  title,
  width = 560,
  height = 220,
  filled = false,
  marked,
  markedLabel,
  formatY = (v: number) => String(v),
  xLabel,
  yLabel,
  zeroBased = true,
}: {
  points: readonly LinePoint[];
  title: string;
  width?: number;
  height?: number;
  filled?: boolean;
  /** The x of the point to mark. */
  marked?: string;
  markedLabel?: string;
  formatY?: (v: number) => string;
  xLabel?: string;
  yLabel?: string;
  zeroBased?: boolean;
}) {
  const margin = { top: 16, right: 16, bottom: xLabel ? 40 : 24, left: yLabel ? 58 : 46 };
  const x = scalePoint<string>()
    .domain(points.map((p) => p.x))
    .range([margin.left, width - margin.right])
    .padding(0.3);
  const ys = points.map((p) => p.y);
  const lo = zeroBased ? minOf(ys, 0) : minOf(ys);
  const hi = maxOf(ys, lo + 1e-9);
  const y = scaleLinear()
    .domain([lo, hi])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  const path = line<LinePoint>()
    .x((p) => x(p.x) ?? 0)
    .y((p) => y(p.y))(points as LinePoint[]);
  const fill = filled
    ? area<LinePoint>()
        .x((p) => x(p.x) ?? 0)
        .y0(y(Math.max(lo, 0)))
        .y1((p) => y(p.y))(points as LinePoint[])
    : null;
  const every = Math.max(1, Math.ceil((points.length * 44) / (width - margin.left - margin.right)));
  const mark = marked != null ? points.find((p) => p.x === marked) : undefined;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      <g className="grid">
        {ticks.map((t) => (
          <line key={t} x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g aria-hidden="true">
        {ticks.map((t) => (
          <text key={t} x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {formatY(t)}
          </text>
        ))}
        {points.map((p, i) =>
          i % every === 0 || i === points.length - 1 ? (
            <text key={p.x} x={x(p.x)} y={height - margin.bottom + 15} textAnchor="middle">
              {p.x}
            </text>
          ) : null,
        )}
        {xLabel && (
          <text x={(margin.left + width - margin.right) / 2} y={height - 4} textAnchor="middle">
            {xLabel}
          </text>
        )}
        {yLabel && (
          <text
            transform={`translate(12 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
        )}
      </g>
      {fill && <path className="area" d={fill} />}
      {path && <path className="line" d={path} />}
      {points.map((p) => (
        <circle
          key={p.x}
          cx={x(p.x)}
          cy={y(p.y)}
          r={points.length > 40 ? 0 : 2.5}
          style={{ fill: 'var(--chart-line)' }}
        >
          <title>{`${p.x}: ${formatY(p.y)}`}</title>
        </circle>
      ))}
      {mark && (
        <g>
          <line
            x1={x(mark.x)}
            x2={x(mark.x)}
            y1={margin.top}
            y2={height - margin.bottom}
            style={{ stroke: 'var(--chart-highlight)', strokeDasharray: '4 3' }}
          />
          <circle
            cx={x(mark.x)}
            cy={y(mark.y)}
            r={5}
            style={{ fill: 'var(--chart-highlight)', stroke: 'var(--bg-elevated)', strokeWidth: 2 }}
          />
          {markedLabel && (
            <text
              x={(x(mark.x) ?? 0) + 8}
              y={margin.top + 10}
              style={{ fill: 'var(--chart-highlight)', fontWeight: 600 }}
            >
              {markedLabel}
            </text>
          )}
        </g>
      )}
    </svg>
  );
}
