import { describe, expect, it } from 'vitest';
import { createStemCache, stemWord } from '../../lib/text/index';

describe('stemWord', () => {
  it('applies the Porter stemmer to plain English words', () => {
    // Values from Porter's published algorithm (https://tartarus.org/martin/PorterStemmer/).
    expect(stemWord('networks')).toBe('network');
    expect(stemWord('network')).toBe('network');
    expect(stemWord('learning')).toBe('learn');
    expect(stemWord('generalization')).toBe('gener');
    expect(stemWord('relational')).toBe('relat');
    expect(stemWord('caresses')).toBe('caress');
    expect(stemWord('ponies')).toBe('poni');
  });

  it('stems only the last part of a hyphenated word', () => {
    expect(stemWord('self-supervised')).toBe('self-supervis');
    expect(stemWord('self-supervision')).toBe('self-supervis');
    expect(stemWord('vision-language')).toBe('vision-languag');
  });

  it('leaves words with digits or non-Latin letters unchanged', () => {
    expect(stemWord('gpt-4')).toBe('gpt-4');
    expect(stemWord('3d')).toBe('3d');
    expect(stemWord('größe')).toBe('größe');
    expect(stemWord('ελληνικά')).toBe('ελληνικά');
  });

  it('caches without changing results', () => {
    const stem = createStemCache();
    for (const w of ['networks', 'self-supervised', 'networks', 'graphs-networks']) expect(stem(w)).toBe(stemWord(w));
  });
});
