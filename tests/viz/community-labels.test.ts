import { describe, expect, it } from 'vitest';
import {
  communityDiscRadii,
  communityLabelLines,
  placeCommunityLabels,
  shortNames,
  surnameOf,
} from '@/lib/viz/community-labels';
import { measureText } from '@/lib/viz/font-metrics';
import { boxesOverlap } from '@/lib/viz/label-placement';
import { createRandom } from '@/lib/random';

describe('community names', () => {
  it('uses surnames, with initials where two members share one', () => {
    expect(surnameOf('Geoffrey E. Hinton')).toBe('Hinton');
    expect(surnameOf('Bengio, Yoshua')).toBe('Bengio');
    expect(shortNames(['Yoshua Bengio', 'Samy Bengio', 'Aaron Courville'])).toEqual([
      'Y. Bengio',
      'S. Bengio',
      'Courville',
    ]);
    expect(communityLabelLines(['Ann Lee', 'Bo Chen'], 'graph neural networks, message passing, nodes')).toEqual([
      'Lee, Chen',
      'graph neural networks, message …',
    ]);
    expect(communityLabelLines(['Ann Lee'], null)).toEqual(['Lee']);
  });

  it('measures text with the shipped font table: wider letters take more room', () => {
    expect(measureText('WWW', 12)).toBeGreaterThan(measureText('iii', 12));
    expect(measureText('Hinton', 12, 600)).toBeGreaterThan(measureText('Hinton', 12, 400));
    expect(measureText('', 12)).toBe(0);
  });

  it('places names without overlaps and inside the view, largest first', () => {
    const random = createRandom(5);
    const inputs = Array.from({ length: 300 }, (_, id) => ({
      id,
      topAuthors: [`Author${id} Name`, `Other${id} Person`],
      topicLabel: 'some topic, words',
      x: random() * 1280,
      y: random() * 800,
      r: 4 + random() * 10,
      priority: 300 - id,
    }));
    const placed = placeCommunityLabels(inputs, { width: 1280, height: 800 });
    expect(placed.length).toBeGreaterThan(10);
    expect(placed[0].id).toBe(inputs.find((c) => c.y + c.r + 40 < 800 && c.x > 100 && c.x < 1180)!.id);
    for (let i = 0; i < placed.length; i++) {
      const b = placed[i].box;
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y1).toBeLessThanOrEqual(800);
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(b, placed[j].box)).toBe(false);
    }
  });

  it('sizes discs by area and keeps each inside its region', () => {
    const radii = communityDiscRadii([40, 30, 10], [400, 100, 400]);
    expect(radii[0]).toBeLessThanOrEqual(36);
    expect(radii[2]).toBeLessThanOrEqual(9);
    expect(radii[0] / radii[1]).toBeCloseTo(2, 5);
  });
});
