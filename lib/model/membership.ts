/**
 * How papers belong to topics beyond the one topic each is assigned: soft membership over the
 * nearest topics, outliers (papers far from their topic by its own spread), and sub-topics (each
 * large topic split into its parts, labelled from its own papers).
 */
import { buildKMeans } from './kmeans';
import { buildClassTerms, formatTopicLabel } from './labels';
import { gatherRows, normalizeRows, squaredDistance } from './linalg';
import { selectCsrRows, type CountMatrix, type DenseMatrix } from './matrix';

/** Topics kept per paper in the soft membership. */
export const MEMBERSHIP_TOPICS = 3;

/** Fuzziness of the membership weights (fuzzy c-means m): 1.5 gives weights ∝ d⁻⁴. */
const FUZZINESS = 1.5;

/** Robust z-score above which a paper is an outlier of its topic (2.5, the moderately conservative
 * cut-off Leys et al. 2013 recommend for the median absolute deviation). */
export const OUTLIER_THRESHOLD = 2.5;

/** Papers per sub-topic the split aims at, and the smallest topic that is split. */
const SUBTOPIC_PAPERS = 40;
export const SUBTOPIC_MIN_TOPIC = 120;
const SUBTOPIC_MAX = 8;

/**
 * Each paper's `top` nearest topics with fuzzy c-means weights over all topics
 * (u_c ∝ d_c^(−2/(m−1)), summing to 1 over every topic; the top ones are kept, so their weights
 * may sum to less than 1). Row i is topics/weights[i·top .. (i+1)·top), nearest first; -1 pads
 * when there are fewer topics. A paper on a centroid belongs to it alone.
 *
 * The pipeline gives the papers' own LSA vectors and the topics' mean directions, so the weights
 * say where a paper's own words lie. Its topic comes from the smoothed space, which also weighs
 * its neighbours: the nearest topic by its own words is usually, not always, its topic.
 */
export function buildMemberships(
  space: DenseMatrix,
  centroids: DenseMatrix,
  top = MEMBERSHIP_TOPICS,
): { top: number; topics: Int32Array; weights: Float64Array } {
  const n = space.rows;
  const k = centroids.rows;
  const topics = new Int32Array(n * top).fill(-1);
  const weights = new Float64Array(n * top);
  const power = 1 / (FUZZINESS - 1);
  const u = new Float64Array(k);
  const order = Array.from({ length: k }, (_, c) => c);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let exact = -1;
    for (let c = 0; c < k; c++) {
      const d2 = squaredDistance(space.data, i, centroids.data, c, space.cols);
      if (d2 <= 1e-24 && exact < 0) exact = c;
      u[c] = d2 > 1e-24 ? Math.pow(1 / d2, power) : 0;
      sum += u[c];
    }
    if (exact >= 0) {
      u.fill(0);
      u[exact] = 1;
      sum = 1;
    }
    order.sort((a, b) => u[b] - u[a] || a - b);
    for (let r = 0; r < Math.min(top, k); r++) {
      topics[i * top + r] = order[r];
      weights[i * top + r] = Math.round((u[order[r]] / sum) * 1e6) / 1e6;
    }
  }
  return { top, topics, weights };
}

/** Median of the values (sorted copy). */
function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Each topic's mean direction in the space of `vectors` (the mean of its papers' rows, scaled to
 * unit length): k × cols. A topic without papers gets a zero row.
 */
export function buildTopicDirections(vectors: DenseMatrix, assignments: Int32Array, k: number): DenseMatrix {
  const n = vectors.rows;
  const d = vectors.cols;
  const mean = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const o = assignments[i] * d;
    for (let j = 0; j < d; j++) mean[o + j] += vectors.data[i * d + j];
  }
  normalizeRows(mean, k, d);
  return { rows: k, cols: d, data: mean };
}

/**
 * Outlier scores: how far each paper's LSA vector is from its topic's mean direction, as a robust
 * z-score of the cosine within the topic ((median − cos) / (1.4826·MAD)); positive = further than
 * the topic's typical paper. A paper is an outlier when its score exceeds `threshold`. The vectors
 * are the LSA ones (unsmoothed): smoothing pulls a stray paper toward its neighbours and would
 * hide exactly what this measures.
 */
export function buildOutliers(
  vectors: DenseMatrix,
  assignments: Int32Array,
  k: number,
  threshold = OUTLIER_THRESHOLD,
  directions: DenseMatrix = buildTopicDirections(vectors, assignments, k),
): { score: Float64Array; outlier: Uint8Array; threshold: number; count: number } {
  const n = vectors.rows;
  const d = vectors.cols;
  const mean = directions.data;
  const cosine = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = assignments[i] * d;
    let dot = 0;
    let s = 0;
    for (let j = 0; j < d; j++) {
      dot += vectors.data[i * d + j] * mean[o + j];
      s += vectors.data[i * d + j] ** 2;
    }
    cosine[i] = s > 0 ? dot / Math.sqrt(s) : 0;
  }
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[assignments[i]].push(i);
  const score = new Float64Array(n);
  const outlier = new Uint8Array(n);
  let count = 0;
  for (let c = 0; c < k; c++) {
    const rows = members[c];
    if (rows.length < 5) continue;
    const values = Float64Array.from(rows, (i) => cosine[i]);
    const mid = median(values);
    const mad = median(values.map((v) => Math.abs(v - mid))) * 1.4826;
    if (mad <= 0) continue;
    for (const i of rows) {
      score[i] = Math.round(((mid - cosine[i]) / mad) * 1e4) / 1e4;
      if (score[i] > threshold) {
        outlier[i] = 1;
        count++;
      }
    }
  }
  return { score, outlier, threshold, count };
}

/** A sub-topic: part of one topic. */
export interface Subtopic {
  topic: number;
  /** 0-based within the topic, largest first. */
  id: number;
  label: string;
  size: number;
  /** Top terms (up to 10) in order of relevance within the topic, as its papers write them. */
  terms: { termId: number; term: string; weight: number }[];
}

/** Sub-topics to split a topic of `size` papers into: one per 40 papers under a square root, 2..8;
 * 0 (no split) below 120 papers. */
export function subtopicCount(size: number): number {
  if (size < SUBTOPIC_MIN_TOPIC) return 0;
  return Math.max(2, Math.min(SUBTOPIC_MAX, Math.round(Math.sqrt(size / SUBTOPIC_PAPERS))));
}

/**
 * Rows of a topic above which its parts are first found on a seeded sample of this many rows
 * (twice as many: k-means' presample rule), then refined over all of them. A million papers make
 * topics of 25,000 and more, whose full k-means runs made the labels stage grow faster than the
 * corpus (3.7 s at 75k, 32.7 s at 300k, 78.8 s at 1M); topics of 75k arXiv papers stay below it.
 */
const SUBTOPIC_PRESAMPLE = 5000;

/**
 * Splits every topic of at least SUBTOPIC_MIN_TOPIC papers into sub-topics: seeded k-means on its
 * papers' LSA vectors, labels by c-TF-IDF among the topic's own sub-topics (so a label says what
 * sets the part apart within its topic). Returns each paper's sub-topic (-1 when its topic is not
 * split) and the sub-topics, ordered by topic then size.
 */
export function buildSubtopics(
  vectors: DenseMatrix,
  counts: CountMatrix,
  columns: Int32Array,
  assignments: Int32Array,
  k: number,
  terms: readonly string[],
  shownAs: (topic: number, termId: number) => string,
  seed: number,
  /** Stemmed words of each topic's own label, left out of its parts' labels. */
  topicWords?: (topic: number) => ReadonlySet<string>,
): { subtopic: Int32Array; subtopics: Subtopic[] } {
  const n = vectors.rows;
  const d = vectors.cols;
  const subtopic = new Int32Array(n).fill(-1);
  const subtopics: Subtopic[] = [];
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[assignments[i]].push(i);
  for (let t = 0; t < k; t++) {
    const rows = members[t];
    const parts = subtopicCount(rows.length);
    if (parts < 2) continue;
    const data = gatherRows(vectors.data, rows, d);
    const clustering = buildKMeans(
      { rows: rows.length, cols: d, data },
      { k: parts, seed: seed + t, presample: SUBTOPIC_PRESAMPLE },
    );
    const sizes = new Array<number>(parts).fill(0);
    for (const a of clustering.assignments) sizes[a]++;
    const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
    const rename = new Int32Array(parts);
    order.forEach((old, id) => (rename[old] = id));
    const local = Int32Array.from(clustering.assignments, (a) => rename[a]);
    rows.forEach((i, r) => (subtopic[i] = local[r]));
    const sub = selectCsrRows(counts, rows);
    // λ = 0.3 leans on lift: inside one topic every part shares its common words.
    const classTerms = buildClassTerms(sub, columns, local, parts, 10, 0.3);
    classTerms.forEach((ct, id) => {
      if (sizes[order[id]] === 0) return;
      const show = (termId: number) => shownAs(t, termId);
      subtopics.push({
        topic: t,
        id,
        label: formatTopicLabel(
          ct.labelOrder.map((r) => ct.termIds[r]),
          terms,
          show,
          3,
          ct.labelOrder.map((r) => ct.weights[r]),
          topicWords?.(t),
        ),
        size: sizes[order[id]],
        // In label order (relevance): what sets the part apart comes before the topic's own words.
        terms: ct.labelOrder.map((r) => ({
          termId: ct.termIds[r],
          term: show(ct.termIds[r]),
          weight: Math.round(ct.weights[r] * 1e8) / 1e8,
        })),
      });
    });
  }
  return { subtopic, subtopics };
}
