/**
 * The largest and smallest of many numbers without spreading them into `Math.max(...)`: a spread
 * passes every value as an argument and throws "Maximum call stack size exceeded" past about
 * 100,000 of them, which a corpus of a million papers reaches (ESLint forbids the spread form).
 */

/** The largest value, or `floor` when it is larger or there are none. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let best = floor;
  for (const v of values) if (v > best) best = v;
  return best;
}

/** The smallest value, or `ceiling` when it is smaller or there are none. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let best = ceiling;
  for (const v of values) if (v < best) best = v;
  return best;
}
