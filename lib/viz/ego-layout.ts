/**
 * A radial layout of an ego network: the author at the centre, co-authors on one or two rings
 * (strongest ties on the inner ring), ordered so that co-authors who write together sit near each
 * other. Deterministic and pure; no simulation needed for a few dozen nodes.
 */
import { maxOf } from './extent';

export interface EgoInputNode {
  id: number;
  /** Joint papers with the ego (ignored for the ego itself). */
  joint: number;
  papers: number;
}

export interface EgoPlacedNode {
  id: number;
  x: number;
  y: number;
  r: number;
  ring: 0 | 1 | 2;
}

/**
 * Places the ego at (0, 0) and its co-authors on rings of radius `radius` (inner) and
 * 1.6·radius (outer, used past `innerMax` co-authors). Node radius grows with √papers.
 */
export function buildEgoLayout(
  ego: { id: number; papers: number },
  coauthors: readonly EgoInputNode[],
  links: readonly { source: number; target: number }[],
  radius = 100,
  innerMax = 14,
): EgoPlacedNode[] {
  const maxPapers = maxOf(
    coauthors.map((c) => c.papers),
    Math.max(1, ego.papers),
  );
  const size = (papers: number) => 3 + 7 * Math.sqrt(Math.max(1, papers) / maxPapers);
  const ranked = [...coauthors].sort((a, b) => b.joint - a.joint || b.papers - a.papers || a.id - b.id);
  const rings = [ranked.slice(0, innerMax), ranked.slice(innerMax)];
  // Greedy ordering along each ring: next comes the unplaced co-author most linked to the last.
  const neighbours = new Map<number, Set<number>>();
  for (const l of links) {
    if (!neighbours.has(l.source)) neighbours.set(l.source, new Set());
    if (!neighbours.has(l.target)) neighbours.set(l.target, new Set());
    neighbours.get(l.source)!.add(l.target);
    neighbours.get(l.target)!.add(l.source);
  }
  const order = (ring: EgoInputNode[]): EgoInputNode[] => {
    if (ring.length <= 2) return ring;
    const left = [...ring];
    const out = [left.shift()!];
    while (left.length > 0) {
      const last = out[out.length - 1];
      const near = neighbours.get(last.id);
      let pick = left.findIndex((c) => near?.has(c.id));
      if (pick < 0) pick = 0;
      out.push(left.splice(pick, 1)[0]);
    }
    return out;
  };
  const placed: EgoPlacedNode[] = [{ id: ego.id, x: 0, y: 0, r: size(ego.papers) + 3, ring: 0 }];
  rings.forEach((ring, ringIndex) => {
    const ordered = order(ring);
    const rr = radius * (ringIndex === 0 ? 1 : 1.6);
    // The outer ring is turned half a step so its nodes fall between the inner ones.
    const offset = ringIndex === 0 ? -Math.PI / 2 : -Math.PI / 2 + Math.PI / Math.max(1, ordered.length);
    ordered.forEach((c, i) => {
      const angle = offset + (2 * Math.PI * i) / ordered.length;
      placed.push({
        id: c.id,
        x: rr * Math.cos(angle),
        y: rr * Math.sin(angle),
        r: size(c.papers),
        ring: ringIndex === 0 ? 1 : 2,
      });
    });
  });
  return placed;
}
