/**
 * Every function a worker thread may run, in one registry. A task is a named export of a module,
 * imported by the worker itself; its name here is checked by tsc against the module's exports
 * (renaming or retyping the export breaks the type check, not a run), and runParallel checks the
 * function run on the calling thread against the task's input and output types.
 * tests/parallel/tasks.test.ts loads every module and checks that the export is there.
 */
import type * as CitationNetwork from '../citations/network';
import type * as Cooccurrence from '../trends/cooccurrence';
import type * as KnnFigures from '../model/knn-figures';
import type * as Linalg from '../model/linalg';
import type * as Neighbours from '../model/neighbours';
import type * as Quality from '../model/quality';
import type * as ReadBlocks from '../corpus/read-blocks';
import type * as Scan from '../text/scan';
import type * as SelectK from '../model/select-k';
import type * as SideJob from '../graph/side-job';
import type { Task } from './pool';

/** The extension of this build's modules: .ts under tsx and vitest, .js once compiled. */
const EXT = /\.[a-z]+$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js';

type Input<F> = F extends (input: infer I) => unknown ? I : never;
type Output<F> = F extends (input: never) => infer O ? Awaited<O> : never;
/** The exports of M that a worker can call: functions of one input. */
type TaskName<M> = { [K in keyof M]: M[K] extends (input: never) => unknown ? K : never }[keyof M] & string;

/** The task `name` exported by the module at `file` (relative to lib/, no extension), typed by
 * the module M. */
function task<M>() {
  return <K extends TaskName<M>>(file: string, name: K): Task<Input<M[K]>, Output<M[K]>> => ({
    module: new URL(`../${file}${EXT}`, import.meta.url).href,
    name,
  });
}

export const TASKS = {
  scanShare: task<typeof Scan>()('text/scan', 'scanShare'),
  multiplyCsrDenseShare: task<typeof Linalg>()('model/linalg', 'multiplyCsrDenseShare'),
  accumulateGramSegments: task<typeof Linalg>()('model/linalg', 'accumulateGramSegments'),
  multiplyDenseRows: task<typeof Linalg>()('model/linalg', 'multiplyDenseRows'),
  searchNeighbourShare: task<typeof Neighbours>()('model/neighbours', 'searchNeighbourShare'),
  searchSparseKnnShare: task<typeof Quality>()('model/quality', 'searchSparseKnnShare'),
  runKnnFiguresJob: task<typeof KnnFigures>()('model/knn-figures', 'runKnnFiguresJob'),
  clusterKShare: task<typeof SelectK>()('model/select-k', 'clusterKShare'),
  runGraphSideJob: task<typeof SideJob>()('graph/side-job', 'runGraphSideJob'),
  buildRelatedShare: task<typeof Cooccurrence>()('trends/cooccurrence', 'buildRelatedShare'),
  fillCouplingShare: task<typeof CitationNetwork>()('citations/network', 'fillCouplingShare'),
  parseBlock: task<typeof ReadBlocks>()('corpus/read-blocks', 'parseBlock'),
} as const;
