/**
 * Greedy, collision-free placement of topic labels on the map: the biggest topics claim space
 * first; a label that would overlap one already placed, or leave the view, is dropped. As the user
 * zooms in, centroids spread apart and the budget grows, so more labels appear.
 */

export interface LabelCandidate {
  id: number;
  text: string;
  /** Anchor (label centre) in screen pixels. */
  x: number;
  y: number;
  /** Higher is placed first (e.g. topic size). */
  priority: number;
  /** Font size of this label; defaults to the options' fontSize. */
  fontSize?: number;
  /** Other anchors to try, in order, when the label does not fit at (x, y). */
  alternatives?: readonly { x: number; y: number }[];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel extends LabelCandidate {
  box: Box;
}

export interface LabelOptions {
  width: number;
  height: number;
  fontSize?: number;
  /** Text width in pixels at a font size; defaults to fontSize × 0.6 per character. */
  measure?: (text: string, fontSize: number) => number;
  /** Space kept free around each label. */
  padding?: number;
  maxLabels?: number;
}

/** True when two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** How many labels to try at zoom k: a dozen at first, more as the user zooms in. */
export function labelBudget(k: number, total: number): number {
  return Math.min(total, Math.round(12 * Math.max(1, k)));
}

/**
 * Places labels in priority order, each at its anchor or else at the first of its alternatives
 * where it fits; a label that collides or leaves the view everywhere is skipped.
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: LabelOptions): PlacedLabel[] {
  const measure = options.measure ?? ((text: string, size: number) => text.length * size * 0.6);
  const padding = options.padding ?? 3;
  const max = options.maxLabels ?? Infinity;
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const placed: PlacedLabel[] = [];
  for (const candidate of ordered) {
    if (placed.length >= max) break;
    const fontSize = candidate.fontSize ?? options.fontSize ?? 12;
    const halfW = measure(candidate.text, fontSize) / 2 + padding;
    const halfH = fontSize / 2 + padding;
    const anchors = [{ x: candidate.x, y: candidate.y }];
    for (const a of candidate.alternatives ?? []) anchors.push(a);
    for (const { x, y } of anchors) {
      const box = { x0: x - halfW, y0: y - halfH, x1: x + halfW, y1: y + halfH };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > options.width || box.y1 > options.height) continue;
      if (placed.some((p) => boxesOverlap(p.box, box))) continue;
      placed.push({ ...candidate, x, y, box });
      break;
    }
  }
  return placed;
}
