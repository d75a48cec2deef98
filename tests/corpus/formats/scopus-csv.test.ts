import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../lib/corpus/index';
import { SCOPUS_CSV_FORMAT, parseScopusReference, splitScopusReferences } from '../../../lib/corpus/formats/scopus-csv';
import { HAVE_SAMPLES, SAMPLES_DIR, sample } from './samples';
import { buildSample, countWith, listDetectionFiles, parseFile, parseText } from './csv-export-helpers';

const OLD = 'scopus/metaknowledge__scopus_testing.csv.scopus';
const CURRENT = 'scopus/bibliometrix__scopus_sample.csv';

describe('parseScopusReference', () => {
  it('reads an old-layout reference: authors with initials, title, (year), source, volume (issue), pages', () => {
    expect(
      parseScopusReference(
        'Goldacker, W., ROEBEL assembled coated conductors (RACC): Preparation, properties and progress (2007) IEEE Trans. Appl. Supercond., 17 (2), pp. 3398-3401. , Jun',
      ),
    ).toEqual({
      raw: 'Goldacker, W., ROEBEL assembled coated conductors (RACC): Preparation, properties and progress (2007) IEEE Trans. Appl. Supercond., 17 (2), pp. 3398-3401. , Jun',
      firstAuthor: 'Goldacker, W.',
      year: 2007,
      title: 'ROEBEL assembled coated conductors (RACC): Preparation, properties and progress',
      source: 'IEEE Trans. Appl. Supercond.',
      volume: '17',
      page: '3398',
    });
  });

  it('reads the form with a comma before the year and several authors', () => {
    expect(
      parseScopusReference('Smith, J., Doe, A., Title of the paper, (2019) Journal Name, 12 (3), pp. 45-67.'),
    ).toEqual({
      raw: 'Smith, J., Doe, A., Title of the paper, (2019) Journal Name, 12 (3), pp. 45-67.',
      firstAuthor: 'Smith, J.',
      year: 2019,
      title: 'Title of the paper',
      source: 'Journal Name',
      volume: '12',
      page: '45',
    });
  });

  it('reads old-layout references without a title, without initials, without authors, and books', () => {
    expect(parseScopusReference('Tam, S.W., Theodoras, A.M., Pagano, M., (1994) Oncogene, 9, p. 2663')).toEqual({
      raw: 'Tam, S.W., Theodoras, A.M., Pagano, M., (1994) Oncogene, 9, p. 2663',
      firstAuthor: 'Tam, S.W.',
      year: 1994,
      source: 'Oncogene',
      volume: '9',
      page: '2663',
    });
    expect(parseScopusReference('Altheide, The Irony of Security (1975) Urban Life, 4, pp. 179-195')).toMatchObject({
      firstAuthor: 'Altheide',
      title: 'The Irony of Security',
      year: 1975,
      source: 'Urban Life',
      volume: '4',
      page: '179',
    });
    const anonymous = parseScopusReference('Report on the First Myelomatosis Trial (1973) Br. J. Haemat., 24, p. 123');
    expect(anonymous.firstAuthor).toBeUndefined();
    expect(anonymous).toMatchObject({
      title: 'Report on the First Myelomatosis Trial',
      year: 1973,
      source: 'Br. J. Haemat.',
      volume: '24',
      page: '123',
    });
    expect(
      parseScopusReference(
        'Kelley, D.R., (1970) Foundations of Modern Historical Scholarship: Language, Law, and History in the French Renaissance, , New York and London',
      ),
    ).toMatchObject({
      firstAuthor: 'Kelley, D.R.',
      year: 1970,
      source: 'Foundations of Modern Historical Scholarship: Language, Law, and History in the French Renaissance',
    });
  });

  it('skips "et al." after the authors', () => {
    expect(parseScopusReference('Smith, J., et al., A study of things (2019) Nature, 5, pp. 1-9')).toMatchObject({
      firstAuthor: 'Smith, J.',
      title: 'A study of things',
      year: 2019,
      source: 'Nature',
      volume: '5',
      page: '1',
    });
  });

  it('finds a DOI written in a reference', () => {
    const ref = parseScopusReference(
      'Kvale, R., Auvinen, A., Interpreting trends in prostate cancer incidence (2007) Journal of the National Cancer Institute, 99 (24), pp. 1881-1887. , DOI 10.1093/jnci/djm249',
    );
    expect(ref).toMatchObject({
      doi: '10.1093/jnci/djm249',
      firstAuthor: 'Kvale, R.',
      year: 2007,
      volume: '99',
      page: '1881',
    });
  });

  it('reads a current-layout reference: authors; title, source, volume, pages, (year)', () => {
    expect(
      parseScopusReference(
        'Cheng M.; Xue Y.; Cui M., Global, regional, and national burden of low back pain: findings from the global burden of disease study 2021 and projections to 2050, Spine (Phila Pa 1976), 50, pp. E128-E139, (2025)',
      ),
    ).toEqual({
      raw: 'Cheng M.; Xue Y.; Cui M., Global, regional, and national burden of low back pain: findings from the global burden of disease study 2021 and projections to 2050, Spine (Phila Pa 1976), 50, pp. E128-E139, (2025)',
      firstAuthor: 'Cheng M.',
      year: 2025,
      title:
        'Global, regional, and national burden of low back pain: findings from the global burden of disease study 2021 and projections to 2050',
      source: 'Spine (Phila Pa 1976)',
      volume: '50',
      page: 'E128',
    });
    expect(parseScopusReference('The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)')).toEqual({
      raw: 'The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)',
      year: 2023,
      title: 'The global epidemic of low back pain',
      source: 'Lancet Rheumatol',
      volume: '5',
    });
    expect(parseScopusReference('Dewey J., How we think, (1910)')).toEqual({
      raw: 'Dewey J., How we think, (1910)',
      firstAuthor: 'Dewey J.',
      year: 1910,
      title: 'How we think',
    });
    // 2020-2023 exports: authors separated by commas.
    expect(
      parseScopusReference(
        'Newman M.E.J., Barabasi A.-L., The structure of scientific collaboration networks, Proc Natl Acad Sci USA, 98, pp. 404-409, (2001)',
      ),
    ).toMatchObject({
      firstAuthor: 'Newman M.E.J.',
      title: 'The structure of scientific collaboration networks',
      source: 'Proc Natl Acad Sci USA',
      volume: '98',
      page: '404',
      year: 2001,
    });
  });
});

describe('splitScopusReferences', () => {
  it('splits the old layout at every "; "', () => {
    expect(splitScopusReferences('Barth, C., A (2015) X, 28; Goldacker, W., B (2007) Y, 17 (2), pp. 1-2')).toEqual([
      'Barth, C., A (2015) X, 28',
      'Goldacker, W., B (2007) Y, 17 (2), pp. 1-2',
    ]);
  });

  it("joins the current layout's authors back to their reference", () => {
    expect(
      splitScopusReferences(
        'The global epidemic of low back pain, Lancet Rheumatol, 5, (2023); Cheng M.; Xue Y.; Cui M., Global burden, Spine, 50, pp. E128-E139, (2025); Calin GA; Ferracin M, A signature., N Engl J Med, 353, pp. 1793-801, (2005)',
      ),
    ).toEqual([
      'The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)',
      'Cheng M.; Xue Y.; Cui M., Global burden, Spine, 50, pp. E128-E139, (2025)',
      'Calin GA; Ferracin M, A signature., N Engl J Med, 353, pp. 1793-801, (2005)',
    ]);
  });
});

describe('Scopus CSV: hand-written inputs', () => {
  const header =
    '"Authors","Author full names","Author(s) ID","Title","Year","Source title","Cited by","DOI","Link","Affiliations","Authors with affiliations","Abstract","Author Keywords","Index Keywords","References","PubMed ID","Document Type","EID"';

  it('reads a semicolon-delimited export with a BOM and CRLF line ends, and a quoted line break', () => {
    const text = `\ufeff${header.replace(/","/g, '";"')}\r\n"Smith J.; Doe A.";"Smith, John (111); Doe, Ann (222)";"111; 222";"A title";"2020";"J. Test";"3";"10.1/x";"https://www.scopus.com/x";"Univ X, Paris, France";"Smith J., Univ X, Paris, France; Doe A., Univ X, Paris, France";"First line.\r\nSecond line.";"k1; k2";"i1";"Roe R., Some title, Some journal, 1, pp. 2-3, (2001)";"NA";"Article";"2-s2.0-1"\r\n`;
    const { records, rejects } = parseText(SCOPUS_CSV_FORMAT, text);
    expect(rejects).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      record: 2,
      title: 'A title',
      abstract: 'First line.\nSecond line.',
      authors: ['Smith, John', 'Doe, Ann'],
      authorIds: [[{ scheme: 'scopus', value: '111' }], [{ scheme: 'scopus', value: '222' }]],
      year: 2020,
      citedBy: 3,
      ids: [{ scheme: 'scopus', value: '2-s2.0-1' }],
      affiliations: [{ name: 'Univ X, Paris, France', country: 'France', authors: [0, 1] }],
      keywords: [
        { keyword: 'k1', kind: 'author' },
        { keyword: 'k2', kind: 'author' },
        { keyword: 'i1', kind: 'indexed' },
      ],
      references: [
        {
          raw: 'Roe R., Some title, Some journal, 1, pp. 2-3, (2001)',
          firstAuthor: 'Roe R.',
          title: 'Some title',
          source: 'Some journal',
          volume: '1',
          page: '2',
          year: 2001,
        },
      ],
    });
    expect(SCOPUS_CSV_FORMAT.detect({ text: text.slice(1), complete: true })).toBe(true);
  });

  it('rejects a row with the wrong field count and a row whose quote never closes, keeping the rows after them', () => {
    const row = (title: string): string =>
      `"A B.","","","${title}","2020","J","","","","","","abs","","","","","Article","2-s2.0-${title.length}"`;
    const text = [
      header,
      row('One'),
      '"A B.","Two"',
      row('Three'),
      `"A B.","","","Broken`,
      row('Four'),
      row('Five'),
    ].join('\n');
    const { records, rejects } = parseText(SCOPUS_CSV_FORMAT, text);
    expect(rejects).toEqual([
      { record: 3, reason: 'wrong field count: 2 fields, header has 18' },
      { record: 5, reason: 'wrong field count: 21 fields, header has 18' },
    ]);
    expect(records.map((r) => [r.record, r.title])).toEqual([
      [2, 'One'],
      [4, 'Three'],
      [6, 'Four'],
      [7, 'Five'],
    ]);
  });
});

describe.runIf(HAVE_SAMPLES)('Scopus CSV samples', () => {
  it('detects both Scopus samples (and Scopus fixtures) and nothing else in the samples, seeds and fixtures', () => {
    const files = listDetectionFiles(SAMPLES_DIR as string);
    const hits = files.filter((f) => SCOPUS_CSV_FORMAT.detect(buildSample(f)));
    const fixtures = files.filter((f) => f.includes('/tests/fixtures/') && /scopus/i.test(path.basename(f)));
    expect(hits).toEqual([sample(CURRENT), sample(OLD), ...fixtures]);
  });

  it('old layout: 220 records with the README counts', () => {
    const { records, rejects, warnings } = parseFile(SCOPUS_CSV_FORMAT, sample(OLD));
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(220);
    expect(countWith(records, (r) => r.abstract !== null)).toBe(220);
    expect(countWith(records, (r) => (r.references?.length ?? 0) > 0)).toBe(175);
    expect(countWith(records, (r) => r.doi != null)).toBe(160);
    expect(countWith(records, (r) => (r.keywords?.length ?? 0) > 0)).toBe(213);
    expect(countWith(records, (r) => (r.affiliations?.length ?? 0) > 0)).toBe(207);
    expect(countWith(records, (r) => r.citedBy != null)).toBe(196);
    expect(countWith(records, (r) => r.authorIds !== undefined)).toBe(0);
    expect(records.reduce((s, r) => s + (r.references?.length ?? 0), 0)).toBe(10412);
  });

  it('old layout: values of the first records', () => {
    const { records } = parseFile(SCOPUS_CSV_FORMAT, sample(OLD));
    const first = records[0];
    expect(first).toMatchObject({
      record: 2,
      title: 'Strain Distribution of Complex-Bending YBCO Tape in Force-Balanced Coil Applied to SMES',
      year: 2016,
      venue: 'IEEE Transactions on Applied Superconductivity',
      doi: '10.1109/TASC.2016.2541670',
      ids: [{ scheme: 'scopus', value: '2-s2.0-84963944162' }],
      citedBy: null,
      volume: '26',
      firstPage: '7433444',
      docType: 'Article',
    });
    expect(first.authors).toHaveLength(11);
    expect(first.authors.slice(0, 2)).toEqual(['Yagai T.', 'Kimura Y.']);
    expect(first.affiliations?.[1]).toEqual({
      name: 'Meiji University, Kanagawa, Japan',
      country: 'Japan',
      authors: [1, 2, 3],
    });
    expect(first.keywords?.slice(0, 1)).toEqual([{ keyword: 'complex bending', kind: 'author' }]);
    expect(first.keywords?.find((k) => k.kind === 'indexed')).toEqual({ keyword: 'Carbon', kind: 'indexed' });
    expect(first.references?.[1]).toMatchObject({
      firstAuthor: 'Goldacker, W.',
      year: 2007,
      source: 'IEEE Trans. Appl. Supercond.',
      volume: '17',
      page: '3398',
    });
    expect(first.abstract?.endsWith('© 2016 IEEE.')).toBe(true);

    // An author with two affiliations (`Name, Aff 1, Aff 2`) is tied to both.
    expect(records[1].affiliations).toEqual([
      {
        name: 'Key Laboratory of Advanced Technologies of Materials (Ministry of Education of China), Superconductivity and New Energy R&D Center, Southwest Jiaotong University, Mail Stop 165, Chengdu, Sichuan, China',
        country: 'China',
        authors: [0, 1, 2, 3, 4, 5, 6],
      },
      {
        name: 'School of Materials Science and Engineering, University of New South Wales, Sydney, NSW, Australia',
        country: 'Australia',
        authors: [6],
      },
    ]);
    expect(records[28]).toMatchObject({
      record: 30,
      citedBy: 7423,
      ids: [
        { scheme: 'scopus', value: expect.any(String) },
        { scheme: 'pmid', value: '21351269' },
      ],
    });
    expect(records[86].authors).toEqual([]);
    expect(records.filter((r) => r.abstract === '[No abstract available]').length).toBeGreaterThan(0);
  });

  it('current layout: 8 records with the README counts, full names with Scopus author ids', () => {
    const { records, rejects } = parseFile(SCOPUS_CSV_FORMAT, sample(CURRENT));
    expect(rejects).toEqual([]);
    expect(records).toHaveLength(8);
    for (const has of [
      (r: (typeof records)[number]) => r.abstract !== null,
      (r: (typeof records)[number]) => (r.references?.length ?? 0) > 0,
      (r: (typeof records)[number]) => r.doi != null,
      (r: (typeof records)[number]) => (r.keywords?.length ?? 0) > 0,
      (r: (typeof records)[number]) => (r.affiliations?.length ?? 0) > 0,
      (r: (typeof records)[number]) => r.citedBy != null,
    ]) {
      expect(countWith(records, has)).toBe(8);
    }
    expect(records.map((r) => r.references?.length)).toEqual([43, 30, 66, 34, 49, 55, 66, 38]);
    const first = records[0];
    expect(first.authors).toEqual(['Liu, Fengyuan', 'Li, Chunyun', 'Liu, Yong', 'Li, Yufei']);
    expect(first.authorIds?.[0]).toEqual([{ scheme: 'scopus', value: '60410297700' }]);
    expect(first.affiliations).toEqual([
      {
        name: 'Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China',
        country: 'China',
        authors: [0],
      },
      {
        name: 'Department of Surgery, Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China',
        country: 'China',
        authors: [1, 2, 3],
      },
    ]);
    expect(first).toMatchObject({
      year: 2026,
      venue: 'Digital Health',
      doi: '10.1177/20552076261415846',
      citedBy: 0,
      ids: [{ scheme: 'scopus', value: '2-s2.0-105030721984' }],
    });
    expect(first.references?.[1]).toMatchObject({
      firstAuthor: 'Cheng M.',
      year: 2025,
      source: 'Spine (Phila Pa 1976)',
      volume: '50',
      page: 'E128',
    });
    expect(records[2]).toMatchObject({
      record: 4,
      authors: ['Abdullah, Saleh M.'],
      authorIds: [[{ scheme: 'scopus', value: '37071912100' }]],
      ids: [
        { scheme: 'scopus', value: '2-s2.0-105025600816' },
        { scheme: 'pmid', value: '41431061' },
      ],
      firstPage: 'e46688',
    });
    expect(records[2].references?.[0]).toEqual({
      raw: 'Calin GA; Ferracin M; Cimmino A, A microRNA signature associated with prognosis and progression in chronic lymphocytic leukemia., N Engl J Med, 353, pp. 1793-801, (2005)',
      firstAuthor: 'Calin GA',
      year: 2005,
      title: 'A microRNA signature associated with prognosis and progression in chronic lymphocytic leukemia.',
      source: 'N Engl J Med',
      volume: '353',
      page: '1793',
    });
  });

  it('readCorpus reads both samples as scopus-csv, every record, none rejected', async () => {
    for (const [file, n] of [
      [OLD, 220],
      [CURRENT, 8],
    ] as const) {
      const c = await readCorpus([sample(file)]);
      expect(c.files[0]).toMatchObject({ layout: 'scopus-csv', recordsRead: n, rejected: 0 });
    }
  });
});
