/** The card beside a hovered paper of the citation network: its title, short name, both counts and its cluster. */
import type { CitationNetworkData } from '@/lib/store/read/citations';
import { formatCount } from '@/lib/viz/format';
import styles from '../viz.module.css';
import { HoverCard } from './HoverCard';

export function CitationHoverCard({
  data,
  index,
  at,
  area,
}: {
  data: CitationNetworkData;
  index: number;
  at: { x: number; y: number };
  area: { width: number; height: number };
}) {
  const { nodes, clusters } = data;
  const global = nodes.global[index];
  return (
    <HoverCard at={at} area={area}>
      <strong>{nodes.title[index]}</strong>
      <span className={styles.hint}>
        {nodes.name[index]} · cited {formatCount(nodes.local[index])} here
        {global !== null && `, ${formatCount(global)} in all`}
      </span>
      <span className={styles.hint}>
        {clusters[nodes.cluster[index]]?.label || `Cluster ${nodes.cluster[index] + 1}`}
      </span>
    </HoverCard>
  );
}
