/** The co-author graph's toolbar: which view, the author search, and the network's downloads. */
import type { MapCommunity, GraphAuthor } from '@/lib/store/read/graph';
import { shortNames } from '@/lib/viz/community-labels';
import { formatCount } from '@/lib/viz/format';
import { formatExportQuery, type GraphViewName, type GraphViewState } from '@/lib/viz/graph-state';
import type { NetworkFormat } from '@/lib/viz/network-export';
import { Autocomplete } from '../Autocomplete';
import { ChoiceGroup } from '../ChoiceGroup';
import styles from '../viz.module.css';
import { fetchAuthorOptions } from './graph-data';
import { NetworkDownloads } from './NetworkDownloads';

const NETWORK_FILES: [NetworkFormat, string][] = [
  ['gexf', 'GEXF (Gephi)'],
  ['vosviewer-map', 'VOSviewer map file'],
  ['vosviewer-network', 'VOSviewer network file'],
  ['nodes-csv', 'Nodes (CSV)'],
  ['links-csv', 'Links (CSV)'],
];

export function GraphToolbar({
  state,
  community,
  onView,
  onPickAuthor,
}: {
  state: GraphViewState;
  /** The open community, offered as a view of its own. */
  community: MapCommunity | null;
  onView: (view: GraphViewName) => void;
  onPickAuthor: (author: GraphAuthor) => void;
}) {
  return (
    <div className={styles.graphToolbar} role="toolbar" aria-label="Graph view">
      <ChoiceGroup<GraphViewName>
        name="graph-view"
        label="View"
        options={[
          ['communities', 'Communities'],
          ['network', 'Whole network'],
          ...(community
            ? ([['community', shortNames(community.topAuthors.slice(0, 2).map((a) => a.name)).join(', ')]] as const)
            : []),
        ]}
        value={state.view}
        onChange={onView}
      />
      <Autocomplete<GraphAuthor>
        label="Find an author"
        placeholder="Type a name…"
        testId="author-search"
        fetchOptions={fetchAuthorOptions}
        optionKey={(a) => a.id}
        optionLabel={(a) => a.name}
        renderOption={(a) => (
          <>
            <span className={styles.truncate}>{a.name}</span>
            <span className={styles.count}>
              {formatCount(a.papers)} {a.papers === 1 ? 'paper' : 'papers'}
              {a.laidOut ? '' : ' · not drawn'}
            </span>
          </>
        )}
        onPick={onPickAuthor}
        keepText
      />
      <NetworkDownloads
        label="Download network"
        files={NETWORK_FILES}
        href={(format) => `/api/graph/export?${formatExportQuery(state, format)}`}
        testId="network-downloads"
      />
    </div>
  );
}
