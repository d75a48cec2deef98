/**
 * The co-author graph's side panel: the highlighted author's ego network and co-authors, the open
 * community's card, the largest communities (each opens its view) and the components.
 */
import Link from 'next/link';
import type { CommunityMapData, EgoNetwork, GraphAuthor, GraphSummary, MapCommunity } from '@/lib/store/read/graph';
import { shortNames } from '@/lib/viz/community-labels';
import { formatCount, formatDecimal, formatShare } from '@/lib/viz/format';
import { COLOURED_GROUPS, groupColor, NEUTRAL_COLOR } from '@/lib/viz/palette';
import { EgoNetworkView } from './EgoNetworkView';
import { ExportChart } from '../../ExportChart';
import styles from '../viz.module.css';

const COAUTHORS_LISTED = 30;
const COMMUNITIES_LISTED = 12;

export function GraphSidePanel({
  summary,
  map,
  author,
  ego,
  egoError,
  community,
  onPickAuthor,
  onOpenCommunity,
}: {
  summary: GraphSummary;
  map: CommunityMapData;
  /** The highlighted author, whose ego network is loading or shown; null = none. */
  author: number | null;
  ego: EgoNetwork | undefined;
  egoError: string | undefined;
  /** The community whose members the view draws. */
  community: MapCommunity | null;
  onPickAuthor: (author: GraphAuthor) => void;
  onOpenCommunity: (community: number) => void;
}) {
  return (
    <aside className={styles.sidePanel} aria-label="Author and community details">
      {author !== null && (
        <section className="card" aria-live="polite" data-testid="ego-panel">
          {egoError ? (
            <p className={styles.error}>{egoError}</p>
          ) : !ego ? (
            <p className={styles.hint}>Loading the author…</p>
          ) : (
            <EgoCard ego={ego} onPickAuthor={onPickAuthor} />
          )}
        </section>
      )}
      {community && <CommunityCard community={community} />}
      <CommunityList summary={summary} communities={map.communities} onOpen={onOpenCommunity} />
      <section className="card">
        <h2>Components</h2>
        <p className={styles.hint}>
          {formatCount(summary.componentCount)} connected components; {formatCount(summary.laidOut)} authors laid out.
        </p>
      </section>
    </aside>
  );
}

/** An author's name, counts, ego network and strongest co-authors (each a button that picks them). */
function EgoCard({ ego, onPickAuthor }: { ego: EgoNetwork; onPickAuthor: (author: GraphAuthor) => void }) {
  return (
    <>
      <h2>
        <Link href={`/authors/${ego.author.id}`}>{ego.author.name}</Link>
      </h2>
      <p className={styles.hint}>
        {formatCount(ego.author.papers)} {ego.author.papers === 1 ? 'paper' : 'papers'},{' '}
        {formatCount(ego.author.coauthors)} co-authors
        {ego.author.laidOut ? '' : '. Not drawn in the graph (a small or far group); here is their ego network.'}
      </p>
      <ExportChart filename={`topicscope-ego-${ego.author.id}`} label={`ego network of ${ego.author.name}`}>
        <EgoNetworkView ego={ego} colorOf={(c) => (c === null ? NEUTRAL_COLOR : groupColor(c))} />
      </ExportChart>
      <h3>Co-authors</h3>
      <table className={styles.compactTable}>
        <thead>
          <tr>
            <th scope="col">Author</th>
            <th scope="col" className="num">
              Joint papers
            </th>
          </tr>
        </thead>
        <tbody>
          {ego.coauthors.slice(0, COAUTHORS_LISTED).map((c) => (
            <tr key={c.id}>
              <td>
                <button type="button" className={styles.linkButton} onClick={() => onPickAuthor(c)}>
                  {c.name}
                </button>
              </td>
              <td className="num">{c.joint}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ego.coauthors.length > COAUTHORS_LISTED && (
        <p className={styles.hint}>and {formatCount(ego.coauthors.length - COAUTHORS_LISTED)} more.</p>
      )}
    </>
  );
}

/** The open community: its best-known members, size and main topic. */
function CommunityCard({ community }: { community: MapCommunity }) {
  return (
    <section className="card" data-testid="community-panel">
      <h2>{community.topAuthors.map((a) => a.name).join(', ')}</h2>
      <p className={styles.hint}>
        {formatCount(community.size)} authors, {formatCount(community.papers)} papers
        {community.topicLabel &&
          `; main topic ${community.topicLabel} (${formatShare(community.topicShare)} of its papers)`}
        . {community.subCommunities > 1 ? `${community.subCommunities} sub-groups, each its own colour.` : ''}
      </p>
      <h3>Best-known members</h3>
      <ul className={styles.plainList}>
        {community.topAuthors.map((a) => (
          <li key={a.id}>
            <Link href={`/authors/${a.id}`}>{a.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The largest communities, each a button that opens it. */
function CommunityList({
  summary,
  communities,
  onOpen,
}: {
  summary: GraphSummary;
  communities: MapCommunity[];
  onOpen: (community: number) => void;
}) {
  return (
    <section className="card">
      <h2>Communities</h2>
      <p className={styles.hint}>
        {formatCount(summary.communityCount)} communities (Louvain)
        {summary.modularity !== null ? `, modularity ${formatDecimal(summary.modularity, 3)}` : ''}. The{' '}
        {COLOURED_GROUPS} largest have a colour of their own; smaller ones are grey, told apart by their region and
        name.
      </p>
      <table className={styles.compactTable}>
        <thead>
          <tr>
            <th scope="col">Community</th>
            <th scope="col" className="num">
              Authors
            </th>
          </tr>
        </thead>
        <tbody>
          {communities.slice(0, COMMUNITIES_LISTED).map((c) => (
            <tr key={c.id}>
              <td>
                <button type="button" className={styles.linkButton} onClick={() => onOpen(c.id)}>
                  <span className={styles.cardTopic}>
                    <span className={styles.swatch} style={{ background: groupColor(c.id) }} aria-hidden="true" />
                    <span>{shortNames(c.topAuthors.map((a) => a.name)).join(', ') || `#${c.id}`}</span>
                  </span>
                </button>
                {c.topicLabel && <div className={styles.hint}>{c.topicLabel}</div>}
              </td>
              <td className="num">{formatCount(c.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
