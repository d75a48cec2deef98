/**
 * A small synchronous fork-join over worker threads, for the pipeline's pure CPU-bound stages
 * (tokenizing, sparse matrix products). The stages keep their synchronous signatures: the
 * calling thread posts the other shares to workers, computes the first share itself, then
 * blocks on a shared flag (Atomics.wait) until each worker has answered. Results come back in
 * input order, so a caller that merges them in that order gets the same output whatever the
 * number of threads or their timing.
 *
 * A task is a named export of a module, called as `fn(input)` on a worker: the worker imports
 * the module itself (registering tsx first when the module is TypeScript), so no code is
 * serialized. When workers cannot be used (one core, or a worker fails to start), everything
 * runs on the calling thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** A task a worker can run: `module` (a file URL) exports `name`, a function of one input. The
 * registry of the pipeline's tasks is TASKS in tasks.ts. */
export interface TaskRef {
  module: string;
  name: string;
}

/** A task whose function takes I and returns O (or a promise of O). */
export interface Task<I, O> extends TaskRef {
  /** Never set: carries the types. */
  readonly types?: (input: I) => O;
}

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  /** [0] = 0 while a task runs, 1 when its reply has been posted. */
  signal: Int32Array;
}

/** A worker's answer; `unavailable` when it could not even load the task's module. */
type Reply = { ok: true; value: unknown } | { ok: false; error: string; unavailable: boolean };

/** The worker's entry point, plain CommonJS so it starts without any loader. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const { port, signal, loader } = workerData;
let ready = null;
const transferables = (value) => {
  const out = [];
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && !out.includes(v.buffer)) out.push(v.buffer);
    }
  }
  return out;
};
const answer = (reply, transfer) => {
  port.postMessage(reply, transfer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
process.on('uncaughtException', (e) => answer({ ok: false, error: String((e && e.stack) || e), unavailable: false }, []));
parentPort.on('message', async (task) => {
  let mod;
  try {
    ready ??= loader ? import(loader).then((m) => m.register()) : Promise.resolve();
    await ready;
    mod = await import(task.module);
  } catch (e) {
    answer({ ok: false, error: String((e && e.stack) || e), unavailable: true }, []);
    return;
  }
  try {
    const value = await mod[task.name](task.input);
    answer({ ok: true, value }, transferables(value));
  } catch (e) {
    answer({ ok: false, error: String((e && e.stack) || e), unavailable: false }, []);
  }
});
`;

/** Most threads used, the calling one included: the kernels are memory-bound beyond a few. */
const MAX_THREADS = 4;

let pool: PoolWorker[] | null = null;
let disabled = false;

function threadBudget(): number {
  const env = Number(process.env.TOPICSCOPE_THREADS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_THREADS, Number.isFinite(env) && env >= 1 ? Math.floor(env) : cores));
}

/**
 * How many threads `runParallel` spreads work over (the calling one included): split work
 * into this many shares. 1 when workers are unavailable or TOPICSCOPE_THREADS=1.
 */
export function parallelThreads(): number {
  if (disabled) return 1;
  return threadBudget();
}

/** The URL of tsx's ESM register API when `module` is TypeScript (workers start without the
 * parent's loader), else null. */
function loaderFor(module: string): string | null {
  if (!/\.[cm]?tsx?$/.test(new URL(module).pathname)) return null;
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (entry === undefined) throw new Error('tsx has no ESM register API');
  return pathToFileURL(path.join(path.dirname(manifestPath), entry)).href;
}

function startWorkers(count: number, loader: string | null): PoolWorker[] {
  const workers: PoolWorker[] = [];
  for (let i = 0; i < count; i++) {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { port: port2, signal, loader },
      transferList: [port2],
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    port1.unref();
    // A worker that dies is not used again (its failure was already answered, see BOOTSTRAP).
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      disabled = true;
    });
    workers.push({ worker, port: port1, signal });
  }
  return workers;
}

function post(w: PoolWorker, task: TaskRef, input: unknown): void {
  Atomics.store(w.signal, 0, 0);
  w.worker.postMessage({ module: task.module, name: task.name, input });
}

function await_(w: PoolWorker): Reply {
  while (Atomics.load(w.signal, 0) === 0) Atomics.wait(w.signal, 0, 0, 1000);
  for (;;) {
    const received = receiveMessageOnPort(w.port);
    if (received) return received.message as Reply;
    Atomics.wait(w.signal, 0, 1, 1);
  }
}

/**
 * Runs `fn` on every input, the first on the calling thread and the others on worker threads
 * (`task` must name `fn` as exported from its module), and returns the outputs in input order.
 * Inputs and outputs are copied by structured clone, except SharedArrayBuffer-backed arrays,
 * which are shared; a worker's output arrays that own their whole buffer are transferred.
 * More inputs than threads run in turns. A failing task throws here.
 */
export function runParallel<I, O>(task: Task<I, O>, fn: (input: I) => O, inputs: I[]): O[] {
  const outputs: O[] = new Array(inputs.length);
  if (inputs.length === 0) return outputs;
  const threads = Math.min(parallelThreads(), inputs.length);
  if (threads <= 1) {
    for (let i = 0; i < inputs.length; i++) outputs[i] = fn(inputs[i]);
    return outputs;
  }
  if (pool === null || pool.length < threads - 1) {
    try {
      pool = [...(pool ?? []), ...startWorkers(threads - 1 - (pool?.length ?? 0), loaderFor(task.module))];
    } catch {
      disabled = true;
      return runParallel(task, fn, inputs);
    }
  }
  const workers = pool.slice(0, threads - 1);
  for (let from = 0; from < inputs.length; from += threads) {
    const turn = Math.min(threads, inputs.length - from);
    for (let t = 1; t < turn; t++) post(workers[t - 1], task, inputs[from + t]);
    let localError: unknown = null;
    try {
      outputs[from] = fn(inputs[from]);
    } catch (e) {
      localError = e;
    }
    for (let t = 1; t < turn; t++) {
      const reply = await_(workers[t - 1]);
      if (reply.ok) {
        outputs[from + t] = reply.value as O;
      } else if (reply.unavailable) {
        // Workers cannot load code here (no loader for TypeScript, say): stay on this thread.
        disabled = true;
        if (localError === null) outputs[from + t] = fn(inputs[from + t]);
      } else {
        localError ??= new Error(`worker task ${task.name} failed: ${reply.error}`);
      }
    }
    if (localError !== null) throw localError;
    if (disabled) {
      for (let i = from + turn; i < inputs.length; i++) outputs[i] = fn(inputs[i]);
      break;
    }
  }
  return outputs;
}

/** Runs a stream of inputs, in order: see `createOrderedRunner`. */
export interface OrderedRunner<I> {
  /** The next input: posted to a free worker, or run on the calling thread when none is free. */
  push(input: I): void;
  /** Waits for every input still running; after it, every output has been handed on. */
  finish(): void;
}

/**
 * Runs inputs as they come (a file read block by block): each goes to a worker that is free, or
 * runs on the calling thread when every worker is busy, so the workers never wait for the whole
 * batch the way `runParallel` makes them. Outputs are handed to `onOutput` in input order, so the
 * result is the same whatever the number of threads or their timing. The calling thread blocks
 * only in `finish`, or when a finished output must be handed on before a running one.
 */
export function createOrderedRunner<I, O>(
  task: Task<I, O>,
  fn: (input: I) => O,
  onOutput: (output: O) => void,
): OrderedRunner<I> {
  const threads = parallelThreads();
  const count = threads - 1;
  let workers: PoolWorker[] = [];
  if (threads > 1) {
    try {
      if (pool === null || pool.length < count)
        pool = [...(pool ?? []), ...startWorkers(count - (pool?.length ?? 0), loaderFor(task.module))];
      workers = pool.slice(0, count);
    } catch {
      disabled = true;
    }
  }
  // In input order: an output ready to hand on, or the worker computing it.
  interface Entry {
    input: I;
    worker: PoolWorker | null;
    value: O | undefined;
  }
  const order: Entry[] = [];
  const busy = new Set<PoolWorker>();
  const settle = (entry: Entry, reply: Reply): void => {
    if (entry.worker !== null) busy.delete(entry.worker);
    entry.worker = null;
    if (reply.ok) entry.value = reply.value as O;
    else if (reply.unavailable) {
      // Workers cannot load code here: stay on this thread.
      disabled = true;
      workers = [];
      entry.value = fn(entry.input);
    } else throw new Error(`worker task ${task.name} failed: ${reply.error}`);
  };
  /** Takes the outputs of workers that have answered, without waiting. */
  const poll = (): void => {
    for (const entry of order) {
      if (entry.worker === null || Atomics.load(entry.worker.signal, 0) === 0) continue;
      const received = receiveMessageOnPort(entry.worker.port);
      if (received) settle(entry, received.message as Reply);
    }
  };
  /** Hands on the outputs at the head of the order; with `wait`, waits for a running head. */
  const drain = (wait: boolean): void => {
    while (order.length > 0) {
      const head = order[0];
      if (head.worker !== null) {
        if (!wait) return;
        settle(head, await_(head.worker));
      }
      order.shift();
      onOutput(head.value as O);
    }
  };
  return {
    push(input: I): void {
      poll();
      drain(false);
      const free = workers.find((w) => !busy.has(w));
      if (free !== undefined) {
        busy.add(free);
        post(free, task, input);
        order.push({ input, worker: free, value: undefined });
        return;
      }
      order.push({ input, worker: null, value: fn(input) });
      poll();
      drain(false);
    },
    finish(): void {
      drain(true);
    },
  };
}

/** A typed array of `length` elements in shared memory, visible to workers without copying. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, length)), 0, length);
}

/** Int32 counterpart of sharedFloat64. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * Math.max(1, length)), 0, length);
}

/** `array` itself when it already lives in shared memory, else a shared copy. */
export function toShared<T extends Float64Array | Int32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = array instanceof Float64Array ? sharedFloat64(array.length) : sharedInt32(array.length);
  copy.set(array);
  return copy as T;
}
