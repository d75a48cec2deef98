/**
 * A topic's top authors, on hand-worked examples. (The table itself is checked through the read
 * module on a real build in tests/store/read.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { rankTopicAuthors } from '../../lib/graph/topic-authors';

describe('rankTopicAuthors', () => {
  // Author 1 and 4 share a name; 'Émile' starts with a two-byte UTF-8 character, so in SQLite's
  // BINARY order it comes after every ASCII name, lower case included.
  const names = ['Zoe', 'Émile', 'adam', 'Zoe', 'Bob'];
  const nameOf = (author: number) => names[author - 1];
  const paperTopics = [0, 0, 0, 0, 1, 0, 1];
  const paperAuthors = [[1, 2], [2, 3], [1, 4], [3], [4], [5], [1]];

  it('ranks by papers, then by name as UTF-8 bytes, then by id', () => {
    // Topic 0: authors 1, 2, 3 on two papers each, 4 and 5 on one; topic 1: authors 4 and 1 on one each.
    expect(rankTopicAuthors(paperTopics, paperAuthors, 3, nameOf, 10)).toEqual([
      [
        { author: 1, papers: 2 },
        { author: 3, papers: 2 },
        { author: 2, papers: 2 },
        { author: 5, papers: 1 },
        { author: 4, papers: 1 },
      ],
      [
        { author: 1, papers: 1 },
        { author: 4, papers: 1 },
      ],
      [],
    ]);
  });

  it('keeps the first few, cutting through a tie where the list ends', () => {
    const kept = rankTopicAuthors(paperTopics, paperAuthors, 2, nameOf, 2);
    expect(kept[0]).toEqual([
      { author: 1, papers: 2 },
      { author: 3, papers: 2 },
    ]);
    expect(rankTopicAuthors(paperTopics, paperAuthors, 2, nameOf, 4)[0].map((a) => a.author)).toEqual([1, 3, 2, 5]);
  });

  it('looks up names only for authors who can make the list', () => {
    const asked: number[] = [];
    rankTopicAuthors(paperTopics, paperAuthors, 2, (author) => (asked.push(author), nameOf(author)), 3);
    // Topic 0 needs only its three authors with two papers; topic 1 has two authors, both needed.
    expect(asked.sort()).toEqual([1, 1, 2, 3, 4]);
  });
});
