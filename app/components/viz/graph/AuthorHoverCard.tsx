/** The card beside a hovered author: papers (in the filter), main topic and strongest drawn co-authors. */
import type { GraphLayout } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import { strongestCoauthors } from '@/lib/viz/graph-view';
import styles from '../viz.module.css';
import { HoverCard } from './HoverCard';

export function AuthorHoverCard({
  layout,
  index,
  at,
  area,
  topics,
}: {
  layout: GraphLayout;
  index: number;
  at: { x: number; y: number };
  area: { width: number; height: number };
  topics: { id: number; label: string }[];
}) {
  const { nodes } = layout;
  const coauthors = strongestCoauthors(layout, index);
  return (
    <HoverCard at={at} area={area}>
      <strong>{nodes.name[index]}</strong>
      <span className={styles.hint}>
        {formatCount(nodes.papers[index])} {nodes.papers[index] === 1 ? 'paper' : 'papers'}
        {layout.filtered && ` (${formatCount(nodes.active[index])} in the filter)`}
        {nodes.topic[index] >= 0 && ` · ${topics.find((t) => t.id === nodes.topic[index])?.label ?? ''}`}
      </span>
      {coauthors.length > 0 && (
        <span className={styles.hint}>
          Joint papers: {coauthors.map((c) => `${c.name} ${formatCount(c.papers)}`).join(' · ')}
        </span>
      )}
      <span className={styles.hint}>Click for all co-authors</span>
    </HoverCard>
  );
}
