import type { CoauthorEdges, EgoNetwork } from './types';

/** An author's ego network from the edge columns: the author, their co-authors, and every edge
 * among these (two linear scans; the store answers the same question from an indexed table). */
export function buildEgoNetwork(edges: CoauthorEdges, authorId: number): EgoNetwork {
  const { source, target } = edges;
  const members = new Set<number>([authorId]);
  for (let e = 0; e < source.length; e++) {
    if (source[e] === authorId) members.add(target[e]);
    else if (target[e] === authorId) members.add(source[e]);
  }
  const rows: number[] = [];
  for (let e = 0; e < source.length; e++) {
    if (members.has(source[e]) && members.has(target[e])) rows.push(e);
  }
  const coauthors = [...members].filter((id) => id !== authorId).sort((a, b) => a - b);
  return { author: authorId, nodes: [authorId, ...coauthors], edges: rows };
}
