/**
 * The 10-NN accuracy figures of the quality report (TF-IDF and LSA vectors of the first papers,
 * 5-fold), as one job that can run on a worker thread while the calling thread lays out the map:
 * the two are independent, so the map's sequential optimization hides the figures' cost.
 */
import { parallelThreads, runParallel, siblingTask } from '../parallel/pool';
import { deriveSeed } from '../random';
import { buildNeighbours } from './neighbours';
import { buildKnnAccuracyFromCandidates, buildSparseKnnAccuracy } from './quality';
import type { CsrMatrix, DenseMatrix } from './sparse';

/** Inputs of {@link buildKnnFigures}: the rows to score (shared memory avoids copies to the
 * worker) and their label codes (-1 = unlabelled). */
export interface KnnFiguresInput {
  tfidf: CsrMatrix;
  vectors: DenseMatrix;
  labels: Int32Array;
  seed: number;
  /** Keep the work on one thread (set when it runs beside another job). */
  singleThread: boolean;
}

/** 10-NN accuracy of the TF-IDF rows (exact) and of the LSA rows (from approximate lists: small
 * cells, one refinement round; exact search of 20,000 × 100 would cost 1.6e10 multiply-adds, and
 * 20 candidates leave 10 outside a row's fold all but always). */
export function buildKnnFigures(input: KnnFiguresInput): { tfidf: number; lsa: number } {
  if (input.singleThread) process.env.TOPICSCOPE_THREADS = '1';
  const { tfidf, vectors, labels, seed } = input;
  const n = vectors.rows;
  const knnTfidf = buildSparseKnnAccuracy(tfidf, labels, { k: 10, folds: 5, seed });
  const sub = buildNeighbours(vectors, {
    k: Math.min(20, n - 1),
    seed: deriveSeed(seed, 'knn'),
    cellSize: 128,
    probes: 6,
  });
  const candidates = Array.from({ length: n }, (_, i) => sub.indices.subarray(i * sub.k, (i + 1) * sub.k));
  const knnLsa = buildKnnAccuracyFromCandidates(candidates, labels, { k: 10, folds: 5, seed });
  return { tfidf: knnTfidf, lsa: knnLsa };
}

/** A job of {@link runBesideKnnFigures}: the caller's own work, or the figures. */
export type KnnFiguresJob = { kind: 'own' } | ({ kind: 'knn' } & KnnFiguresInput);

/** Worker entry: computes the figures (the caller's own work never leaves its thread). */
export function runKnnFiguresJob(job: KnnFiguresJob): { tfidf: number; lsa: number } | null {
  return job.kind === 'knn' ? buildKnnFigures(job) : null;
}

const JOB_TASK = siblingTask(import.meta.url, 'knn-figures', 'runKnnFiguresJob');

/**
 * Runs `own` on the calling thread while the figures are computed on a worker (one after the
 * other when workers are unavailable); both results are independent of the timing.
 */
export function runBesideKnnFigures<T>(
  own: () => T,
  input: Omit<KnnFiguresInput, 'singleThread'> | null,
): { own: T; knn: { tfidf: number; lsa: number } | null } {
  if (input === null) return { own: own(), knn: null };
  if (parallelThreads() < 2) return { own: own(), knn: buildKnnFigures({ ...input, singleThread: false }) };
  let result: T | undefined;
  const jobs: KnnFiguresJob[] = [{ kind: 'own' }, { kind: 'knn', ...input, singleThread: true }];
  const outputs = runParallel(
    JOB_TASK,
    (job: KnnFiguresJob) => {
      if (job.kind === 'own') {
        result = own();
        return null;
      }
      return buildKnnFigures({ ...job, singleThread: false });
    },
    jobs,
  );
  return { own: result as T, knn: outputs[1] };
}
