/**
 * A uniform grid over a set of map points for "which point is under the pointer": the points are
 * counting-sorted into cells (two passes over typed arrays, ~20 ms for a million points, no object
 * per point — a d3 quadtree of a million points takes about a second and ~100 MB), and a query
 * looks only at the cells its radius touches.
 */

export class PointGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly side: number;
  /** cellStart[c]..cellStart[c + 1] are the positions in `items` of cell c's points. */
  private readonly cellStart: Uint32Array;
  private readonly items: Uint32Array;

  /** A grid of the listed points (`indices` into xs, ys), about `perCell` points a cell. */
  constructor(
    private readonly xs: ArrayLike<number>,
    private readonly ys: ArrayLike<number>,
    indices: ArrayLike<number>,
    perCell = 4,
  ) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j];
      if (xs[i] < x0) x0 = xs[i];
      if (xs[i] > x1) x1 = xs[i];
      if (ys[i] < y0) y0 = ys[i];
      if (ys[i] > y1) y1 = ys[i];
    }
    const n = indices.length;
    this.side = n ? Math.min(2048, Math.max(1, Math.ceil(Math.sqrt(n / perCell)))) : 1;
    this.x0 = n ? x0 : 0;
    this.y0 = n ? y0 : 0;
    this.cell = n ? Math.max(x1 - x0, y1 - y0, 1e-12) / this.side : 1;
    const cells = this.side * this.side;
    const counts = new Uint32Array(cells + 1);
    const cellOf = new Uint32Array(n);
    for (let j = 0; j < n; j++) {
      const i = indices[j];
      const c = this.cellIndex(this.col(xs[i]), this.col(ys[i], true));
      cellOf[j] = c;
      counts[c + 1]++;
    }
    for (let c = 0; c < cells; c++) counts[c + 1] += counts[c];
    this.cellStart = counts;
    const fill = counts.slice(0, cells);
    this.items = new Uint32Array(n);
    for (let j = 0; j < n; j++) this.items[fill[cellOf[j]]++] = indices[j];
  }

  /** How many points the grid holds. */
  get size(): number {
    return this.items.length;
  }

  /** The point nearest (x, y) within `radius` (data units), or -1. */
  nearest(x: number, y: number, radius: number): number {
    if (this.items.length === 0) return -1;
    const c0 = this.col(x - radius);
    const c1 = this.col(x + radius);
    const r0 = this.col(y - radius, true);
    const r1 = this.col(y + radius, true);
    let best = -1;
    let bestD = radius * radius;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cellIndex(c, r);
        for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
          const i = this.items[k];
          const dx = this.xs[i] - x;
          const dy = this.ys[i] - y;
          const d = dx * dx + dy * dy;
          if (d <= bestD) {
            // Ties go to the lower index, so a query's answer does not depend on the cell order.
            if (d < bestD || best < 0 || i < best) best = i;
            bestD = d;
          }
        }
      }
    }
    return best;
  }

  private col(v: number, row = false): number {
    const c = Math.floor((v - (row ? this.y0 : this.x0)) / this.cell);
    return c < 0 ? 0 : c >= this.side ? this.side - 1 : c;
  }

  private cellIndex(col: number, row: number): number {
    return row * this.side + col;
  }
}
