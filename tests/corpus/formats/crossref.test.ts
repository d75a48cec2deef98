import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { CROSSREF_FORMAT, crossrefAbstractText, buildCrossrefReference } from '../../../lib/corpus/formats/crossref';
import type { RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles } from './tagged-lines';
import { parseChunks } from './xml-chunks';

const LIST = 'crossref/fatcat__crossref_api_works.json';
const SINGLE = 'crossref/fatcat__crossref-works.single.json';

/** README: records, then records carrying abstract, DOI, reference list, author affiliation, is-referenced-by-count, subject. */
const README_COUNTS: Record<string, number[]> = {
  [LIST]: [3, 0, 3, 1, 0, 3, 1],
  [SINGLE]: [1, 0, 1, 1, 1, 1, 1],
};

function readSample(file: string, size = 4096): RawRecord[] {
  const p = parseChunks(CROSSREF_FORMAT, readFileSync(sample(file), 'utf8'), size);
  expect(p.rejects).toEqual([]);
  return p.records;
}

describe.runIf(HAVE_SAMPLES)('Crossref samples', () => {
  it.each(Object.keys(README_COUNTS))('%s: records and field counts match the README', (file) => {
    const records = readSample(file);
    expect([
      records.length,
      countWith(records, (r) => r.abstract !== null),
      countWith(records, (r) => r.doi != null),
      countWith(records, (r) => (r.references ?? []).length > 0),
      countWith(records, (r) => (r.affiliations ?? []).length > 0),
      countWith(records, (r) => r.citedBy != null),
      countWith(records, (r) => (r.keywords ?? []).length > 0),
    ]).toEqual(README_COUNTS[file]);
  });

  it('reads the work-list items: title, authors as Family, Given, dates from date-parts, venue, counts', () => {
    const [ssl, flow, fixed] = readSample(LIST, 1000);
    expect([
      ssl.title,
      ssl.doi,
      ssl.authors,
      ssl.venue,
      ssl.year,
      ssl.date,
      ssl.citedBy,
      ssl.docType,
      ssl.volume,
      ssl.firstPage,
    ]).toEqual([
      'Inside SSL: accelerating secure transactions',
      '10.1109/mitp.2002.1041177',
      ['Chou, W.'],
      'IT Professional',
      2002,
      '2002-09',
      12,
      'journal-article',
      '4',
      '37',
    ]);
    // `issued` is [[null]]: the year comes from `created`. Authors with only a family name keep it.
    expect([flow.title, flow.year, flow.date, flow.docType]).toEqual([
      'Flow map layout',
      2005,
      '2005-11-15',
      'proceedings-article',
    ]);
    expect(flow.authors.slice(0, 3)).toEqual(['Doantam Phan', 'Ling Xiao', 'Yeh, R.']);
    expect(flow.venue).toBe('IEEE Symposium on Information Visualization, 2005. INFOVIS 2005.');
    expect([fixed.year, fixed.date, fixed.citedBy, fixed.volume, fixed.firstPage]).toEqual([
      2009,
      '2009-09-23',
      426,
      '128',
      '321',
    ]);
    expect(fixed.keywords).toEqual([
      { keyword: 'Software', kind: 'concept' },
      { keyword: 'General Mathematics', kind: 'concept' },
    ]);
    expect(fixed.references).toHaveLength(45);
    expect(fixed.references?.[0]).toEqual({
      raw: 'Bach F.R.: Consistency of trace norm minimization. J. Mach. Learn. Res. 9(Jun), 1019\u20131048 (2008)',
      doi: null,
      firstAuthor: 'F.R. Bach',
      year: 2008,
      title: null,
      source: 'J. Mach. Learn. Res.',
      volume: '9',
      page: '1019',
    });
    expect(fixed.references?.[1]).toMatchObject({ doi: '10.1145/344779.344972', firstAuthor: null, year: null });
    expect(fixed.references?.[2]).toMatchObject({
      title: 'Convex Analysis and Nonlinear Optimization',
      firstAuthor: 'J.M. Borwein',
      year: 2003,
    });
  });

  it('reads the bare work object: first title, affiliations with author positions, references joined from their parts', () => {
    const [r] = readSample(SINGLE, 333);
    expect(r.record).toBe(1);
    expect(r.title).toBe(
      'Renormalized perturbation theory by the moment method for degenerate states: Anharmonic oscillators',
    );
    expect([r.doi, r.year, r.date, r.venue, r.citedBy, r.volume, r.firstPage]).toEqual([
      '10.1002/(sici)1097-461x(1998)66:4<261::aid-qua1>3.0.co;2-t',
      1998,
      null,
      'International Journal of Quantum Chemistry',
      5,
      '66',
      '261',
    ]);
    // The fourth author has an empty given and family name and is left out.
    expect(r.authors).toEqual(['Radicioni, Marcelo D.', 'Diaz, Carlos G.', 'Fern\ufffdndez, Francisco M.']);
    expect(r.affiliations).toEqual([
      { name: 'Some University', country: null, authors: [1], id: null },
      { name: 'Some Department', country: null, authors: [1], id: null },
    ]);
    expect(r.keywords?.map((k) => k.keyword)).toEqual([
      'Physical and Theoretical Chemistry',
      'Atomic and Molecular Physics, and Optics',
      'Condensed Matter Physics',
    ]);
    expect(r.references).toHaveLength(25);
    expect(r.references?.[0]).toEqual({
      raw: 'Swenson, 1972, J. Chem. Phys., 57, 1734',
      doi: '10.1063/1.1678462',
      firstAuthor: 'Swenson',
      year: 1972,
      title: null,
      source: 'J. Chem. Phys.',
      volume: '57',
      page: '1734',
    });
    // An empty author is no author; entities in the text are left for the normalizer.
    expect(r.references?.[2]).toMatchObject({
      raw: 'and Hypervirial Theorems, Lecture Notes in Chemistry, Vol. 43, (Springer, Berlin, 1987).',
      firstAuthor: null,
      title: 'Hypervirial Theorem&#x2019;s, Lecture Notes in Chemistry &lt;3',
      year: 1987,
    });
  });

  it('reads both files through readCorpus', async () => {
    const c = await readCorpus([sample(LIST), sample(SINGLE)]);
    expect(c.files.map((f) => [f.layout, f.recordsRead, f.rejected])).toEqual([
      ['crossref', 1, 0],
      ['crossref', 3, 0],
    ]);
  });

  it('detects the two samples and no other sample, seed or fixture', () => {
    const mine = [sample(SINGLE), sample(LIST)].sort();
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) => CROSSREF_FORMAT.detect(buildSample(f)));
    expect(claimed.sort()).toEqual(mine);
    for (const f of mine) expect(detectFormat(buildSample(f))?.name).toBe('crossref');
  });
});

describe('Crossref small inputs', () => {
  it('strips JATS tags from an abstract, dropping its Abstract heading and keeping section headings', () => {
    const jats =
      '<jats:title>Abstract</jats:title><jats:p>We study H<jats:sub>2</jats:sub>O &amp; <jats:italic>ice</jats:italic>.</jats:p><jats:sec><jats:title>Methods</jats:title><jats:p>p &lt; 0.05</jats:p></jats:sec>';
    expect(crossrefAbstractText(jats)?.replace(/\s+/g, ' ')).toBe('We study H2O &amp; ice. Methods p &lt; 0.05');
    expect([crossrefAbstractText('<jats:p> </jats:p>'), crossrefAbstractText(null), crossrefAbstractText(7)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('joins a reference from its parts when it has no unstructured text, else falls back to its DOI or key', () => {
    expect(
      buildCrossrefReference({
        key: 'k1',
        author: 'Smith',
        year: '2019a',
        'article-title': 'A title',
        'journal-title': 'Nature',
        volume: '5',
        'first-page': '7',
      }),
    ).toEqual({
      raw: 'Smith, 2019a, A title, Nature, 5, 7',
      doi: null,
      firstAuthor: 'Smith',
      year: 2019,
      title: 'A title',
      source: 'Nature',
      volume: '5',
      page: '7',
    });
    expect(buildCrossrefReference({ key: 'k2', DOI: '10.1/x' })?.raw).toBe('10.1/x');
    expect(buildCrossrefReference({ key: 'k3' })?.raw).toBe('k3');
    expect(buildCrossrefReference({})).toBeNull();
  });

  it('reads a work response, ORCIDs and ROR ids, and rejects a message that is no work', () => {
    const work = {
      status: 'ok',
      'message-type': 'work',
      message: {
        DOI: '10.5555/12345678',
        title: ['Toward a Unified Theory of High-Energy Metaphysics'],
        abstract: '<jats:p>Text.</jats:p>',
        'published-online': { 'date-parts': [[2008, 8, 13]] },
        author: [
          {
            given: 'Josiah',
            family: 'Carberry',
            ORCID: 'http://orcid.org/0000-0002-1825-0097',
            affiliation: [
              {
                name: 'Brown University',
                id: [{ id: 'https://ror.org/05gq02987', 'id-type': 'ROR' }],
                place: ['Providence, USA'],
              },
            ],
          },
          { name: 'The Metaphysics Consortium' },
        ],
      },
    };
    const p = parseChunks(CROSSREF_FORMAT, `${JSON.stringify(work, null, 2)}\n`, 17);
    expect(p.rejects).toEqual([]);
    const [r] = p.records;
    expect([r.title, r.abstract, r.year, r.date, r.authors]).toEqual([
      'Toward a Unified Theory of High-Energy Metaphysics',
      'Text.',
      2008,
      '2008-08-13',
      ['Carberry, Josiah', 'The Metaphysics Consortium'],
    ]);
    expect(r.authorIds).toEqual([[{ scheme: 'orcid', value: '0000-0002-1825-0097' }], []]);
    expect(r.affiliations).toEqual([
      { name: 'Brown University', country: 'United States', authors: [0], id: '05gq02987' },
    ]);
    const other = parseChunks(CROSSREF_FORMAT, '{"status":"ok","message-type":"member","message":{"id":311}}');
    expect(other.rejects).toEqual([{ record: 1, reason: 'not a Crossref work' }]);
  });

  it('reports a work-list cut off in its second item, keeping the first', () => {
    const text =
      '{"status":"ok","message-type":"work-list","message":{"items":[\n{"DOI":"10.1/a","title":["A"]},\n{"DOI":"10.1/b","title":["B';
    const p = parseChunks(CROSSREF_FORMAT, text, 9);
    expect(p.records.map((r) => [r.record, r.title])).toEqual([[2, 'A']]);
    expect(p.rejects).toEqual([{ record: 3, reason: 'cut off at end of file' }]);
  });
});
