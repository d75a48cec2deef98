/**
 * The historiograph (Garfield's algorithmic historiography; bibliometrix's `histNetwork`,
 * CitNetExplorer's first view): the corpus's most locally cited papers and the citations among
 * them, placed on a time axis so the field's chronological backbone reads from left to right.
 */
import type { CitationLayer } from './index';

export const DEFAULT_HISTORIOGRAPH_SIZE = 30;
/** The largest historiograph a build keeps: past it the drawing is no longer a backbone. */
export const MAX_HISTORIOGRAPH_SIZE = 200;

export interface HistoriographNode {
  paper: number;
  /** 0 = the most locally cited. */
  rank: number;
  year: number;
  /** Row of the drawing (0 = top); papers of one year never share a row. */
  lane: number;
  localCitations: number;
}

export interface Historiograph {
  /** By rank. */
  nodes: HistoriographNode[];
  /** Citations among the nodes, as positions in `nodes` (citing → cited), by citing then cited. */
  links: { citing: number; cited: number }[];
  lanes: number;
  /** Papers that would have ranked but have no year, left out. */
  undated: number;
}

/**
 * The `size` most locally cited dated papers (ties: the earlier, then corpus order) with the
 * citations among them. Rows come year by year, oldest first: each paper asks for the mean row of
 * the papers it is linked to that are already placed (else row 0) and takes the free row of its
 * year nearest to it (ties: the upper one), so a line of papers citing each other runs straight.
 */
export function buildHistoriograph(
  layer: Pick<CitationLayer, 'citing' | 'cited' | 'localCitedBy'>,
  years: ArrayLike<number | null>,
  size = DEFAULT_HISTORIOGRAPH_SIZE,
): Historiograph {
  const limit = Math.max(0, Math.min(MAX_HISTORIOGRAPH_SIZE, Math.floor(size)));
  const cited: number[] = [];
  for (let p = 0; p < layer.localCitedBy.length; p++) if (layer.localCitedBy[p] > 0) cited.push(p);
  const year = (p: number) => years[p] ?? Infinity;
  cited.sort((a, b) => layer.localCitedBy[b] - layer.localCitedBy[a] || year(a) - year(b) || a - b);
  const chosen: number[] = [];
  let undated = 0;
  for (const p of cited) {
    if (chosen.length >= limit) break;
    if (years[p] === null || years[p] === undefined) undated++;
    else chosen.push(p);
  }
  const position = new Map(chosen.map((p, i) => [p, i]));
  const links: { citing: number; cited: number }[] = [];
  for (let i = 0; i < layer.citing.length; i++) {
    const a = position.get(layer.citing[i]);
    const b = position.get(layer.cited[i]);
    if (a !== undefined && b !== undefined) links.push({ citing: a, cited: b });
  }
  links.sort((x, y) => x.citing - y.citing || x.cited - y.cited);
  const linked: number[][] = chosen.map(() => []);
  for (const l of links) {
    linked[l.citing].push(l.cited);
    linked[l.cited].push(l.citing);
  }

  const lane = new Map<number, number>();
  const byYear = chosen.map((_, i) => i).sort((a, b) => year(chosen[a]) - year(chosen[b]) || a - b);
  for (let start = 0; start < byYear.length;) {
    let end = start;
    while (end < byYear.length && year(chosen[byYear[end]]) === year(chosen[byYear[start]])) end++;
    const group = byYear.slice(start, end);
    const wish = new Map<number, number>();
    for (const i of group) {
      const placed = linked[i].filter((j) => lane.has(j));
      wish.set(i, placed.length > 0 ? placed.reduce((s, j) => s + lane.get(j)!, 0) / placed.length : 0);
    }
    // Papers with the strongest pull (most placed links) choose first.
    group.sort(
      (a, b) =>
        linked[b].filter((j) => lane.has(j)).length - linked[a].filter((j) => lane.has(j)).length ||
        wish.get(a)! - wish.get(b)! ||
        a - b,
    );
    const taken = new Set<number>();
    for (const i of group) {
      const w = Math.round(wish.get(i)!);
      let row = w;
      for (let d = 0; ; d++) {
        if (!taken.has(w - d)) {
          row = w - d;
          break;
        }
        if (!taken.has(w + d)) {
          row = w + d;
          break;
        }
      }
      taken.add(row);
      lane.set(i, row);
    }
    start = end;
  }
  let top = 0;
  let bottom = -1;
  for (const row of lane.values()) {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
  }
  const nodes = chosen.map((p, i) => ({
    paper: p,
    rank: i,
    year: years[p]!,
    lane: lane.get(i)! - top,
    localCitations: layer.localCitedBy[p],
  }));
  return { nodes, links, lanes: chosen.length > 0 ? bottom - top + 1 : 0, undated };
}
