import type { TopicModel } from './types';

/** One line of the quality report: a figure (null when it cannot be computed, e.g. without
 * labels) and what it means, in words. */
export interface QualityFigure {
  metric: string;
  value: number | null;
  note: string;
}

/** How each clustering option finds topics, in words for the quality page. */
const CLUSTER_WORDS: Record<TopicModel['options']['cluster'], string> = {
  smoothed: 'k-means on LSA vectors smoothed over the similar-papers graph',
  hybrid: 'k-means on LSA vectors smoothed over the similar-papers graph and the citation links (hybrid)',
  kmeans: 'k-means on LSA vectors',
  'kmeans-reference': 'ml-kmeans on LSA vectors',
};

/** The quality report of a topic model as the quality page lists it. */
export function qualityFigures(
  model: Pick<TopicModel, 'topics' | 'quality' | 'kSelection' | 'options' | 'papers'>,
): QualityFigure[] {
  const k = model.topics.length;
  const { quality } = model;
  const figures: [string, number | null, string][] = [
    [
      'topics',
      k,
      `${model.kSelection.mode === 'auto' ? 'chosen by silhouette' : 'fixed by option'}; ${CLUSTER_WORDS[model.options.cluster]}`,
    ],
    [
      'silhouette',
      quality.silhouette,
      `mean silhouette on a sample of ${quality.silhouetteSample} papers (the space the topics were clustered in)`,
    ],
    ['coherence', quality.coherence, 'mean NPMI of top-10 term pairs over paper co-occurrence'],
    ['diversity', quality.diversity, "share of unique terms among the topics' top-10 terms"],
    [
      'ari',
      quality.ari,
      `adjusted Rand index vs the source labels (${quality.labelledPapers} papers, ${quality.labelCount} labels)`,
    ],
    ['nmi', quality.nmi, 'normalized mutual information vs the source labels'],
    ['nmi_inliers', quality.nmiInliers, 'NMI vs the source labels over the papers that are not outliers'],
    [
      'outliers',
      quality.outliers,
      `papers far from their topic (robust z-score of the distance above ${quality.outlierThreshold}); kept in it, shown apart`,
    ],
    [
      'outlier_share',
      model.papers.topic.length > 0 ? Math.round((quality.outliers / model.papers.topic.length) * 1e6) / 1e6 : 0,
      `${quality.outliers} of ${model.papers.topic.length} papers have a robust z-score of their distance to the topic above ${quality.outlierThreshold}`,
    ],
    ['outlier_threshold', quality.outlierThreshold, 'robust z-score above which a paper is an outlier'],
    [
      'knn_space',
      quality.knnAccuracySpace,
      `10-NN accuracy of the vectors the topics were clustered on, 5-fold, first ${quality.knnPapers} papers`,
    ],
    [
      'knn_tfidf',
      quality.knnAccuracyTfidf,
      `10-NN accuracy of the TF-IDF vectors, 5-fold, first ${quality.knnPapers} papers`,
    ],
    ['knn_lsa', quality.knnAccuracyLsa, `10-NN accuracy of the LSA vectors, 5-fold, first ${quality.knnPapers} papers`],
    [
      'map_neighbour_preservation',
      quality.mapNeighbourPreservation,
      "share of a paper's 10 nearest LSA neighbours among its 10 nearest on the map",
    ],
    [
      'neighbour_recall',
      quality.neighbourRecall,
      `recall of similar papers vs exact search on ${quality.neighbourRecallSample} papers`,
    ],
    ['explained_variance', quality.explainedVariance, 'share of TF-IDF variance kept by LSA'],
  ];
  return figures.map(([metric, value, note]) => ({ metric, value, note }));
}
