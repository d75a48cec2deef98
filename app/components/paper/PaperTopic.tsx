import Link from 'next/link';
import type { PaperDetail, PaperMapSample } from '@/lib/store/read/papers';
import { formatDecimal } from '@/lib/viz/format';
import { EMPTY_MAP_STATE, formatMapState } from '@/lib/viz/map-state';
import { topicColor } from '@/lib/viz/palette';
import { PaperMapThumbnail } from '../viz/map/PaperMapThumbnail';
import { PaperMembership } from '../topic/PaperMembership';

/** The paper's topic, its membership of the others, and where it sits on the map. */
export function PaperTopic({ paper, sample }: { paper: PaperDetail; sample: PaperMapSample | null }) {
  return (
    <section className="card" aria-labelledby="topic-title">
      <h2 id="topic-title" className="card-title">
        Topic
      </h2>
      {paper.topic ? (
        <>
          <Link href={`/topics/${paper.topic.id}`} className="cluster" style={{ fontWeight: 600 }}>
            <span className="swatch" style={{ background: topicColor(paper.topic.id) }} aria-hidden="true" />
            {paper.topic.label}
          </Link>
          <p className="subtle" style={{ marginTop: 6 }}>
            Assignment confidence {formatDecimal(paper.topic.confidence, 2)}
          </p>
          <PaperMembership
            topic={paper.topic}
            memberships={paper.memberships}
            subtopic={paper.subtopic}
            outlier={paper.outlier}
          />
        </>
      ) : (
        <p className="muted">Not assigned to a topic.</p>
      )}
      {paper.position && sample && (
        <Link
          href={`/map?${formatMapState({ ...EMPTY_MAP_STATE, topics: paper.topic ? [paper.topic.id] : [] })}`}
          aria-label="Open the topic map"
        >
          <PaperMapThumbnail
            sample={sample}
            highlight={paper.position}
            highlightTopic={paper.topic?.id ?? null}
            label={`Where this paper sits on the topic map, among ${sample.points.length} of ${sample.total} papers`}
          />
        </Link>
      )}
    </section>
  );
}
