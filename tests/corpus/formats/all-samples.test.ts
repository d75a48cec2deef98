/**
 * Every real export in ../shared/formats, read end to end through readCorpus: recognized as its
 * format from its content, every record found (the samples README's count), and nothing lost on
 * truncated or byte-flipped copies: each record is kept, merged or reported.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, readCorpus } from '../../../lib/corpus/index';
import { createRandom } from '../../../lib/random';
import { HAVE_SAMPLES, sample } from './samples';

/** [sample, format, records found] from ../shared/formats/README.md. */
const SAMPLES: [string, string, number][] = [
  ['wos/wosfile__wos_plaintext.txt', 'wos', 50],
  ['wos/wosfile__wos_tab_delimited_win_utf8.txt', 'wos-tab', 50],
  ['wos/tethne__wos2.txt', 'wos', 100],
  ['wos/refsplitr__BITR_test.txt', 'wos', 10],
  ['scopus/metaknowledge__scopus_testing.csv.scopus', 'scopus-csv', 220],
  ['scopus/bibliometrix__scopus_sample.csv', 'scopus-csv', 8],
  ['lens/bibliometrix__lens_sample.csv', 'lens-csv', 8],
  ['pubmed-medline/metaknowledge__medline_test.medline', 'medline', 175],
  ['pubmed-xml/fatcat__pubmedsample_2019.xml', 'pubmed-xml', 176],
  ['ris/asreview__baseline.ris', 'ris', 100],
  ['ris/litstudy__example.ris', 'ris', 25],
  ['ris/asreview__scopus.ris', 'ris', 6],
  ['ris/asreview__pubmed_zotero.ris', 'ris', 6],
  ['endnote-xml/reflib__blue-light.xml', 'endnote-xml', 102],
  ['openalex/synergy__Donners_2021/works_0_25.json', 'openalex', 25],
  ['openalex/bibliometrix__openalex_sample.csv', 'openalex-csv', 8],
  ['semantic-scholar/semanticscholar-py__Paper.json', 'semantic-scholar', 1015],
  ['crossref/fatcat__crossref_api_works.json', 'crossref', 3],
  ['crossref/fatcat__crossref-works.single.json', 'crossref', 1],
  ['ieee/litstudy__ieee_1.csv', 'ieee-csv', 100],
];

const tmp = mkdtempSync(path.join(tmpdir(), 'samples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.runIf(HAVE_SAMPLES)('every real export sample', () => {
  it.each(SAMPLES)('%s is read as %s with all %i records', async (file, format, records) => {
    const c = await readCorpus([sample(file)]);
    expect(c.files).toHaveLength(1);
    const f = c.files[0];
    expect(f.layout).toBe(format);
    expect(f.recordsRead).toBe(records);
    expect(f.papersKept + f.duplicatesMerged + f.rejected).toBe(records);
  });

  it('reads the OpenAlex zip member by member, and merges it with its extracted copies by DOI, naming the files', async () => {
    const zip = await readCorpus([sample('openalex/synergy__Donners_2021__works_1.zip')]);
    expect(zip.files).toHaveLength(11);
    expect(
      zip.files.every((f) => f.layout === 'openalex' && f.file.startsWith('synergy__Donners_2021__works_1.zip/')),
    ).toBe(true);
    expect(zip.files.reduce((s, f) => s + f.recordsRead, 0)).toBe(258);
    const both = await readCorpus([sample('openalex')]);
    // Paths sort 'synergy__Donners_2021/…' before 'synergy__Donners_2021__works_1.zip': the extracted
    // copies come first, and every record of the zip merges into their papers.
    const members = both.files.filter((f) => f.file.startsWith('synergy__Donners_2021__works_1.zip/'));
    expect(members).toHaveLength(11);
    expect(members.reduce((s, f) => s + f.duplicatesMerged, 0)).toBe(
      members.reduce((s, f) => s + f.recordsRead - f.rejected, 0),
    );
    expect(members.every((f) => f.papersKept === 0)).toBe(true);
    expect(Object.keys(members[0].mergedWith)).toEqual(['synergy__Donners_2021/works_0_25.json']);
  });

  it('the WoS tab-delimited export saved as UTF-16 (LE and BE, with BOM) reads the same records', async () => {
    const utf8 = readFileSync(sample('wos/wosfile__wos_tab_delimited_win_utf8.txt'));
    const text = utf8.toString('utf8').replace(/^\ufeff/, '');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const plain = await readCorpus([sample('wos/wosfile__wos_tab_delimited_win_utf8.txt')]);
    for (const [name, bytes] of [
      ['wos-utf16le.txt', le],
      ['wos-utf16be.txt', be],
    ] as const) {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const c = await readCorpus([file]);
      expect(c.files[0]).toMatchObject({ layout: 'wos-tab', recordsRead: 50, rejected: 0, warnings: [] });
      expect(c.papers.map((p) => [p.title, p.doi, p.abstract])).toEqual(
        plain.papers.map((p) => [p.title, p.doi, p.abstract]),
      );
    }
  });

  it('a Scopus CSV re-saved by Excel in Windows-1252 with semicolons reads all records, with a note', async () => {
    const text = readFileSync(sample('scopus/bibliometrix__scopus_sample.csv'), 'utf8').replace(/^\ufeff/, '');
    // Excel in many locales: `;` between fields (the CSV machinery sniffs it), CRLF, Windows-1252.
    let quoted = false;
    let semicolons = '';
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      semicolons += ch === ',' && !quoted ? ';' : ch;
    }
    const cp1252 = Buffer.from(semicolons.replace(/\r?\n/g, '\r\n').replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
    const file = path.join(tmp, 'scopus-excel.csv');
    writeFileSync(file, cp1252);
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'scopus-csv', recordsRead: 8, rejected: 0 });
    expect(c.files[0].warnings[0]).toMatch(
      /^not valid UTF-8 \(first bad byte at offset \d+, line \d+\): read as Windows-1252/,
    );
    expect(c.papers.every((p) => p.doi !== null && p.abstract !== '')).toBe(true);
  });

  it('the WoS plain text and tab-delimited exports of the same 50 records give 50 papers', async () => {
    const c = await readCorpus([
      sample('wos/wosfile__wos_plaintext.txt'),
      sample('wos/wosfile__wos_tab_delimited_win_utf8.txt'),
    ]);
    expect(c.papers).toHaveLength(50);
    const tab = c.files.find((f) => f.layout === 'wos-tab');
    expect(tab).toMatchObject({ recordsRead: 50, papersKept: 0, duplicatesMerged: 50 });
  });
});

/** Reads a damaged copy: it either fails with a clear InputError, or accounts for every record. */
async function readDamaged(name: string, bytes: Buffer): Promise<void> {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  try {
    const c = await readCorpus([file]);
    for (const f of c.files) expect(f.papersKept + f.duplicatesMerged + f.rejected).toBe(f.recordsRead);
    for (const r of c.rejects) {
      expect(r.record).toBeGreaterThan(0);
      expect(r.reason).not.toMatch(/\n|    at /);
    }
  } catch (e) {
    // No stack traces: only a message naming the file.
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message.startsWith(`${name}:`)).toBe(true);
  }
}

describe.runIf(HAVE_SAMPLES)('damaged copies of every sample: no crash, every record kept or reported', () => {
  const random = createRandom(20261207);
  for (const [file] of SAMPLES) {
    it(`${file}: truncated and byte-flipped`, async () => {
      const bytes = readFileSync(sample(file));
      const base = path.basename(file).replace(/[^A-Za-z0-9.]+/g, '_');
      for (let k = 1; k <= 3; k++) {
        const cut = Math.floor(bytes.length * (0.15 + 0.3 * k * random()));
        await readDamaged(`cut${k}-${base}`, bytes.subarray(0, Math.min(bytes.length - 1, cut)));
      }
      for (let k = 1; k <= 3; k++) {
        const flipped = Buffer.from(bytes);
        for (let i = 0; i < 8 * k; i++) {
          const at = Math.floor(random() * flipped.length);
          flipped[at] = Math.floor(random() * 256);
        }
        await readDamaged(`flip${k}-${base}`, flipped);
      }
    });
  }
});
