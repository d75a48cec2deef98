/** The chosen item of a co-occurrence map and its papers, most cited first. */
import Link from 'next/link';
import type { CooccurrenceMapData } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import styles from '../viz.module.css';
import type { ItemPapers } from './graph-data';

export function ItemPanel({
  kind,
  one,
  selected,
  found,
  error,
}: {
  kind: CooccurrenceMapData['kind'];
  /** The item's noun ("term"). */
  one: string;
  selected: number | null;
  found: ItemPapers | undefined;
  error: string | undefined;
}) {
  return (
    <aside className={styles.sidePanel} aria-label={`Selected ${one}`}>
      <section className="card" aria-live="polite" data-testid="item-panel">
        {selected === null ? (
          <p className={styles.hint}>Click a {one} on the map to see its papers.</p>
        ) : error ? (
          <p className={styles.error}>{error}</p>
        ) : !found ? (
          <p className={styles.hint}>Loading…</p>
        ) : (
          <>
            <h2>{found.item.label}</h2>
            <p className={styles.hint}>
              {formatCount(found.item.papers)}{' '}
              {kind === 'coupling' ? 'of its references are cited by other papers' : 'papers'}
              {(kind === 'terms' || kind === 'keywords') && (
                <>
                  {' · '}
                  <Link href={`/search?q=${encodeURIComponent(`"${found.item.label}"`)}`}>search them</Link>
                </>
              )}
            </p>
            <ol className={styles.plainList}>
              {found.papers.map((p) => (
                <li key={p.id} style={{ marginBottom: 8 }}>
                  <Link href={`/papers/${p.id}`}>{p.title}</Link>
                  <div className={styles.hint}>
                    {[p.authors, p.year, p.citedBy !== null ? `cited ${formatCount(p.citedBy)}` : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </aside>
  );
}
