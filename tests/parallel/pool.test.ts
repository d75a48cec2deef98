import { afterEach, describe, expect, it } from 'vitest';
import { parallelThreads, runParallel, sharedFloat64, toShared } from '../../lib/parallel/pool';
import { TASKS } from '../../lib/parallel/tasks';
import { type DenseShare, multiplyDenseRows } from '../../lib/model/linalg';
import { type ScanInput, scanShare } from '../../lib/text/scan';

const DENSE = TASKS.multiplyDenseRows;
const SCAN = TASKS.scanShare;

const saved = process.env.TOPICSCOPE_THREADS;
afterEach(() => {
  if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
  else process.env.TOPICSCOPE_THREADS = saved;
});

describe('runParallel', () => {
  it('runs shares on worker threads (TypeScript tasks included) and returns them in input order', () => {
    process.env.TOPICSCOPE_THREADS = '3';
    expect(parallelThreads()).toBe(3);
    const inputs: ScanInput[] = [
      { titles: ['Graph networks'], texts: ['Graph neural networks on molecules.'], titleWeight: 1 },
      { titles: ['Language models'], texts: ['Large language models answer questions.'], titleWeight: 1 },
      { titles: ['Robots'], texts: ['Robots learn to grasp; robots fail.'], titleWeight: 0 },
      { titles: ['Proteins'], texts: ['Protein folding with diffusion.'], titleWeight: 1 },
    ];
    const out = runParallel(SCAN, scanShare, inputs);
    expect(out.map((s) => s.words.filter((_, i) => s.dropped[i] === 0))).toEqual([
      ['graph', 'networks', 'neural', 'molecules'],
      ['language', 'models', 'large', 'answer', 'questions'],
      ['robots', 'learn', 'grasp', 'fail'],
      ['proteins', 'protein', 'folding', 'diffusion'],
    ]);
    // Outputs from workers equal what the calling thread computes.
    expect(out.map((s) => ({ ...s, tokens: Array.from(s.tokens) }))).toEqual(
      inputs.map((i) => ({ ...scanShare(i), tokens: Array.from(scanShare(i).tokens) })),
    );
    // robots, learn, to (a stop word: never counted), grasp, fail.
    expect(Array.from(out[2].counts)).toEqual([2, 1, 0, 1, 1]);
  });

  it('lets workers write into shared memory', () => {
    process.env.TOPICSCOPE_THREADS = '2';
    // X (4 x 2) * M (2 x 3), rows split in two shares.
    const x = toShared(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const m = toShared(Float64Array.from([1, 0, 2, 0, 1, -1]));
    const out = sharedFloat64(12);
    const shares: DenseShare[] = [
      { x, k: 2, m, p: 3, out, from: 0, to: 2 },
      { x, k: 2, m, p: 3, out, from: 2, to: 4 },
    ];
    expect(runParallel(DENSE, multiplyDenseRows, shares)).toEqual([null, null]);
    expect(Array.from(out)).toEqual([1, 2, 0, 3, 4, 2, 5, 6, 4, 7, 8, 6]);
  });

  it('throws a failing task, from the calling thread or a worker', () => {
    process.env.TOPICSCOPE_THREADS = '2';
    const bad = { titles: null, texts: null, titleWeight: 1 } as unknown as ScanInput;
    const good: ScanInput = { titles: ['A'], texts: ['Text here.'], titleWeight: 1 };
    expect(() => runParallel(SCAN, scanShare, [good, bad])).toThrow(/worker task scanShare failed/);
    expect(() => runParallel(SCAN, scanShare, [bad, good])).toThrow(TypeError);
    // The pool still works afterwards.
    expect(runParallel(SCAN, scanShare, [good, good]).map((s) => s.words)).toEqual([
      ['a', 'text', 'here'],
      ['a', 'text', 'here'],
    ]);
  });

  it('stays on the calling thread with TOPICSCOPE_THREADS=1', () => {
    process.env.TOPICSCOPE_THREADS = '1';
    expect(parallelThreads()).toBe(1);
    let calls = 0;
    const out = runParallel(
      { module: 'file:///nowhere.ts', name: 'none' },
      (x: number) => {
        calls++;
        return x * 2;
      },
      [1, 2, 3],
    );
    expect(out).toEqual([2, 4, 6]);
    expect(calls).toBe(3);
  });
});
