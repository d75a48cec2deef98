import type { TopicSeries } from './types';

/** Dated papers per topic per period, and as a share of the period's papers. */
export function buildTopicSeries(
  paperTopics: Int32Array,
  topicCount: number,
  periodOf: Int32Array,
  periodPapers: ArrayLike<number>,
): TopicSeries {
  const periodCount = periodPapers.length;
  const counts = new Int32Array(topicCount * periodCount);
  for (let d = 0; d < paperTopics.length; d++) {
    const p = periodOf[d];
    const topic = paperTopics[d];
    if (p < 0 || topic < 0 || topic >= topicCount) continue;
    counts[topic * periodCount + p]++;
  }
  const shares = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const papers = periodPapers[i % periodCount];
    shares[i] = papers > 0 ? counts[i] / papers : 0;
  }
  return { counts, shares };
}
