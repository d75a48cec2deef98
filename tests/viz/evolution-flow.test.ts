import { describe, expect, it } from 'vitest';
import type { TopicEvolutionData } from '@/lib/store/read/trends';
import { buildEvolutionLayout, EVOLUTION_HEIGHT, formatEvolutionCsv } from '@/lib/viz/evolution-flow';
import { categoricalColor } from '@/lib/viz/palette';

// One topic of 10 papers in 2019-2020 splits into two of 6 and 4 in 2021.
const data: TopicEvolutionData = {
  windows: [
    { window: 0, first: '2019', last: '2020', papers: 10 },
    { window: 1, first: '2021', last: '2021', papers: 10 },
  ],
  nodes: [
    { id: 1, window: 0, label: 'graphs', size: 10 },
    { id: 2, window: 1, label: 'graph neural networks', size: 6 },
    { id: 3, window: 1, label: 'graph kernels', size: 4 },
  ],
  links: [
    { source: 1, target: 2, similarity: 0.81, value: 6 },
    { source: 1, target: 3, similarity: 0.55, value: 4 },
  ],
};

describe('evolution flow layout', () => {
  it('puts one column per window and sizes bars by papers', () => {
    const layout = buildEvolutionLayout(data, 900)!;
    expect(layout.columns).toEqual([
      { window: 0, x: 14, label: '2019–2020' },
      { window: 1, x: 900 - 176, label: '2021' },
    ]);
    // 528 px between the margins; the split column needs 8 px of padding: 520 / 10 papers = 52 px each.
    const height = EVOLUTION_HEIGHT - 8 - 24;
    const perPaper = (height - 8) / 10;
    expect(layout.bars.map((b) => [b.id, b.width, b.height])).toEqual([
      [1, 12, 10 * perPaper],
      [2, 12, 6 * perPaper],
      [3, 12, 4 * perPaper],
    ]);
    expect(layout.bars[0].color).toBe(categoricalColor(1));
    expect(layout.bars[1].middle).toBeCloseTo(layout.bars[1].y + layout.bars[1].height / 2, 9);
  });

  it('draws a band per link, as wide as the papers it carries', () => {
    const layout = buildEvolutionLayout(data, 900)!;
    expect(layout.bands.map((b) => [b.source, b.target, b.width, b.title])).toEqual([
      [1, 2, 6 * 52, 'graphs → graph neural networks: similarity 0.81'],
      [1, 3, 4 * 52, 'graphs → graph kernels: similarity 0.55'],
    ]);
    expect(layout.bands.every((b) => b.path.startsWith('M'))).toBe(true);
  });

  it('has nothing to draw without topics or with one window', () => {
    expect(buildEvolutionLayout({ ...data, nodes: [], links: [] }, 900)).toBeNull();
    expect(buildEvolutionLayout({ ...data, windows: data.windows.slice(0, 1) }, 900)).toBeNull();
  });

  it('writes the bands as CSV', () => {
    expect(formatEvolutionCsv(data).split(/\r?\n/).slice(0, 3)).toEqual([
      'source window,source topic,target window,target topic,similarity,papers carried',
      '2019-2020,graphs,2021-2021,graph neural networks,0.81,6',
      '2019-2020,graphs,2021-2021,graph kernels,0.55,4',
    ]);
  });
});
