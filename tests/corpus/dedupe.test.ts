import { describe, expect, it } from 'vitest';
import { buildPapers } from '../../lib/corpus/dedupe';
import { abstractKey, buildCandidate, type Candidate, type RecordContext } from '../../lib/corpus/normalize-record';
import type { RawRecord } from '../../lib/corpus/raw-record';

const ABSTRACT =
  'We propose a method for learning representations that transfer across tasks, and show on six benchmarks that it improves accuracy while using fewer labels than prior work.';
const OTHER =
  'A different paper entirely: we study the convergence of stochastic gradient descent on overparameterized networks and prove a rate that matches the lower bound in the smooth case.';

function candidate(
  raw: Partial<RawRecord> & { record: number },
  fileIndex: number,
  ctx: Partial<RecordContext> = {},
): Candidate {
  const c = buildCandidate(
    { title: null, abstract: ABSTRACT, authors: [], ...raw },
    { file: `f${fileIndex}.txt`, fileIndex, venue: null, year: null, referenceYear: null, layout: 'jsonl', ...ctx },
  );
  if ('reason' in c) throw new Error(c.reason);
  return c;
}

describe('buildPapers', () => {
  it('merges by normalized title across files and keeps the best of each field', () => {
    const a = candidate(
      { record: 5, title: 'Transfer  Learning: a STUDY', authors: [], authorCount: 3, date: 'Sep 30, 2022' },
      0,
    );
    const b = candidate(
      { record: 9, title: 'Transfer learning — a study', authors: ['Ann Lee', 'Bo Chen', 'Cy Dunn'] },
      1,
      { venue: 'ICLR 2023', year: 2023 },
    );
    const { papers, kept, merged } = buildPapers([a, b], 2);
    expect(papers).toHaveLength(1);
    const p = papers[0];
    expect(p.id).toBe(1);
    expect(p.title).toBe('Transfer Learning: a STUDY');
    expect(p.authors.map((x) => x.name)).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dunn']);
    expect(p.authorCount).toBe(3);
    expect(p.date).toBe('2022-09-30');
    expect(p.year).toBe(2022);
    expect(p.venue).toBe('ICLR 2023');
    expect(p.sources).toEqual([
      { file: 'f0.txt', record: 5 },
      { file: 'f1.txt', record: 9 },
    ]);
    expect(kept).toEqual([1, 0]);
    expect(merged).toEqual([0, 1]);
  });

  it('merges a title-less record with a titled one by abstract, in either order, taking the real title', () => {
    const untitled = candidate({ record: 1, tldr: 'A method that transfers.', authors: ['Ann Lee'] }, 0, {
      venue: 'ICLR 2021',
    });
    const titled = candidate({ record: 2, title: 'Transferable Representations' }, 1);
    for (const order of [
      [untitled, titled],
      [titled, untitled],
    ]) {
      const { papers } = buildPapers(order, 2);
      expect(papers).toHaveLength(1);
      expect(papers[0].title).toBe('Transferable Representations');
      expect(papers[0].titleDerived).toBe(false);
      expect(papers[0].tldr).toBe('A method that transfers.');
      expect(papers[0].authors.map((x) => x.name)).toEqual(['Ann Lee']);
      expect(papers[0].sources).toHaveLength(2);
    }
  });

  it('keeps two papers with different real titles apart even with the same abstract', () => {
    const a = candidate({ record: 1, title: 'Version One' }, 0);
    const b = candidate({ record: 2, title: 'A Different Title' }, 0);
    expect(buildPapers([a, b], 1).papers).toHaveLength(2);
  });

  it('keeps different papers apart and numbers them in order of first appearance', () => {
    const a = candidate({ record: 1, title: 'Paper A' }, 0);
    const b = candidate({ record: 1, title: 'Paper B', abstract: OTHER }, 1);
    const c = candidate({ record: 3, title: 'paper a' }, 1);
    const { papers, kept, merged } = buildPapers([a, b, c], 2);
    expect(papers.map((p) => [p.id, p.title, p.sources.length])).toEqual([
      [1, 'Paper A', 2],
      [2, 'Paper B', 1],
    ]);
    expect(kept).toEqual([1, 1]);
    expect(merged).toEqual([0, 1]);
  });

  it('does not match on very short abstracts', () => {
    const a = candidate({ record: 1, abstract: 'To appear.' }, 0);
    const b = candidate({ record: 2, abstract: 'To appear.' }, 0);
    expect(abstractKey('To appear.')).toBeNull();
    expect(abstractKey(ABSTRACT)).toBe(
      ABSTRACT.toLowerCase()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 300),
    );
    expect(buildPapers([a, b], 1).papers).toHaveLength(2);
  });
});

describe('buildCandidate', () => {
  it('rejects a record with neither title nor abstract', () => {
    const c = buildCandidate(
      { record: 7, title: ' ', abstract: '  ', authors: [] },
      { file: 'x', fileIndex: 0, venue: null, year: null, referenceYear: null, layout: 'jsonl' },
    );
    expect(c).toEqual({ record: 7, reason: 'no title or abstract' });
  });

  it('derives a title from the tl;dr and applies file defaults', () => {
    const c = candidate({ record: 1, tldr: 'We make transfer cheap with $O(n)$ cost.' }, 0, {
      venue: 'ICLR 2021',
      year: 2021,
    });
    expect(c.title).toBe('We make transfer cheap with O(n) cost');
    expect(c.titleDerived).toBe(true);
    expect(c.titleKey).toBeNull();
    expect(c.year).toBe(2021);
    expect(c.venue).toBe('ICLR 2021');
  });

  it('completes a date without a year from the reference year', () => {
    const c = candidate({ record: 1, title: 'T', date: 'Sep 25' }, 0, { referenceYear: 2025 });
    expect([c.date, c.year]).toEqual(['2025-09-25', 2025]);
  });
});
