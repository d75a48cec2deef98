import { describe, expect, it } from 'vitest';
import { buildCooccurrenceMap, DEFAULT_COOCCURRENCE_OPTIONS } from '@/lib/graph/cooccurrence';
import {
  maxCocitationPapers,
  buildCocitationItems,
  buildCountryItems,
  buildCouplingItems,
  buildInstitutionItems,
  parseInstitution,
  shortReference,
} from '@/lib/graph/cooccurrence-items';
import type { PaperReference } from '@/lib/corpus/types';
import { buildReferenceKeys } from '@/lib/corpus/references';
import { makePaper } from '../fixtures/graph/papers';

const options = { ...DEFAULT_COOCCURRENCE_OPTIONS, minPapers: 1 };

describe('co-occurrence map', () => {
  // Items 0-2 go together, 3-5 go together, 2 and 3 meet once.
  const labels = ['a', 'b', 'c', 'd', 'e', 'f'];
  const papers = [
    [0, 1],
    [0, 1, 2],
    [1, 2],
    [0, 2],
    [3, 4],
    [3, 4, 5],
    [4, 5],
    [3, 5],
    [2, 3],
  ].map((ids) => Int32Array.from(ids));
  const map = buildCooccurrenceMap('terms', labels, papers, options);

  it('counts co-occurrences and normalizes them by association strength', () => {
    expect(map.items.map((i) => [i.label, i.papers])).toEqual([
      ['c', 4],
      ['d', 4],
      ['a', 3],
      ['b', 3],
      ['e', 3],
      ['f', 3],
    ]);
    const at = (label: string) => map.items.findIndex((i) => i.label === label);
    const link = (x: string, y: string) =>
      map.links.find((l) => l.source === Math.min(at(x), at(y)) && l.target === Math.max(at(x), at(y)));
    // a and b: 2 joint papers of 9, a in 3, b in 3 → 2 · 9 / (3 · 3) = 2.
    expect(link('a', 'b')).toMatchObject({ papers: 2, strength: 2 });
    // c and d meet in one paper only, and each has links of two papers: that one is not kept.
    expect(link('c', 'd')).toBeUndefined();
  });

  it('clusters the items that go together', () => {
    const clusterOf = (label: string) => map.items.find((i) => i.label === label)!.cluster;
    expect(clusterOf('a')).toBe(clusterOf('b'));
    expect(clusterOf('b')).toBe(clusterOf('c'));
    expect(clusterOf('d')).toBe(clusterOf('e'));
    expect(clusterOf('a')).not.toBe(clusterOf('e'));
    expect(map.clusters).toBe(2);
  });

  it('places items of a cluster nearer each other than the other cluster, the same for the same seed', () => {
    const p = (label: string) => map.items.find((i) => i.label === label)!;
    const d = (x: string, y: string) => Math.hypot(p(x).x - p(y).x, p(x).y - p(y).y);
    expect(d('a', 'b')).toBeLessThan(d('a', 'e'));
    expect(d('e', 'f')).toBeLessThan(d('b', 'f'));
    expect(JSON.stringify(buildCooccurrenceMap('terms', labels, papers, options))).toBe(JSON.stringify(map));
  });

  it('draws nothing without items in enough papers', () => {
    expect(buildCooccurrenceMap('terms', labels, papers, { ...options, minPapers: 10 }).items).toEqual([]);
  });

  it('leaves out the items in more papers than maxPapers', () => {
    const capped = buildCooccurrenceMap('terms', labels, papers, { ...options, maxPapers: 3 });
    expect(capped.items.map((i) => i.label)).toEqual(['a', 'b', 'e', 'f']);
  });

  it('caps co-citation at 2% of the papers, never under 500', () => {
    expect([maxCocitationPapers(258), maxCocitationPapers(25_000), maxCocitationPapers(1_000_000)]).toEqual([
      500, 500, 20_000,
    ]);
  });
});

describe('institutions and countries', () => {
  it('reads the organisation from an address, passing over departments', () => {
    expect(parseInstitution('Stanford Univ, Dept Comp Sci, Stanford, CA 94305 USA')).toBe('Stanford Univ');
    expect(parseInstitution('Department of Statistics, University of Oxford, Oxford, UK')).toBe('University of Oxford');
    expect(parseInstitution('Surveillance Research, American Cancer Society, Atlanta, GA, United States')).toBe(
      'American Cancer Society',
    );
    expect(parseInstitution('School of Medicine, Stanford University, Stanford, CA')).toBe('Stanford University');
    expect(parseInstitution('Harvard Medical School, Boston, MA')).toBe('Harvard Medical School');
    expect(parseInstitution('Peking Univ, Sch Math Sci, Beijing 100871, Peoples R China')).toBe('Peking Univ');
    expect(parseInstitution('Acme, Springfield')).toBe('Acme');
    expect(parseInstitution('')).toBeNull();
  });

  it('lists each paper institution and country once, merging spellings', () => {
    const a = makePaper(1, [['Ann Lee', 'lee a']], 2020);
    a.affiliations = [
      {
        name: 'Stanford Univ, Dept Comp Sci, Stanford, CA 94305 USA',
        country: 'United States',
        id: null,
        authors: [0],
      },
      { name: 'Stanford Univ, Dept Stat, Stanford, CA 94305 USA', country: 'United States', id: null, authors: [0] },
    ];
    const b = makePaper(2, [['Bo Chen', 'chen b']], 2021);
    b.affiliations = [{ name: 'STANFORD UNIV., Stanford, CA', country: null, id: null, authors: [0] }];
    const institutions = buildInstitutionItems([a, b])!;
    expect(institutions.labels).toEqual(['Stanford Univ']);
    expect(institutions.paperItems.map((ids) => Array.from(ids))).toEqual([[0], [0]]);
    const countries = buildCountryItems([a, b])!;
    expect(countries.labels).toEqual(['United States']);
    expect(countries.paperItems.map((ids) => Array.from(ids))).toEqual([[0], []]);
    expect(buildInstitutionItems([makePaper(3, [], 2020)])).toBeNull();
  });
});

describe('citation maps', () => {
  const ref = (raw: string, key: string | null, partsKey: string | null = null): PaperReference => ({
    raw,
    key,
    doi: null,
    ids: [],
    partsKey,
    titleKey: null,
  });
  const a = makePaper(1, [['Ann Lee', 'lee a']], 2020);
  const b = makePaper(2, [['Bo Chen', 'chen b']], 2021);
  const c = makePaper(3, [['Cy Diaz', 'diaz c']], 2021);
  a.references = [
    ref('Smith J, 2001, NATURE, V5, P10', 'smith|2001|v5|p10', 'smith|2001|v5|p10'),
    ref('X', 'doi:10.1/x'),
  ];
  b.references = [
    ref('SMITH J, 2001, NATURE, V5, P10', 'smith|2001|v5|p10', 'smith|2001|v5|p10'),
    ref('X again', 'doi:10.1/x'),
  ];
  c.references = [ref('Garbage', null)];

  it('labels references by first author and year, else by their text', () => {
    expect(shortReference(ref('Smith J, 2001, NATURE', 'k', 'smith|2001|v5|p10'))).toBe('Smith 2001');
    expect(shortReference(ref('KAMADA T, 1989, INFORM PROCESS LETT, V31, P7, DOI 10.1/x', 'doi:10.1/x'))).toBe(
      'Kamada 1989',
    );
    expect(shortReference(ref('https://openalex.org/W1968924601', 'openalex:w1968924601'))).toBe(
      'OpenAlex W1968924601',
    );
    expect(shortReference(ref('A very long reference '.repeat(4), 'doi:10.1/y'))).toHaveLength(48);
  });

  it('co-citation: references are items, each paper lists the references it cites', () => {
    const items = buildCocitationItems([a, b, c], buildReferenceKeys([a, b, c]))!;
    // Labelled only when drawn: as many items as keys, each labelled by its most common short form.
    expect('labelItems' in items.labels && items.labels.count).toBe(2);
    expect('labelItems' in items.labels && items.labels.labelItems([1, 0])).toEqual(['X', 'Smith 2001']);
    expect(items.paperItems.map((ids) => Array.from(ids))).toEqual([[0, 1], [0, 1], []]);
    const none = [makePaper(9, [], 2020)];
    expect(buildCocitationItems(none, buildReferenceKeys(none))).toBeNull();
  });

  it('coupling: papers are items, each shared reference lists the papers citing it', () => {
    const items = buildCouplingItems([a, b, c], buildReferenceKeys([a, b, c]))!;
    expect(items.labels).toHaveLength(3);
    expect(items.paperItems.map((ids) => Array.from(ids))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(items.papersOfItem!(2)).toEqual([2]);
  });
});
