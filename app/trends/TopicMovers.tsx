/**
 * Emerging and fading topics: the topics whose share of papers grew or shrank the most over the
 * recent periods, each with its share over time and links to its page and its recent papers.
 */
import Link from 'next/link';
import type { TopicMover } from '@/lib/store/read/trends';
import { formatPeriod, formatShare } from '@/lib/viz/format';
import { Sparkline } from '../components/charts/Sparkline';
import styles from '../components/viz/viz.module.css';

function TopicList({
  title,
  topics,
  periods,
  testId,
}: {
  title: string;
  topics: TopicMover[];
  periods: string[];
  testId: string;
}) {
  const recentFrom = periods[Math.max(0, periods.length - 5)];
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2 style={{ fontSize: 'var(--text-lg)', marginTop: 0 }}>{title}</h2>
      {topics.length === 0 ? (
        <p className={styles.hint}>None in this build.</p>
      ) : (
        <ul className={styles.moverList}>
          {topics.map((t) => (
            <li key={t.id} style={{ display: 'flex', alignItems: 'center', gap: 8, justifyContent: 'space-between' }}>
              <span className={styles.moverText}>
                <Link href={`/topics/${t.id}`} className={styles.truncate} title={t.label}>
                  {t.label}
                </Link>
                <span className={styles.moverNote}>
                  {formatShare(t.earlierShare)} → {formatShare(t.recentShare)} of papers ·{' '}
                  <Link href={`/search?topic=${t.id}&from=${encodeURIComponent(recentFrom.slice(0, 4))}`}>
                    recent papers
                  </Link>
                </span>
              </span>
              <Sparkline values={t.share} width={84} height={22} label={`share of “${t.label}” per period`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TopicMoversSection({
  movers,
  periods,
}: {
  movers: { emerging: TopicMover[]; fading: TopicMover[] };
  periods: string[];
}) {
  return (
    <div className={styles.lists} style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
      <TopicList title="Emerging topics" topics={movers.emerging} periods={periods} testId="emerging-topics" />
      <TopicList title="Fading topics" topics={movers.fading} periods={periods} testId="fading-topics" />
      <p className={styles.hint} style={{ gridColumn: '1 / -1' }}>
        Change of each topic&apos;s share of papers over the last five periods (to{' '}
        {formatPeriod(periods[periods.length - 1])}), compared with the five before.
      </p>
    </div>
  );
}
