/** What a co-author view draws: how many authors and links, what the filter fades, what zoom adds. */
import type { GraphLayout, MapCommunity } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import styles from '../viz.module.css';

export function GraphStatus({
  layout,
  error,
  community,
  thinned,
}: {
  layout: GraphLayout | undefined;
  error: string | undefined;
  community: MapCommunity | null;
  /** Single-paper links are left out at this zoom. */
  thinned: boolean;
}) {
  const drawn = layout ? formatCount(layout.nodes.id.length) : '';
  const links = layout ? formatCount(layout.edges.source.length) : '';
  const active = layout ? layout.nodes.active.filter((a) => a > 0).length : 0;
  return (
    <p className={styles.hint} aria-live="polite" data-testid="graph-status">
      {error
        ? `The graph could not be loaded: ${error}`
        : !layout
          ? 'Loading the layout…'
          : layout.view === 'community'
            ? `${drawn} of ${formatCount(community?.size ?? layout.nodes.id.length)} members drawn (the most connected), ${links} links${community && community.subCommunities > 1 ? `, ${community.subCommunities} sub-groups` : ''}.`
            : `${drawn} authors drawn: the most connected members of each community, in its region. ${links} links.`}
      {layout?.filtered && ` ${formatCount(active)} authors have papers in the filter; the others are faded.`}
      {layout && thinned && ' Single-paper links appear as you zoom in.'}
    </p>
  );
}
