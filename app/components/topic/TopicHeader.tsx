import Link from 'next/link';
import type { TopicDetail } from '@/lib/store/read/topics';
import { formatDecimal, formatPlural, formatShare } from '@/lib/viz/format';
import { EMPTY_MAP_STATE, formatMapState } from '@/lib/viz/map-state';

/** The topic's label, size and coherence, with links to its papers and to the map. */
export function TopicHeader({ topic, color }: { topic: TopicDetail['topic']; color: string }) {
  return (
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
  );
}
