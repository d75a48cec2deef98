import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { connection } from 'next/server';
import { NoBuild } from '../../components/NoBuild';
import { firstParam, parseNumberIn, parseRouteId, type SearchParamsRecord } from '@/lib/viz/url-state';
import {
  readTopic,
  readCitationSummary,
  readMostCitedPapers,
  readOrExplain,
  readTopicReferences,
} from '@/lib/store/read';
import { TopicCitations } from '../../components/citations/TopicCitations';
import { TopicOutliers } from '../../components/topic/TopicOutliers';
import { TopicSubtopics } from '../../components/topic/TopicSubtopics';
import { RelatedTopics } from '../../components/topic/RelatedTopics';
import { TopicHeader } from '../../components/topic/TopicHeader';
import { TopicOverTime } from '../../components/topic/TopicOverTime';
import { RepresentativePapers, TopicAuthors } from '../../components/topic/TopicPapers';
import { TopicTerms } from '../../components/topic/TopicTerms';
import { topicColor } from '@/lib/viz/palette';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

// The metadata and the page ask for the same topic: read it once per request.
const loadTopic = cache((id: number) => readOrExplain(() => readTopic(id)));
const readCitations = cache((id: number) =>
  readOrExplain(() => ({
    summary: readCitationSummary(),
    papers: readMostCitedPapers({ topic: id, limit: 8 }),
    references: readTopicReferences(id, 8),
  })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  if (id == null) return { title: 'Topic' };
  const result = loadTopic(id);
  return { title: result.ok && result.value ? result.value.topic.label : `Topic ${id}` };
}

export default async function TopicPage({ params, searchParams }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const lambda = parseNumberIn(firstParam(await searchParams, 'lambda'), 0, 1) ?? null;
  const result = loadTopic(id);
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const detail = result.value;
  if (!detail) notFound();
  const { topic } = detail;
  const citations = readCitations(id);
  const color = topicColor(topic.id);
  return (
    <div className="page">
      <TopicHeader topic={topic} color={color} />

      <div className="grid-2">
        <TopicTerms detail={detail} color={color} lambda={lambda} />
        <div className="stack">
          <TopicOverTime detail={detail} />
          <RelatedTopics related={detail.related} />
        </div>
      </div>

      <div className="grid-2 section" style={{ alignItems: 'start' }}>
        <TopicSubtopics
          topicId={topic.id}
          topicSize={topic.size}
          subtopics={detail.subtopics}
          minPapers={detail.subtopicMinPapers}
          color={color}
        />
        <TopicOutliers outliers={detail.outliers} topicSize={topic.size} />
      </div>

      <div className="grid-main-aside section">
        <RepresentativePapers detail={detail} />
        <TopicAuthors authors={detail.topAuthors} color={color} />
      </div>
      {citations.ok && (
        <TopicCitations
          summary={citations.value.summary}
          papers={citations.value.papers}
          references={citations.value.references}
        />
      )}
    </div>
  );
}
