/**
 * Stability of topics across seeds: two builds' topics matched one-to-one (Hungarian method on
 * the papers they share), and the share of papers whose topic in the first maps to their topic in
 * the second. 1 = the same partition up to topic ids.
 */

/**
 * A minimum-cost assignment of rows to columns of a square `size` × `size` cost matrix (row-major):
 * the Hungarian method with potentials, O(size³). Returns each row's column.
 */
export function buildMinCostAssignment(cost: Float64Array, size: number): Int32Array {
  const INF = Number.POSITIVE_INFINITY;
  // 1-based potentials u (rows), v (columns); match[j] = row matched to column j (0 = none).
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const match = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  const minv = new Float64Array(size + 1);
  const used = new Uint8Array(size + 1);
  for (let i = 1; i <= size; i++) {
    match[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = match[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * size + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToColumn = new Int32Array(size);
  for (let j = 1; j <= size; j++) if (match[j] > 0) rowToColumn[match[j] - 1] = j - 1;
  return rowToColumn;
}

/**
 * Matches the topics of two assignments of the same papers one-to-one so that the most papers
 * keep their topic (topics without a partner match nothing), and returns the share of papers whose
 * topic in `a` is matched to their topic in `b`, with the matching (a's topic → b's topic, -1 when
 * unmatched). Papers with a negative topic in either are left out.
 */
export function buildTopicAgreement(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { agreement: number; matching: Int32Array; papers: number } {
  if (a.length !== b.length) throw new Error('buildTopicAgreement: assignments differ in length');
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < a.length; i++) {
    ka = Math.max(ka, a[i] + 1);
    kb = Math.max(kb, b[i] + 1);
  }
  const size = Math.max(ka, kb);
  const overlap = new Float64Array(size * size);
  let papers = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    overlap[a[i] * size + b[i]]++;
    papers++;
  }
  const cost = overlap.map((x) => -x);
  const rowToColumn = buildMinCostAssignment(cost, size);
  const matching = new Int32Array(ka).fill(-1);
  let kept = 0;
  for (let t = 0; t < ka; t++) {
    const c = rowToColumn[t];
    if (c < kb) {
      matching[t] = c;
      kept += overlap[t * size + c];
    }
  }
  return { agreement: papers > 0 ? kept / papers : 1, matching, papers };
}

/** Mean topic agreement over every pair of the given assignments (e.g. one per seed). */
export function seedStability(assignments: readonly ArrayLike<number>[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < assignments.length; i++) {
    for (let j = i + 1; j < assignments.length; j++) {
      sum += buildTopicAgreement(assignments[i], assignments[j]).agreement;
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : 1;
}
