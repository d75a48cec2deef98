/**
 * The same papers exported from Web of Science, Scopus and OpenAlex become one paper each, matched
 * by DOI, then by title with year and first author; two different DOIs never merge; authors with
 * identifiers stay apart when the identifiers differ. Fixture: tests/fixtures/corpus/cross-service.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../lib/corpus/index';
import type { Corpus } from '../../lib/corpus/types';
import { buildAuthorIndex } from '../../lib/graph/authors';

const DIR = path.join(import.meta.dirname, '../fixtures/corpus/cross-service');
let corpus: Corpus;

beforeAll(async () => {
  corpus = await readCorpus([DIR]);
});

function paper(title: string) {
  const found = corpus.papers.filter((p) => p.title.startsWith(title));
  expect(found.length).toBeGreaterThan(0);
  return found;
}

describe('de-duplication across services', () => {
  it('reads each file in its format and counts how each duplicate merged', () => {
    const byFile = Object.fromEntries(corpus.files.map((f) => [f.file, f]));
    // Files are read in name order: OpenAlex first, so Scopus and WoS records merge into its papers.
    expect(corpus.files.map((f) => f.file)).toEqual([
      'openalex-works.json',
      'scopus-export.csv',
      'works-crossref.json',
      'wos-export.txt',
    ]);
    expect(byFile['works-crossref.json']).toMatchObject({
      layout: 'crossref',
      recordsRead: 1,
      papersKept: 0,
      duplicatesMerged: 1,
      mergedBy: { doi: 1, id: 0, title: 0, abstract: 0 },
    });
    expect(byFile['openalex-works.json']).toMatchObject({
      layout: 'openalex',
      recordsRead: 4,
      papersKept: 4,
      duplicatesMerged: 0,
      rejected: 0,
    });
    expect(byFile['scopus-export.csv']).toMatchObject({
      layout: 'scopus-csv',
      recordsRead: 4,
      papersKept: 1,
      duplicatesMerged: 3,
      rejected: 0,
      mergedBy: { doi: 2, id: 0, title: 1, abstract: 0 },
      mergedWith: { 'openalex-works.json': 3 },
    });
    expect(byFile['wos-export.txt']).toMatchObject({
      layout: 'wos',
      recordsRead: 3,
      papersKept: 1,
      duplicatesMerged: 2,
      rejected: 0,
      mergedBy: { doi: 1, id: 0, title: 1, abstract: 0 },
      mergedWith: { 'openalex-works.json': 2 },
    });
    expect(corpus.papers).toHaveLength(6);
  });

  it('merges the paper with one DOI in three services into one, keeping every source and identifier', () => {
    const [p] = paper('Mapping collaboration networks');
    expect(paper('Mapping collaboration networks')).toHaveLength(1);
    expect(p.doi).toBe('10.2112/jcoastres-d-19-00001.1');
    expect(p.sources.map((s) => s.file).sort()).toEqual(['openalex-works.json', 'scopus-export.csv', 'wos-export.txt']);
    expect(p.ids.map((i) => `${i.scheme}:${i.value}`).sort()).toEqual([
      'openalex:W3000000001',
      'scopus:2-s2.0-85000000001',
      'wos:000500000000001',
    ]);
    // The highest count any service reported, and which.
    expect([p.citedBy, p.citedBySource]).toEqual([15, 'scopus-csv']);
    // Keywords of every source, by kind; the copyright line of the Scopus abstract is gone.
    expect(p.keywords.filter((k) => k.kind === 'author').map((k) => k.keyword)).toEqual([
      'co-authorship',
      'bibliometrics',
      'coastal ecology',
    ]);
    expect(p.keywords.some((k) => k.kind === 'indexed' && k.keyword === 'Coastal zones')).toBe(true);
    expect(p.abstract).not.toMatch(/©|Coastal Education/);
  });

  it('merges records without a DOI by title, year and first author', () => {
    const found = paper('Sediment transport under storm surges');
    expect(found).toHaveLength(1);
    expect(found[0].sources).toHaveLength(3);
  });

  it('never merges two different DOIs: the preprint and the article stay two papers, linked where a record says so', () => {
    const found = paper('Seagrass meadows store carbon');
    expect(found.map((p) => p.doi).sort()).toEqual(['10.3354/meps13500', '10.48550/arxiv.2101.00003']);
    const preprint = found.find((p) => p.doi === '10.48550/arxiv.2101.00003');
    expect(preprint?.relations).toEqual([{ kind: 'is-preprint-of', doi: '10.3354/meps13500' }]);
  });

  it('resolves a WoS reference without a matching DOI by author, year, volume and page', () => {
    const [citing] = paper('Mapping collaboration networks');
    const [cited] = paper('Sediment transport under storm surges');
    const at = corpus.papers.indexOf(citing);
    const targets = Array.from(corpus.referenceTargets[at]);
    expect(targets).toContain(corpus.papers.indexOf(cited));
    expect(corpus.references.resolved).toBeGreaterThanOrEqual(1);
  });

  it('keeps one person spelled two ways with one id as one author, and two "Wang, J." with different ids as two', () => {
    const index = buildAuthorIndex(corpus.papers);
    const moreau = index.keys.filter((_k, i) => /Moreau/.test(index.names[i]));
    expect(moreau).toHaveLength(1);
    const wang = index.names.filter((n) => /Wang/.test(n));
    expect(wang).toHaveLength(2);
  });
});
