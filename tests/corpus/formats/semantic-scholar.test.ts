import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { S2_FORMAT } from '../../../lib/corpus/formats/semantic-scholar';
import type { RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles } from './tagged-lines';
import { parseChunks } from './xml-chunks';

const FILE = 'semantic-scholar/semanticscholar-py__Paper.json';
const TOP_ID = '2d5673caa9e6af3a7b82a43f19ee920992db07ad';

function readSample(size = 65536): RawRecord[] {
  const p = parseChunks(S2_FORMAT, readFileSync(sample(FILE), 'utf8'), size);
  expect(p.rejects).toEqual([]);
  return p.records;
}

describe.runIf(HAVE_SAMPLES)('Semantic Scholar sample (a paper with 1000 citations and 14 references)', () => {
  it('emits the paper and every nested paper, with the README field counts', () => {
    const records = readSample();
    expect([
      records.length,
      countWith(records, (r) => r.abstract !== null),
      countWith(records, (r) => r.doi != null),
      countWith(records, (r) => r.authors.length > 0),
      countWith(records, (r) => r.year != null),
      countWith(records, (r) => r.citedBy != null),
    ]).toEqual([1015, 780, 981, 1007, 1010, 1009]);
    // The file is one line: every record starts on it.
    expect(new Set(records.map((r) => r.record))).toEqual(new Set([1]));
  });

  it('reads the top paper: ids, venue from the journal, tldr, fields of study, author ids', () => {
    const [top] = readSample();
    expect(top.title).toBe('Computing Machinery and Intelligence');
    expect(top.ids).toEqual([
      { scheme: 's2', value: TOP_ID },
      { scheme: 'mag', value: '2145482038' },
    ]);
    expect([top.doi, top.year, top.date, top.venue, top.citedBy, top.docType, top.volume, top.firstPage]).toEqual([
      '10.1093/MIND/LIX.236.433',
      1950,
      '1950-10-01',
      'Mind',
      10059,
      'JournalArticle; Review',
      'LIX',
      '433',
    ]);
    expect(top.authors).toEqual(['A. Turing']);
    expect(top.authorIds).toEqual([[{ scheme: 's2', value: '2262347' }]]);
    expect(top.abstract?.startsWith('I propose to consider the question, \u201cCan machines think?\u201d')).toBe(true);
    expect(
      top.tldr?.startsWith('If the meaning of the words \u201cmachine\u201d and \u201cthink\u201d are to be found'),
    ).toBe(true);
    expect(top.keywords).toEqual([
      { keyword: 'Computer Science', kind: 'concept' },
      { keyword: 'Sociology', kind: 'concept' },
    ]);
  });

  it('gives the top paper its 14 references, with DOI, S2 id, first author, year, journal, volume and page', () => {
    const refs = readSample()[0].references ?? [];
    expect(refs).toHaveLength(14);
    expect(refs[1]).toEqual({
      raw: 'The Mind of Mechanical Man*',
      doi: '10.1136/bmj.1.4616.1105',
      ids: [
        { scheme: 's2', value: '55ddf1b6cbe79b963a5a9d4da6e0a15e0d6761b5' },
        { scheme: 'pmid', value: '18153422' },
        { scheme: 'mag', value: '1991116412' },
      ],
      firstAuthor: 'G. Jefferson',
      year: 1949,
      title: 'The Mind of Mechanical Man*',
      source: 'British Medical Journal',
      volume: '1',
      page: '1105',
    });
    // A reference S2 could not match to a paper: only its text and year.
    expect(refs[5]).toMatchObject({ raw: 'London Math. Soc', doi: null, ids: [], year: 1937 });
  });

  it('gives each citing paper a reference to the top paper, so the citation can be linked', () => {
    const records = readSample();
    const citing = records.slice(1, 1001);
    expect(citing.every((r) => r.references?.length === 1 && r.references[0].ids?.[0].value === TOP_ID)).toBe(true);
    expect(citing[0].references?.[0]).toMatchObject({
      raw: 'Computing Machinery and Intelligence',
      doi: '10.1093/MIND/LIX.236.433',
      year: 1950,
      firstAuthor: 'A. Turing',
    });
    expect(citing[0].title).toBe(
      'The Journey/DAO/TAO of Embodied Intelligence: From Large Models to Foundation Intelligence and Parallel Intelligence',
    );
    expect([
      citing[0].doi,
      citing[0].venue,
      citing[0].year,
      citing[0].date,
      citing[0].citedBy,
      citing[0].abstract,
      citing[0].docType,
    ]).toEqual([
      '10.1109/jas.2024.124407',
      'IEEE/CAA Journal of Automatica Sinica',
      2024,
      '2024-06-01',
      0,
      null,
      'JournalArticle',
    ]);
    expect(citing[0].authors.slice(0, 3)).toEqual(['Tianyu Shen', 'Jinlin Sun', 'Shihan Kong']);
    expect(citing[0].keywords).toEqual([{ keyword: 'Computer Science', kind: 'concept' }]);
    // The cited papers are records too, without references of their own.
    const cited = records.slice(1001);
    expect(cited).toHaveLength(14);
    expect(cited.every((r) => r.references === undefined)).toBe(true);
    expect(cited[5]).toMatchObject({ title: 'London Math. Soc', ids: [], year: 1937, citedBy: null });
  });

  it('gives the same records however the file is cut', () => {
    const whole = readSample(1 << 22);
    expect(readSample(1009)).toEqual(whole);
  });

  it('reads the file through readCorpus: 1015 records, nothing rejected', async () => {
    const c = await readCorpus([sample(FILE)]);
    expect(c.files[0]).toMatchObject({ layout: 'semantic-scholar', recordsRead: 1015, rejected: 0 });
  });

  it('detects the sample and no other sample, seed or fixture', () => {
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) => S2_FORMAT.detect(buildSample(f)));
    expect(claimed).toEqual([sample(FILE)]);
    expect(detectFormat(buildSample(sample(FILE)))?.name).toBe('semantic-scholar');
  });
});

describe('Semantic Scholar small inputs', () => {
  it('reads a /citations page of {citingPaper} items and a batch array with a null for an unknown id', () => {
    const page =
      '{"offset": 0, "next": 2, "data": [\n{"contexts": [], "citingPaper": {"paperId": "aaa", "title": "Citing one", "year": 2020, "authors": [{"authorId": null, "name": "X Y"}]}},\n{"citedPaper": {"paperId": "bbb", "title": "Cited one", "externalIds": {"ArXiv": "2101.00001", "PubMed": "123", "PubMedCentral": "456"}}}\n]}';
    const p = parseChunks(S2_FORMAT, page, 5);
    expect(p.rejects).toEqual([]);
    expect(p.records.map((r) => [r.record, r.title, r.year ?? null, r.authorIds ?? null])).toEqual([
      [2, 'Citing one', 2020, null],
      [3, 'Cited one', null, null],
    ]);
    expect(p.records[1].ids).toEqual([
      { scheme: 's2', value: 'bbb' },
      { scheme: 'arxiv', value: '2101.00001' },
      { scheme: 'pmid', value: '123' },
      { scheme: 'pmcid', value: 'PMC456' },
    ]);
    const batch = parseChunks(
      S2_FORMAT,
      '[\n{"paperId": "ccc", "title": "Found"},\nnull,\n{"authorId": "9", "name": "Not a paper"}\n]',
    );
    expect(batch.records.map((r) => r.title)).toEqual(['Found']);
    expect(batch.rejects).toEqual([
      { record: 3, reason: 'not a JSON object' },
      { record: 4, reason: 'not a Semantic Scholar paper' },
    ]);
  });

  it('reads JSON lines of papers and reports a cut line', () => {
    const p = parseChunks(
      S2_FORMAT,
      '{"paperId": "a", "title": "One"}\n{"paperId": "b", "title": "Tw\n{"paperId": "c", "title": "Three"}\n',
    );
    expect(p.records.map((r) => [r.record, r.title])).toEqual([
      [1, 'One'],
      [3, 'Three'],
    ]);
    expect(p.rejects).toEqual([{ record: 2, reason: 'cut off at end of line' }]);
  });
});
