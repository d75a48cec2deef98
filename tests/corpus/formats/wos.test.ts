import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { WOS_FORMAT, parseWosReference } from '../../../lib/corpus/formats/wos';
import { WOS_TAB_FORMAT } from '../../../lib/corpus/formats/wos-tab';
import type { RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles, parseFile, parseText } from './tagged-lines';

const tmp = mkdtempSync(path.join(tmpdir(), 'wos-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PLAIN = ['wos/wosfile__wos_plaintext.txt', 'wos/tethne__wos2.txt', 'wos/refsplitr__BITR_test.txt'];
const TAB = 'wos/wosfile__wos_tab_delimited_win_utf8.txt';

/** README: records, then records carrying abstract, CR, DOI, DE/ID, C1, TC. */
const README_COUNTS: Record<string, number[]> = {
  'wos/wosfile__wos_plaintext.txt': [50, 49, 50, 47, 44, 50, 50],
  'wos/wosfile__wos_tab_delimited_win_utf8.txt': [50, 49, 50, 47, 44, 50, 50],
  'wos/tethne__wos2.txt': [100, 94, 99, 93, 95, 99, 100],
  'wos/refsplitr__BITR_test.txt': [10, 9, 0, 10, 9, 9, 10],
};

function fieldCounts(records: RawRecord[]): number[] {
  return [
    records.length,
    countWith(records, (r) => r.abstract !== null),
    countWith(records, (r) => (r.references ?? []).length > 0),
    countWith(records, (r) => r.doi != null),
    countWith(records, (r) => (r.keywords ?? []).length > 0),
    countWith(records, (r) => (r.affiliations ?? []).length > 0),
    countWith(records, (r) => r.citedBy != null),
  ];
}

describe.runIf(HAVE_SAMPLES)('Web of Science samples', () => {
  it.each(Object.keys(README_COUNTS))('%s: records and field counts match the README', (file) => {
    const spec = file === TAB ? WOS_TAB_FORMAT : WOS_FORMAT;
    const p = parseFile(spec, sample(file));
    expect(p.rejects).toEqual([]);
    expect(fieldCounts(p.records)).toEqual(README_COUNTS[file]);
  });

  it('detects the plain-text and tab-delimited samples and nothing else', () => {
    const plain = new Set(PLAIN.map(sample));
    const claimedPlain: string[] = [];
    const claimedTab: string[] = [];
    for (const f of [...listSampleFiles(), ...listOtherInputs()]) {
      const s = buildSample(f);
      if (WOS_FORMAT.detect(s)) claimedPlain.push(f);
      if (WOS_TAB_FORMAT.detect(s)) claimedTab.push(f);
    }
    expect(claimedPlain.sort()).toEqual([...plain].sort());
    expect(claimedTab).toEqual([sample(TAB)]);
    // The registry picks them too (WoS is tried first).
    for (const f of PLAIN) expect(detectFormat(buildSample(sample(f)))?.name).toBe('wos');
    expect(detectFormat(buildSample(sample(TAB)))?.name).toBe('wos-tab');
  });

  it('reads the first record of the wosfile export field by field', () => {
    const r = parseFile(WOS_FORMAT, sample('wos/wosfile__wos_plaintext.txt')).records[0];
    expect(r.record).toBe(3);
    expect(r.title).toBe(
      'Knowledge networks as channels and conduits: The effects of spillovers in the Boston biotechnology community',
    );
    expect(r.authors).toEqual(['Owen-Smith, J', 'Powell, WW']);
    expect(r.abstract?.startsWith('We contend that two important, nonrelational, features')).toBe(true);
    expect([r.year, r.date, r.venue, r.docType, r.doi, r.citedBy, r.volume, r.firstPage]).toEqual([
      2004,
      'JAN-FEB 2004',
      'ORGANIZATION SCIENCE',
      'Article',
      '10.1287/orsc.1030.0054',
      420,
      '15',
      '5',
    ]);
    expect(r.ids).toEqual([{ scheme: 'wos', value: '000220015600001' }]);
    expect(r.keywords?.slice(0, 5)).toEqual([
      { keyword: 'knowledge networks', kind: 'author' },
      { keyword: 'economic geography', kind: 'author' },
      { keyword: 'spillovers', kind: 'author' },
      { keyword: 'biotechnology', kind: 'author' },
      { keyword: 'patenting', kind: 'author' },
    ]);
    expect(r.keywords?.[5]).toEqual({ keyword: 'STRATEGIC ALLIANCE FORMATION', kind: 'indexed' });
    expect(r.keywords).toHaveLength(15);
    // Addresses of an older record are not tied to authors.
    expect(r.affiliations).toEqual([
      { name: 'Univ Michigan, Dept Sociol, Ann Arbor, MI 48104 USA', country: 'United States', authors: [] },
      { name: 'Stanford Univ, Stanford, CA 94305 USA', country: 'United States', authors: [] },
    ]);
    // RI names the authors in full: Powell, Walter → Powell, WW.
    expect(r.authorIds).toEqual([
      [{ scheme: 'researcherid', value: 'B-3665-2012' }],
      [{ scheme: 'researcherid', value: 'B-5991-2008' }],
    ]);
    expect(r.references).toHaveLength(62);
    expect(r.references?.[0]).toEqual({
      raw: 'Ahuja G, 2000, ADMIN SCI QUART, V45, P425, DOI 10.2307/2667105',
      doi: '10.2307/2667105',
      firstAuthor: 'Ahuja G',
      year: 2000,
      source: 'ADMIN SCI QUART',
      volume: '45',
      page: '425',
    });
    expect(r.references?.[7]).toMatchObject({
      raw: 'Burt R. S., 1992, STRUCTURAL HOLES SOC',
      firstAuthor: 'Burt R. S.',
      year: 1992,
      source: 'STRUCTURAL HOLES SOC',
      volume: null,
      page: null,
      doi: null,
    });
  });

  it('ties C1 addresses and ORCIDs to the authors they name (refsplitr)', () => {
    const r = parseFile(WOS_FORMAT, sample('wos/refsplitr__BITR_test.txt')).records[0];
    expect(r.authors).toHaveLength(15);
    expect(r.authors[1]).toBe('Acevedo-Charry, Orlando');
    expect(r.docType).toBe('Editorial Material');
    expect(r.date).toBe('SEP 2018');
    expect(r.affiliations).toHaveLength(16);
    expect(r.affiliations?.[1]).toEqual({
      name: 'Sieve Analyt, San Juan, PR USA',
      country: 'United States',
      authors: [1, 4, 14],
    });
    expect(r.affiliations?.[2]).toEqual({
      name: 'Inst Invest Recursos Biol Alexander von Humboldt, Colecc Sonidos Ambientales, Bogota, Colombia',
      country: 'Colombia',
      authors: [1],
    });
    expect(r.affiliations?.[7].authors).toEqual([7, 12]);
    // OI wraps over three lines: `…; Deichmann,` / `Jessica/0000-…; Campos-Cerqueira,` / `Marconi/…`.
    expect(r.authorIds?.[0]).toEqual([{ scheme: 'orcid', value: '0000-0002-2198-3515' }]);
    expect(r.authorIds?.[4]).toEqual([{ scheme: 'orcid', value: '0000-0001-6561-5864' }]);
    expect(r.authorIds?.[9]).toEqual([{ scheme: 'orcid', value: '0000-0003-1542-7077' }]);
    expect(r.authorIds?.[2]).toEqual([]);
    expect(r.references).toEqual([]);
    expect(r.ids).toEqual([{ scheme: 'wos', value: '000444459600001' }]);
  });

  it('keeps anonymous and undated references, reads PMIDs and bracketed DOIs (tethne)', () => {
    const p = parseFile(WOS_FORMAT, sample('wos/tethne__wos2.txt'));
    const r2 = p.records[2];
    expect(r2.record).toBe(197);
    expect(r2.references?.find((x) => x.raw === '[Anonymous], 2014, NAT OIL SEEPS')).toEqual({
      raw: '[Anonymous], 2014, NAT OIL SEEPS',
      doi: null,
      firstAuthor: null,
      year: 2014,
      source: 'NAT OIL SEEPS',
      volume: null,
      page: null,
    });
    const r4 = p.records[4];
    expect(r4.ids).toEqual([
      { scheme: 'wos', value: '000353909000001' },
      { scheme: 'pmid', value: '25828406' },
    ]);
    expect(r4.title).toBe(
      'Impact of hydrocarbons, PCBs and heavy metals on bacterial communities in Lerma River, Salamanca, Mexico: Investigation of hydrocarbon degradation potential',
    );
    const undated = p.records[30].references?.find((x) => x.raw === '[Anonymous], GULF SCI DAT');
    expect(undated).toMatchObject({ year: null, firstAuthor: null, source: 'GULF SCI DAT' });
    const bracketed = p.records[11].references?.find((x) => x.raw.startsWith('Joye SB, 2011'));
    expect(bracketed).toMatchObject({ doi: '10.1038/ngeo1067', volume: '4', page: '160', source: 'NAT GEOSCI' });
    expect(p.records[0].affiliations?.[0]).toEqual({
      name: 'CSIR, Natl Inst Oceanog, Panaji 403004, Goa, India',
      country: 'India',
      authors: [0, 1, 2, 3],
    });
    // Every CR line of the file is a reference.
    const crLines = p.records.reduce((s, r) => s + (r.references?.length ?? 0), 0);
    expect(crLines).toBe(countCrLines(sample('wos/tethne__wos2.txt')));
  });

  it('reads the tab-delimited export of the same 50 records into the same raw records', () => {
    const plain = parseFile(WOS_FORMAT, sample('wos/wosfile__wos_plaintext.txt')).records;
    const tab = parseFile(WOS_TAB_FORMAT, sample(TAB)).records;
    expect(tab.map((r) => r.record)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    // Only the line numbers differ (the tab file's C1 addresses lack the closing period, which both readers drop).
    expect(tab.map((r) => ({ ...r, record: 0 }))).toEqual(plain.map((r) => ({ ...r, record: 0 })));
  });

  it('ingests a sample through readCorpus', async () => {
    const c = await readCorpus([sample('wos/refsplitr__BITR_test.txt')]);
    expect(c.files[0]).toMatchObject({ layout: 'wos', recordsRead: 10 });
    expect(
      c.papers.some(
        (p) => p.title === "It's time to listen: there is much to be learned from the sounds of tropical ecosystems",
      ),
    ).toBe(true);
  });
});

/** CR lines of a WoS file counted independently: the CR line and the indented lines after it. */
function countCrLines(file: string): number {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let n = 0;
  let inCr = false;
  for (const l of lines) {
    if (l.startsWith('   ')) {
      if (inCr) n++;
    } else {
      inCr = l.startsWith('CR ');
      if (inCr) n++;
    }
  }
  return n;
}

describe('parseWosReference', () => {
  it.each([
    [
      'Cleveland W. S., 1984, J AM STAT ASSOC, V79, p[387, 531], DOI DOI 10.2307/2288400',
      {
        firstAuthor: 'Cleveland W. S.',
        year: 1984,
        source: 'J AM STAT ASSOC',
        volume: '79',
        page: '387',
        doi: '10.2307/2288400',
      },
    ],
    [
      'Shipley T. F., 2008, UNDERSTANDING EVENTS, P3, DOI [DOI 10.1093/ACPR0F:0S0/9780195188370.003.0001, 10.1093/acprof:oso/9780195188370.003.0001]',
      { source: 'UNDERSTANDING EVENTS', page: '3', doi: '10.1093/acprof:oso/9780195188370.003.0001' },
    ],
    ['Page David S., 1995, V1219, P263', { firstAuthor: 'Page David S.', source: null, volume: '1219', page: '263' }],
    [
      'Velankar S, 2011, NUCLEIC ACIDS RES, V39, pD402, DOI 10.1093/nar/gkq985',
      { volume: '39', page: 'D402', doi: '10.1093/nar/gkq985' },
    ],
    ['Kvassnes A. J. S., 2013, MINERALPRODUKSJON, V3, pA27, DOI Mineralproduksjon', { page: 'A27', doi: null }],
    [
      'Davidson GS, 2001, IEEE SYMPOSIUM ON INFORMATION VISUALIZATION 2001, PROCEEDINGS, P23, DOI 10.1109/INFVIS.2001.963275',
      { source: 'IEEE SYMPOSIUM ON INFORMATION VISUALIZATION 2001, PROCEEDINGS', page: '23' },
    ],
    [
      '[郭进 Guo Jin], 2011, [燃烧科学与技术, Journal of Combustion Science and Technology], V17, P165',
      {
        firstAuthor: '[郭进 Guo Jin]',
        source: '[燃烧科学与技术, Journal of Combustion Science and Technology]',
        volume: '17',
        page: '165',
      },
    ],
    ['Wan C., MAT SCI TEC IN PRESS', { firstAuthor: 'Wan C.', year: null, source: 'MAT SCI TEC IN PRESS' }],
    ['VISION RES, 1969, VISION RES', { firstAuthor: 'VISION RES', year: 1969, source: 'VISION RES', volume: null }],
    [
      'Yu Y.X., 2013, [A method, China patent], Patent No. [CN 103523789 A, 103523789]',
      { source: '[A method, China patent]' },
    ],
  ])('%s', (raw, parts) => {
    expect(parseWosReference(raw)).toMatchObject({ raw, ...parts });
  });
});

describe('WoS plain text: hand-written cases', () => {
  const REC = (ti: string): string[] => ['PT J', 'AU Doe, J', `TI ${ti}`, 'PY 2020'];

  it('joins continuation lines and keeps one author, address and reference a line', () => {
    const text = [
      'FN Clarivate Analytics Web of Science',
      'VR 1.0',
      'PT J',
      'AU Doe, J',
      '   Roe, R',
      'AF Doe, Jane',
      '   Roe, Richard',
      'TI A title that',
      '   wraps',
      'DE alpha; beta;',
      '   gamma delta',
      'C1 [Doe, Jane] Univ A, Dept B, Ghent, Belgium.',
      '   [Roe, Richard; Doe, Jane] Univ C, Paris, France.',
      'OI Roe, Richard/0000-0002-1825-0097',
      'CR Smith J, 2019, NATURE, V1, P2',
      '   [Anonymous], 2001, WORLD REP',
      'TC 7',
      'UT WOS:000000000000001',
      'ER',
      '',
      'EF',
    ].join('\n');
    const p = parseText(WOS_FORMAT, text);
    expect(p.rejects).toEqual([]);
    expect(p.records).toHaveLength(1);
    const r = p.records[0];
    expect(r).toMatchObject({
      record: 3,
      title: 'A title that wraps',
      authors: ['Doe, Jane', 'Roe, Richard'],
      abstract: null,
      citedBy: 7,
      year: null,
    });
    expect(r.keywords?.map((k) => k.keyword)).toEqual(['alpha', 'beta', 'gamma delta']);
    expect(r.affiliations).toEqual([
      { name: 'Univ A, Dept B, Ghent, Belgium', country: 'Belgium', authors: [0] },
      { name: 'Univ C, Paris, France', country: 'France', authors: [1, 0] },
    ]);
    expect(r.authorIds).toEqual([[], [{ scheme: 'orcid', value: '0000-0002-1825-0097' }]]);
    expect(r.references?.map((x) => x.raw)).toEqual(['Smith J, 2019, NATURE, V1, P2', '[Anonymous], 2001, WORLD REP']);
    expect(r.ids).toEqual([{ scheme: 'wos', value: '000000000000001' }]);
  });

  it('rejects a record without ER (before the next PT, before EF, at the end) and keeps the others', () => {
    const text = [...REC('one'), 'ER', ...REC('two'), ...REC('three'), 'ER', ...REC('four'), 'EF', ...REC('five')].join(
      '\n',
    );
    const p = parseText(WOS_FORMAT, text);
    expect(p.records.map((r) => [r.record, r.title])).toEqual([
      [1, 'one'],
      [10, 'three'],
    ]);
    expect(p.rejects).toEqual([
      { record: 6, reason: 'no ER before the next record' },
      { record: 15, reason: 'no ER before EF' },
      { record: 20, reason: 'cut off at end of file' },
    ]);
  });

  it('reads CRLF lines and a BOM the same as LF', () => {
    const lf = ['FN x', 'VR 1.0', ...REC('same'), 'ER', 'EF'].join('\n');
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}\r\n`;
    expect(parseText(WOS_FORMAT, crlf)).toEqual(parseText(WOS_FORMAT, lf));
    expect(parseText(WOS_FORMAT, lf).records[0].title).toBe('same');
  });

  it('rejects tagged lines outside a record and ignores other text', () => {
    const text = [
      'FN x',
      'VR 1.0',
      'AU Lost, A',
      'TI orphan',
      'ER',
      'some note',
      ...REC('kept'),
      'ER',
      'ER',
      'EF',
    ].join('\n');
    const p = parseText(WOS_FORMAT, text);
    expect(p.records.map((r) => r.title)).toEqual(['kept']);
    expect(p.rejects).toEqual([
      { record: 3, reason: 'fields before PT' },
      { record: 12, reason: 'ER without PT' },
    ]);
  });

  it('reads nothing from garbage and a truncated file as one reject', () => {
    expect(parseText(WOS_FORMAT, 'hello\nworld\n')).toEqual({ records: [], rejects: [], emitted: 0, warnings: [] });
    expect(parseText(WOS_FORMAT, 'FN x\nVR 1.0\nPT J\nTI cut').rejects).toEqual([
      { record: 3, reason: 'cut off at end of file' },
    ]);
  });

  it('reads a CRLF file with a BOM through readCorpus', async () => {
    const file = path.join(tmp, 'crlf-wos.txt');
    const body = [
      'FN x',
      'VR 1.0',
      ...REC('From disk'),
      'AB An abstract long enough to keep.',
      'ER',
      ...REC('Second'),
      'EF',
    ].join('\r\n');
    writeFileSync(file, `\ufeff${body}\r\n`);
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'wos', recordsRead: 2, rejected: 1 });
    expect(c.rejects).toEqual([{ file: 'crlf-wos.txt', record: 9, reason: 'no ER before EF' }]);
    expect(c.papers.map((p) => p.title)).toEqual(['From disk']);
  });
});

describe('WoS tab-delimited: hand-written cases', () => {
  const HEADER = 'PT\tAU\tAF\tTI\tC1\tCR\tPY\tTC\tUT';
  it('reads a row, splits list fields at "; " outside brackets, and rejects rows of the wrong width', () => {
    const text = [
      HEADER,
      'J\tDoe, J; Roe, R\tDoe, Jane; Roe, Richard\tTitle\t[Doe, Jane; Roe, Richard] Univ A, Ghent, Belgium; [Roe, Richard] Univ B, Oslo, Norway\tSmith J, 2019, NATURE, V1, P2; Roe R, 2018, SCIENCE\t2020\t3\tWOS:000000000000002\t',
      'J\ttoo few',
      '',
    ].join('\r\n');
    const p = parseText(WOS_TAB_FORMAT, text);
    expect(p.rejects).toEqual([{ record: 3, reason: '2 fields where the header has 9' }]);
    expect(p.records).toHaveLength(1);
    expect(p.records[0]).toMatchObject({
      record: 2,
      title: 'Title',
      authors: ['Doe, Jane', 'Roe, Richard'],
      year: 2020,
      citedBy: 3,
    });
    expect(p.records[0].affiliations).toEqual([
      { name: 'Univ A, Ghent, Belgium', country: 'Belgium', authors: [0, 1] },
      { name: 'Univ B, Oslo, Norway', country: 'Norway', authors: [1] },
    ]);
    expect(p.records[0].references?.map((r) => r.raw)).toEqual([
      'Smith J, 2019, NATURE, V1, P2',
      'Roe R, 2018, SCIENCE',
    ]);
  });

  it('rejects every row when the first line is no WoS header', () => {
    const p = parseText(WOS_TAB_FORMAT, 'title\tauthors\nA\tB\n');
    expect(p.rejects).toEqual([
      { record: 1, reason: 'not a WoS tab-delimited header row' },
      { record: 2, reason: 'no WoS tab-delimited header row' },
    ]);
  });
});
