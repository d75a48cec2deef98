import { describe, expect, it } from 'vitest';
import { assignDocumentTerms } from '../../lib/text/document-terms';
import { countStems, findBigrams, findTrigrams, mergeBigrams, noBigrams, wordUnits } from '../../lib/text/find-phrases';
import { indexStems, scanDocuments } from '../../lib/text/surface-stream';

const docs = [
  { title: 'Deep graphs', text: 'graph network learning' },
  { title: '', text: 'graph network' },
  { title: '', text: 'deep learning' },
  { title: '', text: 'deep graph' },
  { title: '', text: 'graph network learning' },
];
const thresholds = { minCount: 2, minNpmi: 0.4 };

function passes(titleWeight: number, phrases: 'none' | 'bigrams' | 'trigrams') {
  const stream = scanDocuments(docs, titleWeight);
  const index = indexStems(stream.surfaceStems);
  const bigrams =
    phrases === 'none'
      ? noBigrams(stream, index)
      : findBigrams(stream, index, countStems(stream.surfaceCount, index), thresholds);
  const units = phrases === 'none' ? wordUnits(stream) : mergeBigrams(stream, bigrams);
  const trigrams = phrases === 'trigrams' ? findTrigrams(units, bigrams, thresholds) : null;
  return { stream, index, units, bigrams, trigrams };
}

function termsOf(titleWeight: number, phrases: 'none' | 'bigrams' | 'trigrams', phraseWords: boolean) {
  const p = passes(titleWeight, phrases);
  const progress: number[] = [];
  const assigned = assignDocumentTerms(p.units, p.index, p.bigrams, p.trigrams, { titleWeight, phraseWords }, (d) =>
    progress.push(d),
  );
  const named = assigned.docs.map((ids) => Array.from(ids, (t) => assigned.terms[t]));
  return { assigned, named, progress, ...p };
}

describe('assignDocumentTerms', () => {
  it('emits a three-word phrase and then its words, with titles repeated', () => {
    const { named, assigned, progress } = termsOf(2, 'trigrams', true);
    const doc0 = ['graph network learn', 'graph', 'network', 'learn'];
    expect(named[0]).toEqual(['deep', 'graph', 'deep', 'graph', ...doc0]);
    expect(named[1]).toEqual(['graph network', 'graph', 'network']);
    expect(named[3]).toEqual(['deep', 'graph']);
    expect(assigned.terms).toEqual(['deep', 'graph', 'graph network learn', 'network', 'learn', 'graph network']);
    expect(assigned.isPhrase).toEqual([0, 0, 1, 0, 0, 1]);
    // Documents, not uses: "graph" is in all but the third.
    expect(assigned.df).toEqual([3, 4, 2, 3, 3, 1]);
    expect(progress).toEqual([5]);
  });

  it('replaces the words by the phrase with phraseWords off', () => {
    const { named } = termsOf(0, 'trigrams', false);
    expect(named[0]).toEqual(['graph network learn']);
    expect(named[2]).toEqual(['deep', 'learn']);
  });

  it('stops at two-word phrases without trigrams, and at words without phrases', () => {
    expect(termsOf(0, 'bigrams', false).named[0]).toEqual(['graph network', 'learn']);
    expect(termsOf(0, 'none', true).named[0]).toEqual(['graph', 'network', 'learn']);
  });

  it('counts how often each surface sequence stood for its term', () => {
    const { assigned, stream, bigrams } = termsOf(0, 'bigrams', false);
    const graph = stream.surfaces.indexOf('graph');
    const network = stream.surfaces.indexOf('network');
    const pair = bigrams.pairs.find(graph, network);
    expect(assigned.pairUse[pair]).toBe(3);
    expect(assigned.terms[assigned.termOfPair[pair]]).toBe('graph network');
    // "graph" alone only in "deep graph".
    expect(assigned.surfaceUse[graph]).toBe(1);
    expect(assigned.surfaceUse[network]).toBe(0);
  });
});
