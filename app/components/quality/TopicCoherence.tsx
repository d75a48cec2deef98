import Link from 'next/link';
import type { QualityReport } from '@/lib/store/read/quality';
import { maxOf, minOf } from '@/lib/viz/extent';
import { formatDecimal } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { WEAK_COHERENCE } from './TrustSummary';

/** Each topic's coherence as a bar, strongest first; weak ones in the warning colour. */
export function TopicCoherence({ topics }: { topics: QualityReport['topics'] }) {
  const byCoherence = [...topics].sort((a, b) => (b.coherence ?? -Infinity) - (a.coherence ?? -Infinity));
  const coherences = topics.map((t) => t.coherence).filter((c): c is number => c != null);
  const cMin = minOf(coherences, 0);
  const cMax = maxOf(coherences, 1e-9);
  return (
    <section className="card" aria-labelledby="per-topic-title">
      <h2 id="per-topic-title" className="card-title">
        Coherence of each topic
      </h2>
      <ol className="bar-list" style={{ maxHeight: 420, overflowY: 'auto', paddingRight: 6 }}>
        {byCoherence.map((t) => (
          <li key={t.id}>
            <Link href={`/topics/${t.id}`}>
              <span className="bar-label">
                <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                <span>{t.label}</span>
              </span>
              <span className="bar-value">{formatDecimal(t.coherence, 3)}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className="bar-fill"
                  style={{
                    display: 'block',
                    width: `${t.coherence != null ? ((t.coherence - cMin) / (cMax - cMin)) * 100 : 0}%`,
                    background:
                      t.coherence != null && t.coherence < WEAK_COHERENCE ? 'var(--warning)' : topicColor(t.id),
                  }}
                />
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
