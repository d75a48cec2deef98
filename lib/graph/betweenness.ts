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
 * https://doi.org/10.1142/S0218127407018403). */
export function buildBetweenness(
  offsets: Int32Array,
  neighbors: Int32Array,
  pivots: number,
  seed: number,
  onSource?: (done: number, total: number) => void,
): Betweenness {
  const n = offsets.length - 1;
  const values = new Float64Array(n);
  if (n < 3) return { values, sampled: false };
  const sampled = pivots < n;
  const sources = sampled ? shuffledIndices(n, createRandom(seed)).slice(0, pivots) : null;
  const total = sources ? sources.length : n;

  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let k = 0; k < total; k++) {
    const s = sources ? sources[k] : k;
    if (offsets[s + 1] === offsets[s]) continue;
    // Breadth-first search; `order` doubles as the queue and, read backwards, as Brandes' stack.
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const dv = dist[v] + 1;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = neighbors[e];
        if (dist[w] < 0) {
          dist[w] = dv;
          order[tail++] = w;
        }
        if (dist[w] === dv) sigma[w] += sigma[v];
      }
    }
    // Dependencies, farthest first; successors are the neighbours one step farther from s,
    // so no predecessor lists are stored.
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i];
      const dv = dist[v] + 1;
      let sum = 0;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = neighbors[e];
        if (dist[w] === dv) sum += (1 + delta[w]) / sigma[w];
      }
      delta[v] = sigma[v] * sum;
      values[v] += delta[v];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    if (onSource && (k & 255) === 0) onSource(k, total);
  }
  // Each pair is counted from both ends; scale samples up; then normalise.
  const scale = (sampled ? n / total : 1) / 2 / (((n - 1) * (n - 2)) / 2);
  for (let v = 0; v < n; v++) values[v] *= scale;
  return { values, sampled };
}
