/** The papers inside the selected area: the first of them listed, all of them as CSV. */
import Link from 'next/link';
import type { MapPaperCard } from '@/lib/store/read/map';
import { formatAuthorsShort, formatCount } from '@/lib/viz/format';
import { CSV_MAX, SELECTION_LIST } from '@/lib/viz/map-selection';
import styles from '../viz.module.css';

export function MapSelection({
  selected,
  cards,
  onExport,
  onClear,
}: {
  /** Indices of the selected points; null = no area selected. */
  selected: Uint32Array | null;
  cards: MapPaperCard[];
  onExport: () => void;
  onClear: () => void;
}) {
  return (
    <section className={styles.mapSelection} aria-label="Selected papers">
      <div className={styles.selectionHeader}>
        <h2>Selection</h2>
        {selected && (
          <div className="cluster">
            <button type="button" className="btn" onClick={onExport} disabled={selected.length === 0}>
              Export CSV{selected.length > CSV_MAX ? ` (first ${formatCount(CSV_MAX)})` : ''}
            </button>
            <button type="button" className="btn" onClick={onClear} aria-keyshortcuts="Escape">
              Clear
            </button>
          </div>
        )}
      </div>
      {!selected ? (
        <p className={styles.hint}>
          Choose “Rectangle brush” or “Lasso select” and drag over points to list their papers here; Escape clears the
          selection.
        </p>
      ) : selected.length === 0 ? (
        <p className={styles.hint}>No matching papers inside the selection.</p>
      ) : (
        <>
          <p className={styles.hint}>
            {formatCount(selected.length)} papers
            {selected.length > SELECTION_LIST ? `; the first ${SELECTION_LIST} are listed` : ''}.
          </p>
          <div className={styles.selectionScroll} tabIndex={0} role="region" aria-label="Selected papers list">
            <ol className={styles.selectionList}>
              {cards.map((card) => (
                <li key={card.id}>
                  <Link href={`/papers/${card.id}`}>{card.title}</Link>
                  <span className={styles.hint}>
                    {[formatAuthorsShort(card.authors, 3), card.year, card.topicLabel].filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
