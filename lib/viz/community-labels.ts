/**
 * Names on the map of communities: each community is named by its best-known members' surnames
 * and its main topic, in two lines under its disc; the largest communities claim space first and
 * a name that would overlap one already placed, or leave the view, waits for the user to zoom in.
 */
import { boxesOverlap, type Box } from './label-placement';
import { measureText } from './font-metrics';
import { maxOf } from './extent';

/** Font of the community names (px) and the space between their lines. */
export const COMMUNITY_LABEL_FONT = 12;
const LINE_HEIGHT = 15;
const PADDING = 2;
const MAX_TOPIC_CHARS = 32;

export interface CommunityLabelInput {
  id: number;
  topAuthors: readonly string[];
  topicLabel: string | null;
  /** Screen position of the disc's centre and its radius. */
  x: number;
  y: number;
  r: number;
  /** Higher is placed first. */
  priority: number;
}

export interface PlacedCommunityLabel {
  id: number;
  lines: string[];
  /** Centre of the first line's baseline box. */
  x: number;
  y: number;
  box: Box;
}

/** The surname of a display name (`Yoshua Bengio` → `Bengio`; `Bengio, Y.` → `Bengio`). */
export function surnameOf(name: string): string {
  const comma = name.indexOf(',');
  if (comma > 0) return name.slice(0, comma).trim();
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** Short names of a community's best-known members: surnames, with initials where two share one
 * (`Y. Bengio, S. Bengio, Courville`). */
export function shortNames(names: readonly string[]): string[] {
  const surnames = names.map(surnameOf);
  return names.map((name, i) => {
    if (surnames.filter((s) => s === surnames[i]).length < 2) return surnames[i];
    const first = name.includes(',') ? name.slice(name.indexOf(',') + 1).trim() : name.trim().split(/\s+/)[0];
    return first && first !== surnames[i] ? `${first[0]}. ${surnames[i]}` : surnames[i];
  });
}

/** The two lines naming a community: up to three surnames, then its main topic. */
export function communityLabelLines(topAuthors: readonly string[], topicLabel: string | null): string[] {
  const names = shortNames(topAuthors.slice(0, 3)).filter(Boolean);
  const lines = [names.join(', ')];
  if (topicLabel) {
    lines.push(topicLabel.length > MAX_TOPIC_CHARS ? `${topicLabel.slice(0, MAX_TOPIC_CHARS - 1)}…` : topicLabel);
  }
  return lines.filter((l) => l !== '');
}

/** Width of a label line as drawn (first line semibold). */
export function labelLineWidth(line: string, index: number): number {
  return measureText(line, index === 0 ? COMMUNITY_LABEL_FONT : COMMUNITY_LABEL_FONT - 1, index === 0 ? 600 : 400);
}

/** Places community names below their discs in priority order, without overlaps, inside the view. */
export function placeCommunityLabels(
  inputs: readonly CommunityLabelInput[],
  view: { width: number; height: number },
  maxLabels = Infinity,
): PlacedCommunityLabel[] {
  const ordered = [...inputs].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const placed: PlacedCommunityLabel[] = [];
  for (const c of ordered) {
    if (placed.length >= maxLabels) break;
    const lines = communityLabelLines(c.topAuthors, c.topicLabel);
    if (lines.length === 0) continue;
    const width = maxOf(lines.map(labelLineWidth));
    const top = c.y + c.r + 3;
    const box = {
      x0: c.x - width / 2 - PADDING,
      y0: top - PADDING,
      x1: c.x + width / 2 + PADDING,
      y1: top + lines.length * LINE_HEIGHT + PADDING,
    };
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > view.width || box.y1 > view.height) continue;
    if (placed.some((p) => boxesOverlap(p.box, box))) continue;
    placed.push({ id: c.id, lines, x: c.x, y: top + LINE_HEIGHT / 2, box });
  }
  return placed;
}

/** Vertical distance between label lines. */
export const COMMUNITY_LABEL_LINE_HEIGHT = LINE_HEIGHT;

/** Disc radii (network units) of the drawn communities, area in proportion to `values` (authors or
 * papers), each inside its region so no two discs overlap. */
export function communityDiscRadii(regions: readonly number[], values: readonly number[]): number[] {
  const ratios = regions
    .map((r, i) => (values[i] > 0 ? (0.9 * r) / Math.sqrt(values[i]) : Infinity))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const scale = ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)] : 1;
  return regions.map((r, i) => Math.max(2, Math.min(0.9 * r, scale * Math.sqrt(Math.max(0, values[i])))));
}

/** The transform that fits a `width` × `height` map in the view with a margin (and room for names). */
export function fitCommunityMap(
  width: number,
  height: number,
  view: { width: number; height: number },
): { k: number; x: number; y: number } {
  const margin = 24;
  const k = Math.min(
    (view.width - 2 * margin) / Math.max(1, width),
    (view.height - 2 * margin - 20) / Math.max(1, height),
  );
  return { k, x: (view.width - k * width) / 2, y: (view.height - 20 - k * height) / 2 };
}
