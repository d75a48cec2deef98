import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus, type IngestProgress } from '../../lib/corpus/index';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/corpus');
const fx = (name: string): string => path.join(FIXTURES, name);
const tmp = mkdtempSync(path.join(tmpdir(), 'corpus-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('arXiv metadata snapshot (JSON lines)', () => {
  it('reads names from authors_parsed, the primary category as label and update_date as date', async () => {
    const c = await readCorpus([fx('arxiv-snapshot.jsonl')]);
    expect(c.files[0]).toMatchObject({ layout: 'arxiv-jsonl', recordsRead: 3, papersKept: 3, rejected: 0 });
    const p = c.papers[1];
    expect(p.title).toBe('Safe Vision-Language Models via Unsafe Weights Manipulation');
    expect(p.authors[0]).toEqual({ name: "Moreno D'Incà", key: 'moreno dinca' });
    expect(p.authors).toHaveLength(6);
    expect([p.label, p.date, p.year, p.externalId, p.venue]).toEqual([
      'cs.CV',
      '2025-03-18',
      2025,
      '2503.11742',
      'arXiv',
    ]);
    expect(
      p.abstract.startsWith('Vision-language models (VLMs) often inherit the biases and unsafe associations'),
    ).toBe(true);
    expect(p.abstract).not.toMatch(/\n|\s{2}/);
  });

  it("dates a paper of the full snapshot by its first version's submission, not its last update", async () => {
    // The full snapshot's records carry `versions` with RFC 2822 dates; update_date is the last change.
    const line = JSON.stringify({
      id: '0704.0001',
      submitter: 'Pavel Nadolsky',
      authors: "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      categories: 'hep-ph',
      abstract: 'A fully differential calculation in perturbative quantum chromodynamics is presented.',
      versions: [
        { version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' },
        { version: 'v2', created: 'Tue, 24 Jul 2007 20:10:27 GMT' },
      ],
      update_date: '2008-11-13',
      authors_parsed: [
        ['Balázs', 'C.', ''],
        ['Berger', 'E. L.', ''],
      ],
    });
    const file = path.join(tmp, 'snapshot-versions.jsonl');
    writeFileSync(file, `${line}\n`);
    const c = await readCorpus([file]);
    expect([c.papers[0].date, c.papers[0].year, c.papers[0].label]).toEqual(['2007-04-02', 2007, 'hep-ph']);
    expect(c.papers[0].authors.map((a) => a.name)).toEqual(['C. Balázs', 'E. L. Berger']);
  });

  it('takes the venue from a manifest over the layout default', async () => {
    const dir = path.join(tmp, 'arxiv-manifest');
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    copyFileSync(fx('arxiv-snapshot.jsonl'), path.join(dir, 'arxiv.jsonl'));
    writeFileSync(
      path.join(dir, 'sources.json'),
      JSON.stringify([{ file: 'arxiv.jsonl', venue: 'arXiv cs (2025 snapshot)' }]),
    );
    const c = await readCorpus([dir]);
    expect(c.papers.map((p) => p.venue)).toEqual(Array(3).fill('arXiv cs (2025 snapshot)'));
  });

  it('reads the gzip-compressed file the same way', async () => {
    const plain = await readCorpus([fx('arxiv-snapshot.jsonl')]);
    const gz = await readCorpus([fx('arxiv-snapshot.jsonl.gz')]);
    expect(gz.papers.map((p) => ({ ...p, sources: [], fieldSources: {} }))).toEqual(
      plain.papers.map((p) => ({ ...p, sources: [], fieldSources: {} })),
    );
    expect(gz.papers[0].sources).toEqual([{ file: 'arxiv-snapshot.jsonl.gz', record: 1 }]);
  });
});

describe('generic JSON array', () => {
  it('maps usual field names, strips HTML, dedupes names, takes the year from the file name', async () => {
    const c = await readCorpus([fx('papers-2019.json')]);
    expect(c.files[0]).toMatchObject({
      layout: 'json',
      recordsRead: 3,
      papersKept: 3,
      rejected: 0,
      withoutAbstract: 1,
      year: 2019,
    });
    expect(c.rejects).toEqual([]);
    const [a, none, b] = c.papers;
    expect([none.title, none.abstract, none.year]).toEqual(['A Note Without Abstract', '', 2019]);
    expect(a.title).toBe('Learning Sparse Codes with Lateral Inhibition');
    expect(a.authors.map((x) => x.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect([a.year, a.label]).toEqual([2019, 'neuro']);
    expect(b.authors.map((x) => x.name)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect([b.year, b.date, b.venue]).toEqual([2021, '2021-05-04', 'Workshop on Tests']);
  });

  it('lets the year option override the file-name year', async () => {
    const c = await readCorpus([fx('papers-2019.json')], { year: 2017 });
    expect(c.papers.map((p) => p.year)).toEqual([2017, 2017, 2021]);
  });

  it('lets a manifest set year and venue per file', async () => {
    const dir = path.join(tmp, 'manifest');
    rmSync(dir, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(dir));
    copyFileSync(fx('papers-2019.json'), path.join(dir, 'papers-2019.json'));
    writeFileSync(
      path.join(dir, 'sources.json'),
      JSON.stringify({ files: [{ file: 'papers-2019.json', venue: 'NeurIPS 2018', year: 2018, notes: 'test' }] }),
    );
    const c = await readCorpus([dir]);
    expect(c.files.map((f) => f.file)).toEqual(['papers-2019.json']);
    expect(c.files[0]).toMatchObject({ venue: 'NeurIPS 2018', year: 2018, notes: 'test' });
    expect([c.papers[0].year, c.papers[0].venue]).toEqual([2018, 'NeurIPS 2018']);
  });
});

describe('pretty-printed JSON object holding the records', () => {
  it('finds the array under "papers"', async () => {
    const file = path.join(tmp, 'export.json');
    const abstract =
      'An abstract in a pretty-printed JSON export whose records sit under a papers key rather than at the top level of the document.';
    writeFileSync(
      file,
      JSON.stringify(
        {
          exported: '2024-01-01',
          papers: [{ title: 'Nested Records', abstract, authors: [{ given: 'Ann', family: 'Lee' }], year: '2024' }],
        },
        null,
        2,
      ),
    );
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'json', recordsRead: 1, papersKept: 1 });
    expect([c.papers[0].title, c.papers[0].year, c.papers[0].authors[0].name]).toEqual([
      'Nested Records',
      2024,
      'Ann Lee',
    ]);
  });
});

describe('JSON lines with a field map', () => {
  it('reads renamed fields and rejects the broken line with its number', async () => {
    const c = await readCorpus([fx('custom-fields.jsonl')], {
      fieldMap: { title: 'paper_name', abstract: 'summary_text', authors: 'writers', year: 'yr' },
    });
    expect(c.files[0]).toMatchObject({
      layout: 'jsonl',
      recordsRead: 3,
      papersKept: 2,
      rejected: 1,
      rejectReasons: { 'bad JSON': 1 },
    });
    expect(c.rejects[0].record).toBe(2);
    expect(c.papers[0].authors.map((a) => a.name)).toEqual(['Emmanuel de Bezenac', 'Vincent Le Guen']);
    expect(c.papers[0].year).toBe(2020);
    expect(c.papers[1].authors.map((a) => a.name)).toEqual(["Mary O'Brien", 'Ian McDonald']);
  });

  it('without the map, records have neither title nor abstract and are rejected, so nothing is usable', async () => {
    await expect(readCorpus([fx('custom-fields.jsonl')])).rejects.toThrow(
      /no usable papers: 3 records read, all rejected \(2 no title or abstract, 1 bad JSON\)/,
    );
  });
});

describe('CSV and TSV', () => {
  it('reads RFC 4180 CSV with a quoted line break (NeurIPS sample), also gzipped', async () => {
    const gz = path.join(tmp, 'neurips-sample.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fx('neurips-sample.csv'))));
    for (const file of [fx('neurips-sample.csv'), gz]) {
      const c = await readCorpus([file]);
      expect(c.files[0]).toMatchObject({ layout: 'csv', recordsRead: 3, papersKept: 3, rejected: 0 });
      expect(c.papers.map((p) => p.title)).toEqual([
        'Synchronization in Neural Nets',
        'Static and Dynamic Error Propagation Networks with Application to Speech Coding',
        'Beyond Value-Function Gaps: Improved Instance-Dependent Regret Bounds for Episodic Reinforcement Learning',
      ]);
      expect(c.papers[0].authors.map((a) => a.name)).toEqual(['Jacques J. Vidal', 'John Haggerty']);
      expect(c.papers[0].year).toBe(1987);
      expect(c.papers[0].sources[0].record).toBe(2);
      expect(c.papers[1].sources[0].record).toBe(4);
      expect(c.papers[0].abstract).toContain('presents significant implemen tation advantages. In our model');
    }
  });

  it('handles a byte-order mark and CRLF line ends', async () => {
    const file = path.join(tmp, 'windows.csv');
    const abstract =
      'An abstract saved by a spreadsheet program on Windows, with a byte-order mark and CRLF line ends that must not leak into fields.';
    writeFileSync(
      file,
      `\ufeffTitle,Abstract,Authors\r\n"Windows Export","${abstract}\r\nSecond line.","Ann Lee, Bo Chen"\r\n`,
    );
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'csv', recordsRead: 1, papersKept: 1 });
    expect(c.papers[0].title).toBe('Windows Export');
    expect(c.papers[0].abstract).toBe(`${abstract} Second line.`);
    expect(c.papers[0].authors.map((a) => a.name)).toEqual(['Ann Lee', 'Bo Chen']);
  });

  it('reads TSV and rejects a row with the wrong field count', async () => {
    const c = await readCorpus([fx('sample.tsv')]);
    expect(c.files[0]).toMatchObject({
      layout: 'tsv',
      recordsRead: 2,
      papersKept: 1,
      rejected: 1,
      rejectReasons: { 'wrong field count': 1 },
    });
    expect(c.rejects[0]).toEqual({
      file: 'sample.tsv',
      record: 3,
      reason: 'wrong field count: 2 fields, header has 5',
    });
    expect(c.papers[0].authors.map((a) => a.key)).toEqual(['jean pierre dupont', 'j smith']);
    expect([c.papers[0].year, c.papers[0].label]).toEqual([2018, 'stat.ML']);
  });
});

describe('BibTeX', () => {
  it('decodes braces and accents and turns Last, First around', async () => {
    const c = await readCorpus([fx('zotero.bib')]);
    expect(c.files[0]).toMatchObject({
      layout: 'bibtex',
      recordsRead: 3,
      papersKept: 3,
      rejected: 0,
      withoutAbstract: 1,
    });
    const [a, b] = c.papers;
    expect(a.title).toBe('Deep Learning for Physical Processes: Incorporating Prior Scientific Knowledge');
    expect(a.authors.map((x) => x.name)).toEqual(['Emmanuel de Bézenac', 'Arthur Pajot', 'Patrick Gallinari']);
    expect([a.year, a.venue, a.externalId]).toEqual([
      2018,
      'International Conference on Learning Representations',
      'bezenac2018',
    ]);
    expect(a.abstract).toContain('$\\ell_2$ errors and a \\textit{warping} scheme');
    expect(a.abstractPlain).toContain('with a loss on 2 errors and a warping scheme.');
    expect(b.title).toBe("Stability of Müller's Estimator");
    expect(b.authors.map((x) => x.name)).toEqual(['Jörg Müller', 'José Nuñez']);
    expect([b.date, b.year]).toEqual(['2020-03', 2020]);
    expect(c.rejects).toEqual([]);
    expect([c.papers[2].title, c.papers[2].abstract, c.papers[2].year]).toEqual([
      'An Entry Without an Abstract',
      '',
      2017,
    ]);
  });
});

describe('readCorpus options and progress', () => {
  it('forces a layout with format, and refuses an unknown one', async () => {
    await expect(readCorpus([fx('papers-2019.json')], { format: 'yaml' })).rejects.toThrow(
      /unknown format; the formats are: wos, wos-tab, .*, arxiv-jsonl, jsonl, json/,
    );
    const c = await readCorpus([fx('arxiv-snapshot.jsonl')], { format: 'jsonl' });
    expect(c.files[0].layout).toBe('jsonl');
    expect(c.papers[0].label).toBe('cs.CV cs.RO');
  });

  it('reports progress per file with byte counts', async () => {
    const events: IngestProgress[] = [];
    await readCorpus([fx('zotero.bib'), fx('sample.tsv')], {}, (p) => events.push(p));
    const last = events[events.length - 1];
    expect(last.fileIndex).toBe(1);
    expect(last.fileCount).toBe(2);
    expect(last.bytesRead).toBe(last.bytesTotal);
    expect(events.map((e) => e.file)).toEqual(['sample.tsv', 'sample.tsv', 'zotero.bib', 'zotero.bib']);
  });
});
