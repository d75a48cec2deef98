/**
 * Categorical colours for topics and communities, shared by every chart. The first ten are
 * colour-blind-safe picks from Okabe & Ito (2008) and Paul Tol's "muted" scheme; beyond ten the
 * same hues come back lighter or darker in CIE LCh, so topic 23 always has the same colour on the
 * map, the bars and the legend. Ten hues cannot stay distinguishable for every eye past ten
 * categories: charts pair colour with labels, position or patterns, never colour alone.
 */
import { hcl } from 'd3';

/** The base categorical colours, in order. */
export const CATEGORICAL_BASE: readonly string[] = [
  '#0072B2', // blue (Okabe-Ito)
  '#E69F00', // orange (Okabe-Ito)
  '#009E73', // bluish green (Okabe-Ito)
  '#CC79A7', // reddish purple (Okabe-Ito)
  '#56B4E9', // sky blue (Okabe-Ito)
  '#D55E00', // vermillion (Okabe-Ito)
  '#882255', // wine (Tol muted)
  '#44AA99', // teal (Tol muted)
  '#999933', // olive (Tol muted)
  '#C9B43A', // a darker yellow than Okabe-Ito's #F0E442, readable on white
];

/** For ids with no category (unassigned, "other"). */
export const NEUTRAL_COLOR = '#8a8f98';

// Lightness shift per round of ten: alternately darker and lighter, growing.
const SHIFTS = [0, -16, 14, -28, 26];

/** The colour of category `index` (0-based; negative or non-integer → neutral). */
export function categoricalColor(index: number): string {
  if (!Number.isInteger(index) || index < 0) return NEUTRAL_COLOR;
  const base = CATEGORICAL_BASE[index % CATEGORICAL_BASE.length];
  const round = Math.floor(index / CATEGORICAL_BASE.length);
  if (round === 0) return base;
  const shift = SHIFTS[round % SHIFTS.length] || (round % 2 === 0 ? 10 : -10);
  // Hue also turns a little per round so two shifted colours of the same hue stay apart.
  const c = hcl(base);
  c.l = Math.min(88, Math.max(22, c.l + shift));
  c.h = (c.h + 9 * round) % 360;
  return c.formatHex();
}

/** The colour of a topic (topics are 0-based). */
export function topicColor(topicId: number): string {
  return categoricalColor(topicId);
}

/** The colour of a co-author community (0-based; null → neutral). */
export function communityColor(communityId: number | null): string {
  return communityId == null ? NEUTRAL_COLOR : categoricalColor(communityId);
}

/** The first `n` categorical colours. */
export function categoricalColors(n: number): string[] {
  return Array.from({ length: Math.max(0, Math.floor(n)) }, (_, i) => categoricalColor(i));
}

/** Groups (communities, sub-communities) with a colour of their own; the rest are neutral. */
export const COLOURED_GROUPS = 20;

/** The colour of group `id`: its own for the 20 largest (ids are by size), else neutral. */
export function groupColor(id: number | null): string {
  return id !== null && id >= 0 && id < COLOURED_GROUPS ? categoricalColor(id) : NEUTRAL_COLOR;
}
