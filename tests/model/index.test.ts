import { describe, expect, it } from 'vitest';
import { buildTopicModel } from '../../lib/model/index';
import { threeTopicOptions, threeTopicPapers } from './three-topics';

const papers = threeTopicPapers;
const options = threeTopicOptions;

describe('buildTopicModel on three obvious topics', () => {
  const stages: string[] = [];
  const model = buildTopicModel(papers, options, (stage) => {
    if (stages.at(-1) !== stage) stages.push(stage);
  });

  it('finds the three topics with fitting labels', () => {
    expect(model.topics.map((t) => t.size)).toEqual([15, 15, 15]);
    expect(model.quality.ari).toBe(1);
    expect(model.quality.nmi).toBeCloseTo(1, 12);
    const words: Record<string, string[]> = {
      cooking: [
        'recipe',
        'oven',
        'garlic',
        'flour',
        'baking',
        'sauce',
        'onions',
        'dough',
        'kitchen',
        'simmer',
        'butter',
        'roast',
        'cooks',
        'home',
      ],
      football: [
        'goalkeeper',
        'striker',
        'penalty',
        'midfield',
        'league',
        'coach',
        'stadium',
        'tackle',
        'referee',
        'match',
        'goal',
        'defenders',
        'tactics',
        'modern',
        'play',
      ],
      astronomy: [
        'telescope',
        'galaxy',
        'orbit',
        'nebula',
        'stars',
        'planet',
        'comet',
        'eclipse',
        'spectrum',
        'supernova',
        'moon',
        'observatory',
        'survey',
        'observing',
      ],
    };
    for (const topic of model.topics) {
      const label = papers[topic.representatives[0]].label as string;
      const parts = topic.label.split(', ');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      for (const part of parts) for (const w of part.split(' ')) expect(words[label]).toContain(w);
      // Every member shares the representative's label.
      model.papers.topic.forEach((t, i) => {
        if (t === topic.id) expect(papers[i].label).toBe(label);
      });
      expect(topic.terms.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('reports stages, the tree, neighbours and the map', () => {
    expect(stages).toEqual(['tokens', 'tfidf', 'lsa', 'neighbours', 'smooth', 'topics', 'labels', 'map', 'quality']);
    expect(model.tree).toHaveLength(5);
    expect(model.tree[4].parent).toBe(-1);
    expect(model.papers.similar).toHaveLength(45 * 5);
    // Similar papers mostly share the topic.
    let same = 0;
    model.papers.similar.forEach((j, p) => {
      if (model.papers.topic[j] === model.papers.topic[Math.floor(p / 5)]) same++;
    });
    expect(same / model.papers.similar.length).toBeGreaterThan(0.9);
    for (const c of model.papers.confidence) expect(c >= 0 && c <= 1).toBe(true);
    expect(model.quality.neighbourRecall).toBeGreaterThan(0.9);
    expect(model.kSelection).toMatchObject({ mode: 'fixed', chosen: 3 });
  });

  it('is byte-for-byte deterministic', () => {
    const again = buildTopicModel(papers, options);
    const dump = (m: typeof model) =>
      JSON.stringify(m, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
    expect(dump(again)).toBe(dump(model));
  });

  it('chooses k automatically when asked', () => {
    const auto = buildTopicModel(papers, { ...options, topics: 'auto', kRange: [2, 6] });
    expect(auto.kSelection.mode).toBe('auto');
    expect(auto.kSelection.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    // The chosen k is the best-scoring one; the true k scores far above k = 2.
    const best = auto.kSelection.scores.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(auto.kSelection.chosen).toBe(best.k);
    const score = (k: number) => auto.kSelection.scores.find((s) => s.k === k)!.silhouette;
    expect(score(3)).toBeGreaterThan(score(2) + 0.1);
    expect(auto.topics).toHaveLength(best.k);
  });
});
