/**
 * The topic model stage: papers → tokens → TF-IDF → LSA → k-means topics (k chosen by silhouette
 * unless given) → labels, topic tree, similar papers, 2D map → quality report. Pure: data in,
 * data out; progress is reported per stage ('tokens', 'tfidf', 'lsa', 'topics', 'labels',
 * 'neighbours', 'map', 'quality') so the orchestrator can time them. The quality report's 10-NN
 * accuracy figures are computed on a worker thread during 'map'.
 */
import type { Paper } from '../corpus/types';
import { sharedFloat64, sharedInt32, toShared } from '../parallel/pool';
import { deriveSeed, sampleIndices } from '../random';
import { tokenizeCorpus } from '../text/index';
import type { TokenizedCorpus } from '../text/types';
import { buildKMeans, buildReferenceKMeans } from './kmeans';
import {
  buildClassTerms,
  buildRepresentatives,
  buildTopicSimilarity,
  buildTopicTree,
  buildTopicDisplay,
  selectLabelTerms,
} from './labels';
import { buildLsa } from './lsa';
import { buildSmoothedVectors } from './smooth';
import {
  buildHybridWalkMatrix,
  countLinkedPapers,
  DEFAULT_CITATIONS_WEIGHT,
  HYBRID_MIN_LINKED_SHARE,
  type PaperLinks,
} from './hybrid';
import { buildConsensusKMeans } from './consensus';
import { buildMemberships, buildOutliers, buildSubtopics, buildTopicDirections, type Subtopic } from './membership';
import { buildMap, mapNeighbourPreservation } from './map';
import { buildExactNeighbours, neighbourRecall, buildNeighbours, type NeighbourGraph } from './neighbours';
import { squaredDistance } from './linalg';
import { runBesideKnnFigures, type KnnFigures } from './knn-figures';
import {
  adjustedRandIndex,
  buildLabelCodes,
  normalizedMutualInfo,
  silhouette,
  buildTopicCoherence,
  topicDiversity,
  type EncodedLabels,
} from './quality';
import { buildDefaultKRange, buildKSelection } from './select-k';
import { leadingCsrRows, leadingRows, type CountMatrix, type CsrMatrix, type DenseMatrix } from './matrix';
import { buildTfidf, type TfidfOptions } from './tfidf';
import type {
  KSelection,
  PaperPlacements,
  PlacedSubtopic,
  QualityReport,
  Topic,
  TopicMethod,
  TopicModel,
  TopicModelOptions,
} from './types';

export type { TopicModel, TopicModelOptions } from './types';
export type { PaperLinks } from './hybrid';

/** Papers used for the 10-NN accuracy figures (the reference script's setting). */
const KNN_PAPERS = 20000;

/**
 * Options with their defaults filled in. The clustering defaults to `hybrid` when at least
 * HYBRID_MIN_LINKED_SHARE of the `n` papers have a citation link (`linkedPapers` of them), else
 * to `smoothed`.
 */
export function resolveTopicModelOptions(
  n: number,
  opts: TopicModelOptions = {},
  linkedPapers = 0,
): Required<TopicModelOptions> {
  return {
    topics: opts.topics ?? 'auto',
    dims: opts.dims ?? 100,
    seed: opts.seed ?? 0,
    minDf: opts.minDf ?? 5,
    maxDf: opts.maxDf ?? 0.5,
    kRange: opts.kRange ?? buildDefaultKRange(n),
    neighbours: opts.neighbours ?? 10,
    cluster: opts.cluster ?? (n > 0 && linkedPapers >= HYBRID_MIN_LINKED_SHARE * n ? 'hybrid' : 'smoothed'),
    citationsWeight: opts.citationsWeight ?? DEFAULT_CITATIONS_WEIGHT,
  };
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/** Which method made the topics and why, in words (the build stores it; the topics page says it). */
export function describeTopicMethod(
  requested: TopicModelOptions['cluster'],
  options: Required<TopicModelOptions>,
  papers: number,
  linkedPapers: number,
): TopicMethod {
  const cluster = options.cluster;
  const linked = `${linkedPapers} of ${papers} papers (${percent(linkedPapers, papers)}) have a citation link inside the corpus (they cite, are cited by or share references with another paper)`;
  const threshold = `${Math.round(HYBRID_MIN_LINKED_SHARE * 100)}%`;
  // `why` explains the choice without naming the method (the pages name it); `reason` is the
  // whole sentence, as the build and the pipeline's summary give it.
  let why: string;
  if (requested !== undefined) {
    why = `chosen by option (--cluster ${cluster})`;
    if (cluster === 'hybrid')
      why += linkedPapers > 0 ? `; ${linked}` : '; no paper has a citation link, so the topics come from words alone';
  } else if (cluster === 'hybrid') {
    why = `${linked}, at least the ${threshold} from which citations take part; on corpora with known subjects hybrid topics matched them better than words alone (README, bench part 'hybrid')`;
  } else if (linkedPapers > 0) {
    why = `only ${linked}, under the ${threshold} from which citations take part`;
  } else {
    why =
      'no paper has a citation link inside the corpus (its records carry no references that resolve to other papers of it)';
  }
  const name = cluster === 'hybrid' ? 'hybrid (words and citations)' : `${cluster} (words alone)`;
  const reason = requested !== undefined ? `${cluster}, ${why}` : `${name}, the default here: ${why}`;
  return {
    cluster,
    chosenBy: requested === undefined ? 'default' : 'option',
    papers,
    linkedPapers,
    citationsWeight: cluster === 'hybrid' ? options.citationsWeight : null,
    why,
    reason,
  };
}

/**
 * Vocabulary bounds that leave terms on a small corpus: scikit-learn's defaults fail there
 * ("max_df corresponds to < documents than min_df" on an 8-paper export). A minimum above a
 * quarter of the papers comes down to that, and a maximum share below the minimum goes up to all
 * papers; each change is said in `adaptations`.
 */
export function buildSmallCorpusBounds(
  n: number,
  minDf: number,
  maxDf: number,
  docs: readonly ArrayLike<number>[],
  adaptations: string[],
): { minDf: number; maxDf: number } {
  let lo = minDf;
  let hi = maxDf;
  const minCount = lo >= 1 ? lo : lo * n;
  const cap = Math.max(1, Math.floor(n / 4));
  if (minCount > cap) {
    adaptations.push(`min_df ${lo} lowered to ${cap} for ${n} papers`);
    lo = cap;
  }
  const maxCount = hi < 1 ? hi * n : hi;
  if (maxCount < lo) {
    adaptations.push(`max_df ${hi} raised to 1.0 for ${n} papers`);
    hi = 1;
  }
  if (n >= 1000) return { minDf: lo, maxDf: hi };
  // On a small corpus the bounds may leave no term at all: then widen them.
  const df = new Map<number, number>();
  for (const doc of docs) {
    const seen = new Set<number>();
    for (let i = 0; i < doc.length; i++) seen.add(doc[i]);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const inside = (l: number, h: number): boolean => {
    const lc = l >= 1 ? l : l * n;
    const hc = h < 1 ? h * n : h;
    for (const d of df.values()) if (d >= lc && d <= hc) return true;
    return false;
  };
  if (!inside(lo, hi)) {
    adaptations.push(`vocabulary bounds widened to 1 paper .. all papers: no term within min_df ${lo}, max_df ${hi}`);
    lo = 1;
    hi = 1;
  }
  return { minDf: lo, maxDf: hi };
}

/** Orders topics by size (largest first, then by old id) and returns old id → new id. */
function buildTopicOrder(assignments: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  for (const a of assignments) sizes[a]++;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rename = new Int32Array(k);
  order.forEach((old, id) => (rename[old] = id));
  return rename;
}

/** What {@link buildTopicClustering} finds: the vectors, the similar-papers graph, the space the
 * topics were clustered in, and the topics (ids by size, largest first) with their centroids. */
export interface TopicClustering {
  vectors: DenseMatrix;
  /** Share of TF-IDF variance the LSA dimensions keep. */
  explainedVariance: number;
  graph: NeighbourGraph;
  space: DenseMatrix;
  kSelection: KSelection;
  assignments: Int32Array;
  centroids: DenseMatrix;
}

/** The LSA vectors of the papers (in shared memory) and the share of the TF-IDF variance they keep. */
export interface TopicLsa {
  vectors: DenseMatrix;
  explainedVariance: number;
}

/** LSA of the TF-IDF matrix with the model's dimensions and seed. */
export function buildTopicLsa(
  tfidf: CsrMatrix,
  options: Required<TopicModelOptions>,
  onProgress?: (stage: string, done: number, total: number) => void,
): TopicLsa {
  // Two power iterations: with topics started from Ward-merged small clusters, five (a nearly exact
  // SVD) kept 0.82 of arXiv papers in their matched topic across seeds against 0.81, at 0.004 less
  // NMI and 6 s more.
  const lsa = buildLsa(tfidf, { dims: options.dims, seed: deriveSeed(options.seed, 'lsa') }, (done, total) =>
    onProgress?.('lsa', done, total),
  );
  // In shared memory (a no-op when the LSA ran on threads), so the stages' worker threads read the
  // rows without copies.
  return { vectors: { ...lsa.vectors, data: toShared(lsa.vectors.data) }, explainedVariance: lsa.explainedVariance };
}

/** The first `rows` rows of a CSR matrix, copied into shared memory of their own (a view would
 * keep the whole matrix alive). */
function copyLeadingCsrRows(m: CsrMatrix, rows: number): CsrMatrix {
  const view = leadingCsrRows(m, rows);
  const indptr = sharedInt32(rows + 1);
  indptr.set(view.indptr);
  const indices = sharedInt32(view.indices.length);
  indices.set(view.indices);
  const values = sharedFloat64(view.values.length);
  values.set(view.values);
  return { rows, cols: m.cols, indptr, indices, values };
}

/**
 * TF-IDF, then its LSA. Only what the later stages read leaves this function — the counts, the
 * columns, the vectors and the rows the 10-NN figures use — so the weights (a gigabyte at a
 * million papers) are let go of before the similar papers and the topics are computed.
 */
function buildWeightsAndLsa(
  corpus: TokenizedCorpus,
  bounds: TfidfOptions,
  options: Required<TopicModelOptions>,
  knnPapers: number,
  onProgress?: (stage: string, done: number, total: number) => void,
): { counts: CountMatrix; columns: Int32Array; lsa: TopicLsa; knnTfidf: CsrMatrix | null } {
  onProgress?.('tfidf', 0, 1);
  const tfidf = buildTfidf(corpus, bounds);
  onProgress?.('tfidf', 1, 1);
  const knnTfidf = knnPapers > 10 ? copyLeadingCsrRows(tfidf.matrix, knnPapers) : null;
  const lsa = buildTopicLsa(tfidf.matrix, options, onProgress);
  return { counts: tfidf.counts, columns: tfidf.columns, lsa, knnTfidf };
}

/**
 * The clustering half of the topic model, from the TF-IDF matrix (or its LSA): LSA, the similar-papers graph,
 * the clustering space (smoothed over the graph, and over the citation `links` too for `hybrid`,
 * unless a plain k-means option is asked for), k (given or chosen by silhouette) and k-means. The
 * bench runs it once per seed.
 */
export function buildTopicClustering(
  input: CsrMatrix | TopicLsa,
  options: Required<TopicModelOptions>,
  onProgress?: (stage: string, done: number, total: number) => void,
  links?: PaperLinks,
): TopicClustering {
  const { seed } = options;
  const report = (stage: string) => (done: number, total: number) => onProgress?.(stage, done, total);
  const { vectors, explainedVariance } = 'indptr' in input ? buildTopicLsa(input, options, onProgress) : input;
  const n = vectors.rows;

  report('neighbours')(0, 1);
  const graph = buildNeighbours(vectors, {
    k: Math.min(options.neighbours, n - 1),
    seed: deriveSeed(seed, 'neighbours'),
  });
  report('neighbours')(1, 1);

  // The space the topics are found in: LSA vectors smoothed over the similar-papers graph, or the
  // LSA vectors themselves for the plain k-means options.
  report('smooth')(0, 1);
  const smoothed = options.cluster === 'smoothed' || options.cluster === 'hybrid';
  const walk =
    options.cluster === 'hybrid' && links && countLinkedPapers(links) > 0
      ? buildHybridWalkMatrix(graph, links, options.citationsWeight)
      : undefined;
  const space: DenseMatrix = smoothed ? buildSmoothedVectors(vectors, graph, { walk }, report('smooth')) : vectors;
  report('smooth')(1, 1);

  report('topics')(0, 1);
  let kSelection: KSelection;
  if (options.topics === 'auto') {
    // k by silhouette on the LSA vectors, not the smoothed ones: smoothing packs subjects into a
    // few dense blobs whose silhouette favours the smallest k (5 topics on the bundled corpus, one
    // of them 545 of its 746 papers), while the LSA silhouette keeps the grain of the text.
    kSelection = buildKSelection(vectors, { kRange: options.kRange, seed: deriveSeed(seed, 'select-k') });
  } else {
    const k = Math.max(1, Math.min(n, Math.round(options.topics)));
    kSelection = { mode: 'fixed', chosen: k, scores: [], clusterSample: 0, silhouetteSample: 0 };
  }
  const k = kSelection.chosen;
  const clustering =
    options.cluster === 'kmeans-reference'
      ? buildReferenceKMeans(space, { k, seed: deriveSeed(seed, 'kmeans') })
      : smoothed
        ? // From the consensus of several Ward-merged starts: topics that hold across seeds.
          buildConsensusKMeans(space, { k, seed: deriveSeed(seed, 'kmeans') })
        : // Plain k-means stays the textbook single start it is compared as.
          buildKMeans(space, { k, seed: deriveSeed(seed, 'kmeans') });
  // Topic ids by size, largest first.
  const rename = buildTopicOrder(clustering.assignments, k);
  const assignments = Int32Array.from(clustering.assignments, (a) => rename[a]);
  const dims = space.cols;
  const centroidData = new Float64Array(k * dims);
  for (let old = 0; old < k; old++)
    centroidData.set(clustering.centroids.data.subarray(old * dims, (old + 1) * dims), rename[old] * dims);
  return {
    vectors,
    explainedVariance,
    graph,
    space,
    kSelection,
    assignments,
    centroids: { rows: k, cols: dims, data: centroidData },
  };
}

/**
 * Builds the topic model of `papers` (title + plain abstract), with their citation `links` when
 * the corpus has them (lib/citations/topic-links.ts). See {@link TopicModel} for what comes back;
 * paper positions are indices into `papers`. Same papers, links and options → same model.
 * `tokens`, when given, are the papers' tokens made beforehand (then their abstracts are not
 * read); their surface forms are taken out of the object, to be let go of after the labels.
 */
export function buildTopicModel(
  papers: Paper[],
  modelOpts: TopicModelOptions & { links?: PaperLinks } = {},
  onProgress?: (stage: string, done: number, total: number) => void,
  tokens?: TokenizedCorpus,
): TopicModel {
  const { links, ...opts } = modelOpts;
  if (links && links.offsets.length !== papers.length + 1)
    throw new Error(`topic model: citation links over ${links.offsets.length - 1} papers, expected ${papers.length}`);
  const linkedPapers = links ? countLinkedPapers(links) : 0;
  const options = resolveTopicModelOptions(papers.length, opts, linkedPapers);
  const method = describeTopicMethod(opts.cluster, options, papers.length, linkedPapers);
  const { seed } = options;
  const n = papers.length;
  if (n < 3) throw new Error(`topic model: need at least 3 papers, got ${n}`);
  const report = (stage: string) => (done: number, total: number) => onProgress?.(stage, done, total);

  // The pipeline tokenizes before it lets the abstracts go, and hands the tokens in.
  if (tokens !== undefined && tokens.docs.length !== n) {
    throw new Error(`topic model: ${tokens.docs.length} token lists for ${n} papers`);
  }
  if (tokens === undefined) report('tokens')(0, n);
  const corpus =
    tokens ??
    tokenizeCorpus(
      papers.map((p) => ({ title: p.title, text: p.abstractPlain })),
      {},
      report('tokens'),
    );
  // The surface forms are only needed for the labels: held here, and let go of after those.
  let forms = corpus.forms;
  delete corpus.forms;
  if (tokens === undefined) report('tokens')(n, n);

  const adaptations: string[] = [];
  const bounds = buildSmallCorpusBounds(n, options.minDf, options.maxDf, corpus.docs, adaptations);
  const knnPapers = Math.min(n, KNN_PAPERS);
  const { counts, columns, lsa, knnTfidf } = buildWeightsAndLsa(corpus, bounds, options, knnPapers, onProgress);

  const { vectors, explainedVariance, graph, space, kSelection, assignments, centroids } = buildTopicClustering(
    lsa,
    options,
    onProgress,
    links,
  );
  const k = kSelection.chosen;
  const centroidData = centroids.data;
  const dims = space.cols;
  const distance = new Float64Array(n);
  const confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let d1 = Infinity;
    let d2 = Infinity;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(space.data, i, centroidData, c, dims);
      if (c === assignments[i]) d1 = s;
      else if (s < d2) d2 = s;
    }
    distance[i] = Math.round(Math.sqrt(d1) * 1e6) / 1e6;
    confidence[i] = Number.isFinite(d2) && d2 > 0 ? Math.round(Math.max(0, 1 - Math.sqrt(d1 / d2)) * 1e6) / 1e6 : 1;
  }
  // Membership and outliers read each paper's own words (the LSA vectors) against the topics'
  // mean directions there.
  const directions = buildTopicDirections(vectors, assignments, k);
  const memberships = buildMemberships(vectors, directions);
  const outliers = buildOutliers(vectors, assignments, k, undefined, directions);
  report('topics')(1, 1);

  report('labels')(0, 1);
  const classTerms = buildClassTerms(counts, columns, assignments, k, 30);
  const representatives = buildRepresentatives(space, centroids, assignments, 10);
  const topicSimilarity = buildTopicSimilarity(centroids).map((s) => Math.round(s * 1e6) / 1e6);
  const sizes = new Array<number>(k).fill(0);
  for (const a of assignments) sizes[a]++;
  const tree = buildTopicTree(topicSimilarity, sizes);
  const { vocab } = corpus;
  // Each topic's words as its own papers write them; the forms are not needed after this.
  const topicDisplay = forms
    ? buildTopicDisplay(
        forms,
        assignments,
        k,
        classTerms.map((ct) => ct.termIds),
        vocab.display,
      )
    : classTerms.map(() => new Map<number, string>());
  forms = undefined;
  const shownIn = (topic: number) => (termId: number) => topicDisplay[topic].get(termId) ?? vocab.display[termId];
  const labelTerms = classTerms.map((ct, t) =>
    selectLabelTerms(
      ct.labelOrder.map((i) => ct.termIds[i]),
      vocab.terms,
      shownIn(t),
      3,
      ct.labelOrder.map((i) => ct.weights[i]),
    ),
  );
  // A part's label says what sets it apart, not the words its topic's label already has.
  const topicWords = labelTerms.map((ids) => new Set(ids.flatMap((id) => vocab.terms[id].split(' '))));
  const split = buildSubtopics(
    vectors,
    counts,
    columns,
    assignments,
    k,
    vocab.terms,
    (topic, termId) => shownIn(topic)(termId),
    deriveSeed(seed, 'subtopics'),
    (topic) => topicWords[topic],
  );
  report('labels')(1, 1);

  // The 10-NN accuracy figures of the quality report run on a worker while the map is laid out.
  report('map')(0, 1);
  const labels = buildLabelCodes(papers.map((p) => p.label));
  const knnInput =
    labels.names.length >= 2 && knnTfidf !== null
      ? {
          tfidf: knnTfidf,
          vectors: leadingRows(vectors, knnPapers),
          space: space === vectors ? null : leadingRows(space, knnPapers),
          labels: toShared(labels.codes.slice(0, knnPapers)),
          seed,
        }
      : null;
  const { own: layout, knn } = runBesideKnnFigures(
    () => buildMap(vectors, graph, { seed: deriveSeed(seed, 'map') }),
    knnInput,
  );
  report('map')(1, 1);

  report('quality')(0, 1);
  const topics: Topic[] = classTerms.map((ct, id) => {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      if (assignments[i] !== id) continue;
      sx += layout.x[i];
      sy += layout.y[i];
    }
    const shownAs = shownIn(id);
    return {
      id,
      label: labelTerms[id].map(shownAs).join(', '),
      size: sizes[id],
      terms: ct.termIds.map((termId, r) => ({
        termId,
        term: shownAs(termId),
        weight: Math.round(ct.weights[r] * 1e8) / 1e8,
      })),
      representatives: representatives[id],
      x: sizes[id] > 0 ? Math.round((sx / sizes[id]) * 1e4) / 1e4 : 0,
      y: sizes[id] > 0 ? Math.round((sy / sizes[id]) * 1e4) / 1e4 : 0,
      parent: tree[id].parent,
    };
  });
  const quality = buildQualityReport(
    corpus.docs,
    topics,
    assignments,
    vectors,
    space,
    labels,
    knn,
    knnPapers,
    graph,
    layout,
    explainedVariance,
    seed,
    outliers,
  );
  report('quality')(1, 1);

  const subtopics = placeSubtopics(split, assignments, layout);
  const placements: PaperPlacements = {
    topic: assignments,
    distance,
    confidence,
    outlierScore: outliers.score,
    outlier: outliers.outlier,
    subtopic: split.subtopic,
    memberships,
    x: layout.x,
    y: layout.y,
    neighbours: graph.k,
    similar: graph.indices,
    similarity: graph.similarities.map((s) => Math.round(s * 1e6) / 1e6),
  };
  return {
    corpus,
    vectors,
    topics,
    subtopics,
    tree,
    topicSimilarity,
    papers: placements,
    kSelection,
    quality,
    options,
    adaptations,
    method,
  };
}

/** Sub-topics with their place on the map (the mean of their papers' positions). */
function placeSubtopics(
  split: { subtopic: Int32Array; subtopics: Subtopic[] },
  assignments: Int32Array,
  layout: { x: Float64Array; y: Float64Array },
): PlacedSubtopic[] {
  const index = new Map<string, number>();
  const placed: PlacedSubtopic[] = split.subtopics.map((s, i) => {
    index.set(`${s.topic}:${s.id}`, i);
    return { ...s, x: 0, y: 0 };
  });
  const sums = placed.map(() => [0, 0, 0]);
  for (let i = 0; i < assignments.length; i++) {
    if (split.subtopic[i] < 0) continue;
    const at = index.get(`${assignments[i]}:${split.subtopic[i]}`);
    if (at === undefined) continue;
    sums[at][0] += layout.x[i];
    sums[at][1] += layout.y[i];
    sums[at][2]++;
  }
  placed.forEach((p, i) => {
    const [sx, sy, c] = sums[i];
    p.x = c > 0 ? Math.round((sx / c) * 1e4) / 1e4 : 0;
    p.y = c > 0 ? Math.round((sy / c) * 1e4) / 1e4 : 0;
  });
  return placed;
}

function buildQualityReport(
  docs: Int32Array[],
  topics: Topic[],
  assignments: Int32Array,
  vectors: DenseMatrix,
  space: DenseMatrix,
  labels: EncodedLabels,
  knn: KnnFigures | null,
  knnPapers: number,
  graph: NeighbourGraph,
  layout: { x: Float64Array; y: Float64Array },
  explainedVariance: number,
  seed: number,
  outliers: { outlier: Uint8Array; threshold: number; count: number },
): QualityReport {
  const n = vectors.rows;
  const top10 = topics.map((t) => t.terms.slice(0, 10).map((x) => x.termId));
  const coherence = buildTopicCoherence(docs, top10);
  const silhouetteSample = Math.min(n, 2000);
  let labelledPapers = 0;
  for (const c of labels.codes) if (c >= 0) labelledPapers++;
  const hasLabels = labels.names.length >= 2;
  const recallSample = sampleIndices(n, Math.min(n, 200), deriveSeed(seed, 'recall'));
  const recall = neighbourRecall(graph, buildExactNeighbours(vectors, graph.k, recallSample), recallSample);
  return {
    silhouette: silhouette(space, assignments, { sampleSize: silhouetteSample, seed }),
    silhouetteSample,
    coherence: coherence.mean,
    coherencePerTopic: coherence.perTopic,
    diversity: topicDiversity(top10, 10),
    labelledPapers,
    labelCount: labels.names.length,
    ari: hasLabels ? adjustedRandIndex(labels.codes, assignments) : null,
    nmi: hasLabels ? normalizedMutualInfo(labels.codes, assignments) : null,
    nmiInliers: hasLabels ? inlierNmi(labels.codes, assignments, outliers.outlier) : null,
    outliers: outliers.count,
    outlierThreshold: outliers.threshold,
    knnAccuracyTfidf: knn?.tfidf ?? null,
    knnAccuracyLsa: knn?.lsa ?? null,
    knnAccuracySpace: knn?.space ?? null,
    knnPapers: hasLabels ? knnPapers : 0,
    mapNeighbourPreservation: mapNeighbourPreservation(graph, layout, 2000, seed),
    neighbourRecall: recall,
    neighbourRecallSample: recallSample.length,
    explainedVariance,
  };
}

/** NMI against the labels over the papers that are not outliers. */
function inlierNmi(codes: Int32Array, assignments: Int32Array, outlier: Uint8Array): number {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (outlier[i]) continue;
    a.push(codes[i]);
    b.push(assignments[i]);
  }
  return normalizedMutualInfo(a, b);
}
