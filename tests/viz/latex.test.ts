import { describe, expect, it } from 'vitest';
import { splitLatex } from '@/lib/viz/latex';

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
