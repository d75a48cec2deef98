import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { MEDLINE_FORMAT } from '../../../lib/corpus/formats/medline';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles, parseFile, parseText } from './tagged-lines';

const tmp = mkdtempSync(path.join(tmpdir(), 'medline-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILE = 'pubmed-medline/metaknowledge__medline_test.medline';

describe.runIf(HAVE_SAMPLES)('MEDLINE sample', () => {
  it('finds the README counts: 175 records, abstract 171, DOI 171, keywords 120, AD 172, FAU 174', () => {
    const p = parseFile(MEDLINE_FORMAT, sample(FILE));
    // The file stops mid-title in its last record (`…in the endometriu`, no SO): that one is rejected.
    expect(p.emitted).toBe(175);
    expect(p.rejects).toEqual([{ record: 14925, reason: 'cut off at end of file' }]);
    const r = p.records;
    expect(r).toHaveLength(174);
    expect(countWith(r, (x) => x.abstract !== null)).toBe(171);
    expect(countWith(r, (x) => x.doi != null)).toBe(171);
    expect(countWith(r, (x) => (x.keywords ?? []).length > 0)).toBe(120);
    expect(countWith(r, (x) => (x.affiliations ?? []).length > 0)).toBe(172);
    expect(countWith(r, (x) => x.authors.length > 0)).toBe(174);
    expect(countWith(r, (x) => x.ids?.[0]?.scheme === 'pmid')).toBe(174);
    expect(countWith(r, (x) => x.ids?.some((i) => i.scheme === 'pmcid') ?? false)).toBe(18);
  });

  it('detects the sample and nothing else', () => {
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) => MEDLINE_FORMAT.detect(buildSample(f)));
    expect(claimed).toEqual([sample(FILE)]);
    expect(detectFormat(buildSample(sample(FILE)))?.name).toBe('medline');
  });

  it('reads the first records field by field', () => {
    const p = parseFile(MEDLINE_FORMAT, sample(FILE));
    const r = p.records[0];
    expect(r).toMatchObject({
      record: 2,
      title: 'Bioinformatic survey of ABC transporters in dermatophytes.',
      authors: ['Gadzalski, Marek', 'Ciesielska, Anita', 'Staczek, Pawel'],
      year: 2016,
      date: '2016 Jan 15',
      venue: 'Gene',
      doi: '10.1016/j.gene.2015.10.064',
      docType: 'Journal Article',
      volume: '576',
      firstPage: '466',
      ids: [{ scheme: 'pmid', value: '26524502' }],
    });
    expect(
      r.abstract?.startsWith(
        'ATP binding cassette (ABC) transporters constitute a very large and ubiquitous superfamily of membrane proteins.',
      ),
    ).toBe(true);
    expect(r.abstract?.endsWith('could lead to novel substrate specificity.')).toBe(true);
    expect(r.keywords).toEqual(
      ['ABC transporters', 'Dermatophytes', 'Drug resistance', 'Phylogenetics'].map((keyword) => ({
        keyword,
        kind: 'author',
      })),
    );
    // Each author's AD follows them; the first one's e-mail is dropped, so all three share one address.
    expect(r.affiliations).toEqual([
      {
        name: 'Department of Microbial Genetics, Faculty of Biology and Environmental Protection, University of Lodz, Poland',
        country: 'Poland',
        authors: [0, 1, 2],
      },
    ]);
    const second = p.records[1];
    expect(second.authors).toEqual(['Hu, Ting-Ting', 'Yan, Ling', 'Yan, Peng-Fei', 'Wang, Xuan', 'Yue, Ge-Fen']);
    expect(second.affiliations?.map((a) => [a.country, a.authors])).toEqual([
      ['China', [0, 2, 3, 4]],
      ['Canada', [1]],
    ]);
  });

  it('reads an ORCID (AUID) and a PMC id', () => {
    const p = parseFile(MEDLINE_FORMAT, sample(FILE));
    const r = p.records.find((x) => x.record === 1483);
    expect(r?.authors).toEqual(['Oberbeckmann-Winter, Nicola']);
    expect(r?.authorIds).toEqual([[{ scheme: 'orcid', value: '0000-0001-9778-1920' }]]);
    expect(r?.affiliations).toEqual([
      { name: 'Tiergartenstrasse 17, 69121, Heidelberg, Germany', country: 'Germany', authors: [0] },
    ]);
    expect(p.records.find((x) => x.record === 648)?.ids).toEqual([
      { scheme: 'pmid', value: '26408021' },
      { scheme: 'pmcid', value: 'PMC4707154' },
    ]);
  });

  it('ingests the sample through readCorpus', async () => {
    const c = await readCorpus([sample(FILE)]);
    expect(c.files[0]).toMatchObject({ layout: 'medline', recordsRead: 175 });
    expect(c.rejects.filter((x) => x.reason === 'cut off at end of file')).toEqual([
      { file: 'metaknowledge__medline_test.medline', record: 14925, reason: 'cut off at end of file' },
    ]);
  });
});

describe('MEDLINE: hand-written cases', () => {
  const RECORD = [
    'PMID- 111',
    'TI  - A title wrapped',
    '      over two lines.',
    'FAU - Doe, Jane',
    'AU  - Doe J',
    'AD  - Univ A, Ghent, Belgium.',
    'AD  - Univ B, Oslo, Norway.',
    'FAU - Roe, Richard',
    'AU  - Roe R',
    'AUID- ORCID: 0000-0002-1825-0097',
    'AD  - Univ A, Ghent, Belgium.',
    'DP  - 2015 Spring',
    'LID - S0000 [pii]',
    'AID - 10.1000/abc [doi]',
    'MH  - Humans',
    'MH  - *Brain/physiology/*surgery',
    'OT  - Deep learning',
    'PT  - Journal Article',
    'PT  - Review',
    'TA  - J Test',
    'PG  - e12',
    'SO  - J Test. 2015;1:e12.',
  ];

  it('ties AD and AUID to the author before them, reads MeSH headings and the DOI', () => {
    const p = parseText(MEDLINE_FORMAT, ['', ...RECORD, ''].join('\n'));
    expect(p.rejects).toEqual([]);
    expect(p.records).toHaveLength(1);
    const r = p.records[0];
    expect(r).toMatchObject({
      record: 2,
      title: 'A title wrapped over two lines.',
      abstract: null,
      authors: ['Doe, Jane', 'Roe, Richard'],
      year: 2015,
      date: '2015 Spring',
      doi: '10.1000/abc',
      venue: 'J Test',
      docType: 'Journal Article',
      firstPage: 'e12',
    });
    expect(r.affiliations).toEqual([
      { name: 'Univ A, Ghent, Belgium', country: 'Belgium', authors: [0, 1] },
      { name: 'Univ B, Oslo, Norway', country: 'Norway', authors: [0] },
    ]);
    expect(r.authorIds).toEqual([[], [{ scheme: 'orcid', value: '0000-0002-1825-0097' }]]);
    expect(r.keywords).toEqual([
      { keyword: 'Humans', kind: 'mesh' },
      { keyword: 'Brain', kind: 'mesh' },
      { keyword: 'Deep learning', kind: 'author' },
    ]);
  });

  it('uses AU when a record has no FAU, and CRLF reads the same as LF', () => {
    const lf = ['PMID- 1', 'TI  - Old', 'AU  - Doe J', 'AD  - Univ A, Lima, Peru.', 'AU  - Roe R'].join('\n');
    const p = parseText(MEDLINE_FORMAT, lf);
    expect(p.records[0]).toMatchObject({
      authors: ['Doe J', 'Roe R'],
      affiliations: [{ name: 'Univ A, Lima, Peru', country: 'Peru', authors: [0] }],
    });
    expect(parseText(MEDLINE_FORMAT, `\ufeff${lf.replace(/\n/g, '\r\n')}\r\n`)).toEqual(p);
  });

  it('closes records at blank lines and at PMID, rejects fields without PMID and a cut-off last record', () => {
    const text = [
      'TI  - orphan',
      'AU  - Lost A',
      '',
      ...RECORD,
      'PMID- 222',
      'TI  - right after, no blank line',
      'SO  - X.',
      '',
      'TI  - no PMID either',
      '',
      'PMID- 333',
      'TI  - cut off befo',
    ].join('\n');
    const p = parseText(MEDLINE_FORMAT, text);
    expect(p.records.map((r) => [r.record, r.ids?.[0]?.value])).toEqual([
      [4, '111'],
      [26, '222'],
    ]);
    expect(p.rejects).toEqual([
      { record: 1, reason: 'fields before PMID' },
      { record: 30, reason: 'fields before PMID' },
      { record: 32, reason: 'cut off at end of file' },
    ]);
  });

  it('keeps a last record without SO when no record of the file has one', () => {
    const p = parseText(MEDLINE_FORMAT, 'PMID- 1\nTI  - One\n\nPMID- 2\nTI  - Two\n');
    expect(p.records.map((r) => r.title)).toEqual(['One', 'Two']);
    expect(p.rejects).toEqual([]);
  });

  it('reads nothing from garbage and is not fooled by a PMID in running text', () => {
    expect(parseText(MEDLINE_FORMAT, 'hello\nworld\n')).toEqual({ records: [], rejects: [], emitted: 0, warnings: [] });
    expect(MEDLINE_FORMAT.detect({ text: 'see PMID- 123\nTI  - x\n', complete: true })).toBe(false);
    expect(MEDLINE_FORMAT.detect({ text: '\nPMID- 123\r\nOWN - NLM\r\n', complete: true })).toBe(true);
  });

  it('reads a file through readCorpus', async () => {
    const file = path.join(tmp, 'small.nbib');
    writeFileSync(file, [...RECORD, 'AB  - An abstract.', ''].join('\n'));
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'medline', recordsRead: 1, rejected: 0 });
    expect(c.papers[0].title).toBe('A title wrapped over two lines.');
  });
});
