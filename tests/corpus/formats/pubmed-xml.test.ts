import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { parseCountry } from '../../../lib/corpus/bib-fields';
import { PUBMED_XML_FORMAT, parseNlmCitation, parseOrcid } from '../../../lib/corpus/formats/pubmed-xml';
import { XmlRecordStream } from '../../../lib/corpus/formats/xml-stream';
import type { ParseReject, RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles } from './tagged-lines';
import { parseChunks } from './xml-chunks';

const FILE = 'pubmed-xml/fatcat__pubmedsample_2019.xml';

function byPmid(records: readonly RawRecord[], pmid: string): RawRecord {
  const r = records.find((x) => x.ids?.some((id) => id.scheme === 'pmid' && id.value === pmid));
  if (r === undefined) throw new Error(`no record with PMID ${pmid}`);
  return r;
}

describe.runIf(HAVE_SAMPLES)('PubMed XML sample', () => {
  const text = HAVE_SAMPLES ? readFileSync(sample(FILE), 'utf8') : '';
  const parsed = parseChunks(PUBMED_XML_FORMAT, text);
  const records = parsed.records;

  it('finds the README counts: 176 records; abstract 118, DOI 70, keywords/MeSH 160, affiliations 124, references 24', () => {
    expect(parsed.rejects).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect([
      records.length,
      countWith(records, (r) => r.abstract !== null),
      countWith(records, (r) => r.doi != null),
      countWith(records, (r) => (r.keywords ?? []).length > 0),
      countWith(records, (r) => (r.affiliations ?? []).length > 0),
      countWith(records, (r) => (r.references ?? []).length > 0),
    ]).toEqual([176, 118, 70, 160, 124, 24]);
    // Every article has its PMID, title and year.
    expect(countWith(records, (r) => r.ids?.[0]?.scheme === 'pmid')).toBe(176);
    expect(countWith(records, (r) => r.title !== null && r.year != null)).toBe(176);
  });

  it('reads the same records whatever the chunk cuts (tags split across pieces)', () => {
    const cut = parseChunks(PUBMED_XML_FORMAT, text, { randomUpTo: 700, seed: 7 });
    expect(cut.rejects).toEqual([]);
    expect(cut.records).toEqual(records);
  });

  it('reads the first article field by field', () => {
    expect(records[0]).toEqual({
      record: 4,
      title: 'Hospital debt management and cost reimbursement.',
      abstract: null,
      authors: ['Blume, F R'],
      year: 1976,
      date: '1976 Fall',
      venue: 'Topics in health care financing',
      doi: null,
      ids: [{ scheme: 'pmid', value: '973217' }],
      docType: 'Journal Article',
      keywords: [
        { keyword: 'Accounting', kind: 'mesh' },
        { keyword: 'Economics, Hospital', kind: 'mesh' },
        { keyword: 'Hospital Administration', kind: 'mesh' },
        { keyword: 'United States', kind: 'mesh' },
      ],
      affiliations: [],
      references: [],
    });
  });

  it('joins a structured abstract with its labels', () => {
    const r = byPmid(records, '8219565');
    expect(r.record).toBe(848);
    expect(
      r.abstract?.startsWith('PURPOSE: The problem of asymmetric opening of the modified hook titanium Greenfield'),
    ).toBe(true);
    expect(r.abstract).toContain(
      'was evaluated in a retrospective study. PATIENTS AND METHODS: Titanium Greenfield filters',
    );
    expect(r.abstract).toContain(' RESULTS: Transcatheter manipulation');
    expect(r.abstract?.endsWith('ensure optimal caval interruption.')).toBe(true);
    expect([r.year, r.date]).toEqual([1993, '1993 Sep-Oct']);
  });

  it('keeps the text of inline markup and falls back to an English OtherAbstract', () => {
    const seagrass = records.find((r) => r.record === 35621);
    expect(
      seagrass?.abstract?.startsWith('Seagrass communities, dominated by Thalassia testudinum, form the principal'),
    ).toBe(true);
    const sar11 = byPmid(records, '27687974');
    expect(sar11.abstract).toContain('population size of 2.4×1028 cells-approximately 25%');
    expect(sar11.doi).toBe('10.1146/annurev-marine-010814-015934');
    expect(sar11.date).toBe('2017-01-03');
    const nasa = byPmid(records, '11540070');
    expect(
      nasa.abstract?.startsWith('The purpose of this review is to delineate the ubiquitous and pivotal role of Ca2+'),
    ).toBe(true);
  });

  it('reads a MedlineDate range', () => {
    const r = byPmid(records, '10188493');
    expect([r.record, r.year, r.date]).toEqual([4492, 1998, '1998 Dec-1999 Jan']);
  });

  it('ties affiliations to authors, keeps investigators apart, and reads the reference list', () => {
    const r = byPmid(records, '10097079');
    expect(r.record).toBe(3878);
    expect(r.authors).toEqual(['Haney, P J', 'Badger, J H', 'Buldak, G L', 'Reich, C I', 'Woese, C R', 'Olsen, G J']);
    expect(r.ids).toEqual([
      { scheme: 'pmid', value: '10097079' },
      { scheme: 'pmcid', value: 'PMC22336' },
    ]);
    expect(r.affiliations).toEqual([
      {
        name: 'Department of Microbiology, University of Illinois, B103 Chemical and Life Sciences Laboratory, 601 South Goodwin Avenue, Urbana, IL 61801, USA.',
        country: 'United States',
        authors: [0],
      },
      // An investigator's address, tied to the author of the same name and initials (Woese C R).
      { name: 'U IL, Urbana', country: null, authors: [4] },
    ]);
    expect(r.keywords?.filter((k) => k.kind === 'author')).toEqual([
      { keyword: 'NASA Discipline Exobiology', kind: 'author' },
      { keyword: 'Non-NASA Center', kind: 'author' },
    ]);
    expect(r.references).toHaveLength(43);
    expect(r.references?.[0]).toEqual({
      raw: 'J Theor Biol. 1967 Aug;16(2):187-211',
      year: 1967,
      source: 'J Theor Biol',
      volume: '16',
      page: '187',
      ids: [{ scheme: 'pmid', value: '6048539' }],
    });
  });

  it('gives bare ORCIDs aligned with the authors', () => {
    const r = byPmid(records, '23685357');
    const at = r.authors.indexOf('Scita, Giorgio');
    expect(at).toBeGreaterThan(0);
    expect(r.authorIds).toHaveLength(r.authors.length);
    expect(r.authorIds?.[at]).toEqual([{ scheme: 'orcid', value: '0000-0001-7984-1889' }]);
    expect(r.authorIds?.[0]).toEqual([]);
  });

  it('lists collective names as authors', () => {
    const r = byPmid(records, '11237011');
    expect(r.authors).toContain('International Human Genome Sequencing Consortium');
  });

  it('is detected, and only it, among the samples, the seeds and the fixtures', () => {
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) =>
      PUBMED_XML_FORMAT.detect(buildSample(f)),
    );
    expect(claimed).toEqual([sample(FILE)]);
    expect(detectFormat(buildSample(sample(FILE)))?.name).toBe('pubmed-xml');
  });

  it('is read through readCorpus as pubmed-xml with every article counted and none rejected by the reader', async () => {
    const corpus = await readCorpus([sample(FILE)]);
    const report = corpus.files[0];
    expect(report.layout).toBe('pubmed-xml');
    expect(report.recordsRead).toBe(176);
    expect(corpus.rejects.filter((r) => /bad XML|cut off/.test(r.reason))).toEqual([]);
    const paper = corpus.papers.find((p) =>
      p.title.startsWith('Thermal adaptation analyzed by comparison of protein sequences'),
    );
    expect(paper?.year).toBe(1999);
  });
});

/** One hand-written article: the parts each test needs, inside the usual nesting. */
function article(pmid: string, inner = '', data = ''): string {
  return [
    '<PubmedArticle>',
    `<MedlineCitation><PMID Version="1">${pmid}</PMID><Article>`,
    '<Journal><JournalIssue><PubDate><Year>2020</Year><Month>05</Month><Day>3</Day></PubDate></JournalIssue><Title>J Test</Title></Journal>',
    `<ArticleTitle>Title ${pmid}</ArticleTitle>${inner}</Article></MedlineCitation>`,
    `<PubmedData>${data}</PubmedData>`,
    '</PubmedArticle>',
  ].join('\n');
}

function doc(...articles: string[]): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">\n<PubmedArticleSet>\n${articles.join('\n')}\n</PubmedArticleSet>\n`;
}

describe('PubMed XML reader', () => {
  it('reads authors, affiliations, ids, dates and references from a hand-written article', () => {
    const inner = [
      '<ELocationID EIdType="pii">e1</ELocationID><ELocationID EIdType="doi" ValidYN="Y">10.1000/XYZ.1</ELocationID>',
      '<Abstract><AbstractText Label="UNLABELLED">Intro.</AbstractText><AbstractText Label="AIM">Find <i>E. coli</i>.</AbstractText><AbstractText Label="">No label.</AbstractText></Abstract>',
      '<AuthorList><Author><LastName>Smith</LastName><ForeName>John A</ForeName><Initials>JA</Initials><Suffix>Jr</Suffix>',
      '<Identifier Source="ORCID">https://orcid.org/0000-0002-1825-009x</Identifier>',
      '<AffiliationInfo><Affiliation>Univ Antwerp, Antwerp, Belgium.</Affiliation></AffiliationInfo></Author>',
      '<Author><LastName>Doe</LastName><Initials>A</Initials><AffiliationInfo><Affiliation>Univ Antwerp, Antwerp, Belgium.</Affiliation></AffiliationInfo>',
      '<AffiliationInfo><Affiliation>MIT, Cambridge, MA 02139, USA</Affiliation></AffiliationInfo></Author>',
      '<Author><CollectiveName>The Test Group</CollectiveName></Author></AuthorList>',
      '<PublicationTypeList><PublicationType>Review</PublicationType><PublicationType>Journal Article</PublicationType></PublicationTypeList>',
    ].join('\n');
    const data = [
      '<ArticleIdList><ArticleId IdType="pubmed">111</ArticleId><ArticleId IdType="pmc">PMC9</ArticleId></ArticleIdList>',
      '<ReferenceList><Reference><Citation>Lee K, Park J. A study of things. Nature. 2001 Jan;409(6816):12-15.</Citation>',
      '<ArticleIdList><ArticleId IdType="doi">10.1038/35051000</ArticleId><ArticleId IdType="pubmed">222</ArticleId></ArticleIdList></Reference>',
      '<Reference><Citation>A conference talk without a year</Citation></Reference></ReferenceList>',
    ].join('\n');
    const p = parseChunks(PUBMED_XML_FORMAT, doc(article('111', inner, data)));
    expect(p.rejects).toEqual([]);
    expect(p.records).toEqual([
      {
        record: 4,
        title: 'Title 111',
        abstract: 'Intro. AIM: Find E. coli. No label.',
        authors: ['Smith, John A Jr', 'Doe, A', 'The Test Group'],
        year: 2020,
        date: '2020-05-03',
        venue: 'J Test',
        doi: '10.1000/XYZ.1',
        ids: [
          { scheme: 'pmid', value: '111' },
          { scheme: 'pmcid', value: 'PMC9' },
        ],
        docType: 'Review',
        keywords: [],
        affiliations: [
          { name: 'Univ Antwerp, Antwerp, Belgium.', country: 'Belgium', authors: [0, 1] },
          { name: 'MIT, Cambridge, MA 02139, USA', country: 'United States', authors: [1] },
        ],
        authorIds: [[{ scheme: 'orcid', value: '0000-0002-1825-009X' }], [], []],
        references: [
          {
            raw: 'Lee K, Park J. A study of things. Nature. 2001 Jan;409(6816):12-15.',
            firstAuthor: 'Lee K',
            title: 'A study of things',
            source: 'Nature',
            year: 2001,
            volume: '409',
            page: '12',
            doi: '10.1038/35051000',
            ids: [{ scheme: 'pmid', value: '222' }],
          },
          { raw: 'A conference talk without a year' },
        ],
      },
    ]);
  });

  it('falls back to ArticleDate, and reads a book chapter (editors left out)', () => {
    const noPubYear = article(
      '5',
      '<ArticleDate DateType="Electronic"><Year>2019</Year><Month>11</Month><Day>22</Day></ArticleDate>',
    ).replace('<Year>2020</Year><Month>05</Month><Day>3</Day>', '');
    const book = [
      '<PubmedBookArticle><BookDocument><PMID Version="1">777</PMID>',
      '<ArticleIdList><ArticleId IdType="bookaccession">NBK1</ArticleId></ArticleIdList>',
      '<Book><Publisher><PublisherName>Univ Press</PublisherName></Publisher><BookTitle book="x">Handbook of Tests</BookTitle>',
      '<PubDate><Year>2015</Year></PubDate>',
      '<AuthorList Type="editors"><Author><LastName>Editor</LastName><ForeName>Eve</ForeName></Author></AuthorList></Book>',
      '<ArticleTitle>Chapter One</ArticleTitle>',
      '<AuthorList Type="authors"><Author><LastName>Writer</LastName><ForeName>Will</ForeName></Author></AuthorList>',
      '<PublicationType UI="D016454">Review</PublicationType>',
      '<Abstract><AbstractText>About tests.</AbstractText></Abstract></BookDocument>',
      '<PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">777</ArticleId></ArticleIdList></PubmedBookData></PubmedBookArticle>',
    ].join('');
    const p = parseChunks(PUBMED_XML_FORMAT, doc(noPubYear, book));
    expect(p.rejects).toEqual([]);
    expect([p.records[0].year, p.records[0].date]).toEqual([2019, '2019-11-22']);
    const b = p.records[1];
    expect([b.record, b.title, b.venue, b.authors, b.year, b.date, b.docType, b.abstract, b.ids]).toEqual([
      10,
      'Chapter One',
      'Handbook of Tests',
      ['Writer, Will'],
      2015,
      '2015',
      'Review',
      'About tests.',
      [{ scheme: 'pmid', value: '777' }],
    ]);
  });

  it('gives the same records when fed one character at a time, and counts lines with CRLF', () => {
    const text = doc(article('1'), article('2')).replace(/\n/g, '\r\n');
    const whole = parseChunks(PUBMED_XML_FORMAT, text);
    expect(whole.records.map((r) => r.record)).toEqual([4, 10]);
    expect(parseChunks(PUBMED_XML_FORMAT, text, 1)).toEqual(whole);
  });

  it('rejects an article cut off at the end of the file and keeps the ones before', () => {
    const full = doc(article('1'), article('2'));
    const p = parseChunks(PUBMED_XML_FORMAT, full.slice(0, full.indexOf('Title 2')));
    expect(p.records.map((r) => r.title)).toEqual(['Title 1']);
    expect(p.rejects).toEqual([{ record: 10, reason: 'cut off at end of file' }]);
  });

  it('rejects an article with broken markup at its start line and reads on', () => {
    const broken = article('2').replace('<Title>J Test</Title>', '<Title>J Test</Titl>');
    const p = parseChunks(PUBMED_XML_FORMAT, doc(article('1'), broken, article('3')));
    expect(p.records.map((r) => r.title)).toEqual(['Title 1', 'Title 3']);
    expect(p.rejects).toEqual([{ record: 10, reason: 'bad XML: unexpected close tag.' }]);
  });

  it('rejects an article cut off by the next one (a truncated copy inside the file)', () => {
    const first = article('1');
    const cut = first.slice(0, first.indexOf('<PubmedData>'));
    const p = parseChunks(PUBMED_XML_FORMAT, doc(cut, article('2'), article('3')));
    expect(p.records.map((r) => r.title)).toEqual(['Title 2', 'Title 3']);
    expect(p.rejects).toEqual([{ record: 4, reason: 'cut off by the next <PubmedArticle>' }]);
  });

  it('reports broken markup between articles once, at its line', () => {
    const p = parseChunks(PUBMED_XML_FORMAT, doc(article('1'), '<Pubmed Article =>\n<<oops', article('2')));
    expect(p.records.map((r) => r.title)).toEqual(['Title 1', 'Title 2']);
    expect(p.rejects).toHaveLength(1);
    expect(p.rejects[0].record).toBe(10);
    expect(p.rejects[0].reason.startsWith('bad XML: ')).toBe(true);
  });

  it('keeps an article with an undefined entity, its text as written', () => {
    const p = parseChunks(PUBMED_XML_FORMAT, doc(article('1').replace('Title 1', 'Title&nbsp;1 &amp; more')));
    expect(p.rejects).toEqual([]);
    expect(p.records[0].title).toBe('Title&nbsp;1 & more');
  });

  it('reads every document of several joined in one file, with a warning', () => {
    const p = parseChunks(PUBMED_XML_FORMAT, doc(article('1')) + doc(article('2')));
    expect(p.records.map((r) => [r.record, r.title])).toEqual([
      [4, 'Title 1'],
      [14, 'Title 2'],
    ]);
    expect(p.rejects).toEqual([]);
    expect(p.warnings).toEqual(['several XML documents joined in one file; reading each']);
  });

  it('never throws on garbage or empty input', () => {
    expect(parseChunks(PUBMED_XML_FORMAT, 'this is not XML\nat all\n')).toEqual({
      records: [],
      rejects: [{ record: 1, reason: 'bad XML: text data outside of root node.' }],
      warnings: [],
    });
    expect(parseChunks(PUBMED_XML_FORMAT, '')).toEqual({ records: [], rejects: [], warnings: [] });
    expect(parseChunks(PUBMED_XML_FORMAT, '<PubmedArticleSet><PubmedArticle><<<>>>&&&').rejects).toEqual([
      { record: 1, reason: 'cut off at end of file' },
    ]);
  });

  it('detects PubmedArticleSet by its root element, after the prolog', () => {
    const detect = (text: string): boolean => PUBMED_XML_FORMAT.detect({ text, complete: true });
    expect(
      detect(
        '<?xml version="1.0"?>\n<!-- efetch -->\n<!DOCTYPE PubmedArticleSet [ <!ENTITY x "y"> ]>\n<PubmedArticleSet>',
      ),
    ).toBe(true);
    expect(detect('  <PubmedArticleSet><PubmedArticle>')).toBe(true);
    expect(detect('<?xml version="1.0"?><xml><records><record>')).toBe(false);
    expect(detect('{"xml": "<PubmedArticleSet>"}')).toBe(false);
    expect(detect('<html><body><PubmedArticleSet>')).toBe(false);
  });
});

describe('XmlRecordStream', () => {
  it('turns a failure of the record builder into one reject and stops, without throwing', () => {
    const out: (RawRecord | ParseReject)[] = [];
    const builder = {
      begin: () => undefined,
      open: () => false,
      close: () => undefined,
      end: (): RawRecord => {
        throw new Error('boom');
      },
    };
    const stream = new XmlRecordStream(new Set(['rec']), builder, (o) => out.push(o), { warn: () => undefined });
    stream.write('<set>\n<rec>\n</rec>\n<rec></rec>');
    stream.write('</set>');
    stream.finish();
    expect(out).toEqual([{ record: 2, reason: 'cannot read XML: boom' }]);
  });
});

describe('PubMed helpers', () => {
  it('parseOrcid gives the bare hyphenated form', () => {
    expect(parseOrcid('0000000179841889')).toBe('0000-0001-7984-1889');
    expect(parseOrcid('http://orcid.org/0000-0003-0572-4123')).toBe('0000-0003-0572-4123');
    expect(parseOrcid('0000-0003-3255-457x')).toBe('0000-0003-3255-457X');
    expect(parseOrcid('none')).toBeNull();
  });

  it('parseCountry looks past a trailing e-mail address', () => {
    expect(parseCountry('Dept of Dermatology, Univ of British Columbia, Vancouver, BC, Canada. mkl@gmail.com.')).toBe(
      'Canada',
    );
    expect(parseCountry('Bond University, Robina, Queensland, Australia ascott@bond.edu.au.')).toBe('Australia');
    expect(parseCountry('Univ of Tokyo, Tokyo, Japan. Electronic address: a.b@u-tokyo.ac.jp.')).toBe('Japan');
    expect(parseCountry('U IL, Urbana')).toBeNull();
    expect(parseCountry('Univ Nacl, Malabo, Equatorial Guinea')).toBe('Equatorial Guinea');
    expect(parseCountry('Univ of Juba, Juba, South Sudan.')).toBe('South Sudan');
  });

  it('parseNlmCitation reads journal, year, volume and first page', () => {
    expect(parseNlmCitation('Proc Natl Acad Sci U S A. 1998 Mar 3;95(5):2056-60')).toEqual({
      source: 'Proc Natl Acad Sci U S A',
      year: 1998,
      volume: '95',
      page: '2056',
    });
    expect(parseNlmCitation('J Vis Exp. 2012 Dec 12;(70):e50025')).toEqual({
      source: 'J Vis Exp',
      year: 2012,
      page: 'e50025',
    });
    expect(parseNlmCitation('Adv Protein Chem. 1988;39:191-234')).toEqual({
      source: 'Adv Protein Chem',
      year: 1988,
      volume: '39',
      page: '191',
    });
    expect(parseNlmCitation('J. Biol. Chem. 1990;265:1-5')).toEqual({
      source: 'J. Biol. Chem',
      year: 1990,
      volume: '265',
      page: '1',
    });
    expect(parseNlmCitation('Personal communication')).toEqual({});
  });
});
