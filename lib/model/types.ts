/**
 * What the topic model stage hands to the store: topics with labels and terms, the topic tree,
 * every paper's topic, place on the map and similar papers, how k was chosen, and the quality
 * report. Papers are referred to by their index in the `papers` array given to buildTopicModel.
 */
import type { TokenizedCorpus } from '../text/types';
import type { DenseMatrix } from './matrix';

/** A term of a topic with its class-based TF-IDF weight. */
export interface TopicTerm {
  /** Vocabulary term id. */
  termId: number;
  /** Display form, e.g. "graph neural networks". */
  term: string;
  weight: number;
}

/** One topic (a k-means cluster of the LSA vectors). */
export interface Topic {
  /** 0..k-1, ordered by size, largest first. */
  id: number;
  /** Two or three distinct top terms, e.g. "reinforcement learning, reward, agents". */
  label: string;
  /** Number of papers. */
  size: number;
  /** Top terms by c-TF-IDF (up to 30), heaviest first. */
  terms: TopicTerm[];
  /** Paper indices closest to the centroid (cosine), closest first. */
  representatives: number[];
  /** Centroid of the topic's papers on the map. */
  x: number;
  y: number;
  /** Id of the topic's parent node in the tree (-1 when k = 1). */
  parent: number;
}

/** A sub-topic with its place on the map. */
export interface PlacedSubtopic {
  topic: number;
  /** 0-based within the topic, largest first. */
  id: number;
  label: string;
  size: number;
  terms: TopicTerm[];
  /** Mean map position of its papers. */
  x: number;
  y: number;
}

/** A node of the topic tree. Leaves 0..k-1 are the topics; merges are k..2k-2, the last the root. */
export interface TopicTreeNode {
  id: number;
  /** -1 for the root. */
  parent: number;
  /** Two children for a merge, none for a leaf. */
  children: number[];
  /** Cosine distance at which the children merged (0 for leaves). */
  height: number;
  /** Papers under the node. */
  size: number;
}

/** Per-paper results as columns (index = paper index). */
export interface PaperPlacements {
  /** Topic id. */
  topic: Int32Array;
  /** Euclidean distance to the topic centroid in LSA space. */
  distance: Float64Array;
  /** How clearly the paper belongs to its topic, in [0, 1]: 1 - d₁/d₂ with d₁, d₂ the distances to
   * the nearest and second-nearest centroids (0 on a border). */
  confidence: Float64Array;
  /** How far the paper is from its topic's mean direction, as a robust z-score within the topic
   * (LSA space; 0 for topics too small to score). */
  outlierScore: Float64Array;
  /** 1 when outlierScore is above the threshold: far from its topic, kept in it, shown apart. */
  outlier: Uint8Array;
  /** Sub-topic within the topic (-1 when the topic is not split). */
  subtopic: Int32Array;
  /** The nearest topics with fuzzy membership weights, `top` per paper, nearest first. */
  memberships: { top: number; topics: Int32Array; weights: Float64Array };
  /** Map coordinates in [-1, 1], rounded to 1e-4. */
  x: Float64Array;
  y: Float64Array;
  /** Similar papers per paper, most similar first. */
  neighbours: number;
  /** Paper i's similar papers are similar[i·neighbours .. (i+1)·neighbours). */
  similar: Int32Array;
  /** Cosine similarities (LSA), rounded to 1e-6, aligned with `similar`. */
  similarity: Float64Array;
}

/** How the number of topics was chosen. */
export interface KSelection {
  mode: 'auto' | 'fixed';
  chosen: number;
  /** Mean silhouette of a seeded sample for every k tried (empty when fixed). */
  scores: { k: number; silhouette: number }[];
  /** Rows clustered per k, and rows in the silhouette sample. */
  clusterSample: number;
  silhouetteSample: number;
}

/** The quality report. Figures that need labels are null when the input has none. */
export interface QualityReport {
  /** Mean silhouette (Euclidean, LSA space) on a seeded sample. */
  silhouette: number;
  silhouetteSample: number;
  /** Mean NPMI of top-10 term pairs over document co-occurrence, per topic and overall. */
  coherence: number;
  coherencePerTopic: number[];
  /** Share of unique terms among all topics' top-10 terms. */
  diversity: number;
  /** Papers with a label, and distinct labels. */
  labelledPapers: number;
  labelCount: number;
  ari: number | null;
  nmi: number | null;
  /** NMI over the papers that are not outliers. */
  nmiInliers: number | null;
  /** Papers marked as outliers, and the robust z-score above which a paper is one. */
  outliers: number;
  outlierThreshold: number;
  /** 10-NN accuracy (5-fold) of the TF-IDF and the LSA vectors on the first `knnPapers` papers. */
  knnAccuracyTfidf: number | null;
  knnAccuracyLsa: number | null;
  /** 10-NN accuracy of the vectors the topics were clustered on (null when those are the LSA ones). */
  knnAccuracySpace: number | null;
  knnPapers: number;
  /** Share of each sampled paper's 10 nearest LSA neighbours among its 10 nearest on the map. */
  mapNeighbourPreservation: number;
  /** Recall of the similar-papers lists against exact search on a seeded sample. */
  neighbourRecall: number;
  neighbourRecallSample: number;
  /** Share of TF-IDF variance the LSA dimensions keep. */
  explainedVariance: number;
}

/** How papers are clustered into topics. */
export type ClusterMethod = 'smoothed' | 'hybrid' | 'kmeans' | 'kmeans-reference';

/** Options of buildTopicModel. */
export interface TopicModelOptions {
  /** Number of topics, or 'auto' to choose it by silhouette over `kRange` (default 'auto'). */
  topics?: number | 'auto';
  /** LSA dimensions (default 100). */
  dims?: number;
  seed?: number;
  /** TF-IDF document-frequency bounds (counts when ≥ 1, shares when < 1; defaults 5 and 0.5). */
  minDf?: number;
  maxDf?: number;
  /** The clustering: `smoothed` (our k-means on the LSA vectors smoothed over the similar-papers
   * graph), `hybrid` (smoothed over the similar-papers graph and the citation links together; the
   * default when at least 30% of the papers have a citation link, else `smoothed`), `kmeans` (our
   * k-means on the LSA vectors) or `kmeans-reference` (ml-kmeans on the LSA vectors from the same
   * seeded start). */
  cluster?: ClusterMethod;
  /** Share of each smoothing step that follows citation links in `hybrid` (default 0.5). */
  citationsWeight?: number;
  /** k tried when topics is 'auto' (default scaled to the corpus, within 5..40). */
  kRange?: [number, number];
  /** Similar papers per paper (default 10). */
  neighbours?: number;
}

/** Everything the topic model stage produces. */
export interface TopicModel {
  /** Tokens and vocabulary (the trends stage uses them). */
  corpus: TokenizedCorpus;
  /** Each paper's LSA vector (rows L2-normalized), for the stages after the model (topic evolution). */
  vectors: DenseMatrix;
  topics: Topic[];
  /** Sub-topics of the large topics, by topic then size. */
  subtopics: PlacedSubtopic[];
  tree: TopicTreeNode[];
  /** k × k cosine similarity of topic centroids, row-major. */
  topicSimilarity: Float64Array;
  papers: PaperPlacements;
  kSelection: KSelection;
  quality: QualityReport;
  /** Options as applied (defaults filled in), for the build's record. */
  options: Required<TopicModelOptions>;
  /** What was changed to fit a small corpus (vocabulary bounds), in words; empty when nothing was. */
  adaptations: string[];
  /** Which method made the topics and why. */
  method: TopicMethod;
}

/** Which method made the topics, and why: stored in the build and said on the topics page. */
export interface TopicMethod {
  cluster: ClusterMethod;
  /** 'option' when asked for (--cluster), 'default' when chosen from the corpus. */
  chosenBy: 'option' | 'default';
  /** Papers the model read, and those with a citation link among them. */
  papers: number;
  linkedPapers: number;
  /** Share of each smoothing step along citation links (null unless hybrid). */
  citationsWeight: number | null;
  /** Why this method, in words, without naming it (the topics and quality pages name it themselves). */
  why: string;
  /** The method and why, in one sentence (the pipeline's summary). */
  reason: string;
}
