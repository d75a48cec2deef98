import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { IEEE_CSV_FORMAT } from '../../../lib/corpus/formats/ieee-csv';
import { HAVE_SAMPLES, SAMPLES_DIR, sample } from './samples';
import { buildSample, countWith, listDetectionFiles, parseFile, parseText } from './csv-export-helpers';

const IEEE = 'ieee/litstudy__ieee_1.csv';

describe('IEEE Xplore CSV: hand-written inputs', () => {
  const header =
    '"Document Title",Authors,"Author Affiliations","Publication Title","Publication Year","Abstract","DOI",PDF Link,"Author Keywords","IEEE Terms",Article Citation Count,"Reference Count",Document Identifier';

  it('ties affiliations to authors by position, skips NA, and says there is no reference list', () => {
    const text = `${header}\r\n"T","A. One; B. Two; C. Three","Univ X, Berlin, Germany; NA; Univ X, Berlin, Germany","Proc. Y","2019","Abs.","10.1109/x","https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=123","k1;k2","t1","7","12","IEEE Conferences"\r\n`;
    const { records, rejects, warnings } = parseText(IEEE_CSV_FORMAT, text);
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([
      'IEEE Xplore CSV gives a reference count but no reference list: no cited references are read',
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      record: 2,
      title: 'T',
      authors: ['A. One', 'B. Two', 'C. Three'],
      affiliations: [{ name: 'Univ X, Berlin, Germany', country: 'Germany', authors: [0, 2] }],
      ids: [{ scheme: 'ieee', value: '123' }],
      citedBy: 7,
      docType: 'IEEE Conferences',
      keywords: [
        { keyword: 'k1', kind: 'author' },
        { keyword: 'k2', kind: 'author' },
        { keyword: 't1', kind: 'indexed' },
      ],
    });
    expect(records[0].references).toBeUndefined();
  });

  it('affiliations that do not line up with the authors are kept without positions', () => {
    const text = `${header}\n"T","A. One; B. Two","Univ X, Japan","V","2019","","","","","","","",""\n`;
    expect(parseText(IEEE_CSV_FORMAT, text).records[0].affiliations).toEqual([
      { name: 'Univ X, Japan', country: 'Japan', authors: [] },
    ]);
  });
});

describe.runIf(HAVE_SAMPLES)('IEEE Xplore CSV sample', () => {
  it('detects the IEEE sample and nothing else in the samples, seeds and fixtures', () => {
    const hits = listDetectionFiles(SAMPLES_DIR as string).filter((f) => IEEE_CSV_FORMAT.detect(buildSample(f)));
    expect(hits).toEqual([sample(IEEE)]);
  });

  it('100 records with the README counts', () => {
    const { records, rejects, warnings } = parseFile(IEEE_CSV_FORMAT, sample(IEEE));
    expect(rejects).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(records).toHaveLength(100);
    expect(countWith(records, (r) => r.abstract !== null)).toBe(100);
    expect(countWith(records, (r) => r.doi != null)).toBe(97);
    expect(countWith(records, (r) => r.citedBy != null)).toBe(69);
    // README "keywords 99" counts Author Keywords or IEEE Terms; the record at line 38 has only
    // INSPEC terms, which are indexers' keywords too.
    expect(countWith(records, (r) => (r.keywords?.length ?? 0) > 0)).toBe(100);
    expect(countWith(records, (r) => (r.keywords ?? []).some((k) => k.kind === 'author'))).toBe(81);
    expect(records[36].keywords?.every((k) => k.kind === 'indexed')).toBe(true);
    // README "affiliations 100" counts non-empty cells; in 5 of them every author's is IEEE's `NA`.
    expect(countWith(records, (r) => (r.affiliations?.length ?? 0) > 0)).toBe(95);
    expect(countWith(records, (r) => (r.references?.length ?? 0) > 0)).toBe(0);
  });

  it('values of known records', () => {
    const { records } = parseFile(IEEE_CSV_FORMAT, sample(IEEE));
    expect(records[0]).toMatchObject({
      record: 2,
      title: 'Exploring a multi-resolution GPU programming model for Chapel',
      authors: ['A. Hayashi', 'S. Raj Paul', 'V. Sarkar'],
      affiliations: [
        { name: 'Georgia Institute of Technology Atlanta,Georgia,USA', country: 'United States', authors: [0, 1, 2] },
      ],
      venue: '2020 IEEE International Parallel and Distributed Processing Symposium Workshops (IPDPSW)',
      year: 2020,
      doi: '10.1109/IPDPSW50202.2020.00117',
      ids: [
        { scheme: 'ieee', value: '9150427' },
        { scheme: 'isbn', value: '978-1-7281-7445-7' },
      ],
      citedBy: null,
      firstPage: '675',
      docType: 'IEEE Conferences',
    });
    expect(records[0].keywords?.[0]).toEqual({ keyword: 'Graphics processing units', kind: 'indexed' });
    expect(records[2]).toMatchObject({
      record: 4,
      authors: ['J. Hestness', 'S. W. Keckler', 'D. A. Wood'],
      affiliations: [],
      citedBy: 19,
    });
    expect(records[2].keywords?.slice(0, 2)).toEqual([
      { keyword: 'GPGPU', kind: 'author' },
      { keyword: 'GPU computing', kind: 'author' },
    ]);
    expect(records[35]).toMatchObject({
      record: 37,
      title: 'Compiling and Optimizing Java 8 Programs for GPU Execution',
      affiliations: [
        { name: 'IBM Res., Tokyo, Japan', country: 'Japan', authors: [0] },
        { name: 'IBM Canada, Canada', country: 'Canada', authors: [2] },
      ],
      citedBy: 24,
      ids: [
        { scheme: 'ieee', value: '7429325' },
        { scheme: 'isbn', value: '978-1-4673-9524-3' },
      ],
    });
  });

  it('readCorpus reads the sample as ieee-csv, every record, none rejected', async () => {
    const c = await readCorpus([sample(IEEE)]);
    expect(c.files[0]).toMatchObject({ layout: 'ieee-csv', recordsRead: 100, rejected: 0 });
    expect(c.files[0].warnings).toEqual([
      'IEEE Xplore CSV gives a reference count but no reference list: no cited references are read',
    ]);
  });
});
