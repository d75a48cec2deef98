/**
 * Topic evolution, as bibliometrix's thematic evolution and CiteSpace's timeline draw it: the
 * periods are grouped into windows with enough papers each, the papers of every window are
 * clustered on their own (k-means on the LSA vectors, seeded), and the clusters of consecutive
 * windows are linked when their centroids point the same way (cosine in the shared LSA space). A
 * cluster with two strong links forward splits, two links into one merge, no link back emerges, no
 * link forward fades. Each cluster is named by its class-based TF-IDF terms within its window and
 * keeps its papers closest to the centroid.
 */
import { buildKMeans } from '../model/kmeans';
import type { DenseMatrix } from '../model/matrix';
import type { TokenizedCorpus } from '../text/types';
import { deriveSeed } from '../random';
import type { Period } from './types';

export interface EvolutionOptions {
  /** At most this many windows (and at least 2 when the periods allow). */
  maxWindows: number;
  /** A window needs at least this many papers. */
  minWindowPapers: number;
  /** Clusters per window: about √(papers / `papersPerCluster`), within 3..`maxClusters`. */
  papersPerCluster: number;
  maxClusters: number;
  /** Links need this cosine between centroids; each cluster keeps its `linksPerCluster` best. */
  minCosine: number;
  linksPerCluster: number;
  /** Papers kept per cluster, closest to its centroid first. */
  papersPerNode: number;
  seed: number;
}

export const DEFAULT_EVOLUTION_OPTIONS: EvolutionOptions = {
  maxWindows: 6,
  minWindowPapers: 150,
  papersPerCluster: 25,
  maxClusters: 10,
  minCosine: 0.55,
  linksPerCluster: 3,
  papersPerNode: 30,
  seed: 42,
};

export interface EvolutionWindow {
  /** Ordinals of its first and last period. */
  first: number;
  last: number;
  papers: number;
}

export interface EvolutionNode {
  id: number;
  window: number;
  label: string;
  size: number;
  /** Model rows of its papers, closest to the centroid first. */
  papers: number[];
}

export interface EvolutionLink {
  source: number;
  target: number;
  /** Cosine of the two centroids. */
  similarity: number;
  /** The source's papers carried along this link (its size shared by similarity). */
  value: number;
}

export interface TopicEvolution {
  windows: EvolutionWindow[];
  nodes: EvolutionNode[];
  links: EvolutionLink[];
}

/** Groups consecutive periods into at most `maxWindows` windows of about equal papers, each with at
 * least `minWindowPapers` (the last takes what is left). */
export function buildWindows(
  periods: readonly Period[],
  opts: Pick<EvolutionOptions, 'maxWindows' | 'minWindowPapers'>,
): EvolutionWindow[] {
  const total = periods.reduce((s, p) => s + p.papers, 0);
  const count = Math.min(periods.length, opts.maxWindows, Math.floor(total / Math.max(1, opts.minWindowPapers)));
  if (count < 2) return [];
  const windows: EvolutionWindow[] = [];
  let first = 0;
  let papers = 0;
  let left = total;
  for (let p = 0; p < periods.length; p++) {
    papers += periods[p].papers;
    const windowsAfter = count - windows.length - 1;
    const periodsAfter = periods.length - p - 1;
    // Each window aims at an equal share of the papers still to place, and leaves a period for
    // every window still to come.
    const target = left / (windowsAfter + 1);
    const close =
      p === periods.length - 1 ||
      (windowsAfter > 0 && periodsAfter >= windowsAfter && (papers >= target || periodsAfter === windowsAfter));
    if (close) {
      windows.push({ first, last: p, papers });
      left -= papers;
      first = p + 1;
      papers = 0;
    }
  }
  // A last window too small to stand alone joins the one before.
  const last = windows[windows.length - 1];
  if (windows.length > 1 && last.papers < opts.minWindowPapers) {
    const before = windows[windows.length - 2];
    windows.splice(windows.length - 2, 2, {
      first: before.first,
      last: last.last,
      papers: before.papers + last.papers,
    });
  }
  return windows.length >= 2 ? windows : [];
}

/**
 * The evolution of topics over `periods`: `periodOf[row]` is the period of model row `row` (-1:
 * undated), `vectors` its LSA vector, `corpus.docs[row]` its terms.
 */
export function buildTopicEvolution(
  vectors: DenseMatrix,
  corpus: TokenizedCorpus,
  periodOf: Int32Array,
  periods: readonly Period[],
  opts: EvolutionOptions = DEFAULT_EVOLUTION_OPTIONS,
): TopicEvolution {
  const windows = buildWindows(periods, opts);
  if (windows.length === 0) return { windows: [], nodes: [], links: [] };
  const dims = vectors.cols;
  const windowOf = new Int32Array(periods.length).fill(-1);
  windows.forEach((w, i) => {
    for (let p = w.first; p <= w.last; p++) windowOf[p] = i;
  });
  const members: number[][] = windows.map(() => []);
  for (let row = 0; row < periodOf.length; row++) if (periodOf[row] >= 0) members[windowOf[periodOf[row]]].push(row);

  const nodes: EvolutionNode[] = [];
  const centroids: Float64Array[] = [];
  const idf = buildIdf(corpus, periodOf.length);
  windows.forEach((w, wi) => {
    const rows = members[wi];
    const k = Math.max(3, Math.min(opts.maxClusters, Math.round(Math.sqrt(rows.length / opts.papersPerCluster))));
    if (rows.length < k * 3) return;
    const data = new Float64Array(rows.length * dims);
    rows.forEach((row, i) => data.set(vectors.data.subarray(row * dims, (row + 1) * dims), i * dims));
    const clustering = buildKMeans(
      { rows: rows.length, cols: dims, data },
      { k, seed: deriveSeed(opts.seed, `evolution ${wi}`) },
    );
    // Clusters by size, largest first, so node ids read top to bottom.
    const sizes = new Array<number>(k).fill(0);
    for (const a of clustering.assignments) sizes[a]++;
    const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
    for (const c of order) {
      if (sizes[c] === 0) continue;
      const mine: number[] = [];
      clustering.assignments.forEach((a, i) => {
        if (a === c) mine.push(i);
      });
      const centroid = normalize(clustering.centroids.data.slice(c * dims, (c + 1) * dims));
      const closeness = (i: number) => {
        let s = 0;
        for (let d = 0; d < dims; d++) s += data[i * dims + d] * centroid[d];
        return s;
      };
      const papers = mine
        .map((i) => ({ i, s: closeness(i) }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, opts.papersPerNode)
        .map((x) => rows[x.i]);
      nodes.push({
        id: nodes.length,
        window: wi,
        label: labelCluster(
          corpus,
          mine.map((i) => rows[i]),
          idf,
        ),
        size: sizes[c],
        papers,
      });
      centroids.push(centroid);
    }
  });

  const links: EvolutionLink[] = [];
  for (const a of nodes) {
    const next = nodes.filter((b) => b.window === a.window + 1);
    const scored = next
      .map((b) => ({ b, s: dot(centroids[a.id], centroids[b.id]) }))
      .filter((x) => x.s >= opts.minCosine)
      .sort((x, y) => y.s - x.s || x.b.id - y.b.id)
      .slice(0, opts.linksPerCluster);
    const sum = scored.reduce((t, x) => t + x.s, 0);
    for (const { b, s } of scored) {
      links.push({
        source: a.id,
        target: b.id,
        similarity: Math.round(s * 1e4) / 1e4,
        value: Math.round(((a.size * s) / sum) * 100) / 100,
      });
    }
  }
  return { windows, nodes, links };
}

function normalize(v: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < v.length; i++) v[i] *= s;
  return v;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** log(N / df) of every term over the model's papers. */
function buildIdf(corpus: TokenizedCorpus, papers: number): Float64Array {
  const df = corpus.vocab.df;
  return Float64Array.from(df, (d) => Math.log(Math.max(1, papers) / Math.max(1, d)));
}

/** Three terms that set a cluster apart: papers with the term in the cluster times its idf, one
 * term per word family (a phrase and its words are not both taken). */
function labelCluster(corpus: TokenizedCorpus, rows: readonly number[], idf: Float64Array): string {
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  for (const row of rows) {
    seen.clear();
    const doc = corpus.docs[row];
    for (let i = 0; i < doc.length; i++) {
      const t = doc[i];
      if (seen.has(t)) continue;
      seen.add(t);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  const { terms, display } = corpus.vocab;
  const ranked = [...counts]
    .filter(([, c]) => c >= Math.max(2, rows.length * 0.05))
    .map(([t, c]) => ({ t, score: (c / rows.length) * idf[t] }))
    .sort((a, b) => b.score - a.score || a.t - b.t);
  const picked: number[] = [];
  for (const { t } of ranked) {
    const words = terms[t].split(' ');
    if (picked.some((p) => terms[p].split(' ').some((w) => words.includes(w)))) continue;
    picked.push(t);
    if (picked.length === 3) break;
  }
  return picked.map((t) => display[t]).join(', ');
}
