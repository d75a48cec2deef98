'use client';
/**
 * One series over ordered categories (periods, candidate k), with an optional filled area and one
 * marked point (the chosen k), its label on the side with room. A plain line chart, so recharts draws it, as it draws the compared
 * terms (TermTrendChart): D3 only rounds the value axis to nice ticks. Values are formatted by a
 * named format rather than a function, so a server component can hand its data over.
 */
import { scaleLinear } from 'd3';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Label,
  Line,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { maxOf, minOf } from '@/lib/viz/extent';
import { formatShare } from '@/lib/viz/format';
import { useWidth } from '../viz/use-size';

export interface LinePoint {
  x: string;
  y: number;
}

/** How values read: a share (`12%`) or a number with this many decimals. */
export type ValueFormat = 'share' | { decimals: number };

function formatValue(value: number, format: ValueFormat): string {
  return format === 'share' ? formatShare(value, 0) : value.toFixed(format.decimals);
}

const AXIS_TICK = { fill: 'var(--chart-text)', fontSize: 12 };

export function LineChart({
  points,
  title,
  height = 220,
  filled = false,
  marked,
  markedLabel,
  format = { decimals: 0 },
  xLabel,
  yLabel,
  zeroBased = true,
}: {
  points: readonly LinePoint[];
  title: string;
  height?: number;
  filled?: boolean;
  /** The x of the point to mark. */
  marked?: string;
  markedLabel?: string;
  format?: ValueFormat;
  xLabel?: string;
  yLabel?: string;
  zeroBased?: boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const ys = points.map((p) => p.y);
  const lo = zeroBased ? minOf(ys, 0) : minOf(ys);
  const y = scaleLinear()
    .domain([lo, maxOf(ys, lo + 1e-9)])
    .nice(4);
  const markIndex = marked != null ? points.findIndex((p) => p.x === marked) : -1;
  const mark = markIndex >= 0 ? points[markIndex] : undefined;
  const data = points.map((p) => ({ x: p.x, y: p.y }));
  return (
    <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={title}>
      {width > 0 && (
        <ComposedChart
          width={width}
          height={height}
          data={data}
          margin={{ top: 16, right: 16, bottom: xLabel ? 16 : 4, left: yLabel ? 16 : 4 }}
        >
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="x" stroke="var(--chart-axis)" tick={AXIS_TICK} minTickGap={8}>
            {xLabel && <Label value={xLabel} position="bottom" offset={0} fill="var(--chart-text)" fontSize={12} />}
          </XAxis>
          <YAxis
            domain={y.domain()}
            ticks={y.ticks(4)}
            tickFormatter={(v: number) => formatValue(v, format)}
            stroke="var(--chart-axis)"
            tick={AXIS_TICK}
            width={48}
          >
            {yLabel && (
              <Label value={yLabel} angle={-90} position="left" offset={4} fill="var(--chart-text)" fontSize={12} />
            )}
          </YAxis>
          <Tooltip
            formatter={(v) => formatValue(Number(v), format)}
            labelFormatter={(label) => (xLabel ? `${xLabel}: ${label}` : String(label))}
          />
          {filled && (
            <Area
              dataKey="y"
              type="linear"
              stroke="none"
              fill="var(--chart-line)"
              fillOpacity={0.15}
              isAnimationActive={false}
              tooltipType="none"
            />
          )}
          <Line
            dataKey="y"
            name={yLabel ?? 'value'}
            type="linear"
            stroke="var(--chart-line)"
            strokeWidth={2}
            dot={points.length > 40 ? false : { r: 2.5, fill: 'var(--chart-line)' }}
            isAnimationActive={false}
          />
          {mark && (
            <ReferenceLine x={mark.x} stroke="var(--chart-highlight)" strokeDasharray="4 3">
              {markedLabel && (
                <Label
                  value={markedLabel}
                  position={markIndex > points.length / 2 ? 'insideTopRight' : 'insideTopLeft'}
                  fill="var(--chart-highlight)"
                  fontWeight={600}
                  fontSize={12}
                />
              )}
            </ReferenceLine>
          )}
          {mark && (
            <ReferenceDot x={mark.x} y={mark.y} r={5} fill="var(--chart-highlight)" stroke="var(--bg-elevated)" />
          )}
        </ComposedChart>
      )}
    </div>
  );
}
