import { describe, expect, it } from 'vitest';
import { createStemCache, porterStem, stemWord } from '../../lib/text/index';

describe('stemWord', () => {
  it('applies the Porter stemmer to plain English words', () => {
    // Values from Porter's published algorithm (https://tartarus.org/martin/PorterStemmer/).
    expect(stemWord('networks')).toBe('network');
    expect(stemWord('network')).toBe('network');
    expect(stemWord('learning')).toBe('learn');
    expect(porterStem('generalization')).toBe('gener');
    expect(stemWord('relational')).toBe('relat');
    expect(stemWord('caresses')).toBe('caress');
    expect(stemWord('ponies')).toBe('poni');
  });

  it('keeps apart the word families Porter merges, and keeps each family together', () => {
    const families = [
      ['generation', 'generations', 'generate', 'generated', 'generating', 'generative', 'generator', 'generators'],
      ['generalization', 'generalisation', 'generalize', 'generalized', 'generalizes', 'generalizing'],
      ['general', 'generally'],
      ['generic', 'generically'],
      ['experience', 'experiences', 'experienced'],
      ['experiment', 'experiments', 'experimental', 'experimentally', 'experimentation'],
      ['activation', 'activations'],
      ['active', 'activity', 'activities'],
      ['communication', 'communications', 'communicate', 'communicating'],
      ['community', 'communities'],
      ['university', 'universities'],
      ['universal', 'universe'],
      ['organization', 'organizations', 'organisation', 'organize', 'organized'],
      ['organ', 'organs'],
      ['position', 'positions', 'positional'],
      ['positive', 'positives', 'positively'],
      ['operator', 'operators'],
      ['operation', 'operations', 'operational'],
      ['localization', 'localize', 'localized'],
      ['local', 'locally', 'locality'],
      ['meaning', 'meaningful', 'meanings'],
      ['mean', 'means'],
    ];
    const stems = families.map((family) => new Set(family.map(stemWord)));
    families.forEach((family, i) => expect([...stems[i]], family.join(' ')).toHaveLength(1));
    const all = stems.map((s) => [...s][0]);
    expect(new Set(all).size).toBe(families.length);
    // Porter alone would merge these.
    expect(porterStem('generation')).toBe(porterStem('generalization'));
    expect(porterStem('experiment')).toBe(porterStem('experience'));
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
