/** The authors of each topic: who wrote most of its papers. */

/** Authors kept per topic in topic_authors (the topic page lists 12). */
export const TOPIC_AUTHORS_KEPT = 20;

/**
 * The authors with most papers in each topic, most first, at most `keep` per topic; ties by name
 * in SQLite's BINARY order (UTF-8 bytes), then by id. `paperAuthors[p]` are the author ids of the
 * paper at index p, `paperTopics[p]` its topic (-1: none).
 */
export function rankTopicAuthors(
  paperTopics: ArrayLike<number>,
  paperAuthors: readonly ArrayLike<number>[],
  topicCount: number,
  nameOf: (author: number) => string,
  keep: number,
): { author: number; papers: number }[][] {
  const counts = Array.from({ length: topicCount }, () => new Map<number, number>());
  for (let p = 0; p < paperAuthors.length; p++) {
    if (paperTopics[p] < 0) continue;
    const topic = counts[paperTopics[p]];
    const authors = paperAuthors[p];
    for (let i = 0; i < authors.length; i++) topic.set(authors[i], (topic.get(authors[i]) ?? 0) + 1);
  }
  return counts.map((topic) => {
    // Only authors with at least the keep-th largest count can make the list: names are looked up
    // and compared for those few, not for the tens of thousands with a paper or two.
    const authorsWithCount = new Map<number, number>();
    for (const n of topic.values()) authorsWithCount.set(n, (authorsWithCount.get(n) ?? 0) + 1);
    let threshold = 0;
    let atOrAbove = 0;
    for (const n of [...authorsWithCount.keys()].sort((a, b) => b - a)) {
      threshold = n;
      atOrAbove += authorsWithCount.get(n)!;
      if (atOrAbove >= keep) break;
    }
    const candidates: { author: number; papers: number; name: Buffer }[] = [];
    for (const [author, papers] of topic) {
      if (papers >= threshold) candidates.push({ author, papers, name: Buffer.from(nameOf(author)) });
    }
    candidates.sort((a, b) => b.papers - a.papers || Buffer.compare(a.name, b.name) || a.author - b.author);
    return candidates.slice(0, keep).map(({ author, papers }) => ({ author, papers }));
  });
}
