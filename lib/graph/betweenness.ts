import { createRandom, shuffledIndices } from '../random';

/** Result of `buildBetweenness`. */
export interface Betweenness {
  /** Normalised by (n-1)(n-2)/2 (NetworkX `normalized=True` for undirected graphs). */
  values: Float64Array;
  sampled: boolean;
}

/** Unweighted shortest-path betweenness of an undirected graph in CSR form, by Brandes' algorithm
 * (https://doi.org/10.1080/0022250X.2001.9990249). With `pivots < n` it is estimated from that many
 * seeded random sources, scaled by n/pivots (Brandes & Pich 2007,
 * https://doi.org/10.1142/S0218127407018403). Sums over the two halves of the sources, as
 * `buildCoauthorGraph` computes them on two threads, so both give the same bytes. */
export function buildBetweenness(
  offsets: Int32Array,
  neighbors: Int32Array,
  pivots: number,
  seed: number,
  onSource?: (done: number, total: number) => void,
): Betweenness {
  const sources = buildBetweennessSources(offsets.length - 1, pivots, seed);
  const [first, second] = splitSources(sources);
  const a = accumulateBetweenness(offsets, neighbors, first, onSource);
  const b = accumulateBetweenness(offsets, neighbors, second);
  return finishBetweenness(a, b, sources.length, pivots < offsets.length - 1);
}

/** The sources of `buildBetweenness`: every node, or `pivots` seeded random ones. */
export function buildBetweennessSources(n: number, pivots: number, seed: number): Int32Array {
  if (n < 3) return new Int32Array(0);
  if (pivots >= n) return Int32Array.from({ length: n }, (_, v) => v);
  return shuffledIndices(n, createRandom(seed)).slice(0, pivots);
}

/** The two halves of the sources that are accumulated apart and then added. */
export function splitSources(sources: Int32Array): [Int32Array, Int32Array] {
  const half = sources.length >> 1;
  return [sources.slice(0, half), sources.slice(half)];
}

/** Normalised betweenness from two partial sums over `total` sources (`second` added to
 * `first`, in place). */
export function finishBetweenness(
  first: Float64Array,
  second: Float64Array,
  total: number,
  sampled: boolean,
): Betweenness {
  const n = first.length;
  if (n < 3) return { values: new Float64Array(n), sampled: false };
  // Each pair is counted from both ends; scale samples up; then normalise.
  const scale = (sampled ? n / total : 1) / 2 / (((n - 1) * (n - 2)) / 2);
  for (let v = 0; v < n; v++) first[v] = (first[v] + second[v]) * scale;
  return { values: first, sampled };
}

/** Unnormalised dependency sums of every node over the given sources (a share of Brandes). */
export function accumulateBetweenness(
  offsets: Int32Array,
  neighbors: Int32Array,
  sources: Int32Array,
  onSource?: (done: number, total: number) => void,
): Float64Array {
  const n = offsets.length - 1;
  const values = new Float64Array(n);
  // Per node [distance, path count, dependency] side by side: a visit touches one cache line.
  const state = new Float64Array(3 * n);
  for (let v = 0; v < n; v++) state[3 * v] = -1;
  const order = new Int32Array(n);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k];
    if (offsets[s + 1] === offsets[s]) continue;
    const tail = accumulateFrom(s, offsets, neighbors, state, order, values);
    for (let i = 0; i < tail; i++) {
      const v = 3 * order[i];
      state[v] = -1;
      state[v + 1] = 0;
      state[v + 2] = 0;
    }
    if (onSource && (k & 255) === 0) onSource(k, sources.length);
  }
  return values;
}

/** One source of Brandes' algorithm: breadth-first search from `s` counting shortest paths, then
 * dependencies accumulated farthest first into `values`. `order` doubles as the queue and, read
 * backwards, as Brandes' stack; successors are the neighbours one step farther from `s`, so no
 * predecessor lists are stored. Returns the number of nodes reached. */
function accumulateFrom(
  s: number,
  offsets: Int32Array,
  neighbors: Int32Array,
  state: Float64Array,
  order: Int32Array,
  values: Float64Array,
): number {
  let head = 0;
  let tail = 0;
  order[tail++] = s;
  state[3 * s] = 0;
  state[3 * s + 1] = 1;
  while (head < tail) {
    const v = order[head++];
    const next = state[3 * v] + 1;
    const paths = state[3 * v + 1];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = 3 * neighbors[e];
      if (state[w] < 0) {
        state[w] = next;
        order[tail++] = neighbors[e];
      }
      if (state[w] === next) state[w + 1] += paths;
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const v = order[i];
    const next = state[3 * v] + 1;
    let sum = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = 3 * neighbors[e];
      if (state[w] === next) sum += (1 + state[w + 2]) / state[w + 1];
    }
    const dependency = state[3 * v + 1] * sum;
    state[3 * v + 2] = dependency;
    values[v] += dependency;
  }
  return tail;
}
