/**
 * What names a community on the map: its papers (those with at least one member), its main topic
 * and the share of its papers in it, and its best-known members (most papers).
 */

/** Facts of one community. */
export interface CommunityFacts {
  /** Papers with at least one member. */
  papers: number;
  /** The topic most of those papers are in (null before topics exist or when none has one). */
  topic: number | null;
  /** Share of the community's papers in `topic`. */
  topicShare: number;
  /** Up to three member ids, most papers first (ties: most co-authors, then id). */
  topAuthors: number[];
}

/** Facts of every community; `paperTopics[p]` is paper p's topic or -1 (null: no topics). */
export function describeCommunities(
  communityOf: Int32Array,
  communityCount: number,
  paperAuthors: readonly Int32Array[],
  paperTopics: Int32Array | null,
  paperCount: Int32Array,
  degree: (author: number) => number,
): CommunityFacts[] {
  const papers = new Int32Array(communityCount);
  const topicCounts = new Map<number, number>();
  let topicLimit = 0;
  if (paperTopics) for (let p = 0; p < paperTopics.length; p++) topicLimit = Math.max(topicLimit, paperTopics[p] + 1);
  const seen: number[] = [];
  for (let p = 0; p < paperAuthors.length; p++) {
    const ids = paperAuthors[p];
    seen.length = 0;
    for (let i = 0; i < ids.length; i++) {
      const c = communityOf[ids[i]];
      if (c < 0 || seen.includes(c)) continue;
      seen.push(c);
      papers[c]++;
      const t = paperTopics ? paperTopics[p] : -1;
      if (t >= 0) {
        const key = c * topicLimit + t;
        topicCounts.set(key, (topicCounts.get(key) ?? 0) + 1);
      }
    }
  }
  const bestTopic = new Int32Array(communityCount).fill(-1);
  const bestCount = new Int32Array(communityCount);
  for (const [key, count] of topicCounts) {
    const c = Math.floor(key / topicLimit);
    const t = key - c * topicLimit;
    if (count > bestCount[c] || (count === bestCount[c] && t < bestTopic[c])) {
      bestCount[c] = count;
      bestTopic[c] = t;
    }
  }
  // The three best-known members of each community, kept in one pass over the authors.
  const top: number[][] = Array.from({ length: communityCount }, () => []);
  const better = (a: number, b: number) => paperCount[a] - paperCount[b] || degree(a) - degree(b) || b - a;
  for (let a = 0; a < communityOf.length; a++) {
    const c = communityOf[a];
    if (c < 0) continue;
    const list = top[c];
    if (list.length < 3) list.push(a);
    else if (better(a, list[2]) > 0) list[2] = a;
    else continue;
    list.sort((x, y) => better(y, x));
  }
  return Array.from({ length: communityCount }, (_, c) => ({
    papers: papers[c],
    topic: bestTopic[c] >= 0 ? bestTopic[c] : null,
    topicShare: papers[c] > 0 ? Math.round((bestCount[c] / papers[c]) * 1e4) / 1e4 : 0,
    topAuthors: top[c],
  }));
}
