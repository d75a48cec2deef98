import { describe, expect, it } from 'vitest';
import { collectSurfaceForms, pickDisplayForms } from '../../lib/text/display-forms';
import { assignDocumentTerms } from '../../lib/text/document-terms';
import { countStems, findBigrams, mergeBigrams, noBigrams, wordUnits } from '../../lib/text/find-phrases';
import { indexStems, scanDocuments } from '../../lib/text/surface-stream';

function tokenize(texts: string[], phrases: boolean) {
  const stream = scanDocuments(
    texts.map((text) => ({ title: '', text })),
    0,
  );
  const index = indexStems(stream.surfaceStems);
  const bigrams = phrases
    ? findBigrams(stream, index, countStems(stream.surfaceCount, index), { minCount: 2, minNpmi: 0.3 })
    : noBigrams(stream, index);
  const units = phrases ? mergeBigrams(stream, bigrams) : wordUnits(stream);
  const assigned = assignDocumentTerms(units, index, bigrams, null, { titleWeight: 0, phraseWords: false });
  return { stream, bigrams, assigned };
}

describe('pickDisplayForms', () => {
  it('shows each term as its most used form, ties to the alphabetically first', () => {
    const { stream, bigrams, assigned } = tokenize(['Networks network networks.', 'Models; model.'], false);
    const vocab = pickDisplayForms(assigned, stream.surfaces, bigrams, null);
    expect(vocab.terms).toEqual(['network', 'model']);
    expect(vocab.display).toEqual(['networks', 'model']);
    expect(Array.from(vocab.df)).toEqual([1, 1]);
    expect(Array.from(vocab.isPhrase)).toEqual([0, 0]);
  });

  it("shows a phrase as its most used word sequence, not its words' own forms", () => {
    const texts = ['neural networks', 'neural networks', 'neural network', 'networks'];
    const { stream, bigrams, assigned } = tokenize(texts, true);
    const vocab = pickDisplayForms(assigned, stream.surfaces, bigrams, null);
    expect(vocab.display[vocab.terms.indexOf('neural network')]).toBe('neural networks');
    expect(vocab.isPhrase[vocab.terms.indexOf('neural network')]).toBe(1);
  });
});

describe('collectSurfaceForms', () => {
  it('keeps the forms of terms written more than one way, document by document', () => {
    const { stream, assigned } = tokenize(['Adaptive adaptation graph.', 'graph adaptive.', 'graph'], false);
    const forms = collectSurfaceForms(
      stream.tok,
      stream.docStart,
      stream.surfaces,
      assigned.termOfSurface,
      assigned.surfaceUse,
      assigned.terms.length,
    );
    expect(forms.text).toEqual(['adaptive', 'adaptation']);
    expect(Array.from(forms.term, (t) => assigned.terms[t])).toEqual(['adapt', 'adapt']);
    // "graph" has one form and is left out.
    expect(Array.from(forms.tokens)).toEqual([0, 1, 0]);
    expect(Array.from(forms.docStart)).toEqual([0, 2, 3, 3]);
  });
});
