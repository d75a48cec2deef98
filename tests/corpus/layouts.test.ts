import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../lib/corpus/detect';
import { parseArxivAuthorPage } from '../../lib/corpus/parse-arxiv-author-page';
import { parseAuthorsTldrAbstract } from '../../lib/corpus/parse-authors-tldr-abstract';
import { parseHfDailyPapers } from '../../lib/corpus/parse-hf-daily-papers';
import { parseHfPapersListing } from '../../lib/corpus/parse-hf-papers-listing';
import { parseNumberedListing } from '../../lib/corpus/parse-numbered-listing';

const fixture = (name: string): string =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/corpus', name), 'utf8');

describe('detectLayout recognizes each bundled layout from content', () => {
  it.each([
    ['arxiv-author-page.txt', 'arxiv-author-page'],
    ['authors-tldr-abstract.txt', 'authors-tldr-abstract'],
    ['hf-daily-papers.txt', 'hf-daily-papers'],
    ['hf-papers-listing.txt', 'hf-papers-listing'],
    ['numbered-listing.txt', 'numbered-listing'],
    ['arxiv-snapshot.jsonl', 'arxiv-jsonl'],
    ['custom-fields.jsonl', 'jsonl'],
    ['papers-2019.json', 'json'],
    ['neurips-sample.csv', 'csv'],
    ['sample.tsv', 'tsv'],
    ['zotero.bib', 'bibtex'],
  ])('%s → %s', (file, layout) => {
    expect(detectLayout(fixture(file), true)).toBe(layout);
  });

  it('recognizes author/abstract pairs without any tl;dr, and does not mistake titles for authors', () => {
    const withTldr = fixture('authors-tldr-abstract.txt').split('\n');
    const noTldr = withTldr.filter((l) => !l.startsWith('tl;dr:')).join('\n');
    expect(detectLayout(noTldr, true)).toBe('authors-tldr-abstract');
    expect(parseAuthorsTldrAbstract(noTldr).records).toHaveLength(4);
    // Titles that read like names (one with a comma) followed by abstracts: still a title listing.
    const abstracts = fixture('hf-papers-listing.txt')
      .split('\n')
      .filter((l) => l.length > 300);
    const listing = [
      'Realizable Learning is All You Need',
      abstracts[0],
      'Attention, Please',
      abstracts[1],
      'Feasible Learning',
      abstracts[2],
    ].join('\n');
    expect(detectLayout(listing, true)).toBe('hf-papers-listing');
  });

  it('recognizes nothing in prose or a lone title', () => {
    expect(detectLayout('Dear reader,\nthis is a letter, not a listing.\n', true)).toBeNull();
    expect(detectLayout('A Title Alone\n', true)).toBeNull();
  });
});

describe('parseArxivAuthorPage', () => {
  const { records, rejects } = parseArxivAuthorPage(fixture('arxiv-author-page.txt'));
  it('reads three papers, all by the page owner, with the subject as label', () => {
    expect(rejects).toEqual([]);
    expect(records.map((r) => r.title)).toEqual([
      'Synergies between Disentanglement and Sparsity: Generalization and Identifiability in Multi-Task Learning',
      'Can We Scale Transformers to Predict Parameters of Diverse ImageNet Models?',
      'Unlocking Slot Attention by Changing Optimal Transport Costs',
    ]);
    expect(records.every((r) => r.authors.length === 1 && r.authors[0] === 'Lacoste-Julien, Simon')).toBe(true);
    expect(records[0].label).toBe('Artificial Intelligence');
    expect(records[0].record).toBe(8);
    expect(records[2].abstract?.startsWith('Slot attention is a powerful method')).toBe(true);
  });
});

describe('parseAuthorsTldrAbstract', () => {
  const { records, rejects } = parseAuthorsTldrAbstract(fixture('authors-tldr-abstract.txt'));
  it('reads author / optional tl;dr / abstract records', () => {
    expect(rejects).toEqual([]);
    expect(records).toHaveLength(4);
    expect(records.map((r) => r.record)).toEqual([1, 4, 7, 10]);
    expect(records[0].tldr).toBe('We study how neural networks trained by gradient descent extrapolate.');
    expect(records[0].title).toBeNull();
    expect(records[3].tldr).toBeNull();
    expect(records[3].authors).toEqual(['Waiss Azizian', 'marc lelarge']);
    expect(records[3].abstract?.startsWith('Various classes of Graph Neural Networks')).toBe(true);
  });

  it('rejects a record whose abstract is missing and resynchronizes', () => {
    const text =
      'Ann Lee, Bo Chen\ntl;dr: A tl;dr.\nCarl Diaz, Dee Evans\nA real abstract that says what this second paper does, in full sentences.\n';
    const r = parseAuthorsTldrAbstract(text);
    expect(r.rejects).toEqual([{ record: 1, reason: 'no abstract' }]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0].authors).toEqual(['Carl Diaz', 'Dee Evans']);
  });
});

describe('parseHfDailyPapers', () => {
  const { records, rejects } = parseHfDailyPapers(fixture('hf-daily-papers.txt'));
  it('skips the page chrome and reads title, abstract, author count and date', () => {
    expect(rejects).toEqual([]);
    expect(records.map((r) => [r.title, r.authorCount, r.date])).toEqual([
      ['Level-S$^2$fM: Structure from Motion on Neural Level Set of Implicit Surfaces', 4, 'Nov 22, 2022'],
      ['Compressing Features for Learning with Noisy Labels', 5, 'Jun 27, 2022'],
      ['Provable Scaling Laws of Feature Emergence from Learning Dynamics of Grokking', 1, 'Sep 25'],
    ]);
    expect(records[0].record).toBe(13);
    expect(records[0].authors).toEqual([]);
  });
});

describe('parseHfPapersListing', () => {
  const { records, rejects } = parseHfPapersListing(fixture('hf-papers-listing.txt'));
  it('strips the chrome glued to the first title', () => {
    expect(rejects).toEqual([]);
    expect(records.map((r) => r.title)).toEqual([
      'LegendreTron: Uprising Proper Multiclass Loss Learning',
      'Realizable Learning is All You Need',
      'Universal Online Learning with Unbounded Losses: Memory Is All You Need',
    ]);
    expect(records.map((r) => r.record)).toEqual([3, 5, 7]);
  });

  it('rejects a title with no abstract and keeps pairing after it', () => {
    const abs =
      'An abstract that is long enough to be an abstract, with a good number of words in it, describing a method and results in some detail for the reader, and then some more words.';
    const r = parseHfPapersListing(`First Title\n${abs}\nOrphan Title\nThird Title\n${abs}\n`);
    expect(r.rejects).toEqual([{ record: 3, reason: 'no abstract' }]);
    expect(r.records.map((x) => x.title)).toEqual(['First Title', 'Third Title']);
  });
});

describe('parseNumberedListing', () => {
  const { records, rejects } = parseNumberedListing(fixture('numbered-listing.txt'));
  it('strips numbers and link badges, splits authors on ";" and reads venue from the header', () => {
    expect(rejects).toEqual([]);
    expect(records.map((r) => r.title)).toEqual([
      'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
      'Divide to Adapt: Mitigating Confirmation Bias for Domain Adaptation of Black-Box Predictors',
    ]);
    expect(records[1].authors).toEqual([
      'JIANFEI YANG',
      'Xiangyu Peng',
      'Kai Wang',
      'Zheng Zhu',
      'Jiashi Feng',
      'Lihua Xie',
      'Yang You',
    ]);
    expect(records[0].venue).toBe('ICLR 2023');
    expect(records[0].year).toBe(2023);
  });
});
