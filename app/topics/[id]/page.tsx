import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { connection } from 'next/server';
import { DataTable } from '../../components/DataTable';
import { ExportChart } from '../../components/ExportChart';
import { NoBuild } from '../../components/NoBuild';
import { PaperItem } from '../../components/PaperItem';
import { TopicTermChart } from '../../components/TopicTermChart';
import { LineChart } from '../../components/charts/LineChart';
import { firstParam, parseNumberIn, parseRouteId, type SearchParamsRecord } from '@/lib/viz/url-state';
import {
  getTopic,
  readCitationSummary,
  readMostCitedPapers,
  readOrExplain,
  readTopicReferences,
} from '@/lib/store/read';
import { TopicCitations } from '../../components/citations/TopicCitations';
import { TopicOutliers } from '../../components/topic/TopicOutliers';
import { TopicSubtopics } from '../../components/topic/TopicSubtopics';
import { formatCount, formatDecimal, formatPeriod, formatPlural, formatShare } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { EMPTY_MAP_STATE, formatMapState } from '@/lib/viz/map-state';
import { maxOf } from '@/lib/viz/extent';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

// The metadata and the page ask for the same topic: read it once per request.
const readTopic = cache((id: number) => readOrExplain(() => getTopic(id)));
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
  const result = readTopic(id);
  return { title: result.ok && result.value ? result.value.topic.label : `Topic ${id}` };
}

export default async function TopicPage({ params, searchParams }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const lambda = parseNumberIn(firstParam(await searchParams, 'lambda'), 0, 1) ?? null;
  const result = readTopic(id);
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const detail = result.value;
  if (!detail) notFound();
  const { topic } = detail;
  const citations = readCitations(id);
  const color = topicColor(topic.id);
  const maxSimilarity = maxOf(
    detail.related.map((r) => r.similarity),
    1e-9,
  );
  const maxAuthor = maxOf(
    detail.topAuthors.map((a) => a.papers),
    1,
  );
  const hasPeriods = detail.periods.some((p) => p.papers > 0);
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow cluster" style={{ gap: 6 }}>
          <span className="swatch" style={{ background: color }} aria-hidden="true" />
          <Link href="/topics">Topics</Link> / Topic {topic.id}
        </span>
        <h1>{topic.label}</h1>
        <p className="lede">
          {formatPlural(topic.size, 'paper')} ({formatShare(topic.share)} of the corpus)
          {topic.coherence != null && <> · coherence {formatDecimal(topic.coherence, 3)}</>}
        </p>
        <div className="cluster">
          <Link className="btn" href={`/search?topic=${topic.id}`}>
            Search in this topic
          </Link>
          <Link className="btn" href={`/map?${formatMapState({ ...EMPTY_MAP_STATE, topics: [topic.id] })}`}>
            Show on the map
          </Link>
        </div>
      </header>

      <div className="grid-2">
        <section className="card" aria-labelledby="terms-title">
          <h2 id="terms-title" className="card-title">
            Terms
          </h2>
          {detail.terms.length > 0 ? (
            <TopicTermChart
              terms={detail.terms}
              color={color}
              initialLambda={lambda}
              topicId={topic.id}
              topicLabel={topic.label}
            />
          ) : (
            <p className="muted">No terms stored for this topic.</p>
          )}
          <p className="subtle" style={{ marginTop: 12 }}>
            Bars show c-TF-IDF weight (how distinctive a term is of this topic). Relevance re-orders them as in LDAvis:
            λ·log p(w|t) + (1−λ)·log(p(w|t)/p(w)). Here p(w|t) is a term&apos;s count over the counts of the
            topic&apos;s stored top terms, and p(w) its document frequency over {formatCount(detail.corpusPapers)}{' '}
            papers: an approximation of the token probabilities LDAvis uses.
          </p>
        </section>

        <div className="stack">
          <section className="card" aria-labelledby="share-title">
            <div className="card-header">
              <h2 id="share-title">Share of papers over time</h2>
            </div>
            {hasPeriods ? (
              <>
                <ExportChart filename={`topic-${topic.id}-share`} label="topic share chart">
                  <LineChart
                    title={`Share of each period's papers in ${topic.label}`}
                    points={detail.periods.map((p) => ({ x: formatPeriod(p.period), y: p.share }))}
                    filled
                    formatY={(v) => formatShare(v, 0)}
                    height={200}
                  />
                </ExportChart>
                <DataTable
                  caption={`Share of papers in ${topic.label} per period`}
                  columns={[{ label: 'Period' }, { label: 'Papers', numeric: true }, { label: 'Share', numeric: true }]}
                  rows={detail.periods.map((p) => [
                    formatPeriod(p.period),
                    formatCount(p.papers),
                    formatShare(p.share),
                  ])}
                />
              </>
            ) : (
              <p className="muted">No dated papers in this topic.</p>
            )}
          </section>

          <section className="card" aria-labelledby="related-title">
            <h2 id="related-title" className="card-title">
              Related topics
            </h2>
            {detail.related.length === 0 ? (
              <p className="muted">No related topics.</p>
            ) : (
              <ol className="bar-list">
                {detail.related.map((r) => (
                  <li key={r.id}>
                    <Link href={`/topics/${r.id}`}>
                      <span className="bar-label">
                        <span className="swatch" style={{ background: topicColor(r.id) }} aria-hidden="true" />
                        <span>{r.label}</span>
                      </span>
                      <span className="bar-value" title="Cosine similarity of the topic centroids">
                        {formatDecimal(r.similarity, 2)}
                      </span>
                      <span className="bar-track" aria-hidden="true">
                        <span
                          className="bar-fill"
                          style={{
                            display: 'block',
                            width: `${(Math.max(0, r.similarity) / maxSimilarity) * 100}%`,
                            background: topicColor(r.id),
                          }}
                        />
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
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
        <section className="card" aria-labelledby="reps-title">
          <div className="card-header">
            <h2 id="reps-title">Representative papers</h2>
            <Link href={`/search?topic=${topic.id}`} className="subtle">
              All {formatCount(topic.size)} papers →
            </Link>
          </div>
          {detail.representatives.length === 0 ? (
            <p className="muted">None stored.</p>
          ) : (
            <ul className="paper-list">
              {detail.representatives.map((p) => (
                <PaperItem key={p.id} paper={p} showTopic={false} />
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="authors-title">
          <h2 id="authors-title" className="card-title">
            Top authors
          </h2>
          {detail.topAuthors.length === 0 ? (
            <p className="muted">No named authors in this topic.</p>
          ) : (
            <ol className="bar-list">
              {detail.topAuthors.map((a) => (
                <li key={a.id}>
                  <Link href={`/authors/${a.id}`}>
                    <span className="bar-label">
                      <span>{a.name}</span>
                    </span>
                    <span className="bar-value">{formatPlural(a.papers, 'paper')}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span
                        className="bar-fill"
                        style={{ display: 'block', width: `${(a.papers / maxAuthor) * 100}%`, background: color }}
                      />
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
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
