/**
 * The quality report of a build: the model's figures (silhouette, coherence, diversity, agreement
 * with labels, neighbour accuracies, map neighbour preservation, outliers), how k was chosen, each
 * topic's coherence, and how many topics were split into sub-topics.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { parseTopicMethod, readBuildInfo, type BuildInfo, type TopicMethodInfo } from './build';
import { listSources, type SourceFile } from './overview';
import { selectAll, selectOne } from './statements';

/** One row of the quality table; value null when the figure does not apply (e.g. ARI without labels). */
export interface QualityMetric {
  metric: string;
  value: number | null;
  note: string | null;
}

export interface QualityReport {
  build: BuildInfo;
  /** Which method made the topics and why (null for an older build). */
  topicMethod: TopicMethodInfo | null;
  /** By metric name. */
  metrics: Record<string, QualityMetric>;
  /** Silhouette per candidate k, by k. */
  kScores: { k: number; silhouette: number; chosen: boolean }[];
  chosenK: number | null;
  /** Every topic with its coherence, by id. */
  topics: { id: number; label: string; size: number; coherence: number | null }[];
  /** How many topics were split into sub-topics, and into how many parts in all. */
  subtopics: { topics: number; parts: number };
  sources: SourceFile[];
  /** Rejected records per reason over all files. */
  rejectedByReason: { reason: string; records: number }[];
}

/** The quality page. */
export function readQualityReport(db: Database.Database = openBuild()): QualityReport {
  const metrics = Object.fromEntries(
    selectAll<QualityMetric>(db, 'SELECT metric, value, note FROM quality ORDER BY metric').map((m) => [m.metric, m]),
  );
  const kScores = selectAll<{ k: number; silhouette: number; chosen: number }>(
    db,
    'SELECT k, silhouette, chosen FROM k_scores ORDER BY k',
  ).map((r) => ({ k: r.k, silhouette: r.silhouette, chosen: r.chosen === 1 }));
  const build = readBuildInfo(db);
  return {
    build,
    topicMethod: parseTopicMethod(build.meta),
    metrics,
    kScores,
    chosenK: kScores.find((k) => k.chosen)?.k ?? null,
    topics: selectAll<{ id: number; label: string; size: number; coherence: number | null }>(
      db,
      'SELECT id, label, size, coherence FROM topics ORDER BY id',
    ),
    subtopics: selectOne<{ topics: number; parts: number }>(
      db,
      'SELECT COUNT(DISTINCT topic_id) AS topics, COUNT(*) AS parts FROM subtopics',
    ) ?? { topics: 0, parts: 0 },
    sources: listSources(db),
    rejectedByReason: selectAll<{ reason: string; records: number }>(
      db,
      'SELECT reason, COUNT(*) AS records FROM rejected_records GROUP BY reason ORDER BY records DESC, reason',
    ),
  };
}
