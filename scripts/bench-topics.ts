/**
 * The 'topics' part of scripts/bench.ts: topic quality against known labels, ours and
 * scikit-learn's, mean of five seeds each, in the same run. Three labelled corpora from the arXiv
 * file: all of it (primary category as label), 5 categories balanced (the 5 largest, 1,000 papers
 * each) and 10 balanced (the 10 largest, 300 each), both drawn with a fixed seed. Per method and
 * corpus: NMI over all papers and over the non-outliers, the outlier share, coherence and
 * diversity of the top-10 terms, stability across seeds (topics matched one-to-one between every
 * pair of seeds), 10-NN accuracy of the clustering vectors, and the time to topics.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { readCorpus } from '../lib/corpus/index';
import type { Paper } from '../lib/corpus/types';
import { buildTopicClustering, buildSmallCorpusBounds, resolveTopicModelOptions } from '../lib/model/index';
import { buildKnnFigures } from '../lib/model/knn-figures';
import { buildClassTerms } from '../lib/model/labels';
import { buildOutliers } from '../lib/model/membership';
import { buildLabelCodes, normalizedMutualInfo, buildTopicCoherence, topicDiversity } from '../lib/model/quality';
import { leadingCsrRows, leadingRows } from '../lib/model/matrix';
import { seedStability } from '../lib/model/stability';
import { buildTfidf } from '../lib/model/tfidf';
import type { ClusterMethod } from '../lib/model/types';
import { createRandom } from '../lib/random';
import { tokenizeCorpus } from '../lib/text/index';

export interface TopicsBenchRow {
  part: string;
  stage: string;
  seconds: number | null;
  peakRssMb: number | null;
  figures?: string;
}

const SEEDS = [1, 2, 3, 4, 5];
const METHODS: ClusterMethod[] = ['smoothed', 'kmeans'];
const KNN_PAPERS = 20000;
const sklearnSeeds = path.join(import.meta.dirname, 'sklearn_seeds.py');

const seconds = (since: number) => (performance.now() - since) / 1000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const f3 = (x: number) => x.toFixed(3);

/** The records of a JSON-lines (gzipped) arXiv file with their primary category. */
async function readArxivLines(file: string): Promise<{ line: string; category: string }[]> {
  const stream = fs.createReadStream(file);
  const input = file.endsWith('.gz') ? stream.pipe(zlib.createGunzip()) : stream;
  const out: { line: string; category: string }[] = [];
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { categories?: string };
    out.push({ line, category: (record.categories ?? '').split(' ')[0] });
  }
  return out;
}

/**
 * Writes a balanced corpus: `per` records of each of the `categories` largest primary categories
 * (with at least `per` records), drawn and shuffled with a fixed seed.
 */
function writeBalanced(
  records: { line: string; category: string }[],
  categories: number,
  per: number,
  file: string,
): string[] {
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const list = groups.get(r.category) ?? [];
    list.push(r.line);
    groups.set(r.category, list);
  }
  const chosen = [...groups.entries()]
    .filter(([, lines]) => lines.length >= per)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, categories);
  const random = createRandom(7);
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const lines: string[] = [];
  for (const [, group] of chosen) for (const line of shuffle([...group]).slice(0, per)) lines.push(line);
  fs.writeFileSync(file, zlib.gzipSync(shuffle(lines).join('\n') + '\n'));
  return chosen.map(([c]) => c);
}

interface SklearnRun {
  nmi: number[];
  seconds: number[];
  tfidfSeconds: number;
}

function runSklearn(corpus: string, k: number): SklearnRun | null {
  if (!fs.existsSync('/usr/bin/python3')) return null;
  const res = spawnSync('/usr/bin/python3', [sklearnSeeds, corpus, String(k), ...SEEDS.map(String)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) {
    process.stderr.write(`scikit-learn seeds failed: ${res.stderr}\n`);
    return null;
  }
  const lines = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { tfidf_seconds?: number; nmi?: number; seconds?: number });
  const runs = lines.filter((l) => l.nmi !== undefined);
  return {
    nmi: runs.map((r) => r.nmi ?? 0),
    seconds: runs.map((r) => r.seconds ?? 0),
    tfidfSeconds: lines[0].tfidf_seconds ?? 0,
  };
}

interface MethodFigures {
  nmi: number[];
  nmiInliers: number[];
  outlierShare: number[];
  coherence: number[];
  diversity: number[];
  clusterSeconds: number[];
  stability: number;
  knn: number | null;
}

/** Tokens and TF-IDF of the papers (shared by every seed and method), with their time. */
function prepare(papers: Paper[]) {
  const t0 = performance.now();
  const corpus = tokenizeCorpus(papers.map((p) => ({ title: p.title, text: p.abstractPlain })));
  delete corpus.forms;
  const options = resolveTopicModelOptions(papers.length, {});
  const bounds = buildSmallCorpusBounds(papers.length, options.minDf, options.maxDf, corpus.docs, []);
  const tfidf = buildTfidf(corpus, bounds);
  return { corpus, tfidf, seconds: seconds(t0) };
}

function measureMethod(
  papers: Paper[],
  prepared: ReturnType<typeof prepare>,
  method: ClusterMethod,
  k: number,
  knn: boolean,
): MethodFigures {
  const labels = buildLabelCodes(papers.map((p) => p.label));
  const figures: MethodFigures = {
    nmi: [],
    nmiInliers: [],
    outlierShare: [],
    coherence: [],
    diversity: [],
    clusterSeconds: [],
    stability: 0,
    knn: null,
  };
  const runs: Int32Array[] = [];
  for (const seed of SEEDS) {
    const options = resolveTopicModelOptions(papers.length, { topics: k, seed, cluster: method });
    const t0 = performance.now();
    const c = buildTopicClustering(prepared.tfidf.matrix, options);
    figures.clusterSeconds.push(seconds(t0));
    runs.push(c.assignments);
    figures.nmi.push(normalizedMutualInfo(labels.codes, c.assignments));
    const outliers = buildOutliers(c.vectors, c.assignments, k);
    figures.outlierShare.push(outliers.count / papers.length);
    const keepA: number[] = [];
    const keepB: number[] = [];
    for (let i = 0; i < papers.length; i++) {
      if (outliers.outlier[i]) continue;
      keepA.push(labels.codes[i]);
      keepB.push(c.assignments[i]);
    }
    figures.nmiInliers.push(normalizedMutualInfo(keepA, keepB));
    const top10 = buildClassTerms(prepared.tfidf.counts, prepared.tfidf.columns, c.assignments, k, 10).map(
      (ct) => ct.termIds,
    );
    figures.coherence.push(buildTopicCoherence(prepared.corpus.docs, top10).mean);
    figures.diversity.push(topicDiversity(top10, 10));
    if (knn && seed === SEEDS[0]) {
      const rows = Math.min(papers.length, KNN_PAPERS);
      const result = buildKnnFigures({
        tfidf: leadingCsrRows(prepared.tfidf.matrix, rows),
        vectors: leadingRows(c.vectors, rows),
        space: c.space === c.vectors ? null : leadingRows(c.space, rows),
        labels: labels.codes.slice(0, rows),
        seed,
        singleThread: false,
      });
      figures.knn = result.space ?? result.lsa;
    }
  }
  figures.stability = seedStability(runs);
  return figures;
}

/** The part: writes the balanced corpora into `work`, measures ours and scikit-learn's. */
export async function benchTopics(arxiv: string, work: string): Promise<{ rows: TopicsBenchRow[]; notes: string[] }> {
  const rows: TopicsBenchRow[] = [];
  const notes: string[] = [];
  const records = await readArxivLines(arxiv);
  const bal5 = path.join(work, 'arxiv-balanced-5.jsonl.gz');
  const bal10 = path.join(work, 'arxiv-balanced-10.jsonl.gz');
  const cats5 = writeBalanced(records, 5, 1000, bal5);
  const cats10 = writeBalanced(records, 10, 300, bal10);
  notes.push(`balanced corpora: 5 × 1,000 of ${cats5.join(', ')}; 10 × 300 of ${cats10.join(', ')}`);
  const corpora = [
    { name: 'arxiv', file: arxiv, k: 30 },
    { name: 'balanced-5', file: bal5, k: 5 },
    { name: 'balanced-10', file: bal10, k: 10 },
  ];
  for (const { name, file, k } of corpora) {
    process.stderr.write(`  topics: ${name} (k=${k})…\n`);
    const t0 = performance.now();
    const { papers } = await readCorpus([file]);
    const ingest = seconds(t0);
    const prepared = prepare(papers);
    const part = `topics ${name}`;
    rows.push({
      part,
      stage: 'ingest + tokens + tf-idf',
      seconds: ingest + prepared.seconds,
      peakRssMb: null,
      figures: `${papers.length} papers, k=${k}, seeds ${SEEDS.join(',')}`,
    });
    const byMethod = new Map<ClusterMethod, MethodFigures>();
    for (const method of METHODS) {
      const m = measureMethod(papers, prepared, method, k, name === 'arxiv' || papers.length <= KNN_PAPERS);
      byMethod.set(method, m);
      rows.push({
        part,
        stage: `${method}: to topics (mean)`,
        seconds: ingest + prepared.seconds + mean(m.clusterSeconds),
        peakRssMb: null,
        figures:
          `NMI ${f3(mean(m.nmi))}±${f3(sd(m.nmi))} (non-outliers ${f3(mean(m.nmiInliers))}, outliers ${(100 * mean(m.outlierShare)).toFixed(1)}%)` +
          ` coherence ${f3(mean(m.coherence))} diversity ${f3(mean(m.diversity))} stability ${f3(m.stability)}` +
          (m.knn !== null ? ` 10-NN ${f3(m.knn)}` : ''),
      });
    }
    const sk = runSklearn(file, k);
    if (sk) {
      const ours = byMethod.get('smoothed')!;
      rows.push({
        part,
        stage: 'scikit-learn: svd + k-means (mean)',
        seconds: mean(sk.seconds),
        peakRssMb: null,
        figures: `NMI ${f3(mean(sk.nmi))}±${f3(sd(sk.nmi))}; ours (smoothed) − scikit-learn = ${(mean(ours.nmi) - mean(sk.nmi)).toFixed(3)}`,
      });
    } else notes.push(`scikit-learn not run for ${name} (apt-get install -y python3-sklearn)`);
    if (name === 'arxiv') {
      // Linear in papers: the same stages on the first half of the corpus.
      const half = papers.slice(0, Math.floor(papers.length / 2));
      const t1 = performance.now();
      const preparedHalf = prepare(half);
      buildTopicClustering(preparedHalf.tfidf.matrix, resolveTopicModelOptions(half.length, { topics: k, seed: 1 }));
      const halfSeconds = seconds(t1);
      const t2 = performance.now();
      buildTopicClustering(prepared.tfidf.matrix, resolveTopicModelOptions(papers.length, { topics: k, seed: 1 }));
      const fullSeconds = prepared.seconds + seconds(t2);
      rows.push({
        part,
        stage: 'smoothed: tokens..topics, half vs all',
        seconds: fullSeconds,
        peakRssMb: null,
        figures: `${half.length} papers ${halfSeconds.toFixed(1)} s, ${papers.length} papers ${fullSeconds.toFixed(1)} s: ×${(fullSeconds / halfSeconds).toFixed(2)} for ×2 papers`,
      });
    }
  }
  return { rows, notes };
}
