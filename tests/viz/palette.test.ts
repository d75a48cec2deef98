import { describe, expect, it } from 'vitest';
import { CATEGORICAL_BASE, categoricalColor, categoricalColors, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';

describe('palette', () => {
  it('starts with the colour-blind-safe base and stays deterministic past it', () => {
    expect(categoricalColors(3)).toEqual(CATEGORICAL_BASE.slice(0, 3));
    expect(topicColor(23)).toBe(categoricalColor(23));
    const many = categoricalColors(40);
    expect(new Set(many).size).toBe(40);
    expect(many.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
    expect(categoricalColor(-1)).toBe(NEUTRAL_COLOR);
  });
});
