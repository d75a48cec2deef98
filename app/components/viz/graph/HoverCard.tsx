/**
 * A card beside the pointer over a graph view, flipped away from the right and bottom edges when
 * it would not fit (`room`: the card's width and height to keep free).
 */
import type { ReactNode } from 'react';
import styles from '../viz.module.css';

export function HoverCard({
  at,
  area,
  room = { width: 320, height: 90 },
  children,
}: {
  at: { x: number; y: number };
  area: { width: number; height: number };
  room?: { width: number; height: number };
  children: ReactNode;
}) {
  return (
    <div
      className={styles.hoverCard}
      style={{ left: at.x, top: at.y }}
      data-flip-x={at.x > area.width - room.width || undefined}
      data-flip-y={at.y > area.height - room.height || undefined}
      role="tooltip"
    >
      {children}
    </div>
  );
}
