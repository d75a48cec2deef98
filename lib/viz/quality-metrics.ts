/**
 * What each quality figure means, its range, and a plain-language reading of its value. The
 * thresholds are rules of thumb for text clustering (silhouettes of 0.02-0.1 are usual for TF-IDF
 * or LSA vectors; NPMI coherence above 0.1 reads as "clearly related terms"), not hard limits.
 */

export type Verdict = 'good' | 'fair' | 'weak' | 'none';

export interface MetricDescription {
  title: string;
  /** One or two sentences: what the number measures. */
  about: string;
  range: [number, number];
  /** How to read a value. */
  read(value: number): { verdict: Verdict; words: string };
  format: 'decimal' | 'percent';
}

const DESCRIPTIONS: Record<string, MetricDescription> = {
  silhouette: {
    title: 'Silhouette',
    about:
      'How much closer each paper is to its own topic than to the nearest other topic, averaged over a sample (−1 to 1). Text topics overlap, so low positive values are normal.',
    range: [-0.1, 0.5],
    read: (v) =>
      v >= 0.25
        ? { verdict: 'good', words: 'topics are clearly separated' }
        : v >= 0.05
          ? { verdict: 'fair', words: 'topics are distinct but overlap at the edges, as text topics do' }
          : v > 0
            ? { verdict: 'weak', words: 'topics overlap a lot; treat borders between them as fuzzy' }
            : { verdict: 'none', words: 'papers are not closer to their own topic than to others' },
    format: 'decimal',
  },
  coherence: {
    title: 'Coherence (NPMI)',
    about:
      'Whether a topic’s top ten terms appear in the same papers more often than chance (normalised PMI, −1 to 1), averaged over topics.',
    range: [-0.1, 0.4],
    read: (v) =>
      v >= 0.1
        ? { verdict: 'good', words: 'top terms genuinely belong together' }
        : v >= 0.03
          ? { verdict: 'fair', words: 'top terms are related, with some noise' }
          : { verdict: 'weak', words: 'top terms often do not co-occur; labels may mislead' },
    format: 'decimal',
  },
  diversity: {
    title: 'Topic diversity',
    about:
      'The share of distinct terms among all topics’ top ten terms (0 to 1): low values mean topics repeat each other.',
    range: [0, 1],
    read: (v) =>
      v >= 0.8
        ? { verdict: 'good', words: 'topics are described by different words' }
        : v >= 0.6
          ? { verdict: 'fair', words: 'some topics share many top terms' }
          : { verdict: 'weak', words: 'many topics repeat the same terms' },
    format: 'percent',
  },
  ari: {
    title: 'Adjusted Rand index',
    about:
      'Agreement between topics and the labels the source gave (e.g. arXiv categories), corrected for chance (0 = chance, 1 = identical).',
    range: [0, 1],
    read: (v) =>
      v >= 0.4
        ? { verdict: 'good', words: 'topics largely follow the given labels' }
        : v >= 0.15
          ? { verdict: 'fair', words: 'topics partly follow the given labels' }
          : { verdict: 'weak', words: 'topics cut across the given labels' },
    format: 'decimal',
  },
  nmi: {
    title: 'Normalised mutual information',
    about: 'How much knowing a paper’s topic tells you about its given label (0 = nothing, 1 = everything).',
    range: [0, 1],
    read: (v) =>
      v >= 0.4
        ? { verdict: 'good', words: 'topics carry much of the label information' }
        : v >= 0.2
          ? { verdict: 'fair', words: 'topics carry some of the label information' }
          : { verdict: 'weak', words: 'topics and labels are mostly unrelated' },
    format: 'decimal',
  },
  nmi_inliers: {
    title: 'Normalised mutual information, outliers set aside',
    about:
      'The same agreement with the given labels over the papers that sit well inside their topic (outliers left out).',
    range: [0, 1],
    read: (v) =>
      v >= 0.4
        ? { verdict: 'good', words: 'topics carry much of the label information' }
        : v >= 0.2
          ? { verdict: 'fair', words: 'topics carry some of the label information' }
          : { verdict: 'weak', words: 'topics and labels are mostly unrelated' },
    format: 'decimal',
  },
  outlier_share: {
    title: 'Outliers',
    about:
      'Papers much further from their topic than its typical paper (robust z-score of the distance above the threshold). They stay in their topic and are shown apart on the map and in topic lists.',
    range: [0, 0.2],
    read: (v) =>
      v <= 0.05
        ? { verdict: 'good', words: 'almost every paper sits well inside a topic' }
        : v <= 0.15
          ? { verdict: 'fair', words: 'some papers fit no topic well; look at them apart' }
          : { verdict: 'weak', words: 'many papers fit no topic well; try more topics' },
    format: 'percent',
  },
};

const KNN: MetricDescription = {
  title: 'k-NN label accuracy',
  about:
    'How often a paper’s nearest neighbours (in these vectors) share its given label, cross-validated: a check that the text representation captures what the labels mean.',
  range: [0, 1],
  read: (v) =>
    v >= 0.6
      ? { verdict: 'good', words: 'neighbours in this space usually share a label' }
      : v >= 0.35
        ? { verdict: 'fair', words: 'neighbours often share a label' }
        : { verdict: 'weak', words: 'neighbours rarely share a label' },
  format: 'percent',
};

const MAP: MetricDescription = {
  title: 'Map neighbour preservation',
  about:
    'The share of each paper’s nearest neighbours in the full vector space that stay among its nearest neighbours on the 2D map. Distances on the map are only a sketch of the real ones.',
  range: [0, 1],
  read: (v) =>
    v >= 0.5
      ? { verdict: 'good', words: 'close points on the map are usually truly similar' }
      : v >= 0.2
        ? { verdict: 'fair', words: 'neighbourhoods are kept in part; trust clusters more than exact distances' }
        : { verdict: 'weak', words: 'the map is a loose sketch; read only its broad regions' },
  format: 'percent',
};

const EXPLAINED: MetricDescription = {
  title: 'Variance kept by LSA',
  about:
    'The share of the TF-IDF matrix’s variance kept by the reduced (LSA) vectors that topics and the map are built on. Text is spread thin over many words, so a third to a half is usual.',
  range: [0, 1],
  read: (v) =>
    v >= 0.3
      ? { verdict: 'good', words: 'the reduced vectors keep the main themes' }
      : v >= 0.15
        ? { verdict: 'fair', words: 'the reduced vectors keep the broad themes, less of the detail' }
        : { verdict: 'weak', words: 'much of the text’s variety is lost in the reduction' },
  format: 'percent',
};

const RECALL: MetricDescription = {
  title: 'Similar-papers recall',
  about:
    'How many of the truly nearest papers (exact search on a sample) the fast neighbour search behind “similar papers” finds.',
  range: [0, 1],
  read: (v) =>
    v >= 0.9
      ? { verdict: 'good', words: 'similar-paper lists are nearly exact' }
      : v >= 0.7
        ? { verdict: 'fair', words: 'similar-paper lists miss a few true neighbours' }
        : { verdict: 'weak', words: 'similar-paper lists miss many true neighbours' },
  format: 'percent',
};

/**
 * The `topics` row's note ("chosen by silhouette; k-means on LSA vectors smoothed over the
 * similar-papers graph") in its two parts: how the number of topics was set, and how the topics
 * were found. A note without the second part (older builds) gives a null method.
 */
export function parseTopicsNote(note: string | null | undefined): { choice: string | null; method: string | null } {
  if (!note) return { choice: null, method: null };
  const at = note.indexOf('; ');
  if (at < 0) return { choice: note.trim() || null, method: null };
  return { choice: note.slice(0, at).trim() || null, method: note.slice(at + 2).trim() || null };
}

/** Keys of the quality table that are not figures to judge (shown elsewhere on the page). */
export const NON_METRIC_KEYS = new Set(['topics', 'outliers', 'outlier_threshold']);

/** The description of a metric by its key in the quality table, or null for unknown keys. */
export function describeMetric(key: string): MetricDescription | null {
  if (DESCRIPTIONS[key]) return DESCRIPTIONS[key];
  if (key === 'explained_variance') return EXPLAINED;
  if (/recall/i.test(key)) return RECALL;
  if (/knn/i.test(key)) {
    const space =
      key === 'knn_space'
        ? 'clustering space'
        : key
            .replace(/^knn_?/i, '')
            .replace(/_/g, ' ')
            .toUpperCase();
    return { ...KNN, title: space ? `${KNN.title} (${space})` : KNN.title };
  }
  if (/^map_|trust|preserv/i.test(key)) return MAP;
  return null;
}

/** The order metrics appear in: the model's own figures first, then label agreement, then the map. */
export function metricOrder(key: string): number {
  const order = ['silhouette', 'coherence', 'diversity', 'outlier_share', 'ari', 'nmi', 'nmi_inliers'];
  const i = order.indexOf(key);
  if (i >= 0) return i;
  if (key === 'explained_variance') return 8;
  if (/knn/i.test(key)) return 10;
  if (/^map_|trust|preserv/i.test(key)) return 20;
  if (/recall/i.test(key)) return 25;
  return 30;
}
