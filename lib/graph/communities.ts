import { createRandom, shuffledIndices, type RandomSource } from '../random';
import { buildGroupsBySize, type Grouping } from './components';

/** Louvain communities with the partition's modularity. */
export interface Communities extends Grouping {
  modularity: number;
}

/** A weighted undirected graph as CSR with each edge stored from both ends, plus self-loop
 * weights (the internal weight of an aggregated community, counted from both ends). */
interface Level {
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
  selfLoops: Float64Array;
}

/** Louvain communities (Blondel et al. 2008, https://arxiv.org/abs/0803.0476) of the weighted
 * co-author graph in CSR form: local moving of nodes in a seeded random order to the
 * neighbouring community with the best modularity gain, then aggregation of communities into
 * nodes, until a level moves nothing. Written on typed arrays because the graphology version
 * needs an object graph (about 0.5 GB and several seconds for a million edges); the tests check
 * it against graphology-communities-louvain. Community ids are renumbered by size. */
export function buildCommunities(
  offsets: Int32Array,
  neighbors: Int32Array,
  weights: ArrayLike<number>,
  resolution: number,
  seed: number,
): Communities {
  const n = offsets.length - 1;
  const random = createRandom(seed);
  // membership[v] = community of original node v at the current level.
  const membership = new Int32Array(n);
  for (let v = 0; v < n; v++) membership[v] = v;
  let level: Level = { offsets, neighbors, weights: Float64Array.from(weights), selfLoops: new Float64Array(n) };
  let m2 = 0;
  for (let e = 0; e < level.weights.length; e++) m2 += level.weights[e];
  if (m2 > 0) {
    for (;;) {
      const { community, count, moved } = moveNodes(level, m2, resolution, random);
      if (!moved) break;
      for (let v = 0; v < n; v++) membership[v] = community[membership[v]];
      level = aggregate(level, community, count);
    }
  }
  return {
    ...buildGroupsBySize(membership),
    modularity: modularity(offsets, neighbors, weights, membership, resolution),
  };
}

/** One Louvain phase: repeated passes of local moves until a pass moves no node. Returns the
 * communities renumbered 0..count-1 in order of first node. */
function moveNodes(level: Level, m2: number, resolution: number, random: RandomSource) {
  const { offsets, neighbors, weights, selfLoops } = level;
  const n = offsets.length - 1;
  const strength = new Float64Array(n);
  const community = new Int32Array(n);
  const total = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let k = selfLoops[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) k += weights[e];
    strength[v] = k;
    community[v] = v;
    total[v] = k;
  }
  const order = shuffledIndices(n, random);
  const linkWeight = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  let moved = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let i = 0; i < n; i++) {
      const v = order[i];
      if (offsets[v + 1] === offsets[v]) continue;
      const own = community[v];
      let candidateCount = 0;
      stamp[own] = v;
      linkWeight[own] = 0;
      candidates[candidateCount++] = own;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const c = community[neighbors[e]];
        if (stamp[c] !== v) {
          stamp[c] = v;
          linkWeight[c] = 0;
          candidates[candidateCount++] = c;
        }
        linkWeight[c] += weights[e];
      }
      const k = strength[v];
      total[own] -= k;
      // Gain of joining c (up to a common factor): w(v, c) - resolution k_v tot_c / 2m.
      let best = own;
      let bestGain = linkWeight[own] - (resolution * k * total[own]) / m2;
      for (let j = 1; j < candidateCount; j++) {
        const c = candidates[j];
        const gain = linkWeight[c] - (resolution * k * total[c]) / m2;
        // Strictly better only, so ties keep the node where it is and passes terminate.
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      total[best] += k;
      if (best !== own) {
        community[v] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    moved = true;
  }
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const c = community[v];
    if (renumber[c] < 0) renumber[c] = count++;
    community[v] = renumber[c];
  }
  return { community, count, moved };
}

/** Collapses each community into one node; weights between communities add up, weights inside
 * become the node's self-loop. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const { offsets, neighbors, weights, selfLoops } = level;
  const n = offsets.length - 1;
  const memberOffsets = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) memberOffsets[community[v] + 1]++;
  for (let c = 0; c < count; c++) memberOffsets[c + 1] += memberOffsets[c];
  const members = new Int32Array(n);
  const fill = memberOffsets.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[community[v]]++] = v;

  const nextOffsets = new Int32Array(count + 1);
  const nextSelf = new Float64Array(count);
  const nextNeighbors: number[] = [];
  const nextWeights: number[] = [];
  const sum = new Float64Array(count);
  const stamp = new Int32Array(count).fill(-1);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    touched.length = 0;
    for (let i = memberOffsets[c]; i < memberOffsets[c + 1]; i++) {
      const v = members[i];
      nextSelf[c] += selfLoops[v];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const d = community[neighbors[e]];
        if (d === c) {
          nextSelf[c] += weights[e];
          continue;
        }
        if (stamp[d] !== c) {
          stamp[d] = c;
          sum[d] = 0;
          touched.push(d);
        }
        sum[d] += weights[e];
      }
    }
    touched.sort((x, y) => x - y);
    for (const d of touched) {
      nextNeighbors.push(d);
      nextWeights.push(sum[d]);
    }
    nextOffsets[c + 1] = nextNeighbors.length;
  }
  return {
    offsets: nextOffsets,
    neighbors: Int32Array.from(nextNeighbors),
    weights: Float64Array.from(nextWeights),
    selfLoops: nextSelf,
  };
}

/** Newman-Girvan modularity with a resolution: sum over communities of
 * in_c / 2m - resolution (tot_c / 2m)^2 (0 for a graph without edges). */
export function modularity(
  offsets: Int32Array,
  neighbors: Int32Array,
  weights: ArrayLike<number>,
  membership: Int32Array,
  resolution: number,
): number {
  const n = offsets.length - 1;
  const inside = new Float64Array(n);
  const total = new Float64Array(n);
  let m2 = 0;
  for (let v = 0; v < n; v++) {
    const c = membership[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = weights[e];
      m2 += w;
      total[c] += w;
      if (membership[neighbors[e]] === c) inside[c] += w;
    }
  }
  if (m2 === 0) return 0;
  let q = 0;
  for (let c = 0; c < n; c++) q += inside[c] / m2 - resolution * (total[c] / m2) ** 2;
  return q;
}
