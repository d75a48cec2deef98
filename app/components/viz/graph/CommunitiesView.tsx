/** The co-author graph's first view: the map of communities, with what it shows and its sizing. */
import type { CommunityMapData } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import { groupColor } from '@/lib/viz/palette';
import { ExportChart } from '../../ExportChart';
import styles from '../viz.module.css';
import { CommunityMapView } from './CommunityMapView';

export function CommunitiesView({
  map,
  size,
  onSize,
  onOpen,
}: {
  map: CommunityMapData;
  size: 'authors' | 'papers';
  onSize: (size: 'authors' | 'papers') => void;
  onOpen: (community: number) => void;
}) {
  return (
    <>
      <p className={styles.hint}>
        {formatCount(map.communities.length)} communities of at least 5 authors, placed so that groups who work together
        sit close; lines join communities with joint papers.
        {map.small.communities > 0 &&
          ` ${formatCount(map.small.communities)} smaller groups (${formatCount(map.small.authors)} authors) are counted, not drawn.`}{' '}
        Size by{' '}
        <select
          aria-label="Size communities by"
          value={size}
          onChange={(e) => onSize(e.target.value === 'papers' ? 'papers' : 'authors')}
        >
          <option value="authors">authors</option>
          <option value="papers">papers</option>
        </select>
        . Click a community to open it.
      </p>
      <ExportChart filename="topicscope-communities" label="map of communities">
        {map.communities.length > 0 ? (
          <CommunityMapView data={map} sizeBy={size} colorOf={groupColor} onOpen={onOpen} />
        ) : (
          <p className={styles.hint} style={{ padding: 16 }}>
            No community has 5 or more authors in this build.
          </p>
        )}
      </ExportChart>
    </>
  );
}
