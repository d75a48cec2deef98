/**
 * Seeded pseudo-random numbers, so every random choice in a build (k-means init, SVD, map
 * layout, graph layout, sampling) is reproducible from the options' seed.
 * mulberry32: a small 32-bit generator, fast and good enough for sampling and layout.
 */

/** A random source: each call returns a float in [0, 1). */
export type RandomSource = () => number;

/** Creates a mulberry32 generator from a 32-bit integer seed. */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from a random source. */
export function randomInt(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}

/** A standard normal deviate (Box-Muller), for Gaussian random projections. */
export function randomNormal(random: RandomSource): number {
  let u = 0;
  while (u === 0) u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Derives an independent seed for a named sub-task, so stages do not share one stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

/** Fisher-Yates shuffle of 0..n-1, seeded. */
export function shuffledIndices(n: number, random: RandomSource): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** A seeded sample of `size` distinct indices of 0..n-1, ascending (all of them when size ≥ n). */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  return shuffledIndices(n, createRandom(seed)).slice(0, size).sort();
}
