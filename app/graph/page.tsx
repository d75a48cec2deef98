/**
 * /graph: the networks of a field. Who works with whom (the co-author graph: a map of communities,
 * a community's members, the whole network as regions), and VOSviewer-style co-occurrence maps of
 * terms, keywords, institutions and countries (`?net=terms`). Layouts are precomputed by the
 * pipeline; the page says plainly how many papers carry author names.
 */
import Link from 'next/link';
import type { Metadata } from 'next';
import {
  COOCCURRENCE_KINDS,
  readCommunityMap,
  readCooccurrenceKinds,
  readCooccurrenceMap,
  readGraphSummary,
  readOrExplain,
  type CooccurrenceMapKind,
} from '@/lib/store/read';
import { formatCount } from '@/lib/viz/format';
import { parseGraphState } from '@/lib/viz/url-state';
import { NoBuild } from '../components/NoBuild';
import { CoauthorGraphExplorer } from '../components/viz/CoauthorGraphExplorer';
import { CooccurrenceExplorer } from '../components/viz/CooccurrenceExplorer';
import styles from '../components/viz/viz.module.css';

export const metadata: Metadata = { title: 'Networks · Topicscope' };

const NETWORK_NAMES: Record<'coauthors' | CooccurrenceMapKind, string> = {
  coauthors: 'Co-authors',
  terms: 'Terms',
  keywords: 'Keywords',
  institutions: 'Institutions',
  countries: 'Countries',
  cocitation: 'Co-citation',
  coupling: 'Coupling',
};

/** The networks this build offers, as links that keep nothing of another network's view. */
function NetworkNav({ current, kinds }: { current: string; kinds: readonly CooccurrenceMapKind[] }) {
  return (
    <nav className={styles.segmented} aria-label="Network" data-testid="network-nav">
      {(['coauthors', ...kinds] as const).map((net) => (
        <Link
          key={net}
          href={net === 'coauthors' ? '/graph' : `/graph?net=${net}`}
          aria-current={net === current ? 'page' : undefined}
          className={net === current ? 'btn btn-primary' : 'btn'}
        >
          {NETWORK_NAMES[net]}
        </Link>
      ))}
    </nav>
  );
}

export default async function GraphPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const net = typeof params.net === 'string' ? params.net : 'coauthors';
  const kind = (COOCCURRENCE_KINDS as readonly string[]).includes(net) ? (net as CooccurrenceMapKind) : null;
  if (kind !== null) {
    const found = readOrExplain(() => ({ kinds: readCooccurrenceKinds(), map: readCooccurrenceMap(kind) }));
    if (!found.ok) return <NoBuild problem={found.problem} />;
    const item = typeof params.item === 'string' && /^\d{1,6}$/.test(params.item) ? Number(params.item) : null;
    return (
      <div className="page-wide">
        <h1>{NETWORK_NAMES[kind]} map</h1>
        <NetworkNav current={kind} kinds={found.value.kinds} />
        {found.value.map ? (
          <CooccurrenceExplorer key={kind} data={found.value.map} initialItem={item} />
        ) : (
          <p className="muted">
            This corpus has no {NETWORK_NAMES[kind].toLowerCase()} to map: its sources do not carry them.
          </p>
        )}
      </div>
    );
  }
  const result = readOrExplain(() => ({
    summary: readGraphSummary(),
    map: readCommunityMap(),
    kinds: readCooccurrenceKinds(),
  }));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { summary, map, kinds } = result.value;
  // A note above the graph only when the missing names change the picture; else a footnote.
  const namesMatter = summary.papersWithoutNames > 0.05 * summary.papers;
  const namedSources = summary.bySource.filter((s) => s.named > 0);
  const unnamedSources = summary.bySource.filter((s) => s.named < s.papers);
  return (
    <div className="page-wide">
      <h1>Co-author graph</h1>
      <NetworkNav current="coauthors" kinds={kinds} />
      {namesMatter && (
        <div className={styles.note} role="note" data-testid="names-note">
          {summary.papersWithNames === 0 ? (
            <p>
              <strong>No paper in this corpus lists its authors by name</strong>, so there is no co-author graph to
              draw. The sources give at most a count of authors.
            </p>
          ) : (
            <p>
              <strong>
                Only {formatCount(summary.papersWithNames)} of {formatCount(summary.papers)} papers list their authors
                by name
              </strong>
              {namedSources.length > 0 && <> (from {namedSources.map((s) => s.label).join(', ')})</>}. The other{' '}
              {formatCount(summary.papersWithoutNames)} papers come from listings that give at most a count of authors (
              {unnamedSources
                .map((s) =>
                  s.named === 0
                    ? `all ${formatCount(s.papers)} of ${s.label}`
                    : `${formatCount(s.papers - s.named)} of ${formatCount(s.papers)} in ${s.label}`,
                )
                .join('; ')}
              ); their authors are absent from this graph rather than guessed.
            </p>
          )}
        </div>
      )}
      {summary.authors > 0 && (
        <>
          <p className="muted">
            {formatCount(summary.authors)} authors and {formatCount(summary.edges)} co-author links, in{' '}
            {formatCount(summary.communityCount)} communities. Start from the map of communities, open one to see its
            members and sub-groups, or draw the whole network with each community in its own region.
          </p>
          <CoauthorGraphExplorer
            summary={summary}
            map={map}
            topics={summary.topics}
            years={summary.years}
            initial={parseGraphState(params)}
          />
          {!namesMatter && summary.papersWithoutNames > 0 && (
            <p className={styles.hint} data-testid="names-footnote">
              {formatCount(summary.papersWithoutNames)} of {formatCount(summary.papers)} papers list no author names and
              are not in this graph.
            </p>
          )}
        </>
      )}
    </div>
  );
}
