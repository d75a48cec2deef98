import { describe, expect, it } from 'vitest';
import { buildBareBibliography, type Paper } from '../../lib/corpus/types';
import { buildKeywordTerms } from '../../lib/trends/keywords';
import type { TokenizedCorpus } from '../../lib/text/types';

function paper(id: number, keywords: string[]): Paper {
  return {
    id,
    title: `P${id}`,
    titleDerived: false,
    abstract: 'x',
    abstractPlain: 'x',
    abstractLength: 1,
    tldr: null,
    year: 2020,
    date: null,
    venue: null,
    label: null,
    externalId: null,
    authors: [],
    authorCount: null,
    sources: [],
    ...buildBareBibliography(),
    keywords: keywords.map((keyword) => ({ keyword, kind: 'author' as const })),
  };
}

const corpus: TokenizedCorpus = {
  vocab: {
    terms: ['graph', 'network'],
    display: ['graph', 'Networks'],
    isPhrase: Uint8Array.from([0, 0]),
    df: Int32Array.from([3, 2]),
  },
  docs: [Int32Array.from([0, 1]), Int32Array.from([0]), Int32Array.from([1, 0])],
};

describe('buildKeywordTerms', () => {
  it('adds keywords of two or more papers after the text vocabulary, in their most used spelling, and leaves the rest alone', () => {
    const papers = [
      paper(1, ['Coastal ecology', 'networks', 'Bibliometrics']),
      paper(2, ['coastal ecology', 'Coastal ecology', 'rare']),
      paper(3, ['coastal ecology', 'Bibliometrics']),
    ];
    const { corpus: out, firstKeyword } = buildKeywordTerms(papers, corpus);
    expect(firstKeyword).toBe(2);
    // 'networks' is a text term already (display 'Networks'); 'rare' is in one paper only.
    expect(out.vocab.terms.slice(2)).toEqual(['keyword:bibliometrics', 'keyword:coastal ecology']);
    expect(out.vocab.display.slice(2)).toEqual(['Bibliometrics', 'coastal ecology']);
    expect(Array.from(out.vocab.isPhrase)).toEqual([0, 0, 0, 1]);
    expect(Array.from(out.vocab.df)).toEqual([3, 2, 2, 3]);
    expect(out.docs.map((d) => Array.from(d))).toEqual([
      [0, 1, 3, 2],
      [0, 3],
      [1, 0, 3, 2],
    ]);
    // The text corpus is unchanged.
    expect(corpus.vocab.terms).toEqual(['graph', 'network']);
  });

  it("leaves out indexers' check tags and keywords of more than a quarter of the papers", () => {
    const papers = Array.from({ length: 40 }, (_, i) =>
      paper(i + 1, [
        'Humans',
        'priority journal',
        ...(i < 11 ? ['everywhere'] : []),
        ...(i < 10 ? ['quarter'] : []),
        ...(i < 3 ? ['rare subject'] : []),
      ]),
    );
    const many: TokenizedCorpus = { vocab: corpus.vocab, docs: papers.map(() => Int32Array.from([0])) };
    expect(buildKeywordTerms(papers, many).corpus.vocab.display.slice(2)).toEqual(['quarter', 'rare subject']);
  });

  it('returns the corpus itself when no keyword qualifies', () => {
    expect(buildKeywordTerms([paper(1, ['a']), paper(2, []), paper(3, ['b'])], corpus).corpus).toBe(corpus);
  });
});
