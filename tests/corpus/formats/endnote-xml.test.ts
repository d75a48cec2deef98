import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { ENDNOTE_XML_FORMAT } from '../../../lib/corpus/formats/endnote-xml';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles } from './tagged-lines';
import { parseChunks } from './xml-chunks';

const FILE = 'endnote-xml/reflib__blue-light.xml';

describe.runIf(HAVE_SAMPLES)('EndNote XML sample', () => {
  const text = HAVE_SAMPLES ? readFileSync(sample(FILE), 'utf8') : '';
  const parsed = parseChunks(ENDNOTE_XML_FORMAT, text);
  const records = parsed.records;

  it('finds the README counts: 102 records; abstract 98, DOI 72, keywords 93, affiliations 95, year 102', () => {
    expect(parsed.rejects).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect([
      records.length,
      countWith(records, (r) => r.abstract !== null),
      countWith(records, (r) => r.doi != null),
      countWith(records, (r) => (r.keywords ?? []).length > 0),
      countWith(records, (r) => (r.affiliations ?? []).length > 0),
      countWith(records, (r) => r.year != null),
    ]).toEqual([102, 98, 72, 93, 95, 102]);
    // The whole file is one line; every accession number is a PMID.
    expect(new Set(records.map((r) => r.record))).toEqual(new Set([1]));
    expect(countWith(records, (r) => r.ids?.[0]?.scheme === 'pmid')).toBe(102);
    expect(countWith(records, (r) => r.docType === 'Journal Article')).toBe(102);
  });

  it('reads the same records whatever the chunk cuts (tags split across pieces)', () => {
    const cut = parseChunks(ENDNOTE_XML_FORMAT, text, { randomUpTo: 500, seed: 3 });
    expect(cut.rejects).toEqual([]);
    expect(cut.records).toEqual(records);
  });

  it('reads the first record field by field, its text out of the <style> runs', () => {
    const r = records[0];
    expect(r.title).toBe(
      'Formulation of Herbal Gel of Antirrhinum majus Extract and Evaluation of its Anti-Propionibacterium acne Effects',
    );
    expect(r.authors).toEqual([
      'Shahtalebi, M. A.',
      'Asghari, G. R.',
      'Rahmani, F.',
      'Shafiee, F.',
      'Jahanian-Najafabadi, A.',
    ]);
    expect([r.year, r.date, r.venue, r.doi, r.docType]).toEqual([
      2018,
      '2018',
      'Adv Biomed Res',
      '10.4103/abr.abr_99_17',
      'Journal Article',
    ]);
    expect(r.ids).toEqual([
      { scheme: 'pmid', value: '29657938' },
      { scheme: 'pmcid', value: 'PMC5887696' },
    ]);
    expect(r.abstract?.startsWith('BACKGROUND: Antirrhinum majus contains aurone')).toBe(true);
    // `&#956;` decoded.
    expect(r.abstract).toContain('The MIC of the extracts showed to be 0.25 μg/ml.');
    expect(r.keywords).toEqual([
      { keyword: 'Acne', kind: 'author' },
      { keyword: 'Antirrhinum majus', kind: 'author' },
      { keyword: 'Propionibacterium acnes', kind: 'author' },
      { keyword: 'blue light', kind: 'author' },
    ]);
    // Five addresses for five authors: one each, in order.
    expect(r.affiliations).toHaveLength(5);
    expect(r.affiliations?.[2]).toEqual({
      name: "Students' Research Committee, School of Pharmacy and Pharmaceutical Sciences, Isfahan University of Medical Sciences, Isfahan, Iran.",
      country: 'Iran',
      authors: [2],
    });
    expect(r.authorIds).toBeUndefined();
    expect(r.references).toEqual([]);
  });

  it('leaves addresses unassigned when they are not one per author, and takes ORCIDs from PubMed notes', () => {
    const r = records[4];
    expect(r.title).toBe('The Use of Lasers and Light Devices in Acne Management: An Update');
    expect(r.authors).toEqual(['Li, M. K.', 'Liu, C.', 'Hsu, J. T. S.']);
    expect(r.affiliations?.map((a) => [a.country, a.authors])).toEqual([
      ['Canada', []],
      ['Canada', []],
      ['Canada', []],
      ['United States', []],
      ['United States', []],
    ]);
    expect(r.authorIds).toEqual([
      [{ scheme: 'orcid', value: '0000-0003-1775-4434' }],
      [{ scheme: 'orcid', value: '0000-0002-4694-0116' }],
      [],
    ]);
    expect([r.year, r.date, r.venue]).toEqual([2021, '2021 Nov', 'Am J Clin Dermatol']);
  });

  it('gives a null abstract to the records without one', () => {
    const none = records.filter((r) => r.abstract === null).map((r) => r.title);
    expect(none).toEqual([
      'Efficacy of blue light in treatment of acne',
      'Blue light (clearlight) for acne vulgaris',
      'The efficacy of blue light versus the combination of blue and red light therapy in the treatment of acne vulgaris',
      'Therapeutic blue light: a different ray of light on an age-old problem',
    ]);
  });

  it('is detected, and only it, among the samples, the seeds and the fixtures', () => {
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) =>
      ENDNOTE_XML_FORMAT.detect(buildSample(f)),
    );
    expect(claimed).toEqual([sample(FILE)]);
    expect(detectFormat(buildSample(sample(FILE)))?.name).toBe('endnote-xml');
  });

  it('is read through readCorpus as endnote-xml with every record counted and none rejected by the reader', async () => {
    const corpus = await readCorpus([sample(FILE)]);
    const report = corpus.files[0];
    expect(report.layout).toBe('endnote-xml');
    expect(report.recordsRead).toBe(102);
    expect(corpus.rejects.filter((r) => /bad XML|cut off/.test(r.reason))).toEqual([]);
    expect(
      corpus.papers.some(
        (p) => p.title === 'Blue-Light Therapy for Acne Vulgaris: A Systematic Review and Meta-Analysis',
      ),
    ).toBe(true);
  });
});

const STYLE = '<style face="normal" font="default" size="100%">';

/** One hand-written record; `fields` go inside `<record>`. */
function record(fields: string): string {
  return `<record><rec-number>1</rec-number><ref-type name="Book Section">5</ref-type>${fields}</record>`;
}

function library(...records: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" ?><xml><records>${records.join('\n')}</records></xml>`;
}

describe('EndNote XML reader', () => {
  it('reads a hand-written record: split style runs, ISBN, URL DOI, dates, keywords in one element', () => {
    const fields = [
      `<contributors><authors><author>${STYLE}Smith, John</style></author><author>Doe, A.</author></authors>`,
      `<secondary-authors><author>${STYLE}Editor, Eve</style></author></secondary-authors></contributors>`,
      `<auth-address>${STYLE}Univ Antwerp, Antwerp, Belgium&#xD;MIT, Cambridge, MA 02139, USA</style></auth-address>`,
      `<titles><title>${STYLE}Blue </style><style face="italic" font="default" size="100%">light</style>${STYLE} works</style></title>`,
      `<secondary-title>${STYLE}Handbook of Light</style></secondary-title></titles>`,
      `<keywords><keyword>${STYLE}acne&#xD;phototherapy</style></keyword></keywords>`,
      `<dates><year>${STYLE}2019</style></year><pub-dates><date>${STYLE}2019/05/03</style></date></pub-dates></dates>`,
      `<isbn>${STYLE}978-3-16-148410-0 (hardback)&#xD;1234-5678</style></isbn>`,
      `<accession-num>${STYLE}WOS:000123</style></accession-num>`,
      `<urls><related-urls><url>${STYLE}https://doi.org/10.1000/ABC.9</style></url></related-urls></urls>`,
      `<electronic-resource-num>${STYLE}S0190-9622(19)30001-2</style></electronic-resource-num>`,
    ].join('');
    const p = parseChunks(ENDNOTE_XML_FORMAT, library(record(fields)));
    expect(p.rejects).toEqual([]);
    expect(p.records).toEqual([
      {
        record: 1,
        title: 'Blue light works',
        abstract: null,
        authors: ['Smith, John', 'Doe, A.'],
        year: 2019,
        date: '2019/05/03',
        venue: 'Handbook of Light',
        // The electronic resource number is a PII here, not a DOI; the URL gives one.
        doi: 'https://doi.org/10.1000/ABC.9',
        ids: [{ scheme: 'isbn', value: '9783161484100' }],
        docType: 'Book Section',
        keywords: [
          { keyword: 'acne', kind: 'author' },
          { keyword: 'phototherapy', kind: 'author' },
        ],
        affiliations: [
          { name: 'Univ Antwerp, Antwerp, Belgium', country: 'Belgium', authors: [0] },
          { name: 'MIT, Cambridge, MA 02139, USA', country: 'United States', authors: [1] },
        ],
        references: [],
      },
    ]);
  });

  it('numbers records by their line in a multi-line file, the same when fed one character at a time', () => {
    const text = `<?xml version="1.0"?>\r\n<xml><records>\r\n${record('<titles><title>A</title></titles>')}\r\n\r\n${record('<titles><title>B</title></titles>')}\r\n</records></xml>\r\n`;
    const whole = parseChunks(ENDNOTE_XML_FORMAT, text);
    expect(whole.records.map((r) => [r.record, r.title])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
    expect(parseChunks(ENDNOTE_XML_FORMAT, text, 1)).toEqual(whole);
  });

  it('rejects a record cut off at the end of the file and keeps the one before', () => {
    const text = `<xml><records>\n${record('<titles><title>A</title></titles>')}\n<record><titles><title>B</ti`;
    const p = parseChunks(ENDNOTE_XML_FORMAT, text);
    expect(p.records.map((r) => r.title)).toEqual(['A']);
    expect(p.rejects).toEqual([{ record: 3, reason: 'cut off at end of file' }]);
  });

  it('rejects a record with broken markup and reads the next', () => {
    const text = library(
      record('<titles><title>A</title></titles>'),
      record('<titles><title a=b>B</title></titles>'),
      record('<titles><title>C</title></titles>'),
    );
    const p = parseChunks(ENDNOTE_XML_FORMAT, text);
    expect(p.records.map((r) => r.title)).toEqual(['A', 'C']);
    expect(p.rejects).toEqual([{ record: 2, reason: 'bad XML: unquoted attribute value.' }]);
  });

  it('detects <xml><records> and nothing else', () => {
    const detect = (text: string): boolean => ENDNOTE_XML_FORMAT.detect({ text, complete: true });
    expect(detect('<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>')).toBe(true);
    expect(detect('<xml>\n  <records/>\n</xml>')).toBe(true);
    expect(detect('<?xml version="1.0"?><xml><settings/></xml>')).toBe(false);
    expect(detect('<?xml version="1.0"?><PubmedArticleSet><PubmedArticle>')).toBe(false);
    expect(detect('TY  - JOUR\n<xml><records>')).toBe(false);
  });
});
