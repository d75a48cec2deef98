/**
 * The pure helpers that shape what the read module returns for display: formatting, the palette,
 * LaTeX splitting, LDAvis relevance, search-URL validation, the ego layout and the quality page's topics note.
 */
import { describe, expect, it } from 'vitest';
import { buildEgoLayout } from '@/app/components/ego-layout';
import { splitLatex } from '@/app/components/latex';
import { parseTopicsNote } from '@/app/quality/metrics';
import { rankByRelevance, termRelevance } from '@/app/components/term-relevance';
import {
  formatAuthorsShort,
  formatCompact,
  formatCount,
  formatPaperDate,
  formatPeriod,
  formatShare,
  formatSourceName,
  formatYearRange,
  roundPercents,
} from '@/lib/viz/format';
import { CATEGORICAL_BASE, categoricalColor, categoricalColors, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';

describe('format', () => {
  it('formats numbers, shares and ranges', () => {
    expect(formatCount(74726)).toBe('74,726');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(74726)).toBe('75k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatYearRange(2019, 2024)).toBe('2019–2024');
    expect(formatYearRange(2021, 2021)).toBe('2021');
    expect(formatYearRange(null, null)).toBe('');
  });
  it('formats dates without a time zone', () => {
    expect(formatPaperDate('2022-11-22')).toBe('Nov 22, 2022');
    expect(formatPaperDate('2022-11')).toBe('Nov 2022');
    expect(formatPaperDate(null, 2020)).toBe('2020');
    expect(formatPeriod('2024-03')).toBe('Mar 2024');
    expect(formatPeriod('2024')).toBe('2024');
  });
  it('shortens author lists and file names', () => {
    expect(formatAuthorsShort('A, B, C, D', 3)).toBe('A, B, C et al.');
    expect(formatAuthorsShort('A, B', 3)).toBe('A, B');
    expect(formatSourceName('004_f3a7.txt.gz')).toBe('004_f3a7');
  });
});

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

describe('splitLatex', () => {
  it('finds inline, display and bracketed math and leaves prices alone', () => {
    expect(splitLatex('Using $3$-$5$ images costs $5 and $10.')).toEqual([
      { kind: 'text', value: 'Using ' },
      { kind: 'math', value: '3', display: false },
      { kind: 'text', value: '-' },
      { kind: 'math', value: '5', display: false },
      { kind: 'text', value: ' images costs $5 and $10.' },
    ]);
    expect(splitLatex('a $$\\sum_i x_i$$ b \\(y\\) c \\[z\\]')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'math', value: '\\sum_i x_i', display: true },
      { kind: 'text', value: ' b ' },
      { kind: 'math', value: 'y', display: false },
      { kind: 'text', value: ' c ' },
      { kind: 'math', value: 'z', display: true },
    ]);
    expect(splitLatex('no math, just \\$ and <b>')).toEqual([{ kind: 'text', value: 'no math, just \\$ and <b>' }]);
  });
});

describe('LDAvis relevance', () => {
  const terms = [
    { term: 'common', logPwt: Math.log(0.5), logLift: Math.log(1.1) },
    { term: 'specific', logPwt: Math.log(0.1), logLift: Math.log(8) },
  ];
  it('is λ·log p(w|t) + (1-λ)·lift', () => {
    expect(termRelevance(terms[0], 0.6)).toBeCloseTo(0.6 * Math.log(0.5) + 0.4 * Math.log(1.1), 12);
    expect(termRelevance({ term: 'x', logPwt: -2, logLift: null }, 0.5)).toBe(-1);
  });
  it('ranks by frequency at λ=1 and by lift at λ=0', () => {
    expect(rankByRelevance(terms, 1).map((t) => t.term)).toEqual(['common', 'specific']);
    expect(rankByRelevance(terms, 0).map((t) => t.term)).toEqual(['specific', 'common']);
  });
});

describe('buildEgoLayout', () => {
  it('puts the ego in the middle and co-authors on rings by tie strength', () => {
    const nodes = buildEgoLayout(
      { id: 1, papers: 4 },
      [
        { id: 2, joint: 3, papers: 4 },
        { id: 3, joint: 1, papers: 1 },
        { id: 4, joint: 2, papers: 2 },
      ],
      [],
      100,
      2,
    );
    expect(nodes[0]).toMatchObject({ id: 1, x: 0, y: 0, ring: 0 });
    expect(nodes.filter((n) => n.ring === 1).map((n) => n.id)).toEqual([2, 4]);
    expect(nodes.find((n) => n.id === 3)!.ring).toBe(2);
    expect(Math.hypot(nodes[1].x, nodes[1].y)).toBeCloseTo(100, 9);
    expect(Math.hypot(nodes[3].x, nodes[3].y)).toBeCloseTo(160, 9);
  });
});

describe('the topics note of the quality table', () => {
  it('splits how the number was set from how the topics were found', () => {
    expect(
      parseTopicsNote('chosen by silhouette; k-means on LSA vectors smoothed over the similar-papers graph'),
    ).toEqual({
      choice: 'chosen by silhouette',
      method: 'k-means on LSA vectors smoothed over the similar-papers graph',
    });
    // An older build's note names only the choice.
    expect(parseTopicsNote('chosen by silhouette')).toEqual({ choice: 'chosen by silhouette', method: null });
    expect(parseTopicsNote(null)).toEqual({ choice: null, method: null });
  });
});

describe('roundPercents', () => {
  it('rounds shares to whole percents that never add up to more than their rounded total', () => {
    expect(roundPercents([0.335, 0.335, 0.33])).toEqual([34, 33, 33]);
    expect(roundPercents([0.221168, 0.143978, 0.070798])).toEqual([22, 14, 7]);
    // Under the total is left as it is: three thirds read 33% each.
    expect(roundPercents([0.3333, 0.3333, 0.3333])).toEqual([33, 33, 33]);
    expect(roundPercents([0.006, 0.006, 0.008])).toEqual([1, 0, 1]);
    expect(roundPercents([])).toEqual([]);
    expect(roundPercents([Number.NaN, 0.5])).toEqual([0, 50]);
  });
});
