import { describe, expect, it } from 'vitest';
import { boxesOverlap } from '@/lib/viz/label-placement';
import {
  chooseMapLabels,
  formatSubtopicMapLabel,
  subtopicZoom,
  SUBTOPIC_LABEL_SIZE,
  TOPIC_LABEL_SIZE,
  type LabelSubtopic,
  type MapLabelInput,
} from '@/lib/viz/map-labels';

const sub = (topicId: number, id: number, x: number, y: number, label = `part ${topicId}.${id}`): LabelSubtopic => ({
  topicId,
  id,
  label,
  size: 100 - id,
  x,
  y,
});

describe('sub-topic zoom threshold', () => {
  // Topic 0: two parts 0.1 apart. Topic 1: parts whose nearest siblings are 0.3, 0.3 and 0.4 away.
  // Topic 2 has one part (no sibling) and is left out. Median nearest-sibling gap: 0.3.
  const subtopics = [sub(0, 0, 0, 0), sub(0, 1, 0.1, 0), sub(1, 0, 1, 0), sub(1, 1, 1.3, 0), sub(1, 2, 1.3, 0.4)];
  subtopics.push(sub(2, 0, 5, 5));

  it('is the zoom where the median gap between sibling parts reaches the wanted pixels', () => {
    // 0.3 data units × 100 px per unit = 30 px at the fitted view; 90 px needs zoom 3.
    expect(subtopicZoom(subtopics, 100, 90)).toBeCloseTo(3, 10);
    expect(subtopicZoom(subtopics, 100, 60)).toBeCloseTo(2, 10);
  });

  it('stays within 1.5 and 12, and is null with nothing split', () => {
    expect(subtopicZoom(subtopics, 100, 10)).toBe(1.5);
    expect(subtopicZoom(subtopics, 0.01, 90)).toBe(12);
    expect(subtopicZoom([sub(2, 0, 5, 5)], 100)).toBeNull();
    expect(subtopicZoom([], 100)).toBeNull();
  });

  it('shortens a sub-topic label to its first two terms on the map', () => {
    expect(formatSubtopicMapLabel('prompt, large language models, optimization')).toBe('prompt, large language models');
    expect(formatSubtopicMapLabel('bias, fairness')).toBe('bias, fairness');
    expect(formatSubtopicMapLabel('graphs')).toBe('graphs');
  });
});

describe('map labels by zoom level', () => {
  // Two topics 300 px apart at zoom 1 (identity transform: data = screen px). Topic 0 is split
  // into three parts around its centroid; topic 1 is not split.
  const base: MapLabelInput = {
    topics: [
      { id: 0, label: 'language models', size: 500, x: 200, y: 200 },
      { id: 1, label: 'robotics', size: 300, x: 500, y: 200 },
    ],
    subtopics: [sub(0, 0, 200, 200, 'prompt, llm, tuning'), sub(0, 1, 200, 240, 'bias, gender'), sub(0, 2, 120, 160)],
    isActive: () => true,
    transform: { k: 1, x: 0, y: 0 },
    zoom: 1,
    subtopicZoom: 2,
    width: 800,
    height: 400,
    measure: (text, size) => text.length * size * 0.5,
    padding: 2,
  };

  it('labels only the topics below the threshold', () => {
    const labels = chooseMapLabels(base);
    expect(labels.map((l) => [l.level, l.text, l.alpha, l.fontSize])).toEqual([
      ['topic', 'language models', 1, TOPIC_LABEL_SIZE],
      ['topic', 'robotics', 1, TOPIC_LABEL_SIZE],
    ]);
    // At the centroid.
    expect([labels[0].x, labels[0].y]).toEqual([200, 200]);
  });

  it('past the threshold labels the parts, and the split topic steps back and up', () => {
    const labels = chooseMapLabels({ ...base, zoom: 3 });
    const byText = new Map(labels.map((l) => [l.text, l]));
    // The parts of topic 0, largest first, shortened to two terms, at full strength.
    expect(labels.filter((l) => l.level === 'subtopic').map((l) => [l.text, l.subtopicId, l.alpha])).toEqual([
      ['prompt, llm', 0, 1],
      ['bias, gender', 1, 1],
      ['part 0.2', 2, 1],
    ]);
    expect(byText.get('prompt, llm')!.fontSize).toBe(SUBTOPIC_LABEL_SIZE);
    // The split topic's label cannot sit on its biggest part (same centroid): it moves up one line
    // (12 px font + 6) and is drawn fainter.
    const topic = byText.get('language models')!;
    expect([topic.x, topic.y, topic.alpha]).toEqual([200, 182, 0.55]);
    // The unsplit topic keeps its place and full strength.
    const robotics = byText.get('robotics')!;
    expect([robotics.x, robotics.y, robotics.alpha]).toEqual([500, 200, 1]);
    for (const a of labels) for (const b of labels) if (a !== b) expect(boxesOverlap(a.box, b.box)).toBe(false);
  });

  it('switches at the threshold exactly, never without one, and leaves out inactive topics', () => {
    const levels = (zoom: number, subtopicZoom: number | null = 2) =>
      chooseMapLabels({ ...base, zoom, subtopicZoom }).map((l) => l.level);
    expect(levels(1.99)).toEqual(['topic', 'topic']);
    expect(levels(2)).toContain('subtopic');
    expect(levels(50, null)).toEqual(['topic', 'topic']);
    const onlyRobotics = chooseMapLabels({ ...base, zoom: 3, isActive: (id) => id === 1 });
    expect(onlyRobotics.map((l) => l.text)).toEqual(['robotics']);
  });

  it('keeps the topic budget below the threshold: a dozen labels at the fitted view', () => {
    const topics = Array.from({ length: 30 }, (_, i) => ({
      id: i,
      label: `t${i}`,
      size: 100 - i,
      x: 20 + (i % 10) * 70,
      y: 50 + Math.floor(i / 10) * 100,
    }));
    expect(chooseMapLabels({ ...base, topics, subtopics: [] }).length).toBe(12);
    expect(chooseMapLabels({ ...base, topics, subtopics: [], subtopicZoom: null, zoom: 2 }).length).toBe(24);
  });

  it('drops a part label that would collide rather than overlap it', () => {
    // Two parts 5 px apart: only the larger one is labelled.
    const crowded = chooseMapLabels({
      ...base,
      zoom: 3,
      subtopics: [sub(0, 0, 100, 300, 'alpha'), sub(0, 1, 100, 305, 'beta')],
    });
    expect(crowded.filter((l) => l.level === 'subtopic').map((l) => l.text)).toEqual(['alpha']);
  });
});
