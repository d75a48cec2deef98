/**
 * /graph: the networks of a field. Who works with whom (the co-author graph: a map of communities,
 * a community's members, the whole network as regions), and VOSviewer-style co-occurrence maps of
 * terms, keywords, institutions and countries (`?net=terms`), and the citation views: the
 * direct-citation network with its clusters, bibliographic coupling, co-citation of references and
 * the historiograph. Layouts are precomputed by the pipeline; the page says plainly how many papers
 * carry author names, and a corpus without references why it has no citation views.
 */
import Link from 'next/link';
import type { Metadata } from 'next';
import {
  readCitationNetwork,
  readCitationSummary,
  readCommunityMap,
  readCooccurrenceKinds,
  readCooccurrenceMap,
  readGraphSummary,
  readHistoriograph,
  readOrExplain,
  type CitationSummary,
  type CooccurrenceMapKind,
} from '@/lib/store/read';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { parseCitationViewState } from '@/lib/viz/citation-view';
import { parseCooccurrenceState, parseGraphNet, parseGraphState } from '@/lib/viz/graph-state';
import { NoReferences } from '../components/citations/Foundations';
import { DataTable } from '../components/DataTable';
import { NoBuild } from '../components/NoBuild';
import { CitationNetworkExplorer } from '../components/viz/CitationNetworkExplorer';
import { CoauthorGraphExplorer } from '../components/viz/CoauthorGraphExplorer';
import { CooccurrenceExplorer } from '../components/viz/CooccurrenceExplorer';
import { HistoriographChart } from '../components/charts/HistoriographChart';
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

/** The citation views, always offered: a corpus without references gets an empty state that says why. */
const CITATION_VIEWS = [
  ['citations', 'Direct citation'],
  ['coupling', 'Coupling'],
  ['cocitation', 'Co-citation of references'],
  ['historiograph', 'Historiograph'],
] as const;

const CITATION_TITLES: Record<(typeof CITATION_VIEWS)[number][0], string> = {
  citations: 'Direct-citation network',
  coupling: 'Bibliographic coupling map',
  cocitation: 'Co-citation map',
  historiograph: 'Historiograph',
};

/** The networks this build offers, as links that keep nothing of another network's view: the
 * networks of people and words, then the citation views as one group. */
function NetworkNav({ current, kinds }: { current: string; kinds: readonly CooccurrenceMapKind[] }) {
  const link = (net: string, text: string) => (
    <Link
      key={net}
      href={net === 'coauthors' ? '/graph' : `/graph?net=${net}`}
      aria-current={net === current ? 'page' : undefined}
      className={net === current ? 'btn btn-primary' : 'btn'}
    >
      {text}
    </Link>
  );
  const general = (['coauthors', ...kinds] as const).filter((net) => net !== 'cocitation' && net !== 'coupling');
  return (
    <nav className={styles.networkNav} aria-label="Network" data-testid="network-nav">
      <div className={styles.segmented} role="group" aria-label="Networks of people and words">
        {general.map((net) => link(net, NETWORK_NAMES[net]))}
      </div>
      <div className={styles.segmented} role="group" aria-label="Citations" data-testid="citation-nav">
        <span className={styles.hint}>Citations:</span>
        {CITATION_VIEWS.map(([net, text]) => link(net, text))}
      </div>
    </nav>
  );
}

/** What a citation view shows when the corpus has no reference lists, or none that link its papers. */
function NoCitationView({
  summary,
  what,
}: {
  summary: CitationSummary;
  what: 'map' | 'citation network' | 'historiograph';
}) {
  if (summary.papersWithReferences === 0) return <NoReferences />;
  const why = {
    map: 'too few references are shared by two papers or more',
    'citation network': `they make ${formatPlural(summary.citations, 'citation')} between papers of this corpus, and neither those nor shared references join 5 papers or more into a cluster`,
    historiograph: 'none of them is a paper of this corpus with a year',
  }[what];
  return (
    <p className="muted" data-testid="no-citation-view">
      No {what} to draw: {formatCount(summary.papersWithReferences)} of {formatCount(summary.papers)} papers list
      references, but {why}. A reference is a paper of the corpus when it resolves to one by DOI, identifier or
      author-year-volume-page.
    </p>
  );
}

export default async function GraphPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const net = parseGraphNet(params);
  if (net === 'citations' || net === 'historiograph') return <CitationView net={net} params={params} />;
  if (net !== 'coauthors') {
    const kind = net;
    const found = readOrExplain(() => ({
      kinds: readCooccurrenceKinds(),
      map: readCooccurrenceMap(kind),
      citations: readCitationSummary(),
    }));
    if (!found.ok) return <NoBuild problem={found.problem} />;
    const { item } = parseCooccurrenceState(params);
    return (
      <div className="page-wide">
        <h1>{kind === 'cocitation' || kind === 'coupling' ? CITATION_TITLES[kind] : `${NETWORK_NAMES[kind]} map`}</h1>
        <NetworkNav current={kind} kinds={found.value.kinds} />
        {found.value.map ? (
          <CooccurrenceExplorer key={kind} data={found.value.map} initialItem={item} />
        ) : kind === 'cocitation' || kind === 'coupling' ? (
          <NoCitationView summary={found.value.citations} what="map" />
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

/** The direct-citation network or the historiograph, or the empty state that says why there is none. */
function CitationView({
  net,
  params,
}: {
  net: 'citations' | 'historiograph';
  params: Record<string, string | string[] | undefined>;
}) {
  const found = readOrExplain(() => ({
    kinds: readCooccurrenceKinds(),
    summary: readCitationSummary(),
    network: net === 'citations' ? readCitationNetwork() : null,
    history: net === 'historiograph' ? readHistoriograph() : null,
  }));
  if (!found.ok) return <NoBuild problem={found.problem} />;
  const { kinds, summary, network, history } = found.value;
  return (
    <div className="page-wide">
      <h1>{CITATION_TITLES[net]}</h1>
      <NetworkNav current={net} kinds={kinds} />
      {net === 'citations' ? (
        network ? (
          <CitationNetworkExplorer data={network} initial={parseCitationViewState(params)} />
        ) : (
          <NoCitationView summary={summary} what="citation network" />
        )
      ) : history && history.papers.length > 0 ? (
        <>
          <p className="muted" data-testid="historiograph-status">
            The {formatCount(history.papers.length)} papers this corpus cites most (of {formatCount(summary.citations)}{' '}
            citations inside it), by year, with the citations among them: the field&rsquo;s chronological backbone, as
            bibliometrix&rsquo;s historiograph draws it. Size is citations from the corpus; click a paper to open it.
            {history.undated > 0 && ` ${formatCount(history.undated)} cited papers without a year are left out.`}{' '}
            <a href="/api/citations/historiograph?format=csv" download>
              CSV
            </a>
          </p>
          <HistoriographChart data={history} />
          <DataTable
            caption="The historiograph's papers, most locally cited first"
            columns={[
              { label: 'Paper' },
              { label: 'Year', numeric: true },
              { label: 'Cited here', numeric: true },
              { label: 'Cited in all', numeric: true },
              { label: 'Cites (of these)' },
            ]}
            rows={history.papers.map((p, i) => [
              <Link key={p.id} href={`/papers/${p.id}`}>
                {p.name}: {p.title}
              </Link>,
              p.year,
              formatCount(p.local),
              p.global !== null ? formatCount(p.global) : '',
              history.links
                .filter((l) => l.citing === i)
                .map((l) => history.papers[l.cited].name)
                .join(', '),
            ])}
          />
        </>
      ) : (
        <NoCitationView summary={summary} what="historiograph" />
      )}
    </div>
  );
}
