import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { formatShare } from '@/lib/viz/format';
import { EMPTY_TRENDS_STATE, formatTrendsState } from '@/lib/viz/trends-state';
import { Sparkline } from '../charts/Sparkline';

function trendsHref(terms: string[]): string {
  return `/trends?${formatTrendsState({ ...EMPTY_TRENDS_STATE, terms })}`;
}

/** The rising terms with their sparklines, each opening the trends page on it. */
export function RisingTerms({ risingTerms }: { risingTerms: Overview['risingTerms'] }) {
  return (
    <section className="card" aria-labelledby="rising">
      <div className="card-header">
        <h2 id="rising">Rising terms</h2>
        {risingTerms.length > 1 && (
          <Link href={trendsHref(risingTerms.slice(0, 4).map((t) => t.term))} className="subtle">
            Compare the top four →
          </Link>
        )}
      </div>
      {risingTerms.length === 0 ? (
        <p className="muted">Not enough dated papers to see terms rise.</p>
      ) : (
        <ul className="row-list">
          {risingTerms.map((t) => (
            <li key={t.termId}>
              <Link href={trendsHref([t.term])} className="grow">
                {t.term}
              </Link>
              <Sparkline
                values={t.series.map((s) => s.share)}
                label={`Share of papers mentioning ${t.term} per period, from ${formatShare(t.series[0]?.share ?? 0)} to ${formatShare(t.series[t.series.length - 1]?.share ?? 0)}`}
              />
              <span
                className="subtle num"
                style={{ width: 56, textAlign: 'right' }}
                title="Share of papers in the most recent periods"
              >
                {formatShare(t.recentShare)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
