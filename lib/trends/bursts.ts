/** Options of Kleinberg's two-state automaton. */
export interface BurstOptions {
  /** Burst rate = s x base rate. */
  scale: number;
  /** Entering the burst state costs gamma x ln(periods). */
  gamma: number;
}

/** A maximal run of periods in the burst state, with its weight. */
export interface BurstSpan {
  start: number;
  end: number;
  strength: number;
}

/** Bursts of one term from batched counts, by Kleinberg's two-state automaton for documents
 * arriving in batches ("Bursty and hierarchical structure in streams", KDD 2002, section 4,
 * https://doi.org/10.1145/775047.775061), as CiteSpace applies it to terms per year.
 * `relevant[t]` of `total[t]` papers in period t contain the term. The base state emits at
 * p0 = sum(relevant) / sum(total), the burst state at p1 = min(s p0, 0.9999); a period costs
 * -ln(p^r (1-p)^(d-r)) in a state (the binomial coefficient is the same in both and dropped), and
 * moving up a state costs gamma ln(n). The cheapest state sequence (Viterbi) is found exactly and
 * each run of burst states is reported with its weight, the sum of cost(base) - cost(burst). */
export function buildBursts(relevant: ArrayLike<number>, total: ArrayLike<number>, opts: BurstOptions): BurstSpan[] {
  const n = total.length;
  let sumRelevant = 0;
  let sumTotal = 0;
  for (let t = 0; t < n; t++) {
    sumRelevant += relevant[t];
    sumTotal += total[t];
  }
  if (n === 0 || sumRelevant === 0 || sumTotal === 0) return [];
  const p0 = sumRelevant / sumTotal;
  const p1 = Math.min(opts.scale * p0, 0.9999);
  if (p1 <= p0) return [];
  const lnP0 = Math.log(p0);
  const lnQ0 = Math.log(1 - p0);
  const lnP1 = Math.log(p1);
  const lnQ1 = Math.log(1 - p1);
  const up = opts.gamma * Math.log(n);

  // Viterbi over two states; from[t] bit s = the state at t-1 on the best path into state s at t.
  const from = new Uint8Array(n);
  const gain = new Float64Array(n);
  let cost0 = 0;
  let cost1 = Infinity;
  for (let t = 0; t < n; t++) {
    const r = relevant[t];
    const miss = total[t] - r;
    const sigma0 = -(r * lnP0 + miss * lnQ0);
    const sigma1 = -(r * lnP1 + (miss > 0 ? miss * lnQ1 : 0));
    gain[t] = sigma0 - sigma1;
    // Into the base state: staying is free and so is stepping down.
    const into0FromBurst = cost1 < cost0;
    const next0 = (into0FromBurst ? cost1 : cost0) + sigma0;
    const into1FromBurst = cost1 <= cost0 + up;
    const next1 = (into1FromBurst ? cost1 : cost0 + up) + sigma1;
    from[t] = (into0FromBurst ? 1 : 0) | (into1FromBurst ? 2 : 0);
    cost0 = next0;
    cost1 = next1;
  }
  const states = new Uint8Array(n);
  let state = cost1 < cost0 ? 1 : 0;
  for (let t = n - 1; t >= 0; t--) {
    states[t] = state;
    state = (from[t] >> state) & 1;
  }
  const spans: BurstSpan[] = [];
  for (let t = 0; t < n; t++) {
    if (states[t] !== 1) continue;
    const start = t;
    let strength = 0;
    while (t < n && states[t] === 1) strength += gain[t++];
    spans.push({ start, end: t - 1, strength });
  }
  return spans;
}
