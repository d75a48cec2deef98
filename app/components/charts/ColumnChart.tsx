import { scaleBand, scaleLinear } from 'd3';
import { maxOf } from '@/lib/viz/extent';

export interface Column {
  label: string;
  value: number;
  href?: string;
}

/**
 * Vertical bars over categories (papers per year). D3 scales place the marks; React draws them as
 * SVG on the server, so the chart costs no JavaScript in the browser.
 */
export function ColumnChart({
  data,
  title,
  width = 560,
  height = 200,
  formatValue = (v: number) => String(v),
}: {
  data: readonly Column[];
  title: string;
  width?: number;
  height?: number;
  formatValue?: (v: number) => string;
}) {
  const margin = { top: 10, right: 8, bottom: 22, left: 40 };
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([margin.left, width - margin.right])
    .paddingInner(0.18)
    .paddingOuter(0.08);
  const max = maxOf(
    data.map((d) => d.value),
    1,
  );
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  // Thin out the axis labels so they never collide (about 40px per label).
  const every = Math.max(1, Math.ceil((data.length * 40) / (width - margin.left - margin.right)));
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
            {formatValue(t)}
          </text>
        ))}
        {data.map((d, i) =>
          i % every === 0 || i === data.length - 1 ? (
            <text
              key={d.label}
              x={(x(d.label) ?? 0) + x.bandwidth() / 2}
              y={height - margin.bottom + 15}
              textAnchor="middle"
            >
              {d.label}
            </text>
          ) : null,
        )}
      </g>
      {data.map((d) => {
        const bar = (
          <>
            <rect
              className="bar"
              x={x(d.label)}
              y={y(d.value)}
              width={x.bandwidth()}
              height={Math.max(0, y(0) - y(d.value))}
              rx={Math.min(3, x.bandwidth() / 4)}
            />
            <title>{`${d.label}: ${formatValue(d.value)}`}</title>
          </>
        );
        return d.href ? (
          <a key={d.label} href={d.href} aria-label={`${d.label}: ${formatValue(d.value)}`}>
            {bar}
          </a>
        ) : (
          <g key={d.label}>{bar}</g>
        );
      })}
    </svg>
  );
}
