import type { AuthorGroup } from './types';

/** Connected components: a group id per author and the groups' sizes. */
export interface Grouping {
  groupOf: Int32Array;
  groups: AuthorGroup[];
}

/** Renumbers arbitrary group labels 0..g-1 by size, largest first, ties by smallest member id, so
 * group 0 is the biggest and ids do not depend on how the labels were found. */
export function buildGroupsBySize(labels: ArrayLike<number>): Grouping {
  const n = labels.length;
  const sizes = new Map<number, number>();
  const firstMember = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const label = labels[v];
    sizes.set(label, (sizes.get(label) ?? 0) + 1);
    if (!firstMember.has(label)) firstMember.set(label, v);
  }
  const ranked = [...sizes.keys()].sort(
    (a, b) => sizes.get(b)! - sizes.get(a)! || firstMember.get(a)! - firstMember.get(b)!,
  );
  const idOf = new Map<number, number>();
  ranked.forEach((label, id) => idOf.set(label, id));
  const groupOf = new Int32Array(n);
  for (let v = 0; v < n; v++) groupOf[v] = idOf.get(labels[v])!;
  const groups = ranked.map((label, id) => ({ id, size: sizes.get(label)! }));
  return { groupOf, groups };
}

/** Connected components of an undirected CSR graph by breadth-first search. */
export function buildComponents(offsets: Int32Array, neighbors: Int32Array): Grouping {
  const n = offsets.length - 1;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = count;
    while (head < tail) {
      const v = queue[head++];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = neighbors[e];
        if (label[w] < 0) {
          label[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return buildGroupsBySize(label);
}
