/**
 * The 'ann' part of scripts/bench.ts: the similar-papers search of lib/model/neighbours.ts (an
 * inverted file of k-means cells and a neighbour-of-neighbour refinement, in JavaScript) side by
 * side with usearch's HNSW graph (C++ with SIMD kernels, https://github.com/unum-cloud/usearch, a
 * dev dependency) on the same LSA vectors of one corpus: seconds, and recall of the 10 nearest
 * papers against exact search for 2,000 query papers (the scale issue's measure). One corpus per
 * child process (`--only ann [--sizes 1m]`: the arXiv file, then its resampled copies).
 *
 * usearch is run with both threads for its insertions, as it is fastest; its graph then depends on
 * the threads' timing, so a build made with it would not be reproducible (ours is, for any number
 * of threads). hnswlib-node is not in the bench: its install compiles C++ (a minute of `npm ci`)
 * and it adds and searches one point per JavaScript call on one thread; measured once by hand,
 * README "Similar papers" gives its figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AbstractFile } from '../lib/corpus/abstract-file';
import { readCorpus } from '../lib/corpus/index';
import { buildSmallCorpusBounds, buildTopicLsa, resolveTopicModelOptions } from '../lib/model/index';
import { buildExactNeighbours, buildNeighbours, neighbourRecall, type NeighbourGraph } from '../lib/model/neighbours';
import { buildTfidf } from '../lib/model/tfidf';
import type { DenseMatrix } from '../lib/model/matrix';
import { parallelThreads } from '../lib/parallel/pool';
import { buildModelRows } from '../lib/pipeline';
import { sampleIndices } from '../lib/random';
import { tokenizeCorpus } from '../lib/text/index';
import type { BenchRow, PartResult } from './bench-parts';

/** usearch, loaded by this part only: the other parts run without it installed. */
type Usearch = typeof import('usearch');

const K = 10;
const QUERIES = 2000;

/** HNSW settings measured: connectivity M, expansion when adding and when searching, scalar kind. */
interface HnswSetting {
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
  quantization: 'f32' | 'i8';
}

const HNSW_SETTINGS: HnswSetting[] = [
  // int8 vectors and a sparser graph: the setting that reaches our recall soonest.
  { connectivity: 12, expansionAdd: 64, expansionSearch: 40, quantization: 'i8' },
  // float32, usearch's defaults for M and the expansions.
  { connectivity: 16, expansionAdd: 128, expansionSearch: 64, quantization: 'f32' },
];

/** The LSA vectors the pipeline clusters and searches, computed as it does (abstracts through a side file). */
async function lsaVectors(corpus: string): Promise<DenseMatrix> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-ann-'));
  const abstracts = new AbstractFile(path.join(dir, 'abstracts.db'));
  try {
    const read = await readCorpus([corpus], {}, undefined, abstracts);
    abstracts.finish();
    const rows = buildModelRows(read.papers);
    const tokens = tokenizeCorpus({
      titles: Array.from(rows, (i) => read.papers[i].title),
      abstractFile: abstracts.file,
      papers: rows,
    });
    const options = resolveTopicModelOptions(rows.length, { seed: 42 });
    const bounds = buildSmallCorpusBounds(rows.length, options.minDf, options.maxDf, tokens.docs, []);
    const tfidf = buildTfidf(tokens, bounds);
    return buildTopicLsa(tfidf.matrix, options).vectors;
  } finally {
    abstracts.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** usearch's HNSW: every row added, then every row searched; lists without the row itself. */
function searchHnsw(
  { Index, MetricKind, ScalarKind }: Usearch,
  vectors: DenseMatrix,
  setting: HnswSetting,
): { graph: NeighbourGraph; add: number; search: number } {
  const { rows, cols } = vectors;
  const data = Float32Array.from(vectors.data);
  const threads = parallelThreads();
  const index = new Index({
    dimensions: cols,
    metric: MetricKind.IP,
    quantization: setting.quantization === 'i8' ? ScalarKind.I8 : ScalarKind.F32,
    connectivity: setting.connectivity,
    expansion_add: setting.expansionAdd,
    expansion_search: setting.expansionSearch,
    multi: false,
  });
  const keys = new BigUint64Array(rows);
  for (let i = 0; i < rows; i++) keys[i] = BigInt(i);
  let t = performance.now();
  index.add(keys, data, threads);
  const add = (performance.now() - t) / 1000;
  t = performance.now();
  const found = index.search(data, K + 1, threads);
  const search = (performance.now() - t) / 1000;
  const indices = new Int32Array(rows * K).fill(-1);
  const similarities = new Float64Array(rows * K).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    let m = 0;
    for (let r = 0; r <= K && m < K; r++) {
      const j = Number(found.keys[i * (K + 1) + r]);
      if (j === i || j >= rows) continue;
      indices[i * K + m] = j;
      similarities[i * K + m] = 1 - found.distances[i * (K + 1) + r];
      m++;
    }
  }
  return { graph: { k: K, indices, similarities }, add, search };
}

export async function benchAnn(corpus: string): Promise<PartResult> {
  const usearch = await import('usearch');
  const vectors = await lsaVectors(corpus);
  const n = vectors.rows;
  const part = `ann ${n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : `${Math.round(n / 1000)}k`}`;
  const queries = sampleIndices(n, Math.min(QUERIES, n), 7);
  let t = performance.now();
  const exact = buildExactNeighbours(vectors, K, queries);
  const rows: BenchRow[] = [
    {
      part,
      stage: 'exact (queries)',
      seconds: (performance.now() - t) / 1000,
      peakRssMb: null,
      figures: `${queries.length} query papers × ${n} papers`,
    },
  ];
  t = performance.now();
  const ours = buildNeighbours(vectors, { k: K, seed: 1 });
  const oursSeconds = (performance.now() - t) / 1000;
  const oursRecall = neighbourRecall(ours, exact, queries);
  rows.push({
    part,
    stage: 'ours: IVF + local join',
    seconds: oursSeconds,
    peakRssMb: null,
    figures: `recall ${oursRecall.toFixed(3)} (${n > 200_000 ? '10 probes, 2 rounds' : '6 probes, 1 round'})`,
  });
  const notes: string[] = [];
  for (const setting of HNSW_SETTINGS) {
    const { graph, add, search } = searchHnsw(usearch, vectors, setting);
    const recall = neighbourRecall(graph, exact, queries);
    rows.push({
      part,
      stage: `usearch HNSW ${setting.quantization} M=${setting.connectivity}`,
      seconds: add + search,
      peakRssMb: null,
      figures: `recall ${recall.toFixed(3)} (add ${add.toFixed(1)} s, search ${search.toFixed(1)} s; ef ${setting.expansionAdd}/${setting.expansionSearch})`,
    });
    notes.push(
      `${part}: usearch ${setting.quantization} M=${setting.connectivity} ${(add + search).toFixed(1)} s at recall ${recall.toFixed(3)} vs ours ${oursSeconds.toFixed(1)} s at ${oursRecall.toFixed(3)} (time ratio ${((add + search) / oursSeconds).toFixed(2)})`,
    );
  }
  return { rows, notes };
}
