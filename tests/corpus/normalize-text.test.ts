import { describe, expect, it } from 'vitest';
import {
  derivedTitle,
  matchKey,
  stripMarkup,
  decodeLatexAccents,
  normalizeText,
} from '../../lib/corpus/normalize-text';
import { parseDate, parseFileNameYear } from '../../lib/corpus/dates';

describe('normalizeText', () => {
  it('applies NFC, strips HTML and entities, collapses whitespace', () => {
    expect(normalizeText('  Cafe\u0301 <b>bold</b>&amp;<i>x</i>\n\n  y\u00a0z  ')).toBe('Café bold&x y z');
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(normalizeText('<p>First&nbsp;para.</p><p><i>S</i>parse &lt;codes&gt; &#233;&#x00E9;<br/>end</p>')).toBe(
      'First para. Sparse <codes> éé end',
    );
  });

  it('keeps LaTeX and comparisons that only look like tags', () => {
    expect(normalizeText('a $x<y$ and $z>w$ plus \\textit{it}')).toBe('a $x<y$ and $z>w$ plus \\textit{it}');
  });

  it('collapses whitespace as /\\s{2,}|[^\\S ]/ does, for every code unit', () => {
    // The whitespace expression against the plainer one it replaces.
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\ufeff]/g;
    const reference = (text: string) =>
      text
        .normalize('NFC')
        .replace(control, '')
        .replace(/\s{2,}|[^\S ]/g, ' ')
        .trim();
    const mismatches: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      // Skip what other steps change: surrogates, characters NFC rewrites, markup and PDF repairs.
      const ch = String.fromCharCode(c);
      if (
        (c >= 0xd800 && c <= 0xdfff) ||
        ch.normalize('NFC') !== ch ||
        '<&-('.includes(ch) ||
        c === 0xad ||
        (c >= 0xfb00 && c <= 0xfb06)
      )
        continue;
      const text = `${ch}a ${ch} b${ch}${ch}c${ch} d \n${ch}e${ch}`;
      if (normalizeText(text) !== reference(text)) mismatches.push(c);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('stripMarkup', () => {
  it('reduces LaTeX to words', () => {
    expect(stripMarkup('This is the problem of $\\textit{symbolic regression}$.')).toBe(
      'This is the problem of symbolic regression .',
    );
    expect(stripMarkup('learn a latent $k$-vertex simplex $K\\in\\mathbb{R}^d$ with $\\alpha$')).toBe(
      'learn a latent k -vertex simplex K R d with alpha',
    );
    expect(stripMarkup('Plain text stays as it is.')).toBe('Plain text stays as it is.');
  });
});

describe('decodeLatexAccents', () => {
  it.each([
    ["B{\\'e}zenac", 'Bézenac'],
    ["B\\'{e}zenac", 'Bézenac'],
    ['M{\\"u}ller', 'Müller'],
    ['Nu{\\~n}ez', 'Nuñez'],
    ['Fran{\\c{c}}ois', 'François'],
    ['Gau{\\ss}', 'Gauß'],
    ['{\\o}ster', 'øster'],
  ])('%s → %s', (input, expected) => {
    expect(decodeLatexAccents(input)).toBe(expected);
  });
});

describe('matchKey', () => {
  it('makes punctuation, case, accent and markup variants collide', () => {
    expect(matchKey('Level-S$^2$fM: Structure from Motion')).toBe(matchKey('Level-S^2fM:  structure FROM motion'));
    expect(matchKey("Müller's Estimator")).toBe('mullersestimator');
    expect(matchKey('M\\"uller\'s Estimator')).toBe('mullersestimator');
    expect(matchKey('abcdef', 3)).toBe('abc');
  });
});

describe('derivedTitle', () => {
  it('uses the tl;dr without its full stop', () => {
    expect(derivedTitle('We study how networks extrapolate.', 'Ignored.')).toBe('We study how networks extrapolate');
  });
  it('ignores a tl;dr that only points at code', () => {
    expect(derivedTitle('The code is available at:', 'We derive a bound. It is tight.')).toBe('We derive a bound');
    expect(derivedTitle('code at:', 'We derive a bound. It is tight.')).toBe('We derive a bound');
  });
  it('falls back to the first sentence, past abbreviations', () => {
    expect(derivedTitle(null, 'We study extrapolation, i.e. what nets learn. Then more.')).toBe(
      'We study extrapolation, i.e. what nets learn',
    );
  });
  it('cuts long text at a word boundary with an ellipsis', () => {
    const t = derivedTitle(`${'word '.repeat(60)}end.`, '');
    expect(t.endsWith('word…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(121);
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-03-18', null, { date: '2025-03-18', year: 2025 }],
    ['2025-03-18T10:00:00Z', null, { date: '2025-03-18', year: 2025 }],
    ['2020-03', null, { date: '2020-03', year: 2020 }],
    ['2019', null, { date: null, year: 2019 }],
    ['Nov 22, 2022', null, { date: '2022-11-22', year: 2022 }],
    ['Sep 25', 2025, { date: '2025-09-25', year: 2025 }],
    ['22 November 2022', null, { date: '2022-11-22', year: 2022 }],
    ['March 2021', null, { date: '2021-03', year: 2021 }],
    ['Mon, 2 Apr 2007 19:18:42 GMT', null, { date: '2007-04-02', year: 2007 }],
    ['Tue, 24 Jul 2007 20:10:27 GMT', null, { date: '2007-07-24', year: 2007 }],
  ])('%s (ref %s)', (text, ref, expected) => {
    expect(parseDate(text, ref)).toEqual(expected);
  });

  it('refuses non-dates and impossible dates', () => {
    expect(parseDate('Sep 25', null)).toBeNull();
    expect(parseDate('2023-02-30')).toBeNull();
    expect(parseDate('soon')).toBeNull();
    expect(parseDate(1066)).toBeNull();
  });
});

describe('parseFileNameYear', () => {
  it.each([
    ['papers-2019.json', 2019],
    ['dir/papers_2019.jsonl.gz', 2019],
    ['neurips-1987-2021.csv', null],
    ['000_6d73c46706f66cac.txt', null],
    ['x2019y.json', 2019],
    ['nips1995.json', 1995],
    ['icml2019.json', 2019],
    ['wos_2021_part3.txt', 2021],
    ['W2741809807.json', null],
    ['2-s2.0-85012345678.csv', null],
  ])('%s → %s', (name, year) => {
    expect(parseFileNameYear(name)).toBe(year);
  });
});

describe('PDF-extraction repair', () => {
  it('joins words broken by a soft hyphen and drops unmapped glyph codes', () => {
    expect(normalizeText('a natural and necessary applica(cid:173) tion.')).toBe(
      'a natural and necessary application.',
    );
    expect(normalizeText('conjunc(cid:173)tion with')).toBe('conjunction with');
    expect(normalizeText('recov\u00ad ery ability')).toBe('recovery ability');
    expect(normalizeText('x (cid:3) y')).toBe('x y');
  });
});

describe('line-break hyphens and ligatures', () => {
  it('joins words broken at a line end and keeps suspended hyphens', () => {
    expect(normalizeText('image classiﬁca- tion tasks and margin maximiza- tion')).toBe(
      'image classification tasks and margin maximization',
    );
    expect(normalizeText('pre- and post-training; time- or frequency-domain')).toBe(
      'pre- and post-training; time- or frequency-domain',
    );
    expect(normalizeText('a self-supervised model')).toBe('a self-supervised model');
    expect(normalizeText('Top- K sampling')).toBe('Top- K sampling');
  });

  it('turns ligatures into letters', () => {
    expect(normalizeText('eﬃcient ﬂow ﬁelds')).toBe('efficient flow fields');
  });
});
