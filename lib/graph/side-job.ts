/**
 * The co-author graph's second lane: half of the betweenness sources run on a worker thread while
 * the calling thread finds communities and accumulates the other half. The
 * two lanes share nothing but the read-only CSR arrays, so the result does not depend on timing
 * or on the number of threads.
 */
import { parallelThreads, runParallel, toShared } from '../parallel/pool';
import { TASKS } from '../parallel/tasks';
import { accumulateBetweenness } from './betweenness';

/** Input of the side lane. */
export interface GraphSideInput {
  offsets: Int32Array;
  neighbors: Int32Array;
  /** The betweenness sources of this lane. */
  sources: Int32Array;
}

/** Output of the side lane: the partial betweenness sums of its sources. */
export interface GraphSideOutput {
  betweenness: Float64Array;
}

/** A job of {@link runBesideGraphSide}: the caller's own work, or the side lane. */
export type GraphSideJob = { kind: 'own' } | ({ kind: 'side' } & GraphSideInput);

/** Computes the side lane. */
export function buildGraphSide(input: GraphSideInput): GraphSideOutput {
  return {
    betweenness: accumulateBetweenness(input.offsets, input.neighbors, input.sources),
  };
}

/** Worker entry: computes the side lane (the caller's own work never leaves its thread). */
export function runGraphSideJob(job: GraphSideJob): GraphSideOutput | null {
  return job.kind === 'side' ? buildGraphSide(job) : null;
}

/** Runs `own` on the calling thread while the side lane runs on a worker (one after the other
 * when workers are unavailable). */
export function runBesideGraphSide<T>(own: () => T, input: GraphSideInput): { own: T; side: GraphSideOutput } {
  if (parallelThreads() < 2) return { own: own(), side: buildGraphSide(input) };
  let result: T | undefined;
  // Shared memory: the worker reads the adjacency in place instead of a copy.
  const shared: GraphSideInput = {
    ...input,
    offsets: toShared(input.offsets),
    neighbors: toShared(input.neighbors),
  };
  const jobs: GraphSideJob[] = [{ kind: 'own' }, { kind: 'side', ...shared }];
  const outputs = runParallel(
    TASKS.runGraphSideJob,
    (job: GraphSideJob) => {
      if (job.kind === 'own') {
        result = own();
        return null;
      }
      return buildGraphSide(job);
    },
    jobs,
  );
  return { own: result as T, side: outputs[1] as GraphSideOutput };
}
