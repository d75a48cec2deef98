'use client';
/**
 * Compared terms as lines: share of papers per period (recharts), counts in the tooltip, and
 * periods with too few papers left as gaps (see lib/viz/trend-series.ts) with their counts kept.
 */
import { scaleLinear } from 'd3';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCount, formatPeriod, formatShare } from '@/lib/viz/format';
import { buildTrendRows, toChartData } from '@/lib/viz/trend-series';
import { useWidth } from '../viz/use-size';
import styles from '../viz/viz.module.css';
import { maxOf } from '@/lib/viz/extent';

export interface ChartTerm {
  key: string;
  label: string;
  color: string;
  papers: readonly number[];
  share: readonly number[];
}

interface Props {
  periods: readonly string[];
  periodPapers: readonly number[];
  terms: readonly ChartTerm[];
  minPeriodPapers: number;
  height?: number;
}

function TrendTooltip({ active, payload, label, terms }: TooltipContentProps & { terms: readonly ChartTerm[] }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as Record<string, number | string | boolean | null>;
  const total = Number(row.total);
  return (
    <div className={styles.tooltip}>
      <p>
        <strong>{formatPeriod(String(label))}</strong> · {formatCount(total)} papers
      </p>
      {row.sparse && <p className={styles.hint}>Too few papers for a fair share: counts only.</p>}
      {terms.map((t) => {
        const n = Number(row[`${t.key}:n`] ?? 0);
        const share = row[t.key];
        return (
          <p key={t.key}>
            <span className={styles.swatch} style={{ background: t.color, marginRight: 6 }} aria-hidden="true" />
            {t.label}: {typeof share === 'number' ? `${formatShare(share)} · ` : ''}
            {formatCount(n)} of {formatCount(total)}
          </p>
        );
      })}
    </div>
  );
}

export function TermTrendChart({ periods, periodPapers, terms, minPeriodPapers, height = 340 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rows = buildTrendRows(periods, periodPapers, terms, minPeriodPapers);
  const data = toChartData(rows);
  // A nice 0-based axis (0, 10%, 20%…) rather than recharts' split of the raw maximum.
  const max = maxOf(
    rows.flatMap((r) => terms.map((t) => r.values[t.key] ?? 0)),
    0.01,
  );
  const y = scaleLinear().domain([0, max]).nice(5);
  const ticks = y.ticks(5);
  return (
    <div ref={ref} style={{ width: '100%', height }} data-testid="term-trend-chart">
      {width > 0 && (
        <LineChart width={width} height={height} data={data} margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis
            dataKey="period"
            tickFormatter={formatPeriod}
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            minTickGap={12}
          />
          <YAxis
            domain={y.domain()}
            ticks={ticks}
            tickFormatter={(v: number) => formatShare(v, max < 0.05 ? 1 : 0)}
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            width={48}
          />
          <Tooltip content={(props) => <TrendTooltip {...props} terms={terms} />} />
          {terms.map((t) => (
            <Line
              key={t.key}
              type="monotone"
              dataKey={t.key}
              name={t.label}
              stroke={t.color}
              strokeWidth={2.25}
              dot={periods.length <= 24 ? { r: 2.5, fill: t.color } : false}
              activeDot={{ r: 4 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </div>
  );
}
