/**
 * Topics over time as small multiples: one small chart per topic (its share of each period's
 * papers, scaled to its own peak), largest topics first, so every topic of a 40-topic model is
 * readable — no "other" band. Each opens its topic page.
 */
import Link from 'next/link';
import { formatPeriod, formatShare } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { sparklinePath } from '@/lib/viz/sparkline';
import { maxOf } from '@/lib/viz/extent';

const WIDTH = 150;
const HEIGHT = 40;

export function TopicMultiples({
  periods,
  periodPapers,
  topics,
  papers,
}: {
  periods: string[];
  periodPapers: number[];
  topics: { id: number; label: string; size: number }[];
  papers: number[][];
}) {
  const order = topics.map((_, i) => i).sort((a, b) => topics[b].size - topics[a].size || a - b);
  return (
    <div
      data-testid="topic-multiples"
      style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${WIDTH + 20}px, 1fr))`, gap: 12 }}
    >
      {order.map((i) => {
        const t = topics[i];
        const share = papers[i].map((n, p) => (periodPapers[p] > 0 ? n / periodPapers[p] : 0));
        const peak = maxOf(share, 0);
        const peakAt = share.indexOf(peak);
        const d = sparklinePath(share, WIDTH, HEIGHT);
        return (
          <Link
            key={t.id}
            href={`/topics/${t.id}`}
            style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
            title={`${t.label}: peak ${formatShare(peak)} of papers in ${formatPeriod(periods[peakAt] ?? '')}`}
          >
            <div
              style={{
                fontSize: 'var(--text-xs)',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                maxWidth: WIDTH + 20,
              }}
            >
              {t.label}
            </div>
            <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`share of papers in “${t.label}” per period`}>
              {d && (
                <path d={`${d}L${WIDTH - 1.5},${HEIGHT}L1.5,${HEIGHT}Z`} fill={topicColor(t.id)} fillOpacity={0.25} />
              )}
              {d && <path d={d} fill="none" stroke={topicColor(t.id)} strokeWidth={1.5} />}
            </svg>
            <div style={{ fontSize: 10, color: 'var(--muted)' }}>peak {formatShare(peak)}</div>
          </Link>
        );
      })}
    </div>
  );
}
