import { describe, expect, it } from 'vitest';
import { countTopicTerms } from '../../lib/model/topic-term-counts';
import type { TopicModel } from '../../lib/model/types';

describe('countTopicTerms', () => {
  it("counts each topic's listed terms in its own papers only, repeats included", () => {
    const model = {
      topics: [{ terms: [{ termId: 4 }, { termId: 1 }] }, { terms: [{ termId: 1 }] }],
      corpus: { docs: [Int32Array.of(4, 4, 1, 2), Int32Array.of(1, 1, 4), Int32Array.of(1, 3)] },
      papers: { topic: Int32Array.of(0, 1, 0) },
    } as unknown as TopicModel;
    // Topic 0: papers 0 and 2 (term 4 twice, term 1 twice); topic 1: paper 1 (term 1 twice).
    expect(countTopicTerms(model)).toEqual([[2, 2], [2]]);
  });
});
