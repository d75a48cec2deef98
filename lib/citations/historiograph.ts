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

/** Sweeps of the crossing reduction at most (it stops at the first that removes no crossing). */
export const CROSSING_SWEEPS = 8;

/**
 * Crossings among `links` drawn as straight segments between the points (year, lane) of their
 * papers: pairs of links that cross at a point inside both (links sharing a paper never count).
 */
export function countCrossings(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  links: readonly { citing: number; cited: number }[],
): number {
  const side = (a: number, b: number, c: number) =>
    Math.sign((x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]));
  let crossings = 0;
  for (let i = 0; i < links.length; i++) {
    const { citing: a, cited: b } = links[i];
    for (let j = i + 1; j < links.length; j++) {
      const { citing: c, cited: d } = links[j];
      if (a === c || a === d || b === c || b === d) continue;
      const s1 = side(a, b, c);
      const s2 = side(a, b, d);
      const s3 = side(c, d, a);
      const s4 = side(c, d, b);
      if (s1 * s2 < 0 && s3 * s4 < 0) crossings++;
    }
  }
  return crossings;
}

/**
 * Barycenter sweeps (Sugiyama, Tagawa & Toda 1981) over the year columns: each column's papers
 * are ordered by the mean row of the papers they link to and given the column's own rows in that
 * order, so no column grows; columns go oldest to newest, then back. A sweep is kept only when it
 * leaves fewer crossings (countCrossings), so the result never has more than the start.
 */
function reduceCrossings(
  lane: Map<number, number>,
  columns: number[][],
  linked: number[][],
  x: ArrayLike<number>,
  links: readonly { citing: number; cited: number }[],
  sweeps: number,
): void {
  const rows = (m: Map<number, number>) => Float64Array.from(x, (_, i) => m.get(i) ?? 0);
  let best = countCrossings(x, rows(lane), links);
  for (let sweep = 0; sweep < sweeps && best > 0; sweep++) {
    const next = new Map(lane);
    const order = sweep % 2 === 0 ? columns : [...columns].reverse();
    for (const column of order) {
      if (column.length < 2) continue;
      const centre = (i: number) =>
        linked[i].length === 0 ? next.get(i)! : linked[i].reduce((s, j) => s + next.get(j)!, 0) / linked[i].length;
      const centres = new Map(column.map((i) => [i, centre(i)]));
      const slots = column.map((i) => next.get(i)!).sort((a, b) => a - b);
      const sorted = [...column].sort(
        (a, b) => centres.get(a)! - centres.get(b)! || next.get(a)! - next.get(b)! || a - b,
      );
      sorted.forEach((i, r) => next.set(i, slots[r]));
    }
    const crossings = countCrossings(x, rows(next), links);
    if (crossings >= best) break;
    best = crossings;
    for (const [i, row] of next) lane.set(i, row);
  }
}

/**
 * The `size` most locally cited dated papers (ties: the earlier, then corpus order) with the
 * citations among them. Rows come year by year, oldest first: each paper asks for the mean row of
 * the papers it is linked to that are already placed (else row 0) and takes the free row of its
 * year nearest to it (ties: the upper one), so a line of papers citing each other runs straight;
 * then barycenter sweeps reorder the papers within each year to remove crossings of the links.
 */
export function buildHistoriograph(
  layer: Pick<CitationLayer, 'citing' | 'cited' | 'localCitedBy'>,
  years: ArrayLike<number | null>,
  size = DEFAULT_HISTORIOGRAPH_SIZE,
  crossingSweeps = CROSSING_SWEEPS,
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
  const columns: number[][] = [];
  const byYear = chosen.map((_, i) => i).sort((a, b) => year(chosen[a]) - year(chosen[b]) || a - b);
  for (let start = 0; start < byYear.length;) {
    let end = start;
    while (end < byYear.length && year(chosen[byYear[end]]) === year(chosen[byYear[start]])) end++;
    const group = byYear.slice(start, end);
    columns.push(group.slice());
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
  reduceCrossings(
    lane,
    columns,
    linked,
    chosen.map((p) => year(p)),
    links,
    crossingSweeps,
  );
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
