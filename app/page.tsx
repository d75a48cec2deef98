import type { Metadata } from 'next';
import { connection } from 'next/server';
import {
  readOverview,
  readCitationSummary,
  readFoundations,
  readMostCitedByPeriod,
  readMostCitedPapers,
  readOrExplain,
} from '@/lib/store/read';
import { NoBuild } from './components/NoBuild';
import { Foundations } from './components/citations/Foundations';
import { ConnectedAuthors } from './components/overview/ConnectedAuthors';
import { ExploreLinks } from './components/overview/ExploreLinks';
import { OverviewHeader } from './components/overview/OverviewHeader';
import { PapersPerYear } from './components/overview/PapersPerYear';
import { RisingTerms } from './components/overview/RisingTerms';
import { SourcesTable } from './components/overview/SourcesTable';
import { TopicsBySize } from './components/overview/TopicsBySize';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await connection();
  const result = readOrExplain(() => ({
    overview: readOverview(),
    citations: readCitationSummary(),
    citedPapers: readMostCitedPapers({ limit: 10 }),
    foundations: readFoundations(10),
    citedByPeriod: readMostCitedByPeriod({ perPeriod: 3 }),
  }));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const o = result.value.overview;
  const { citations, citedPapers, foundations, citedByPeriod } = result.value;
  return (
    <div className="page">
      <OverviewHeader o={o} />

      <div className="grid-2 section">
        <TopicsBySize topics={o.topics} />
        <div className="stack">
          <PapersPerYear papersPerYear={o.papersPerYear} />
          <RisingTerms risingTerms={o.risingTerms} />
        </div>
      </div>

      <div className="grid-2 section">
        <ConnectedAuthors authors={o.topAuthors} />
        <ExploreLinks />
      </div>

      <Foundations summary={citations} papers={citedPapers} references={foundations} byPeriod={citedByPeriod} />
      <SourcesTable sources={o.sources} />
    </div>
  );
}
