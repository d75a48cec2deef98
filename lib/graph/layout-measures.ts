/**
 * How well a drawing shows its groups: over the drawn points whose group has at least `minGroup`
 * drawn members, the mean share of each point's `k` nearest drawn neighbours that are in its
 * group. 1 when every group is a place of its own; about the group's share of points when the
 * drawing ignores groups.
 */
export function measureGroupSeparation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  group: ArrayLike<number>,
  k = 10,
  minGroup = 11,
): { separation: number; measured: number } {
  const n = x.length;
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(group[i], (sizes.get(group[i]) ?? 0) + 1);
  const dist = new Float64Array(n);
  const order: number[] = [];
  let sum = 0;
  let measured = 0;
  for (let i = 0; i < n; i++) {
    if ((sizes.get(group[i]) ?? 0) < minGroup) continue;
    order.length = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      dist[j] = (x[j] - x[i]) ** 2 + (y[j] - y[i]) ** 2;
      order.push(j);
    }
    // Partial selection of the k nearest (ties by index, so the measure is deterministic).
    order.sort((a, b) => dist[a] - dist[b] || a - b);
    let same = 0;
    const m = Math.min(k, order.length);
    for (let r = 0; r < m; r++) if (group[order[r]] === group[i]) same++;
    sum += same / Math.max(1, m);
    measured++;
  }
  return { separation: measured > 0 ? sum / measured : 0, measured };
}
