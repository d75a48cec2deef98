import { describe, expect, it } from 'vitest';
import { fetchCached, peekCached } from '@/app/components/viz/fetch-json';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('fetchCached', () => {
  it('loads a key once, shares the request, and answers from memory after', async () => {
    let calls = 0;
    const pending = deferred<number[]>();
    const load = () => {
      calls++;
      return pending.promise;
    };
    const a = fetchCached('/a', load);
    const b = fetchCached('/a', load);
    expect(peekCached('/a')).toBeUndefined();
    pending.resolve([1, 2]);
    expect(await a).toEqual([1, 2]);
    expect(await b).toBe(await a);
    expect(peekCached('/a')).toEqual([1, 2]);
    expect(await fetchCached('/a', load)).toEqual([1, 2]);
    expect(calls).toBe(1);
  });

  it('an aborted caller stops waiting but the answer is kept for the next one', async () => {
    const pending = deferred<string>();
    const controller = new AbortController();
    const waiting = fetchCached('/b', () => pending.promise, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    pending.resolve('done');
    expect(await fetchCached('/b', () => Promise.resolve('again'))).toBe('done');
  });

  it('forgets a failed load, so the next call tries again', async () => {
    await expect(fetchCached('/c', () => Promise.reject(new Error('503: no build')))).rejects.toThrow('no build');
    expect(peekCached('/c')).toBeUndefined();
    expect(await fetchCached('/c', () => Promise.resolve(7))).toBe(7);
  });
});
