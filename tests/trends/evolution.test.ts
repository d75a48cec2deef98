import { describe, expect, it } from 'vitest';
import { buildTopicEvolution, buildWindows, DEFAULT_EVOLUTION_OPTIONS } from '@/lib/trends/evolution';
import type { TokenizedCorpus } from '@/lib/text/types';
import { createRandom } from '@/lib/random';

const period = (label: string, ordinal: number, papers: number) => ({ label, ordinal, papers });

describe('evolution windows', () => {
  it('groups consecutive periods into windows of about equal papers, each big enough', () => {
    const periods = [10, 10, 10, 10, 40, 40, 40, 40].map((n, i) => period(String(2000 + i), i, n));
    const windows = buildWindows(periods, { maxWindows: 4, minWindowPapers: 30 });
    expect(windows.map((w) => [w.first, w.last])).toEqual([
      [0, 4],
      [5, 5],
      [6, 6],
      [7, 7],
    ]);
    expect(windows.reduce((s, w) => s + w.papers, 0)).toBe(200);
    expect(buildWindows(periods.slice(0, 2), { maxWindows: 4, minWindowPapers: 30 })).toEqual([]);
  });
});

describe('topic evolution', () => {
  // Three directions in 3 dimensions; window 0 has A and B, window 1 has A and C: A continues, B fades, C emerges.
  const random = createRandom(3);
  const rows: number[][] = [];
  const periodOf: number[] = [];
  const docs: number[][] = [];
  const add = (dir: number, p: number, term: number) => {
    const v = [0.05 * random(), 0.05 * random(), 0.05 * random()];
    v[dir] = 1;
    const n = Math.hypot(...v);
    rows.push(v.map((x) => x / n));
    periodOf.push(p);
    docs.push([term, 3]);
  };
  for (let i = 0; i < 60; i++) add(0, 0, 0);
  for (let i = 0; i < 60; i++) add(1, 0, 1);
  for (let i = 0; i < 60; i++) add(0, 1, 0);
  for (let i = 0; i < 60; i++) add(2, 1, 2);
  const corpus: TokenizedCorpus = {
    vocab: {
      terms: ['alpha', 'beta', 'gamma', 'common'],
      display: ['alpha', 'beta', 'gamma', 'common'],
      isPhrase: new Uint8Array(4),
      df: Int32Array.from([120, 60, 60, 240]),
    },
    docs: docs.map((d) => Int32Array.from(d)),
  };
  const evolution = buildTopicEvolution(
    { rows: rows.length, cols: 3, data: Float64Array.from(rows.flat()) },
    corpus,
    Int32Array.from(periodOf),
    [period('2020', 0, 120), period('2021', 1, 120)],
    { ...DEFAULT_EVOLUTION_OPTIONS, minWindowPapers: 50, papersPerCluster: 1000, maxClusters: 3 },
  );

  it('fits topics per window and names them by their own terms', () => {
    expect(evolution.windows.length).toBe(2);
    const labels = evolution.nodes.map((n) => `${n.window}:${n.label.split(', ')[0]}`);
    expect(labels).toEqual(expect.arrayContaining(['0:alpha', '0:beta', '1:alpha', '1:gamma']));
    for (const n of evolution.nodes) expect(n.papers.length).toBeLessThanOrEqual(30);
  });

  it('links the continuing topic, and leaves the fading and the new one unlinked', () => {
    const named = (w: number, label: string) =>
      evolution.nodes.find((n) => n.window === w && n.label.startsWith(label))!;
    const a0 = named(0, 'alpha');
    const a1 = named(1, 'alpha');
    expect(evolution.links.some((l) => l.source === a0.id && l.target === a1.id && l.similarity > 0.9)).toBe(true);
    expect(evolution.links.some((l) => l.source === named(0, 'beta').id)).toBe(false);
    expect(evolution.links.some((l) => l.target === named(1, 'gamma').id)).toBe(false);
  });
});
