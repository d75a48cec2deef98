/**
 * Consensus k-means: the topics most of several seeded starts agree on. One start (small
 * clusters merged by Ward's criterion, lib/model/ward.ts) still depends on its draws; several
 * starts on one seeded sample of the rows are matched one-to-one to the most typical of them (the
 * start whose topics agree best with the others', a medoid partition), each sampled row takes the
 * topic most starts give it (matched-label voting, as in the consensus clustering of Strehl &
 * Ghosh 2002, https://www.jmlr.org/papers/v3/strehl02a.html), and k-means over all rows then
 * starts from the voted topics' means. The starts run on the sample only, so their cost does not
 * grow with the corpus; only the last k-means reads every row.
 */
import { deriveSeed, sampleIndices } from '../random';
import { buildKMeans, type Clustering } from './kmeans';
import { gatherRows } from './linalg';
import type { DenseMatrix } from './matrix';
import { buildTopicAgreement } from './stability';
import { buildWardKMeans, buildWardStart, MAX_MICRO, MICRO_PER_TOPIC } from './ward';

/** Starts voted over (the README gives the figures behind it). */
export const CONSENSUS_STARTS = 5;
/** Rows the starts are found on; larger corpora are sampled. */
const CONSENSUS_SAMPLE = 20000;
/** Lloyd iterations of a start's small clusters, and k-means++ candidates per small cluster: rough
 * starts, which differ more between themselves, vote about as well as converged ones (papers kept
 * across seeds on arXiv 0.832 against 0.839) at a fifth of the cost. */
const MICRO_ITERATIONS = 10;
const MICRO_TRIALS = 1;

/** Options for {@link buildConsensusKMeans}. */
export interface ConsensusKMeansOptions {
  k: number;
  seed?: number;
  /** Starts voted over (default CONSENSUS_STARTS). */
  starts?: number;
  /** Lloyd iterations of each start's small clusters (default 10). */
  microIterations?: number;
  /** k-means++ candidates per small cluster (default 1). */
  microTrials?: number;
}

/**
 * The rows' topic by matched-label voting: every start's topics are matched one-to-one to those
 * of `reference` (the Hungarian method on shared rows) and each row takes the topic most starts
 * give it, the reference's own on a tie.
 */
export function buildVotedTopics(starts: readonly Int32Array[], reference: number, k: number): Int32Array {
  const n = starts[reference].length;
  const votes = new Int32Array(n * k);
  for (const start of starts) {
    const { matching } = buildTopicAgreement(start, starts[reference]);
    for (let i = 0; i < n; i++) {
      const topic = matching[start[i]];
      if (topic >= 0) votes[i * k + topic]++;
    }
  }
  const voted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = starts[reference][i];
    for (let t = 0; t < k; t++) if (votes[i * k + t] > votes[i * k + best]) best = t;
    voted[i] = best;
  }
  return voted;
}

/** The start whose topics agree best with the others' (the first on a tie). */
export function medoidStart(starts: readonly Int32Array[]): number {
  let best = 0;
  let bestSum = -Infinity;
  for (let r = 0; r < starts.length; r++) {
    let sum = 0;
    for (let q = 0; q < starts.length; q++) if (q !== r) sum += buildTopicAgreement(starts[r], starts[q]).agreement;
    if (sum > bestSum) {
      bestSum = sum;
      best = r;
    }
  }
  return best;
}

/**
 * k-means of `vectors` from the consensus of several Ward starts (see the module comment). Falls
 * back to one Ward start when the corpus is too small for more small clusters than topics.
 */
export function buildConsensusKMeans(vectors: DenseMatrix, opts: ConsensusKMeansOptions): Clustering {
  const { k } = opts;
  const seed = opts.seed ?? 0;
  const starts = Math.max(1, opts.starts ?? CONSENSUS_STARTS);
  const { rows: n, cols: dims } = vectors;
  const sampleRows = Math.min(n, CONSENSUS_SAMPLE);
  if (starts === 1 || Math.floor(sampleRows / 3) <= k) return buildWardKMeans(vectors, { k, seed });
  let sample = vectors;
  if (n > CONSENSUS_SAMPLE) {
    const rows = sampleIndices(n, CONSENSUS_SAMPLE, deriveSeed(seed, 'consensus-sample'));
    sample = { rows: rows.length, cols: dims, data: gatherRows(vectors.data, rows, dims) };
  }
  const micro = Math.min(MICRO_PER_TOPIC * k, MAX_MICRO, Math.floor(sample.rows / 3));
  const found: Int32Array[] = [];
  for (let r = 0; r < starts; r++) {
    const startSeed = deriveSeed(seed, `consensus-start-${r}`);
    const init = buildWardStart(sample, k, micro, startSeed, {
      maxIterations: opts.microIterations ?? MICRO_ITERATIONS,
      localTrials: opts.microTrials ?? MICRO_TRIALS,
    });
    found.push(buildKMeans(sample, init ? { k, init } : { k, seed: startSeed, nInit: 10 }).assignments);
  }
  const voted = buildVotedTopics(found, medoidStart(found), k);
  const sums = new Float64Array(k * dims);
  const counts = new Float64Array(k);
  for (let i = 0; i < sample.rows; i++) {
    const o = voted[i] * dims;
    counts[voted[i]]++;
    for (let d = 0; d < dims; d++) sums[o + d] += sample.data[i * dims + d];
  }
  for (let t = 0; t < k; t++) {
    if (counts[t] === 0) return buildWardKMeans(vectors, { k, seed });
    for (let d = 0; d < dims; d++) sums[t * dims + d] /= counts[t];
  }
  return buildKMeans(vectors, { k, init: { rows: k, cols: dims, data: sums } });
}
