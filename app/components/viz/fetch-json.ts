/**
 * The client's one way to read the API. fetchJson: the parsed body, or an Error carrying the route's
 * own `{ error }` message (a 400 says which parameter and why); abortable, for requests a newer one
 * replaces. fetchCached: answers that do not change while the page is open (one build per page
 * load) are fetched once and shared. useFetched: the data for a key in a component, the request for
 * an older key abandoned when the key changes.
 */
import { useEffect, useState } from 'react';

async function readError(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return new Error(body.error ?? response.statusText);
}

/** The parsed JSON body of a request, or an Error with the route's message. */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}

/** The raw body of a binary route (the map's points), or an Error with the route's message. */
export async function fetchArrayBuffer(url: string, init: RequestInit = {}): Promise<ArrayBuffer> {
  const response = await fetch(url, init);
  if (!response.ok) throw await readError(response);
  return response.arrayBuffer();
}

interface CacheEntry {
  promise: Promise<unknown>;
  value?: unknown;
  done: boolean;
}

const CACHE_LIMIT = 300;
const cache = new Map<string, CacheEntry>();

/**
 * `load(key)`, once per key while the page is open: later calls share the first request and its
 * answer. A failed load is forgotten, so the next call tries again. Aborting `signal` stops waiting
 * but lets the request finish for the next caller.
 */
export function fetchCached<T>(key: string, load: (key: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  let entry = cache.get(key);
  if (entry) {
    // Most recently used last: the oldest entry is the one dropped.
    cache.delete(key);
    cache.set(key, entry);
  } else {
    const created: CacheEntry = { promise: load(key), done: false };
    created.promise.then(
      (value) => {
        created.value = value;
        created.done = true;
      },
      () => cache.get(key) === created && cache.delete(key),
    );
    cache.set(key, created);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    entry = created;
  }
  const promise = entry.promise as Promise<T>;
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The request was replaced.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The answer cached for a key, if it has arrived. */
export function peekCached<T>(key: string): T | undefined {
  const entry = cache.get(key);
  return entry?.done ? (entry.value as T) : undefined;
}

/** What useFetched knows about the current key: its data once arrived, or the error. */
export interface Fetched<T> {
  data?: T;
  error?: string;
}

const NOTHING: Fetched<never> = {};

/**
 * The data for `key` (null: none wanted), loaded through the cache after `delayMs` (a hover waits
 * for the pointer to settle). A key already answered is returned at once, with no delay.
 */
export function useFetched<T>(key: string | null, load: (key: string) => Promise<T>, delayMs = 0): Fetched<T> {
  const [settled, setSettled] = useState<{ key: string; error?: string } | null>(null);
  useEffect(() => {
    if (key === null || peekCached(key) !== undefined) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchCached(key, load, controller.signal).then(
        () => setSettled({ key }),
        (error: Error) => error.name !== 'AbortError' && setSettled({ key, error: error.message }),
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, load, delayMs]);
  if (key === null) return NOTHING;
  const data = peekCached<T>(key);
  if (data !== undefined) return { data };
  return settled?.key === key && settled.error ? { error: settled.error } : NOTHING;
}

/** useFetched over a JSON route. */
export function useJson<T>(url: string | null, delayMs = 0): Fetched<T> {
  return useFetched<T>(url, fetchJson, delayMs);
}

/**
 * The last value that was not undefined, starting from `initial`: a view keeps showing its previous
 * data until newer arrives. `value` must keep its identity between renders (state, memo, a constant).
 */
export function useLastDefined<T>(value: T | undefined, initial: T): T {
  const [last, setLast] = useState(initial);
  // Adjusting state while rendering, as React's docs advise for state derived from props.
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
