import type { QualityMetric } from '@/lib/store/read/quality';
import { formatDecimal, formatShare } from '@/lib/viz/format';
import { describeMetric, type Verdict } from '@/lib/viz/quality-metrics';

const VERDICT_STYLE: Record<Verdict, { label: string; className: string }> = {
  good: { label: 'good', className: 'badge badge-accent' },
  fair: { label: 'fair', className: 'badge' },
  weak: { label: 'weak', className: 'badge badge-warning' },
  none: { label: 'poor', className: 'badge badge-warning' },
};

/** One quality figure: its value, a bar over its usual range, a verdict and what it measures. */
export function MetricCard({ metric }: { metric: QualityMetric }) {
  const d = describeMetric(metric.metric);
  const value = metric.value;
  const reading = d && value != null ? d.read(value) : null;
  const shown = value == null ? 'n/a' : d?.format === 'percent' ? formatShare(value, 1) : formatDecimal(value, 3);
  const position =
    d && value != null ? Math.min(1, Math.max(0, (value - d.range[0]) / (d.range[1] - d.range[0]))) : null;
  return (
    <div className="card">
      <div className="card-header" style={{ marginBottom: 4 }}>
        <h3 style={{ fontSize: 'var(--text-sm)' }}>{d?.title ?? metric.metric}</h3>
        {reading && (
          <span className={VERDICT_STYLE[reading.verdict].className}>{VERDICT_STYLE[reading.verdict].label}</span>
        )}
      </div>
      <div style={{ fontSize: '1.7rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{shown}</div>
      {position != null && (
        <div className="bar-list" aria-hidden="true" style={{ margin: '6px 0 8px' }}>
          <div className="bar-track">
            <div className="bar-fill" style={{ width: `${position * 100}%`, background: 'var(--chart-bar)' }} />
          </div>
        </div>
      )}
      {reading && <p style={{ fontSize: 'var(--text-sm)', marginBottom: 6 }}>{reading.words}.</p>}
      {d && (
        <p className="subtle" style={{ margin: 0 }}>
          {d.about}
        </p>
      )}
      {metric.note && (
        <p className="subtle" style={{ margin: '6px 0 0' }}>
          {metric.note}
        </p>
      )}
    </div>
  );
}
