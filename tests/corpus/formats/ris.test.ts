import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { RIS_FORMAT, parseScopusReference } from '../../../lib/corpus/formats/ris';
import type { RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles, parseFile, parseText } from './tagged-lines';

const tmp = mkdtempSync(path.join(tmpdir(), 'ris-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** README: records, then records carrying abstract, DOI, KW, AD, year. */
const README_COUNTS: Record<string, number[]> = {
  'ris/asreview__baseline.ris': [100, 98, 100, 68, 0, 100],
  // The README counts 25 DO tags; the record at line 544 has one with an empty value (`DO  - `).
  'ris/litstudy__example.ris': [25, 25, 24, 25, 0, 25],
  'ris/asreview__scopus.ris': [6, 6, 6, 6, 6, 6],
  'ris/asreview__pubmed_zotero.ris': [6, 6, 6, 6, 0, 6],
};

function fieldCounts(records: RawRecord[]): number[] {
  return [
    records.length,
    countWith(records, (r) => r.abstract !== null),
    countWith(records, (r) => r.doi != null),
    countWith(records, (r) => (r.keywords ?? []).length > 0),
    countWith(records, (r) => (r.affiliations ?? []).length > 0),
    countWith(records, (r) => r.year != null),
  ];
}

describe.runIf(HAVE_SAMPLES)('RIS samples', () => {
  it.each(Object.keys(README_COUNTS))('%s: records and field counts match the README', (file) => {
    const p = parseFile(RIS_FORMAT, sample(file));
    expect(p.rejects).toEqual([]);
    expect(fieldCounts(p.records)).toEqual(README_COUNTS[file]);
  });

  it('detects the four RIS samples and nothing else', () => {
    const mine = Object.keys(README_COUNTS).map(sample).sort();
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) => RIS_FORMAT.detect(buildSample(f)));
    expect(claimed.sort()).toEqual(mine);
    for (const f of mine) expect(detectFormat(buildSample(f))?.name).toBe('ris');
  });

  it('reads a Lens record: Lens id, date, journal, pages (baseline)', () => {
    const p = parseFile(RIS_FORMAT, sample('ris/asreview__baseline.ris'));
    const r = p.records[0];
    expect(r.record).toBe(1);
    expect(r.title).toBe(
      'The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing and Localizing Focal Congenital Hyperinsulinism: Systematic Review and Meta-Analysis',
    );
    expect(r.authors).toEqual([
      'Blomberg, Björn A.',
      'Moghbel, Mateen',
      'Saboury, Babak',
      'Stanley, Charles A.',
      'Alavi, Abass',
    ]);
    expect([r.year, r.date, r.venue, r.doi, r.volume, r.firstPage, r.docType]).toEqual([
      2012,
      '2012/07/03',
      'Molecular imaging and biology',
      '10.1007/s11307-012-0572-0',
      '15',
      '97',
      'JOUR',
    ]);
    expect(r.ids).toEqual([{ scheme: 'lens', value: '000-463-679-101-319' }]);
    expect(p.records[1].keywords).toEqual(
      ['electrochemotherapy', 'head and neck cancer', 'quality of life', 'systematic review'].map((keyword) => ({
        keyword,
        kind: 'author',
      })),
    );
    // Lens ids may end in a check character X.
    expect(p.records.filter((x) => x.ids?.[0]?.scheme === 'lens')).toHaveLength(100);
    expect(p.records.some((x) => x.ids?.[0]?.value === '002-042-026-423-65X')).toBe(true);
    // An abstract with blank lines between its sections continues over them.
    const mi = p.records.find((x) => x.abstract?.startsWith('Background Myocardial Infarction (MI) has become'));
    expect(mi?.abstract).toContain('Method A systematic search was conducted');
    expect(mi?.abstract?.endsWith('Systematic review registration PROSPERO (CRD42015025246)')).toBe(true);
    expect(mi?.authors[0]).toBe('Zhao, Min');
  });

  it('reads a Scopus record: affiliations, cited-by note, PMID in C2, EID in the link, references in N1', () => {
    const p = parseFile(RIS_FORMAT, sample('ris/asreview__scopus.ris'));
    const r = p.records[0];
    expect(r).toMatchObject({
      record: 1,
      title:
        'Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: A transdisciplinary challenge',
      authors: ['Labanski, A.', 'Langhorst, J.', 'Engler, H.', 'Elsenbruch, S.'],
      year: 2020,
      venue: 'Psychoneuroendocrinology',
      doi: '10.1016/j.psyneuen.2019.104501',
      docType: 'Review',
      volume: '111',
      firstPage: '104501',
      citedBy: null,
    });
    expect(r.ids).toEqual([{ scheme: 'scopus', value: '2-s2.0-85074596690' }]);
    expect(r.affiliations?.[1]).toEqual({
      name: 'Chair for Integrative Medicine, University of Duisburg-Essen, Essen, Germany',
      country: 'Germany',
      authors: [],
    });
    expect(r.keywords?.[0]).toEqual({ keyword: 'Brain-gut axis', kind: 'author' });
    expect(r.references).toHaveLength(186);
    expect(r.references?.[0]).toEqual({
      raw: "Agostini, A., Ballotta, D., Righi, S., Moretti, M., Bertani, A., Scarcelli, A., Sartini, A., Benuzzi, F., Stress and brain functional changes in patients with Crohn's disease: a functional magnetic resonance imaging study (2017) Neurogastroenterol. Motil., 29, pp. 1-10",
      doi: null,
      firstAuthor: 'Agostini, A.',
      year: 2017,
      title:
        "Stress and brain functional changes in patients with Crohn's disease: a functional magnetic resonance imaging study",
      source: 'Neurogastroenterol. Motil.',
      volume: '29',
      page: '1',
    });
    // The only author of a paper owns its address.
    expect(p.records[1].affiliations).toEqual([
      { name: 'Office Uno Column, 419-2, Yota, Onoe-Cho, Kakogawa, Hyogo, Japan', country: 'Japan', authors: [0] },
    ]);
    expect(p.records[1].ids).toEqual([
      { scheme: 'scopus', value: '2-s2.0-85070226738' },
      { scheme: 'pmid', value: '31421429' },
    ]);
    expect(p.records.map((x) => x.citedBy)).toEqual([null, null, null, null, 2, 2]);
    expect(p.records.map((x) => x.references?.length)).toEqual([186, 146, 82, 57, 144, 180]);
    // In the third record Scopus wrote the UR line onto the end of the last reference (no line break):
    // that record has no EID, and the reference keeps the text as given.
    expect(p.records[2].ids).toEqual([{ scheme: 'pmid', value: '31627144' }]);
    expect(p.records[2].references?.[81].raw).toMatch(/American Psychiatric PubUR {2}- https:\/\/www\.scopus\.com/);
  });

  it('reads IEEE records separated by `\\r\\n\\n\\r` (litstudy)', () => {
    const p = parseFile(RIS_FORMAT, sample('ris/litstudy__example.ris'));
    expect(p.records.slice(0, 4).map((r) => r.record)).toEqual([1, 26, 61, 99]);
    const r = p.records[1];
    expect(r).toMatchObject({
      title: 'Reference Exascale Architecture',
      venue: '2019 15th International Conference on eScience (eScience)',
      doi: '10.1109/eScience.2019.00063',
      year: 2019,
      date: '24-27 Sept. 2019',
      docType: 'CONF',
      firstPage: '479',
      volume: null,
    });
    expect(r.authors).toHaveLength(14);
    expect(r.authors[0]).toBe('M. Bobák');
    const noDoi = p.records.find((x) => x.record === 544);
    expect(noDoi).toMatchObject({
      title: 'The role of photonics in future exascale data systems',
      doi: null,
      authors: ['S. J. Ben Yoo'],
    });
  });

  it('cleans RIS dates of Zotero exports (`2019///`, `2019/10//undefined`)', () => {
    const p = parseFile(RIS_FORMAT, sample('ris/asreview__pubmed_zotero.ris'));
    expect(p.records.slice(0, 2).map((r) => [r.date, r.year, r.venue])).toEqual([
      ['2019', 2019, 'Przeglad gastroenterologiczny'],
      ['2019/10', 2019, 'Techniques in coloproctology'],
    ]);
    expect(p.records[1].authors).toEqual(['Hicks, G.', 'Abdulaal, A.', 'Slesser, A. A. P.', 'Mohsen, Y.']);
  });

  it('ingests a sample through readCorpus', async () => {
    const c = await readCorpus([sample('ris/litstudy__example.ris')]);
    expect(c.files[0]).toMatchObject({ layout: 'ris', recordsRead: 25, rejected: 0 });
  });
});

describe('parseScopusReference', () => {
  it('reads the parts of a Scopus reference', () => {
    expect(
      parseScopusReference(
        'Bonaz, B., Bazin, T., Pellissier, S., The vagus nerve at the interface of the microbiota-gut-brain axis (2018) Front. Neurosci., 12, p. 49',
      ),
    ).toEqual({
      raw: 'Bonaz, B., Bazin, T., Pellissier, S., The vagus nerve at the interface of the microbiota-gut-brain axis (2018) Front. Neurosci., 12, p. 49',
      doi: null,
      firstAuthor: 'Bonaz, B.',
      year: 2018,
      title: 'The vagus nerve at the interface of the microbiota-gut-brain axis',
      source: 'Front. Neurosci.',
      volume: '12',
      page: '49',
    });
    expect(parseScopusReference('(2013) Diagnostic and Statistical Manual, American Psychiatric Pub')).toMatchObject({
      firstAuthor: null,
      year: 2013,
      title: null,
    });
    expect(parseScopusReference('No year here')).toMatchObject({ raw: 'No year here', year: null, source: null });
  });
});

describe('RIS: hand-written cases', () => {
  it('appends untagged lines to the field before them and reads CRLF with stray CRs before TY', () => {
    const text = [
      'TY  - JOUR',
      'TI  - A title',
      'that continues',
      'AU  - Doe, Jane',
      'PY  - 2019///',
      'ER  - ',
      '',
      '\rTY  - CONF',
      'T1  - Second',
      'ER  -',
      '',
    ].join('\r\n');
    const p = parseText(RIS_FORMAT, `\ufeff${text}`);
    expect(p.rejects).toEqual([]);
    expect(p.records.map((r) => [r.record, r.title, r.year, r.date, r.docType])).toEqual([
      [1, 'A title that continues', 2019, '2019', 'JOUR'],
      [8, 'Second', null, null, 'CONF'],
    ]);
  });

  it('rejects fields before TY, an ER without TY, a record without ER, and one cut off at the end', () => {
    const text = [
      'AU  - Lost, A',
      'TI  - orphan',
      'ER  - ',
      'ER  - ',
      'TY  - JOUR',
      'TI  - no end',
      'TY  - JOUR',
      'TI  - kept',
      'ER  - ',
      'free text outside is ignored',
      'TY  - JOUR',
      'TI  - cut',
    ].join('\n');
    const p = parseText(RIS_FORMAT, text);
    expect(p.records.map((r) => [r.record, r.title])).toEqual([[7, 'kept']]);
    expect(p.rejects).toEqual([
      { record: 1, reason: 'fields before TY' },
      { record: 4, reason: 'ER without TY' },
      { record: 5, reason: 'no ER before the next record' },
      { record: 11, reason: 'cut off at end of file' },
    ]);
  });

  it('reads nothing from garbage', () => {
    expect(parseText(RIS_FORMAT, 'hello\nworld - x\n')).toEqual({ records: [], rejects: [], emitted: 0, warnings: [] });
    expect(RIS_FORMAT.detect({ text: 'hello\nTY  - JOUR\n', complete: true })).toBe(false);
    expect(RIS_FORMAT.detect({ text: '\r\nTY  - JOUR\r\nTI  - x\r\nER  - \r\n', complete: true })).toBe(true);
  });

  it('reads a Lens id only in its shape, a PMID in AN only from PubMed, a DOI from a doi.org link', () => {
    const text = [
      'TY  - JOUR',
      'ID  - 12',
      'AN  - 31452104',
      'UR  - https://doi.org/10.1000/xyz',
      'ER  - ',
      'TY  - JOUR',
      'ID  - 001-955-724-285-100',
      'AN  - 31452104',
      'DB  - PubMed',
      'N1  - Cited By: 12',
      'ER  - ',
    ].join('\n');
    const p = parseText(RIS_FORMAT, text);
    expect(p.records[0]).toMatchObject({ ids: [], doi: 'https://doi.org/10.1000/xyz', citedBy: null });
    expect(p.records[1]).toMatchObject({
      ids: [
        { scheme: 'lens', value: '001-955-724-285-100' },
        { scheme: 'pmid', value: '31452104' },
      ],
      citedBy: 12,
    });
  });

  it('reads a CRLF file with a BOM through readCorpus', async () => {
    const file = path.join(tmp, 'small.ris');
    writeFileSync(
      file,
      '\ufeffTY  - JOUR\r\nTI  - From disk\r\nAB  - An abstract.\r\nER  - \r\nTY  - JOUR\r\nTI  - Cut\r\n',
    );
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'ris', recordsRead: 2, rejected: 1 });
    expect(c.rejects).toEqual([{ file: 'small.ris', record: 5, reason: 'cut off at end of file' }]);
    expect(c.papers.map((p) => p.title)).toEqual(['From disk']);
  });
});
