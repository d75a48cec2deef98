/**
 * Which labels the topic map shows at a zoom, as on a printed map where regions are named at first
 * and towns once you look closer: at the fitted view the topics are labelled; past a zoom that
 * depends on how far apart a topic's parts lie, the sub-topics of the topics in view are labelled
 * too, and the topic labels step back (fainter, moved up out of their parts' way). Every label is
 * placed collision-free (lib/viz/label-placement.ts).
 */
import type { Affine } from './map-scale';
import { labelBudget, placeLabels, type PlacedLabel } from './label-placement';

export const TOPIC_LABEL_SIZE = 12;
export const SUBTOPIC_LABEL_SIZE = 11;

/** Screen distance (px) between neighbouring parts of a topic at which their labels start to show. */
export const SUBTOPIC_GAP_PX = 40;
/** Sub-topic labels never show below this zoom, and always above the largest. */
const SUBTOPIC_ZOOM_RANGE: [number, number] = [1.5, 12];
/** Strength of a topic label's text once its sub-topics are labelled (the rest is background). */
export const TOPIC_LABEL_BACKGROUND_ALPHA = 0.55;
/** How many lines up a topic label may move to make way for its parts' labels. */
const TOPIC_LABEL_STEPS_UP = 4;

export interface LabelTopic {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
}

export interface LabelSubtopic {
  topicId: number;
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
}

/** A label as drawn: its level, strength and font size with the placed box. */
export interface MapLabel extends PlacedLabel {
  level: 'topic' | 'subtopic';
  topicId: number;
  /** The sub-topic's id within its topic; null on a topic label. */
  subtopicId: number | null;
  /** How strongly its text is drawn, 0..1: a topic label steps back once its parts are labelled. */
  alpha: number;
  fontSize: number;
}

/**
 * The zoom (relative to the fitted view, whose scale is `fitScale` px per data unit) from which
 * sub-topic labels show: where the median distance of a sub-topic to its nearest sibling reaches
 * `gapPx` on screen, within [1.5, 12]. Null when no topic is split into two or more parts.
 */
export function subtopicZoom(
  subtopics: readonly LabelSubtopic[],
  fitScale: number,
  gapPx = SUBTOPIC_GAP_PX,
): number | null {
  const byTopic = new Map<number, LabelSubtopic[]>();
  for (const s of subtopics) {
    const list = byTopic.get(s.topicId);
    if (list) list.push(s);
    else byTopic.set(s.topicId, [s]);
  }
  const gaps: number[] = [];
  for (const parts of byTopic.values()) {
    if (parts.length < 2) continue;
    for (const a of parts) {
      let nearest = Infinity;
      for (const b of parts) if (b !== a) nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.y - b.y));
      gaps.push(nearest);
    }
  }
  if (gaps.length === 0 || !(fitScale > 0)) return null;
  gaps.sort((a, b) => a - b);
  const m = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
  const [lo, hi] = SUBTOPIC_ZOOM_RANGE;
  if (median <= 0) return hi;
  return Math.min(hi, Math.max(lo, gapPx / (median * fitScale)));
}

/**
 * A sub-topic's label as the map shows it: its first two terms, so the smaller labels stay short
 * enough to sit side by side (the topic page and hover card show the whole label).
 */
export function formatSubtopicMapLabel(label: string): string {
  const terms = label.split(', ');
  return terms.length > 2 ? terms.slice(0, 2).join(', ') : label;
}

export interface MapLabelInput {
  topics: readonly LabelTopic[];
  subtopics: readonly LabelSubtopic[];
  /** Topics whose points are in colour: only they are labelled. */
  isActive(topicId: number): boolean;
  /** Data → screen (CSS px). */
  transform: Affine;
  /** Zoom relative to the fitted view (d3-zoom's k). */
  zoom: number;
  /** From subtopicZoom; null = never label sub-topics. */
  subtopicZoom: number | null;
  width: number;
  height: number;
  /** Text width in px at a font size. */
  measure(text: string, fontSize: number): number;
  padding?: number;
}

/**
 * The labels to draw at this view. Below the sub-topic zoom: the topics, biggest first, a budget
 * growing with zoom. From it on: the sub-topics of the active topics first, then each split
 * topic's label, fainter, at its centroid or up to four lines above it, wherever it clears its
 * parts' labels. Topics without parts keep their full label and place first.
 *
 * The switch is sharp: a sub-topic label fading in would claim its space while still unreadable,
 * and half-transparent text over dense points reads as a smudge.
 */
export function chooseMapLabels(input: MapLabelInput): MapLabel[] {
  const { transform: t } = input;
  const detailed = input.subtopicZoom != null && input.zoom >= input.subtopicZoom;
  const split = new Set<number>();
  if (detailed) for (const s of input.subtopics) if (input.isActive(s.topicId)) split.add(s.topicId);
  const topics = input.topics.filter((topic) => input.isActive(topic.id));
  const candidates = topics.map((topic, i) => {
    const x = t.k * topic.x + t.x;
    const y = t.k * topic.y + t.y;
    const lineUp = TOPIC_LABEL_SIZE + 6;
    return {
      id: i,
      text: topic.label,
      x,
      y,
      fontSize: TOPIC_LABEL_SIZE,
      // Unsplit topics outrank every sub-topic; a split one gives way to its parts.
      priority: split.has(topic.id) ? -1e9 + topic.size : 1e9 + topic.size,
      alternatives: split.has(topic.id)
        ? Array.from({ length: TOPIC_LABEL_STEPS_UP }, (_, step) => ({ x, y: y - lineUp * (step + 1) }))
        : undefined,
    };
  });
  const subtopics = detailed ? input.subtopics.filter((s) => split.has(s.topicId)) : [];
  subtopics.forEach((s, i) => {
    candidates.push({
      id: topics.length + i,
      text: formatSubtopicMapLabel(s.label),
      x: t.k * s.x + t.x,
      y: t.k * s.y + t.y,
      fontSize: SUBTOPIC_LABEL_SIZE,
      priority: s.size,
      alternatives: undefined,
    });
  });
  const placed = placeLabels(candidates, {
    width: input.width,
    height: input.height,
    measure: input.measure,
    padding: input.padding ?? 4,
    // The budget grows with zoom; once parts are labelled, the topics (a few dozen) come on top.
    maxLabels: detailed
      ? topics.length + labelBudget(input.zoom, subtopics.length)
      : labelBudget(input.zoom, topics.length),
  });
  return placed.map((p) => {
    const isTopic = p.id < topics.length;
    const sub = isTopic ? null : subtopics[p.id - topics.length];
    const topicId = sub ? sub.topicId : topics[p.id].id;
    return {
      ...p,
      level: isTopic ? 'topic' : 'subtopic',
      topicId,
      subtopicId: sub ? sub.id : null,
      fontSize: isTopic ? TOPIC_LABEL_SIZE : SUBTOPIC_LABEL_SIZE,
      alpha: isTopic && split.has(topicId) ? TOPIC_LABEL_BACKGROUND_ALPHA : 1,
    };
  });
}
