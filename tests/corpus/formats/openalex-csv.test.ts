import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { OPENALEX_CSV_FORMAT } from '../../../lib/corpus/formats/openalex-csv';
import { HAVE_SAMPLES, SAMPLES_DIR, sample } from './samples';
import { buildSample, countWith, listDetectionFiles, parseFile, parseText } from './csv-export-helpers';

const OPENALEX = 'openalex/bibliometrix__openalex_sample.csv';

describe('OpenAlex CSV: hand-written inputs', () => {
  it('rebuilds an inverted-index abstract, reads referenced works and concepts, keeps empty author slots', () => {
    const text = [
      'id,display_name,abstract_inverted_index,authorships.author.display_name,authorships.author.id,authorships.institutions.display_name,authorships.countries,concepts.display_name,referenced_works,publication_year',
      'https://openalex.org/W1,A title,"{""Deep"": [0], ""nets"": [1, 3], ""learn"": [2]}",Ann Lee|Bo Chen,https://openalex.org/A1|,|Univ Y,|DE,Machine learning|Graphs,https://openalex.org/W2 https://openalex.org/W3,2022',
    ].join('\n');
    const { records, rejects } = parseText(OPENALEX_CSV_FORMAT, text);
    expect(rejects).toEqual([]);
    expect(records[0]).toMatchObject({
      record: 2,
      title: 'A title',
      abstract: 'Deep nets learn nets',
      authors: ['Ann Lee', 'Bo Chen'],
      authorIds: [[{ scheme: 'openalex', value: 'A1' }], []],
      affiliations: [{ name: 'Univ Y', country: 'Germany', authors: [1] }],
      ids: [{ scheme: 'openalex', value: 'W1' }],
      year: 2022,
      keywords: [
        { keyword: 'Machine learning', kind: 'concept' },
        { keyword: 'Graphs', kind: 'concept' },
      ],
      references: [
        { raw: 'https://openalex.org/W2', ids: [{ scheme: 'openalex', value: 'W2' }] },
        { raw: 'https://openalex.org/W3', ids: [{ scheme: 'openalex', value: 'W3' }] },
      ],
    });
    expect(OPENALEX_CSV_FORMAT.detect({ text, complete: true })).toBe(true);
  });

  it('detects a file without authorship columns by its OpenAlex work ids', () => {
    expect(
      OPENALEX_CSV_FORMAT.detect({
        text: 'id,title,publication_year\nhttps://openalex.org/W12,T,2020\n',
        complete: true,
      }),
    ).toBe(true);
    expect(OPENALEX_CSV_FORMAT.detect({ text: 'id,title,publication_year\n12,T,2020\n', complete: true })).toBe(false);
  });
});

describe.runIf(HAVE_SAMPLES)('OpenAlex CSV sample', () => {
  it('detects the OpenAlex CSV sample and nothing else in the samples, seeds and fixtures', () => {
    const hits = listDetectionFiles(SAMPLES_DIR as string).filter((f) => OPENALEX_CSV_FORMAT.detect(buildSample(f)));
    expect(hits).toEqual([sample(OPENALEX)]);
  });

  it('8 records with the README counts', () => {
    const { records, rejects, warnings } = parseFile(OPENALEX_CSV_FORMAT, sample(OPENALEX));
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(8);
    expect(countWith(records, (r) => r.abstract !== null)).toBe(5);
    expect(countWith(records, (r) => r.doi != null)).toBe(8);
    expect(countWith(records, (r) => (r.affiliations?.length ?? 0) > 0)).toBe(7);
    expect(countWith(records, (r) => r.citedBy != null)).toBe(8);
    expect(countWith(records, (r) => (r.keywords ?? []).some((k) => k.kind === 'concept'))).toBe(8);
    expect(countWith(records, (r) => r.authorIds !== undefined)).toBe(8);
  });

  it('values of known records', () => {
    const { records } = parseFile(OPENALEX_CSV_FORMAT, sample(OPENALEX));
    expect(records[0]).toMatchObject({
      record: 2,
      title: 'bibliometrix : An R-tool for comprehensive science mapping analysis',
      abstract: null,
      authors: ['Massimo Aria', 'Corrado Cuccurullo'],
      authorIds: [
        [
          { scheme: 'openalex', value: 'A5069892096' },
          { scheme: 'orcid', value: '0000-0002-8517-9411' },
        ],
        [
          { scheme: 'openalex', value: 'A5049136342' },
          { scheme: 'orcid', value: '0000-0002-7401-8575' },
        ],
      ],
      affiliations: [
        { name: 'University of Naples Federico II', country: 'Italy', authors: [0], id: 'I71267560' },
        { name: 'University of Campania "Luigi Vanvitelli"', country: 'Italy', authors: [1], id: 'I197809005' },
      ],
      year: 2017,
      date: '2017-09-12',
      venue: 'Journal of Informetrics',
      doi: 'https://doi.org/10.1016/j.joi.2017.08.007',
      ids: [{ scheme: 'openalex', value: 'W2755950973' }],
      citedBy: 13235,
      docType: 'article',
      keywords: [{ keyword: 'Data Analysis with R', kind: 'concept' }],
    });
    // Four institutions for two authors: not one per author, so no positions; one country for all.
    expect(records[2].affiliations).toEqual([
      { name: 'Government Medical College', country: 'India', authors: [], id: 'I101786783' },
      { name: 'Thapar Institute of Engineering & Technology', country: 'India', authors: [], id: 'I162030827' },
    ]);
    expect(records[5].ids).toEqual([
      { scheme: 'openalex', value: 'W4223592677' },
      { scheme: 'pmid', value: '35434524' },
    ]);
    // An empty slot keeps the positions of the authors after it.
    expect(records[6].affiliations).toEqual([
      {
        name: 'Università degli Studi del Piemonte Orientale “Amedeo Avogadro”',
        country: 'Italy',
        authors: [0, 1],
        id: 'I123338534',
      },
      { name: 'University of Turin', country: 'Italy', authors: [3], id: 'I55143463' },
    ]);
    expect(
      records[1].abstract?.startsWith(
        'This study aims to explore the usage of Open-source software in bibliometric analysis.',
      ),
    ).toBe(true);
  });

  it('readCorpus reads the sample as openalex-csv, every record, none rejected', async () => {
    const c = await readCorpus([sample(OPENALEX)]);
    expect(c.files[0]).toMatchObject({ layout: 'openalex-csv', recordsRead: 8, rejected: 0 });
  });
});
