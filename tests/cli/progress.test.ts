import { describe, expect, it } from 'vitest';
import { createProgress, formatCount, formatDuration } from '../../lib/cli/progress';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, columns: 100, write: (c: string) => (chunks.push(c), true) }, text: () => chunks.join('') };
}

describe('progress', () => {
  it('prints plain lines with the stage name when not a TTY', () => {
    const s = sink(false);
    const p = createProgress(s.out);
    p.start('ingest', 100, 'records');
    for (let i = 1; i <= 100; i++) p.update(i);
    p.end('100 papers');
    const lines = s.text().trim().split('\n');
    expect(lines[0]).toBe('[ingest] started (100 records)');
    expect(lines).toContain('[ingest] 25% (25/100 records)');
    expect(lines).toContain('[ingest] 50% (50/100 records)');
    expect(lines).toContain('[ingest] 75% (75/100 records)');
    expect(lines.at(-1)).toMatch(/^\[ingest\] done in \d+\.\d s — 100 papers$/);
    expect(s.text()).not.toContain('\r');
  });

  it('draws a bar in place on a TTY', () => {
    const s = sink(true);
    const p = createProgress(s.out);
    p.start('tfidf', 2000, 'papers');
    p.update(1000);
    p.end();
    const text = s.text();
    expect(text).toContain('\r\x1b[2K');
    expect(text).toContain('tfidf');
    expect(text).toContain('0/2,000 papers');
    expect(text).toMatch(/✔ tfidf\s+done in/);
  });

  it('is silent when quiet', () => {
    const s = sink(true);
    const p = createProgress(s.out, { quiet: true });
    p.start('x', 1);
    p.update(1);
    p.end();
    p.log('hello');
    expect(s.text()).toBe('');
  });

  it('formats counts and durations', () => {
    expect(formatCount(74726)).toBe('74,726');
    expect(formatCount(999)).toBe('999');
    expect(formatDuration(3.24)).toBe('3.2 s');
    expect(formatDuration(65)).toBe('1 m 05 s');
  });
});
