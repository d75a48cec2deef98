/**
 * The map's draw list for the WebGL renderer, and its level of detail. Every drawn point's index
 * goes into one index list, grouped the way the Canvas 2D renderer layers them: faded points, then
 * the outliers (grey rings), then each topic's active points, then the selection on top. Inside
 * each group the points follow one seeded shuffle of the whole map, so the first m of a group are a
 * uniform sample of it: when more points are in view than a frame can draw, each group draws its
 * first `fraction` — the same points at every frame and in every session (no flicker, no
 * randomness) — and once the view holds few enough, every point in it.
 */
import { createRandom, shuffledIndices } from '../random';
import { POINT_ACTIVE, POINT_FADED, POINT_HIDDEN } from './map-filter';
import { POINT_FLAG_OUTLIER } from './point-payload';

export type DrawGroupKind = 'faded' | 'outlier' | 'active' | 'selected';

/** A run of the index list drawn in one call: one colour, one size. */
export interface DrawGroup {
  kind: DrawGroupKind;
  /** The topic of an active or selected group; -1 for faded and outliers. */
  topic: number;
  start: number;
  count: number;
}

export interface DrawList {
  indices: Uint32Array;
  groups: DrawGroup[];
}

/** The seed of the map's one shuffle: any fixed number keeps every frame and session the same. */
export const LOD_SEED = 20_251_207;

/** The order every group's points are listed in: one seeded shuffle of 0..n-1. */
export function lodOrder(n: number): Int32Array {
  return shuffledIndices(n, createRandom(LOD_SEED));
}

/**
 * The index list and its groups. Topics come in the order they first appear among the points (as
 * the Canvas 2D renderer draws them); `selected` points are listed a second time, by topic, last.
 */
export function buildDrawList(
  topic: ArrayLike<number>,
  mask: Uint8Array,
  flags: ArrayLike<number>,
  order: ArrayLike<number>,
  selected: ArrayLike<number> | null,
): DrawList {
  const n = mask.length;
  // Slot per group: 0 faded, 1 outliers, 2 + position of the topic in first-appearance order.
  const topicSlot = new Map<number, number>();
  const slotOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const m = mask[i];
    if (m === POINT_HIDDEN) continue;
    if (m === POINT_FADED) slotOf[i] = 0;
    else if (m === POINT_ACTIVE && flags[i] & POINT_FLAG_OUTLIER) slotOf[i] = 1;
    else if (m === POINT_ACTIVE) {
      let slot = topicSlot.get(topic[i]);
      if (slot === undefined) topicSlot.set(topic[i], (slot = 2 + topicSlot.size));
      slotOf[i] = slot;
    }
  }
  const isSelected = new Uint8Array(n);
  const selectedSlot = new Map<number, number>();
  if (selected) {
    for (let j = 0; j < selected.length; j++) {
      const i = selected[j];
      isSelected[i] = 1;
      if (!selectedSlot.has(topic[i])) selectedSlot.set(topic[i], selectedSlot.size);
    }
  }
  const base = 2 + topicSlot.size;
  const slots = base + selectedSlot.size;
  const counts = new Uint32Array(slots);
  for (let i = 0; i < n; i++) {
    if (slotOf[i] >= 0) counts[slotOf[i]]++;
    if (isSelected[i]) counts[base + selectedSlot.get(topic[i])!]++;
  }
  const starts = new Uint32Array(slots);
  for (let s = 1; s < slots; s++) starts[s] = starts[s - 1] + counts[s - 1];
  const fill = starts.slice();
  const indices = new Uint32Array(slots ? starts[slots - 1] + counts[slots - 1] : 0);
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (slotOf[i] >= 0) indices[fill[slotOf[i]]++] = i;
    if (isSelected[i]) indices[fill[base + selectedSlot.get(topic[i])!]++] = i;
  }
  const groups: DrawGroup[] = [];
  const push = (kind: DrawGroupKind, t: number, slot: number) => {
    if (counts[slot] > 0) groups.push({ kind, topic: t, start: starts[slot], count: counts[slot] });
  };
  push('faded', -1, 0);
  push('outlier', -1, 1);
  for (const [t, slot] of topicSlot) push('active', t, slot);
  for (const [t, slot] of selectedSlot) push('selected', t, base + slot);
  return { indices, groups };
}

/**
 * The share of each group to draw: all of it while `inView` (points in the view) is within
 * `budget`, else budget / inView. 0 < fraction ≤ 1.
 */
export function lodFraction(inView: number, budget: number): number {
  return inView <= budget ? 1 : Math.max(budget / inView, 1e-6);
}

/** How many of a group's `count` points a frame at `fraction` draws (at least one of a non-empty group). */
export function lodCount(count: number, fraction: number): number {
  return fraction >= 1 ? count : Math.min(count, Math.max(1, Math.ceil(count * fraction)));
}

/**
 * How many points that are not hidden fall inside the rectangle [x0, x1] × [y0, y1] (data
 * coordinates). Linear in the points; ~3 ms for a million.
 */
export function countInView(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  mask: Uint8Array,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === POINT_HIDDEN) continue;
    const x = xs[i];
    const y = ys[i];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) n++;
  }
  return n;
}

/**
 * The cost of a point in the renderer, learned from the frames it draws, and the points a frame can
 * draw within a time. On a GPU a point costs nanoseconds and every point in view fits; with
 * software WebGL (SwiftShader) about a microsecond, so a pan draws a sample and the frame after it
 * every point. Frames of fewer than `minPoints` points are too cheap to learn from.
 */
export class FrameCost {
  private msPerPoint: number | null = null;

  constructor(
    private readonly bounds: { min: number; max: number; initial: number },
    private readonly minPoints = 10_000,
  ) {}

  /** A frame took `ms` to draw `points`. */
  record(ms: number, points: number): void {
    if (points < this.minPoints || !(ms >= 0)) return;
    const sample = ms / points;
    this.msPerPoint = this.msPerPoint === null ? sample : 0.7 * this.msPerPoint + 0.3 * sample;
  }

  /** Points a frame of `targetMs` can draw, within the bounds (`max` replaces the upper one). */
  budget(targetMs: number, max = this.bounds.max): number {
    if (this.msPerPoint === null) return Math.min(max, this.bounds.initial);
    const fit = Math.floor(targetMs / Math.max(this.msPerPoint, 1e-9));
    return Math.min(max, Math.max(this.bounds.min, fit));
  }
}
