/** The papers of the topic picked in the evolution flow, closest to its centre first. */
import Link from 'next/link';
import { formatCount, formatPeriod } from '@/lib/viz/format';
import type { Fetched } from '../fetch-json';
import styles from '../viz.module.css';

/** What `/api/trends/evolution?node=` answers. */
export interface EvolutionNodePapers {
  node: { id: number; window: number; label: string; size: number; first: string; last: string };
  papers: { id: number; title: string; year: number | null; authors: string }[];
}

export function EvolutionPapers({ fetched }: { fetched: Fetched<EvolutionNodePapers> }) {
  const { data, error } = fetched;
  return (
    <div data-testid="evolution-papers" aria-live="polite">
      {error ? (
        <p className={styles.error}>{error}</p>
      ) : !data ? (
        <p className={styles.hint}>Loading…</p>
      ) : (
        <>
          <h3 style={{ marginTop: 0 }}>
            {data.node.label}{' '}
            <span className={styles.hint}>
              {formatPeriod(data.node.first)}–{formatPeriod(data.node.last)}, {formatCount(data.node.size)} papers
            </span>
          </h3>
          <ol className={styles.plainList}>
            {data.papers.slice(0, 10).map((p) => (
              <li key={p.id} style={{ marginBottom: 6 }}>
                <Link href={`/papers/${p.id}`}>{p.title}</Link>
                <span className={styles.hint}> · {[p.authors, p.year].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
