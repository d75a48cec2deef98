import { describe, expect, it } from 'vitest';
import { buildTopicModel } from '../../lib/model/index';
import { qualityFigures } from '../../lib/model/quality-report';
import { threeTopicOptions, threeTopicPapers } from './three-topics';

describe('qualityFigures', () => {
  const model = buildTopicModel(threeTopicPapers, threeTopicOptions);
  const figures = qualityFigures(model);
  const figure = (metric: string) => figures.find((f) => f.metric === metric)!;

  it('lists every figure of the quality page once, in its order', () => {
    expect(figures.map((f) => f.metric)).toEqual([
      'topics',
      'silhouette',
      'coherence',
      'diversity',
      'ari',
      'nmi',
      'nmi_inliers',
      'outliers',
      'outlier_share',
      'outlier_threshold',
      'knn_space',
      'knn_tfidf',
      'knn_lsa',
      'map_neighbour_preservation',
      'neighbour_recall',
      'explained_variance',
    ]);
  });

  it("says how k was chosen and how the topics were found, and passes the model's figures on", () => {
    expect(figure('topics').value).toBe(3);
    expect(figure('topics').note).toBe(
      'fixed by option; k-means on LSA vectors smoothed over the similar-papers graph',
    );
    expect(figure('silhouette').value).toBe(model.quality.silhouette);
    expect(figure('nmi').value).toBe(model.quality.nmi);
    expect(figure('silhouette').note).toContain(`${model.quality.silhouetteSample} papers`);
  });

  it('gives the share of outliers rounded to six decimals', () => {
    const n = model.papers.topic.length;
    expect(figure('outlier_share').value).toBe(Math.round((model.quality.outliers / n) * 1e6) / 1e6);
    expect(figure('outlier_share').note).toBe(
      `${model.quality.outliers} of ${n} papers have a robust z-score of their distance to the topic above ${model.quality.outlierThreshold}`,
    );
  });
});
