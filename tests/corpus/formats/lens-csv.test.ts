import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { LENS_CSV_FORMAT } from '../../../lib/corpus/formats/lens-csv';
import { HAVE_SAMPLES, SAMPLES_DIR, sample } from './samples';
import { buildSample, countWith, listDetectionFiles, parseFile, parseText } from './csv-export-helpers';

const LENS = 'lens/bibliometrix__lens_sample.csv';

describe('Lens CSV: hand-written inputs', () => {
  const header =
    '"Lens ID","Title","Date Published","Publication Year","Publication Type","Source Title","Author/s","Abstract","Keywords","MeSH Terms","Fields of Study","PMID","DOI","References","Citing Works Count"';

  it('reads ids, keyword kinds and Lens-ID references; NA and empty cells are missing', () => {
    const text = `${header}\n"000-111-222-333-44X","A title","2021-03-04","2021","journal article","J","Ann Lee; Bo Chen","An abstract.","deep learning; graphs","Humans","Computer science","NA","10.1/y","000-000-000-000-001; 000-000-000-000-002","NA"\n`;
    const { records, rejects } = parseText(LENS_CSV_FORMAT, text);
    expect(rejects).toEqual([]);
    expect(records).toEqual([
      {
        record: 2,
        title: 'A title',
        abstract: 'An abstract.',
        authors: ['Ann Lee', 'Bo Chen'],
        year: 2021,
        date: '2021-03-04',
        venue: 'J',
        doi: '10.1/y',
        ids: [{ scheme: 'lens', value: '000-111-222-333-44X' }],
        citedBy: null,
        volume: null,
        firstPage: null,
        docType: 'journal article',
        keywords: [
          { keyword: 'deep learning', kind: 'author' },
          { keyword: 'graphs', kind: 'author' },
          { keyword: 'Humans', kind: 'mesh' },
          { keyword: 'Computer science', kind: 'concept' },
        ],
        references: [
          { raw: '000-000-000-000-001', ids: [{ scheme: 'lens', value: '000-000-000-000-001' }] },
          { raw: '000-000-000-000-002', ids: [{ scheme: 'lens', value: '000-000-000-000-002' }] },
        ],
      },
    ]);
  });

  it('a file cut inside a quoted abstract reports the row at its start line', () => {
    const text = `${header}\n"000-111-222-333-444","T","","2021","","","A B","An abstract that never ends,\nand goes on\n`;
    const { records, rejects } = parseText(LENS_CSV_FORMAT, text);
    expect(records).toEqual([]);
    expect(rejects).toEqual([
      { record: 2, reason: 'unterminated quoted field' },
      { record: 3, reason: 'wrong field count: 1 fields, header has 15' },
    ]);
  });
});

describe.runIf(HAVE_SAMPLES)('Lens CSV sample', () => {
  it('detects the Lens sample and nothing else in the samples, seeds and fixtures', () => {
    const hits = listDetectionFiles(SAMPLES_DIR as string).filter((f) => LENS_CSV_FORMAT.detect(buildSample(f)));
    expect(hits).toEqual([sample(LENS)]);
  });

  it('8 records with the README counts', () => {
    const { records, rejects, warnings } = parseFile(LENS_CSV_FORMAT, sample(LENS));
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(8);
    expect(countWith(records, (r) => r.abstract !== null)).toBe(8);
    expect(countWith(records, (r) => (r.references?.length ?? 0) > 0)).toBe(8);
    expect(countWith(records, (r) => r.doi != null)).toBe(8);
    expect(countWith(records, (r) => (r.keywords ?? []).some((k) => k.kind === 'author'))).toBe(8);
    expect(countWith(records, (r) => r.citedBy != null)).toBe(8);
    expect(countWith(records, (r) => (r.ids ?? []).some((i) => i.scheme === 'pmid'))).toBe(4);
    expect(records.reduce((s, r) => s + (r.references?.length ?? 0), 0)).toBe(517);
    expect(records.every((r) => r.references?.every((ref) => ref.ids?.[0]?.scheme === 'lens'))).toBe(true);
  });

  it('values of the first two records', () => {
    const { records } = parseFile(LENS_CSV_FORMAT, sample(LENS));
    const [first, second] = records;
    expect(first).toMatchObject({
      record: 2,
      title:
        'Dynamic real-time risk analytics of uncontrollable states in complex internet of things systems: cyber risk at the edge',
      year: 2020,
      date: '2020-11-22',
      venue: 'Environment systems & decisions',
      doi: '10.1007/s10669-020-09792-x',
      citedBy: 10,
      volume: '41',
      firstPage: '1',
      docType: 'journal article',
      ids: [
        { scheme: 'lens', value: '000-360-106-493-122' },
        { scheme: 'pmid', value: '33251087' },
        { scheme: 'pmcid', value: 'PMC7680653' },
        { scheme: 'mag', value: '3106885434' },
        { scheme: 'mag', value: '3107776880' },
      ],
    });
    expect(first.authors).toHaveLength(10);
    expect(first.authors[0]).toBe('Petar Radanliev');
    expect(first.authors[9]).toBe('La’Treall Maddox');
    expect(first.references?.[0]).toEqual({
      raw: '000-928-794-577-264',
      ids: [{ scheme: 'lens', value: '000-928-794-577-264' }],
    });
    expect(first.keywords?.filter((k) => k.kind === 'concept')).toHaveLength(8);
    expect(first.keywords?.filter((k) => k.kind === 'author')).toHaveLength(10);
    expect(first.keywords?.[0]).toEqual({ keyword: 'Cyber risk regulations', kind: 'author' });
    expect(second).toMatchObject({
      record: 3,
      authors: ['Filomena Izzo', 'Ida Camminatiello'],
      citedBy: 6,
      ids: [
        { scheme: 'lens', value: '000-367-630-842-001' },
        { scheme: 'mag', value: '3108542076' },
      ],
    });
    expect(second.keywords?.find((k) => k.kind === 'concept')).toEqual({ keyword: 'Business', kind: 'concept' });
  });

  it('readCorpus reads the sample as lens-csv, every record, none rejected', async () => {
    const c = await readCorpus([sample(LENS)]);
    expect(c.files[0]).toMatchObject({ layout: 'lens-csv', recordsRead: 8, rejected: 0 });
  });
});
