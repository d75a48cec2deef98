/**
 * Collocation scoring and merging for phrase detection: adjacent units whose pair is frequent and
 * strongly associated become one unit ("reinforcement learning").
 */

/**
 * Normalized pointwise mutual information of a pair, in [-1, 1]: 1 when the two only ever occur
 * together, 0 when independent. Bouma, "Normalized (pointwise) mutual information in collocation
 * extraction", GSCL 2009 (https://svn.spraakdata.gu.se/repos/gerlof/pub/www/Docs/npmi-pfd.pdf).
 * Probabilities are counts over `total` units: p(ab) = pairCount/total, p(a) = countA/total.
 */
export function scoreNpmi(pairCount: number, countA: number, countB: number, total: number): number {
  if (pairCount <= 0 || countA <= 0 || countB <= 0 || total <= 0) return -1;
  const pab = pairCount / total;
  if (pab >= 1) return 1;
  const pmi = Math.log((pairCount * total) / (countA * countB));
  return pmi / -Math.log(pab);
}

/**
 * Merges adjacent units of a sequence (negative = boundary) left to right: a pair with a score
 * is merged unless the next overlapping pair scores higher, in which case the left unit stays
 * alone and its right neighbour pairs onward ("a b c" with score(b,c) > score(a,b) -> a [b c]).
 * `score` returns -Infinity for pairs that are not phrases; `merge` returns the merged unit.
 * Writes into `out` from index `at` and returns the number of units written. `out` must have
 * room for `end - start` units.
 */
export function mergeUnits(
  units: Int32Array,
  start: number,
  end: number,
  out: Int32Array,
  at: number,
  score: (a: number, b: number) => number,
  merge: (a: number, b: number) => number,
): number {
  let n = at;
  let i = start;
  while (i < end) {
    const u = units[i];
    if (u < 0 || i + 1 >= end || units[i + 1] < 0) {
      out[n++] = u;
      i++;
      continue;
    }
    const v = units[i + 1];
    const s1 = score(u, v);
    if (s1 === -Infinity) {
      out[n++] = u;
      i++;
      continue;
    }
    if (i + 2 < end && units[i + 2] >= 0 && score(v, units[i + 2]) > s1) {
      out[n++] = u;
      i++;
      continue;
    }
    out[n++] = merge(u, v);
    i += 2;
  }
  return n - at;
}
