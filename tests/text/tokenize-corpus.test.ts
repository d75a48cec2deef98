import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenizeCorpus } from '../../lib/text/index';
import type { TokenizedCorpus } from '../../lib/text/index';

const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/text/phrase-corpus.json'), 'utf8'),
) as {
  title: string;
  text: string;
}[];

function termsOf(corpus: TokenizedCorpus, doc: number): string[] {
  return Array.from(corpus.docs[doc], (t) => corpus.vocab.terms[t]);
}

function phrases(corpus: TokenizedCorpus): string[] {
  return corpus.vocab.terms.filter((_, i) => corpus.vocab.isPhrase[i] === 1);
}

describe('tokenizeCorpus', () => {
  it('stems terms and shows each as its most frequent surface form', () => {
    const corpus = tokenizeCorpus(
      [
        { title: 'Networks', text: 'Networks of networks; network.' },
        { title: 'Generative models', text: 'Generation, generative generative.' },
      ],
      { titleWeight: 1, phrases: false },
    );
    const { terms, display, df } = corpus.vocab;
    expect(terms).toEqual(['network', 'generat', 'model']);
    expect(display).toEqual(['networks', 'generative', 'models']);
    expect(Array.from(df)).toEqual([1, 1, 1]);
    expect(termsOf(corpus, 0)).toEqual(['network', 'network', 'network', 'network']);
  });

  it('repeats title tokens titleWeight times before the text tokens', () => {
    const docs = [{ title: 'Sparse graphs', text: 'Spectral sparsification.' }];
    expect(termsOf(tokenizeCorpus(docs, { phrases: false }), 0)).toEqual([
      'spars',
      'graph',
      'spars',
      'graph',
      'spectral',
      'sparsif',
    ]);
    expect(termsOf(tokenizeCorpus(docs, { titleWeight: 0, phrases: false }), 0)).toEqual(['spectral', 'sparsif']);
  });

  it('detects the obvious phrases of the fixture and nothing else', () => {
    const corpus = tokenizeCorpus(fixture, { titleWeight: 0, minPhraseCount: 4, minPhraseNpmi: 0.5 });
    expect(phrases(corpus)).toEqual(['reinforc learn', 'graph neural network', 'larg languag model']);
    const display = (term: string) => corpus.vocab.display[corpus.vocab.terms.indexOf(term)];
    expect(display('reinforc learn')).toBe('reinforcement learning');
    expect(display('graph neural network')).toBe('graph neural networks');
    expect(display('larg languag model')).toBe('large language models');
    expect(corpus.vocab.df[corpus.vocab.terms.indexOf('graph neural network')]).toBe(6);
  });

  it('counts a phrase and its words by default, and never joins across punctuation', () => {
    const corpus = tokenizeCorpus(fixture, { titleWeight: 0, minPhraseCount: 4, minPhraseNpmi: 0.5 });
    expect(termsOf(corpus, 6)).toEqual([
      'graph neural network',
      'graph',
      'neural',
      'network',
      'aggreg',
      'messag',
      'molecul',
    ]);
    // "Reinforcement. Learning follows from the punctuation test." ("follows" is a stop word)
    expect(termsOf(corpus, fixture.length - 1)).toEqual(['reinforc', 'learn', 'punctuat', 'test']);
    // "graph" counts in all 8 records that have it, inside the phrase or not.
    expect(corpus.vocab.df[corpus.vocab.terms.indexOf('graph')]).toBe(8);
  });

  it("replaces a phrase's words by the phrase with phraseWords off", () => {
    const corpus = tokenizeCorpus(fixture, {
      titleWeight: 0,
      minPhraseCount: 4,
      minPhraseNpmi: 0.5,
      phraseWords: false,
    });
    expect(termsOf(corpus, 6)).toEqual(['graph neural network', 'aggreg', 'messag', 'molecul']);
    // "graph" is counted only where it stands alone: graph coloring, spectral graph sparsification.
    expect(corpus.vocab.df[corpus.vocab.terms.indexOf('graph')]).toBe(2);
  });

  it('keeps the stronger of two overlapping bigrams when trigrams are off', () => {
    const corpus = tokenizeCorpus(fixture, {
      titleWeight: 0,
      minPhraseCount: 4,
      minPhraseNpmi: 0.5,
      maxPhraseLength: 2,
      phraseWords: false,
    });
    // neural is in 7 records, graph in 8: "neural network" is the stronger pair. "large language"
    // and "language model" score the same (large 7, language 8, model 7), so the left one wins.
    expect(phrases(corpus)).toEqual(['reinforc learn', 'neural network', 'larg languag']);
    expect(termsOf(corpus, 12)).toEqual(['larg languag', 'model', 'answer', 'medic', 'exam', 'question']);
    expect(termsOf(corpus, 6)).toEqual(['graph', 'neural network', 'aggreg', 'messag', 'molecul']);
  });

  it('turns phrases off on request', () => {
    const corpus = tokenizeCorpus(fixture, { titleWeight: 0, phrases: false });
    expect(phrases(corpus)).toEqual([]);
    expect(termsOf(corpus, 6)).toEqual(['graph', 'neural', 'network', 'aggreg', 'messag', 'molecul']);
  });

  it('is deterministic and reports progress', () => {
    const calls: [number, number][] = [];
    const a = tokenizeCorpus(fixture, {}, (done, total) => calls.push([done, total]));
    const b = tokenizeCorpus(fixture, {});
    expect(b).toEqual(a);
    expect(calls.at(-1)).toEqual([2 * fixture.length, 2 * fixture.length]);
  });

  describe('on worker threads', () => {
    const saved = process.env.TOPICSCOPE_THREADS;
    afterEach(() => {
      if (saved === undefined) delete process.env.TOPICSCOPE_THREADS;
      else process.env.TOPICSCOPE_THREADS = saved;
    });

    it('gives the same terms, ids and display forms as one thread', () => {
      // 9,000 documents (enough for shares of 4,000) with words that first occur late in the
      // corpus, so merging the shares' word ids in document order matters.
      const docs = Array.from({ length: 9000 }, (_, i) => {
        const base = fixture[i % fixture.length];
        return {
          title: `${base.title} variant${Math.floor(i / 700)}`,
          text: `${base.text} Topic${i % 13} uses w${Math.floor(i / 50)}-gadgets.`,
        };
      });
      process.env.TOPICSCOPE_THREADS = '1';
      const single = tokenizeCorpus(docs);
      process.env.TOPICSCOPE_THREADS = '3';
      const threaded = tokenizeCorpus(docs);
      expect(threaded.vocab).toEqual(single.vocab);
      expect(threaded.docs.length).toBe(single.docs.length);
      for (let d = 0; d < docs.length; d++) expect(Array.from(threaded.docs[d])).toEqual(Array.from(single.docs[d]));
      expect(single.vocab.terms).toContain('variant12');
      expect(single.vocab.terms).toContain('w179-gadget');
    });
  });
});
