import { describe, expect, it } from 'vitest';
import {
  fittedExponent,
  formatScaleRows,
  growthExponent,
  parseSize,
  scaleSizes,
  type ScaleRun,
} from '../../scripts/bench-scale';

const run = (papers: number, seconds: number[], databaseBytes: number | null = 1): ScaleRun => ({
  papers,
  timings: seconds.map((s, i) => ({ stage: ['ingest', 'lsa'][i], seconds: s, peakRssMb: 100 })),
  totalSeconds: seconds.reduce((a, b) => a + b, 0),
  peakRssMb: 100,
  databaseBytes,
});

describe('the scale bench', () => {
  it('reads sizes as 300k, 1m, plain numbers and dry runs', () => {
    expect([parseSize('300k'), parseSize('1m'), parseSize('2.5M'), parseSize('1200')]).toEqual([
      300_000, 1_000_000, 2_500_000, 1200,
    ]);
    expect(() => parseSize('lots')).toThrow(/not a corpus size: "lots"/);
    expect(scaleSizes('300k,3m-dry')).toEqual([
      { size: 300_000, dry: false },
      { size: 3_000_000, dry: true },
    ]);
    expect(scaleSizes(undefined).map((s) => s.size)).toEqual([300_000, 1_000_000]);
  });

  it('measures growth: exponent 1 for linear, 2 for quadratic, none without a base', () => {
    expect(growthExponent(1000, 2, 4000, 8)).toBeCloseTo(1, 12);
    expect(growthExponent(1000, 2, 4000, 32)).toBeCloseTo(2, 12);
    expect(growthExponent(1000, 0, 4000, 8)).toBeNull();
    // Fitted over three sizes: exact for a power law, the least-squares slope otherwise.
    expect(
      fittedExponent([
        [1000, 2],
        [4000, 8],
        [16000, 32],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      fittedExponent([
        [1000, 1],
        [2000, 4],
        [4000, 16],
      ]),
    ).toBeCloseTo(2, 12);
    expect(
      fittedExponent([
        [1000, 1],
        [2000, 2],
        [4000, 8],
      ]),
    ).toBeCloseTo(1.5, 12);
    expect(fittedExponent([[1000, 1]])).toBeNull();
  });

  it('flags a stage whose time per paper grows more than 1.5 times, and checks the targets', () => {
    const { rows, notes } = formatScaleRows([
      run(75_000, [7.5, 15]),
      run(300_000, [30, 150]),
      run(1_000_000, [100, 800]),
    ]);
    const lsa300 = rows.find((r) => r.part === 'scale 300k' && r.stage === 'lsa');
    expect(lsa300?.figures).toMatch(/0\.500 s\/1000, ×2\.50 of 75k per paper, exponent 1\.66 \(grows faster/);
    const ingest1m = rows.find((r) => r.part === 'scale 1M' && r.stage === 'ingest');
    expect(ingest1m?.figures).toBe('0.100 s/1000, ×1.00 of 75k per paper, exponent 1.00');
    // lsa: 15, 150, 800 s at 75k, 300k, 1M; ingest stays linear and is not named.
    expect(notes[0]).toMatch(/^lsa grows faster than near-linear: exponent 1\.5\d fitted over 75k, 300k, 1M$/);
    expect(notes[1]).toBe('300k: whole pipeline 180 s (target < 300), peak RSS 100 MB (target < 4096) ✓');
    expect(notes[2]).toBe('1M: whole pipeline 900 s (target < 900), peak RSS 100 MB (target < 10240) ✗');
  });
});
