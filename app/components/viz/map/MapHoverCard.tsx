/** The card of the paper under the pointer, placed beside it and flipped away from the map's edges. */
import type { MapMeta, MapPaperCard } from '@/lib/store/read/map';
import { formatAuthorsShort } from '@/lib/viz/format';
import styles from '../viz.module.css';

export function MapHoverCard({
  at,
  area,
  card,
  topic,
  color,
}: {
  at: { x: number; y: number };
  area: { width: number; height: number };
  card: MapPaperCard | null;
  topic: MapMeta['topics'][number] | undefined;
  color: string | undefined;
}) {
  return (
    <div
      className={styles.hoverCard}
      style={{ left: at.x, top: at.y }}
      data-flip-x={at.x > area.width - 360 || undefined}
      data-flip-y={at.y > area.height - 150 || undefined}
      role="tooltip"
    >
      {card ? (
        <>
          <strong>{card.title}</strong>
          {card.authors && <span>{formatAuthorsShort(card.authors, 4)}</span>}
          <span className={styles.hint}>{[card.year, card.venue].filter(Boolean).join(' · ')}</span>
          {topic && (
            <span className={styles.cardTopic}>
              <span className={styles.swatch} style={{ background: color }} aria-hidden="true" />
              {topic.label}
            </span>
          )}
          {card.subtopicLabel && <span className={styles.hint}>Sub-topic: {card.subtopicLabel}</span>}
          {card.outlier && <span className={styles.hint}>Outlier: far from its topic&apos;s typical paper</span>}
          <span className={styles.hint}>Click to open</span>
        </>
      ) : (
        <span className={styles.hint}>Loading…</span>
      )}
    </div>
  );
}
