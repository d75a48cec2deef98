import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NoBuild } from '../components/NoBuild';
import { TopicTree } from '../components/TopicTree';
import { TopicMethodNote } from '../components/topic/TopicMethodNote';
import { firstParam, type SearchParamsRecord } from '@/lib/viz/url-state';
import { readTopicMethod, readTopicTree, listTopics, readOrExplain, type TopicSummary } from '@/lib/store/read';
import { formatCount, formatDecimal, formatShare } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { maxOf } from '@/lib/viz/extent';

export const metadata: Metadata = { title: 'Topics' };

const SORTS = {
  size: { label: 'Size', compare: (a: TopicSummary, b: TopicSummary) => b.size - a.size || a.id - b.id },
  coherence: {
    label: 'Coherence',
    compare: (a: TopicSummary, b: TopicSummary) =>
      (b.coherence ?? -Infinity) - (a.coherence ?? -Infinity) || a.id - b.id,
  },
  id: { label: 'Number', compare: (a: TopicSummary, b: TopicSummary) => a.id - b.id },
} as const;

type SortKey = keyof typeof SORTS;

export default async function TopicsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await connection();
  const params = await searchParams;
  const sortParam = firstParam(params, 'sort');
  const sort: SortKey = sortParam === 'coherence' || sortParam === 'id' ? sortParam : 'size';
  const result = readOrExplain(() => ({ topics: listTopics(), tree: readTopicTree(), method: readTopicMethod() }));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const { tree, method } = result.value;
  const topics = [...result.value.topics].sort(SORTS[sort].compare);
  const maxSize = maxOf(
    topics.map((t) => t.size),
    1,
  );
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Topics</span>
        <h1>{topics.length} topics</h1>
        <p className="lede">
          Each paper belongs to one topic, found by clustering the papers&apos;{' '}
          {method?.cluster === 'hybrid' ? 'text and the citations between them' : 'text'}. A topic is named after its
          most distinctive terms.
        </p>
        <TopicMethodNote method={method} />
      </header>
      <div className="grid-main-aside">
        <section className="card" aria-labelledby="topic-list">
          <div className="card-header">
            <h2 id="topic-list">All topics</h2>
            <nav className="cluster" aria-label="Sort topics">
              <span className="subtle">Sort by</span>
              {(Object.keys(SORTS) as SortKey[]).map((key) => (
                <Link
                  key={key}
                  href={key === 'size' ? '/topics' : `/topics?sort=${key}`}
                  className="chip"
                  aria-current={key === sort ? 'true' : undefined}
                >
                  {SORTS[key].label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col" className="num">
                    Papers
                  </th>
                  <th scope="col">Top terms</th>
                  <th scope="col" className="num" title="NPMI of the top ten terms: higher means they co-occur more">
                    Coherence
                  </th>
                </tr>
              </thead>
              <tbody>
                {topics.map((t) => (
                  <tr key={t.id}>
                    <td style={{ minWidth: 200 }}>
                      <Link href={`/topics/${t.id}`} className="cluster" style={{ flexWrap: 'nowrap' }}>
                        <span className="swatch" style={{ background: topicColor(t.id) }} aria-hidden="true" />
                        <span>{t.label}</span>
                      </Link>
                    </td>
                    <td className="num" style={{ minWidth: 110 }}>
                      {formatCount(t.size)} <span className="subtle">({formatShare(t.share)})</span>
                      <div className="bar-list" aria-hidden="true">
                        <div className="bar-track" style={{ marginTop: 4 }}>
                          <div
                            className="bar-fill"
                            style={{ width: `${(t.size / maxSize) * 100}%`, background: topicColor(t.id) }}
                          />
                        </div>
                      </div>
                    </td>
                    <td className="muted">{t.topTerms.join(', ')}</td>
                    <td className="num">{formatDecimal(t.coherence, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <aside className="card" aria-labelledby="tree-title">
          <h2 id="tree-title" className="card-title">
            Topic tree
          </h2>
          <p className="subtle">Topics merged by the similarity of their centroids; similar topics share a branch.</p>
          {tree ? <TopicTree root={tree} /> : <p className="muted">This build has no topic tree.</p>}
        </aside>
      </div>
    </div>
  );
}
