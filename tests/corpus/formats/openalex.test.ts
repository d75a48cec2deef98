import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { detectFormat } from '../../../lib/corpus/formats/index';
import { parseCountryCode } from '../../../lib/corpus/formats/country-codes';
import {
  OPENALEX_FORMAT,
  abstractFromInvertedIndex,
  parseInvertedIndexText,
} from '../../../lib/corpus/formats/openalex';
import { parseCountry } from '../../../lib/corpus/bib-fields';
import type { RawRecord } from '../../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './samples';
import { buildSample, countWith, listOtherInputs, listSampleFiles } from './tagged-lines';
import { parseChunks } from './xml-chunks';

const WORKS_DIR = 'openalex/synergy__Donners_2021';
const tmp = mkdtempSync(path.join(tmpdir(), 'openalex-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function listWorkFiles(): string[] {
  return readdirSync(sample(WORKS_DIR))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(sample(WORKS_DIR), n));
}

function readAllWorks(): RawRecord[] {
  const out: RawRecord[] = [];
  for (const f of listWorkFiles()) {
    const p = parseChunks(OPENALEX_FORMAT, readFileSync(f, 'utf8'), 65536);
    expect(p.rejects).toEqual([]);
    out.push(...p.records);
  }
  return out;
}

function byId(records: RawRecord[], w: string): RawRecord {
  const r = records.find((x) => x.ids?.some((id) => id.scheme === 'openalex' && id.value === w));
  if (r === undefined) throw new Error(`no ${w}`);
  return r;
}

describe.runIf(HAVE_SAMPLES)('OpenAlex works samples', () => {
  it('finds the README counts in the 11 extracted pages: records and each field', () => {
    const records = readAllWorks();
    expect([
      records.length,
      countWith(records, (r) => r.abstract !== null),
      countWith(records, (r) => r.doi != null),
      countWith(records, (r) => (r.references ?? []).length > 0),
      countWith(records, (r) => (r.affiliations ?? []).length > 0),
      countWith(records, (r) => (r.keywords ?? []).some((k) => k.kind === 'concept')),
      countWith(records, (r) => r.citedBy != null),
      countWith(records, (r) => r.year != null),
    ]).toEqual([258, 250, 256, 154, 218, 258, 258, 258]);
  });

  it('reads the folder through readCorpus as 11 openalex files of 258 records', async () => {
    const c = await readCorpus([sample(WORKS_DIR)]);
    expect(c.files.map((f) => f.layout)).toEqual(Array(11).fill('openalex'));
    expect(c.files.reduce((s, f) => s + f.recordsRead, 0)).toBe(258);
    expect(c.rejects).toEqual([]);
    expect(c.papers).toHaveLength(258);
  });

  it('detects the 11 works files and no other sample, seed or fixture', () => {
    const mine = listWorkFiles();
    const claimed = [...listSampleFiles(), ...listOtherInputs()].filter((f) => OPENALEX_FORMAT.detect(buildSample(f)));
    expect(claimed.sort()).toEqual(mine);
    for (const f of mine) expect(detectFormat(buildSample(f))?.name).toBe('openalex');
  });

  it('reads the Rayyan work: ids, abstract, authors with institutions and countries, venue, concepts, MeSH, references', () => {
    const r = byId(readAllWorks(), 'W2560438049');
    expect(r.record).toBe(1);
    expect(r.title).toBe('Rayyan\u2014a web and mobile app for systematic reviews');
    expect(r.doi).toBe('https://doi.org/10.1186/s13643-016-0384-4');
    expect(r.ids).toEqual([
      { scheme: 'openalex', value: 'W2560438049' },
      { scheme: 'mag', value: '2560438049' },
      { scheme: 'pmid', value: '27919275' },
      { scheme: 'pmcid', value: 'PMC5139140' },
    ]);
    expect([r.year, r.date, r.venue, r.docType, r.citedBy, r.volume, r.firstPage]).toEqual([
      2016,
      '2016-12-05',
      'Systematic Reviews',
      'journal-article',
      5818,
      '5',
      null,
    ]);
    expect(
      r.abstract?.startsWith(
        'Synthesis of multiple randomized controlled trials (RCTs) in a systematic review can summarize',
      ),
    ).toBe(true);
    expect(
      r.abstract?.endsWith(
        'Rayyan is responsive and intuitive in use with significant potential to lighten the load of reviewers.',
      ),
    ).toBe(true);
    expect(r.authors).toEqual(['Mourad Ouzzani', 'Hossam M. Hammady', 'Zbys Fedorowicz', 'Ahmed K. Elmagarmid']);
    expect(r.authorIds?.[0]).toEqual([{ scheme: 'openalex', value: 'A4350645525' }]);
    expect(r.affiliations).toEqual([
      { name: 'Qatar Computing Research Institute', country: 'Qatar', authors: [0, 1, 3], id: 'I28200790' },
      // No id and no country code: the country is read from the name.
      { name: 'Cochrane Bahrain, Awali, Bahrain.', country: 'Bahrain', authors: [2], id: null },
    ]);
    // Concepts scored 0.3 or more (9 of 14), then MeSH descriptors once each.
    expect((r.keywords ?? []).filter((k) => k.kind === 'concept').map((k) => k.keyword)).toEqual([
      'Usability',
      'Medicine',
      'Systematic review',
      'Automation',
      'Upload',
      'Computer science',
      'MEDLINE',
      'World Wide Web',
      'Information retrieval',
    ]);
    expect((r.keywords ?? []).filter((k) => k.kind === 'mesh').map((k) => k.keyword)).toEqual([
      'Internet',
      'Mobile Applications',
      'Research Design',
      'Review Literature as Topic',
      'Feedback',
      'Humans',
      'Randomized Controlled Trials as Topic',
      'Time Factors',
    ]);
    expect(r.references).toHaveLength(11);
    expect(r.references?.[0]).toEqual({
      raw: 'https://openalex.org/W168362576',
      ids: [{ scheme: 'openalex', value: 'W168362576' }],
    });
  });

  it('reads ORCIDs beside the OpenAlex author ids, and Japan from the country code', () => {
    const r = byId(readAllWorks(), 'W2400928773');
    expect(r.title).toBe('Factor VIII\u2013Mimetic Function of Humanized Bispecific Antibody in Hemophilia A');
    expect([r.doi, r.year, r.citedBy, r.venue, r.volume, r.firstPage]).toEqual([
      'https://doi.org/10.1056/nejmoa1511769',
      2016,
      309,
      'The New England Journal of Medicine',
      '374',
      '2044',
    ]);
    expect(r.authors).toHaveLength(10);
    expect(r.authors[0]).toBe('Midori Shima');
    expect(r.authorIds?.[0]).toEqual([
      { scheme: 'openalex', value: 'A2067234043' },
      { scheme: 'orcid', value: '0000-0002-5922-7061' },
    ]);
    expect(r.authorIds?.[1]).toEqual([{ scheme: 'openalex', value: 'A2114486011' }]);
    expect(r.affiliations?.[0]).toMatchObject({ name: 'St. Marianna University School of Medicine', country: 'Japan' });
    expect(r.affiliations?.[0].authors.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(
      r.abstract?.startsWith(
        'In patients with severe hemophilia A, standard treatment is regular prophylactic and episodic intravenous infusions of f',
      ),
    ).toBe(true);
  });

  it('keeps the best concept of a work with none scored 0.3, and reads a work without title or authors', () => {
    const records = readAllWorks();
    expect((byId(records, 'W2551116473').keywords ?? []).filter((k) => k.kind === 'concept')).toEqual([
      { keyword: 'Materials science', kind: 'concept' },
    ]);
    const issue = byId(records, 'W4238923891');
    expect([issue.title, issue.authors, issue.docType, issue.year, issue.citedBy]).toEqual([
      null,
      [],
      'journal-issue',
      2018,
      0,
    ]);
    expect(
      issue.abstract?.startsWith(
        'BACKGROUND: Emicizumab (ACE910) is a bispecific antibody which restores the function',
      ),
    ).toBe(true);
  });

  it('puts every abstract of the samples in position order (checked by sorting the index pairs)', () => {
    const records = readAllWorks();
    const works = listWorkFiles().flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>[]);
    expect(works).toHaveLength(records.length);
    works.forEach((w, i) => {
      const index = w.abstract_inverted_index as Record<string, number[]> | null;
      if (index === null) {
        expect(records[i].abstract).toBeNull();
        return;
      }
      const pairs = Object.entries(index).flatMap(([word, ps]) => ps.map((p) => [p, word] as const));
      pairs.sort((a, b) => a[0] - b[0]);
      expect(records[i].abstract).toBe(pairs.map((p) => p[1]).join(' '));
    });
    // W3042456428 has positions 0..252 with two missing: 251 words, no empty slots.
    expect(byId(records, 'W3042456428').abstract?.split(' ')).toHaveLength(251);
  });
});

describe('OpenAlex inverted index', () => {
  it('skips gaps, keeps words sharing a position in index order, and gives null for null or empty', () => {
    expect(abstractFromInvertedIndex({ b: [3], a: [0], c: [7, 1] })).toBe('a c b c');
    expect(abstractFromInvertedIndex({ one: [0], uno: [0], two: [1] })).toBe('one uno two');
    expect(abstractFromInvertedIndex({ far: [1e9], near: [0] })).toBe('near far');
    expect(abstractFromInvertedIndex({ bad: [-1, 1.5, 'x'], ok: [2] })).toBe('ok');
    expect([abstractFromInvertedIndex(null), abstractFromInvertedIndex({}), abstractFromInvertedIndex([])]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('reads the index from the JSON text as JSON.parse would, escapes included', () => {
    const text = 'x{"a\\"b": [1], "\\u00e9t\\u00e9": [0, 3] , "c\\\\": [2]}y';
    expect(parseInvertedIndexText(text, 1)).toEqual({
      abstract: '\u00e9t\u00e9 a"b c\\ \u00e9t\u00e9',
      end: text.length - 1,
    });
    expect(parseInvertedIndexText('{}', 0)).toEqual({ abstract: null, end: 2 });
    // Anything else (a negative or fractional position, a cut text) is left to JSON.parse.
    expect(parseInvertedIndexText('{"a": [-1]}', 0)).toBeNull();
    expect(parseInvertedIndexText('{"a": [1.5]}', 0)).toBeNull();
    expect(parseInvertedIndexText('{"a": [1', 0)).toBeNull();
  });
});

/** A work in the current schema (2024+): primary_location, topics, keywords, raw affiliation strings. */
const CURRENT_WORK = {
  id: 'https://openalex.org/W4391234567',
  doi: null,
  title: 'A current-schema work',
  display_name: 'A current-schema work',
  publication_year: 2024,
  publication_date: '2024-02-01',
  ids: {
    openalex: 'https://openalex.org/W4391234567',
    doi: 'https://doi.org/10.5555/CURRENT.1',
    pmid: 'https://pubmed.ncbi.nlm.nih.gov/38000001',
  },
  type: 'article',
  primary_location: { source: { id: 'https://openalex.org/S1', display_name: 'Journal of Tests' } },
  authorships: [
    {
      author: {
        id: 'https://openalex.org/A5000000001',
        display_name: 'Ana Lima',
        orcid: 'https://orcid.org/0000-0001-2345-678X',
      },
      institutions: [],
      raw_affiliation_strings: ['Dept of Physics, Univ of Porto, Porto, Portugal', 'INESC TEC, Porto, Portugal'],
    },
    {
      author: { id: 'https://openalex.org/A5000000002', display_name: 'Bo Chen', orcid: null },
      institutions: [{ id: 'https://openalex.org/I1', display_name: 'Tsinghua University', country_code: 'CN' }],
    },
  ],
  cited_by_count: 3,
  biblio: { volume: '12', first_page: 'e101' },
  topics: [
    { display_name: 'Neural Networks', score: 0.99 },
    { display_name: 'Topic Modeling', score: 0.9 },
  ],
  keywords: [{ display_name: 'topic maps', score: 0.6 }],
  concepts: [],
  referenced_works: ['https://openalex.org/W1', 'https://openalex.org/W2'],
  abstract_inverted_index: { Hello: [0], world: [1] },
};

describe('OpenAlex small inputs', () => {
  it('reads the current schema from JSON lines: venue from primary_location, ids.doi, topics and keywords, raw affiliations', () => {
    const line = JSON.stringify(CURRENT_WORK);
    const p = parseChunks(OPENALEX_FORMAT, `${line}\n${line.replace('W4391234567', 'W4391234568')}\n`, 7);
    expect(p.rejects).toEqual([]);
    expect(p.records.map((r) => r.record)).toEqual([1, 2]);
    const r = p.records[0];
    expect([r.title, r.abstract, r.doi, r.venue, r.docType, r.year, r.date, r.citedBy, r.volume, r.firstPage]).toEqual([
      'A current-schema work',
      'Hello world',
      'https://doi.org/10.5555/CURRENT.1',
      'Journal of Tests',
      'article',
      2024,
      '2024-02-01',
      3,
      '12',
      'e101',
    ]);
    expect(r.ids).toEqual([
      { scheme: 'openalex', value: 'W4391234567' },
      { scheme: 'pmid', value: '38000001' },
    ]);
    expect(r.authorIds).toEqual([
      [
        { scheme: 'openalex', value: 'A5000000001' },
        { scheme: 'orcid', value: '0000-0001-2345-678X' },
      ],
      [{ scheme: 'openalex', value: 'A5000000002' }],
    ]);
    expect(r.affiliations).toEqual([
      { name: 'Dept of Physics, Univ of Porto, Porto, Portugal', country: 'Portugal', authors: [0] },
      { name: 'INESC TEC, Porto, Portugal', country: 'Portugal', authors: [0] },
      { name: 'Tsinghua University', country: 'China', authors: [1], id: 'I1' },
    ]);
    expect(r.keywords).toEqual([
      { keyword: 'Neural Networks', kind: 'concept' },
      { keyword: 'Topic Modeling', kind: 'concept' },
      { keyword: 'topic maps', kind: 'concept' },
    ]);
    expect(r.references?.map((x) => x.ids?.[0].value)).toEqual(['W1', 'W2']);
  });

  it('reads a gzipped JSON lines snapshot through readCorpus', async () => {
    const line = JSON.stringify(CURRENT_WORK);
    const file = path.join(tmp, 'part_000.jsonl.gz');
    writeFileSync(
      file,
      gzipSync(
        `${line}\n${line.replace('W4391234567', 'W4391234568').replace('10.5555/CURRENT.1', '10.5555/CURRENT.2')}\n`,
      ),
    );
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'openalex', recordsRead: 2, rejected: 0 });
    expect(c.papers.map((p) => p.title)).toEqual(['A current-schema work', 'A current-schema work']);
  });

  it('reads an API page and reports a broken work and a cut-off last work by their lines', () => {
    const good = JSON.stringify(CURRENT_WORK);
    const text = `{"meta": {"count": 3},\n "results": [\n${good},\n{"id": "https://openalex.org/W9", "title": "x",, "a": 1},\n${good.slice(0, 200)}`;
    const p = parseChunks(OPENALEX_FORMAT, text, 64);
    expect(p.records.map((r) => [r.record, r.title])).toEqual([[3, 'A current-schema work']]);
    expect(p.rejects.map((r) => [r.record, r.reason.replace(/:.*/, '')])).toEqual([
      [4, 'bad JSON'],
      [5, 'cut off at end of file'],
    ]);
  });

  it('rejects objects that are no work, and reads an index it cannot scan through JSON.parse', () => {
    const odd = { ...CURRENT_WORK, abstract_inverted_index: { late: [2], early: [0.5, 0] } };
    const p = parseChunks(OPENALEX_FORMAT, `[{"foo": 1}, 7, ${JSON.stringify(odd)}]`);
    expect(p.rejects).toEqual([
      { record: 1, reason: 'not an OpenAlex work' },
      { record: 1, reason: 'not a JSON object' },
    ]);
    expect(p.records.map((r) => r.abstract)).toEqual(['early late']);
  });
});

describe('country codes', () => {
  it('names countries as parseCountry does, whatever the ICU version', () => {
    expect(['US', 'gb', 'CZ', 'TR', 'KR', 'HK', 'CI', 'QA', 'XX', '', null].map(parseCountryCode)).toEqual([
      'United States',
      'United Kingdom',
      'Czech Republic',
      'Turkey',
      'South Korea',
      'Hong Kong',
      'Ivory Coast',
      'Qatar',
      null,
      null,
      null,
    ]);
    for (const name of [
      'United States',
      'United Kingdom',
      'Czech Republic',
      'Turkey',
      'South Korea',
      'Hong Kong',
      'Ivory Coast',
      'Russia',
      'Vietnam',
    ]) {
      expect(parseCountry(`Somewhere, ${name}`)).toBe(name);
    }
  });
});
