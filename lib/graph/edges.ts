import { checkInt32Offset } from '../model/matrix';
import type { LargePaperRule } from './types';

/** The co-author graph as compressed sparse rows: neighbours of author `a` are
 * `neighbors[offsets[a] .. offsets[a+1])`, sorted by id, with the pair's weights alongside.
 * Each undirected edge appears twice (once from each end). */
export interface CoauthorAdjacency {
  offsets: Int32Array;
  neighbors: Int32Array;
  papers: Int32Array;
  fractional: Float64Array;
  /** Distinct co-authors over all papers, large papers included, per author. */
  coauthorCounts: Int32Array;
  /** Papers with more than the maximum number of authors. */
  largePapers: number;
}

/** Builds the weighted co-author adjacency from each paper's author ids. A paper with n > 1
 * authors adds 1 joint paper and 1/(n-1) fractional weight to every pair of its authors
 * (fractional counting, Newman 2001, https://doi.org/10.1103/PhysRevE.64.016132), so an author's
 * fractional degree is the number of their co-authored papers. Papers over `maxAuthorsPerPaper`
 * follow `rule` (see `LargePaperRule`). */
export function buildCoauthorAdjacency(
  paperAuthors: Int32Array[],
  authorCount: number,
  maxAuthorsPerPaper: number,
  rule: LargePaperRule,
): CoauthorAdjacency {
  // Author -> papers index, as CSR.
  const paperCounts = new Int32Array(authorCount + 1);
  let largePapers = 0;
  for (const ids of paperAuthors) {
    if (ids.length > maxAuthorsPerPaper) largePapers++;
    for (let i = 0; i < ids.length; i++) paperCounts[ids[i] + 1]++;
  }
  for (let a = 0; a < authorCount; a++) paperCounts[a + 1] += paperCounts[a];
  const papersOf = new Int32Array(paperCounts[authorCount]);
  const fill = paperCounts.slice(0, authorCount);
  for (let p = 0; p < paperAuthors.length; p++) {
    const ids = paperAuthors[p];
    for (let i = 0; i < ids.length; i++) papersOf[fill[ids[i]]++] = p;
  }

  // Per author, accumulate weights to each co-author in dense scratch arrays stamped by author,
  // so no hash map is needed and each paper of size n costs n per author (n^2 in all).
  const seenAll = new Int32Array(authorCount).fill(-1);
  const seenEdge = new Int32Array(authorCount).fill(-1);
  const jointPapers = new Int32Array(authorCount);
  const jointFractional = new Float64Array(authorCount);
  const coauthorCounts = new Int32Array(authorCount);
  const offsets = new Int32Array(authorCount + 1);
  let neighbors = new Int32Array(1024);
  let papers = new Int32Array(1024);
  let fractional = new Float64Array(1024);
  let size = 0;
  const touched: number[] = [];
  for (let a = 0; a < authorCount; a++) {
    touched.length = 0;
    let distinct = 0;
    for (let k = paperCounts[a]; k < paperCounts[a + 1]; k++) {
      const ids = paperAuthors[papersOf[k]];
      const n = ids.length;
      for (let i = 0; i < n; i++) {
        const b = ids[i];
        if (b !== a && seenAll[b] !== a) {
          seenAll[b] = a;
          distinct++;
        }
      }
      if (n < 2) continue;
      let linked = n;
      if (n > maxAuthorsPerPaper) {
        if (rule === 'skip') continue;
        linked = maxAuthorsPerPaper;
        if (ids.subarray(0, linked).indexOf(a) < 0) continue;
      }
      const share = 1 / (n - 1);
      for (let i = 0; i < linked; i++) {
        const b = ids[i];
        if (b === a) continue;
        if (seenEdge[b] !== a) {
          seenEdge[b] = a;
          jointPapers[b] = 0;
          jointFractional[b] = 0;
          touched.push(b);
        }
        jointPapers[b]++;
        jointFractional[b] += share;
      }
    }
    coauthorCounts[a] = distinct;
    touched.sort((x, y) => x - y);
    checkInt32Offset(size + touched.length, 'co-author links');
    if (size + touched.length > neighbors.length) {
      const capacity = Math.max(neighbors.length * 2, size + touched.length);
      neighbors = grow(neighbors, new Int32Array(capacity));
      papers = grow(papers, new Int32Array(capacity));
      fractional = grow(fractional, new Float64Array(capacity));
    }
    for (const b of touched) {
      neighbors[size] = b;
      papers[size] = jointPapers[b];
      fractional[size] = jointFractional[b];
      size++;
    }
    offsets[a + 1] = size;
  }
  return {
    offsets,
    neighbors: neighbors.slice(0, size),
    papers: papers.slice(0, size),
    fractional: fractional.slice(0, size),
    coauthorCounts,
    largePapers,
  };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
