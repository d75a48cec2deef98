/**
 * The 10-NN accuracy figures of the quality report (TF-IDF and LSA vectors of the first papers,
 * 5-fold), as one job that can run on a worker thread while the calling thread lays out the map:
 * the two are independent, so the map's sequential optimization hides the figures' cost.
 */
import { parallelThreads, runParallel } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { deriveSeed } from '../random';
import { buildNeighbours } from './neighbours';
import { knnAccuracyFromCandidates, sparseKnnAccuracy } from './quality';
import type { CsrMatrix, DenseMatrix } from './matrix';

/** Inputs of {@link buildKnnFigures}: the rows to score (shared memory avoids copies to the
 * worker) and their label codes (-1 = unlabelled). */
export interface KnnFiguresInput {
  tfidf: CsrMatrix;
  vectors: DenseMatrix;
  /** The vectors the topics were clustered on, when they are not `vectors` (smoothed ones). */
  space: DenseMatrix | null;
  labels: Int32Array;
  seed: number;
  /** Keep the work on one thread (set when it runs beside another job). */
  singleThread: boolean;
}

/** 10-NN accuracy of the TF-IDF rows (exact) and of the LSA rows (from approximate lists: small
 * cells, one refinement round; exact search of 20,000 × 100 would cost 1.6e10 multiply-adds, and
 * 20 candidates leave 10 outside a row's fold all but always). */
export function buildKnnFigures(input: KnnFiguresInput): KnnFigures {
  if (input.singleThread) process.env.TOPICSCOPE_THREADS = '1';
  const { tfidf, vectors, space, labels, seed } = input;
  const knnTfidf = sparseKnnAccuracy(tfidf, labels, { k: 10, folds: 5, seed });
  const dense = (m: DenseMatrix): number => {
    const n = m.rows;
    const sub = buildNeighbours(m, {
      k: Math.min(20, n - 1),
      seed: deriveSeed(seed, 'knn'),
      cellSize: 128,
      probes: 6,
    });
    const candidates = Array.from({ length: n }, (_, i) => sub.indices.subarray(i * sub.k, (i + 1) * sub.k));
    return knnAccuracyFromCandidates(candidates, labels, { k: 10, folds: 5, seed });
  };
  return { tfidf: knnTfidf, lsa: dense(vectors), space: space ? dense(space) : null };
}

/** 10-NN accuracies: TF-IDF, LSA, and the clustering space when it is not the LSA one. */
export interface KnnFigures {
  tfidf: number;
  lsa: number;
  space: number | null;
}

/** A job of {@link runBesideKnnFigures}: the caller's own work, or the figures. */
export type KnnFiguresJob = { kind: 'own' } | ({ kind: 'knn' } & KnnFiguresInput);

/** Worker entry: computes the figures (the caller's own work never leaves its thread). */
export function runKnnFiguresJob(job: KnnFiguresJob): KnnFigures | null {
  return job.kind === 'knn' ? buildKnnFigures(job) : null;
}

/**
 * Runs `own` on the calling thread while the figures are computed on a worker (one after the
 * other when workers are unavailable); both results are independent of the timing.
 */
export function runBesideKnnFigures<T>(
  own: () => T,
  input: Omit<KnnFiguresInput, 'singleThread'> | null,
): { own: T; knn: KnnFigures | null } {
  if (input === null) return { own: own(), knn: null };
  if (parallelThreads() < 2) return { own: own(), knn: buildKnnFigures({ ...input, singleThread: false }) };
  let result: T | undefined;
  const jobs: KnnFiguresJob[] = [{ kind: 'own' }, { kind: 'knn', ...input, singleThread: true }];
  const outputs = runParallel(
    TASKS.runKnnFiguresJob,
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
