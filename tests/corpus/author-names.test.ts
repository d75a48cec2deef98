import { describe, expect, it } from 'vitest';
import { authorKey, buildAuthorNames, formatAuthorName, parseAuthorList } from '../../lib/corpus/author-names';

describe('formatAuthorName', () => {
  it.each([
    ['JIANFEI YANG', 'Jianfei Yang'],
    ['patrick gallinari', 'Patrick Gallinari'],
    ['Vincent LE GUEN', 'Vincent Le Guen'],
    ['Jérémie DONA', 'Jérémie Dona'],
    ['Emmanuel de Bezenac', 'Emmanuel de Bezenac'],
    ['de Bezenac, Emmanuel', 'Emmanuel de Bezenac'],
    ['Ian McDonald', 'Ian McDonald'],
    ["Mary O'Brien", "Mary O'Brien"],
    ["MARY O'BRIEN", "Mary O'Brien"],
    ['JEAN-PIERRE DUPONT', 'Jean-Pierre Dupont'],
    ['YinChao Ma', 'YinChao Ma'],
    ['Lacoste-Julien, Simon', 'Simon Lacoste-Julien'],
    ['King, Jr., Martin Luther', 'Martin Luther King Jr.'],
    ['Henry Ford III', 'Henry Ford III'],
    ['Sarah M Pratt', 'Sarah M Pratt'],
    ['M{\\"u}ller, J{\\"o}rg', 'Jörg Müller'],
    ['  Ada   Lovelace* ', 'Ada Lovelace'],
  ])('%s → %s', (raw, expected) => {
    expect(formatAuthorName(raw)).toBe(expected);
  });
});

describe('authorKey', () => {
  it('merges case, accent, hyphen and initial-dot variants', () => {
    expect(authorKey('Jérémie Dona')).toBe(authorKey('JEREMIE DONA'));
    expect(authorKey('Jean-Pierre Dupont')).toBe(authorKey('Jean Pierre Dupont'));
    expect(authorKey('J. Smith')).toBe(authorKey('J Smith'));
    expect(authorKey("Mary O'Brien")).toBe('mary obrien');
    expect(authorKey('Jörg Müller')).toBe('jorg muller');
  });

  it('does not merge an initial with a full first name, or different people', () => {
    expect(authorKey('J. Smith')).not.toBe(authorKey('John Smith'));
    expect(authorKey('Lu Li')).not.toBe(authorKey('Li Lu'));
  });
});

describe('parseAuthorList', () => {
  it.each([
    ['A. One, B. Two and C. Three', ['A. One', 'B. Two', 'C. Three']],
    ['A. One, B. Two, and C. Three', ['A. One', 'B. Two', 'C. Three']],
    ['Grace Hopper; Alan Turing', ['Grace Hopper', 'Alan Turing']],
    ['Hopper, Grace; Turing, Alan', ['Hopper, Grace', 'Turing, Alan']],
    ['Hopper, Grace and Turing, Alan', ['Hopper, Grace', 'Turing, Alan']],
    ['Hopper, Grace', ['Hopper, Grace']],
    ['Grace Hopper & Alan Turing', ['Grace Hopper', 'Alan Turing']],
    ['Grace Hopper, et al.', ['Grace Hopper']],
    ['', []],
  ])('%s', (text, expected) => {
    expect(parseAuthorList(text)).toEqual(expected);
  });
});

describe('buildAuthorNames', () => {
  it('gives plain names (fast path) the same result as the general path', () => {
    for (const raw of ['Xianming Zeng', 'Ann Lee', 'Maria Garcia Lopez']) {
      expect(buildAuthorNames([raw])).toEqual([{ name: formatAuthorName(raw), key: authorKey(formatAuthorName(raw)) }]);
    }
    expect(buildAuthorNames(['Ann Lee'])[0].key).toBe('ann lee');
  });

  it('counts the same person once per list, keeping the first spelling and the order', () => {
    const names = buildAuthorNames(['Ada LOVELACE', 'charles babbage', 'Lovelace, Ada', 'ada lovelace']);
    expect(names).toEqual([
      { name: 'Ada Lovelace', key: 'ada lovelace' },
      { name: 'Charles Babbage', key: 'charles babbage' },
    ]);
  });
});
