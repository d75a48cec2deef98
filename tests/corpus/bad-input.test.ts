import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, FORMATS, LAYOUTS, readCorpus } from '../../lib/corpus/index';

const tmp = mkdtempSync(path.join(tmpdir(), 'corpus-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GOOD = JSON.stringify({
  title: 'A Good Record',
  abstract:
    'A perfectly ordinary abstract that is long enough to describe a paper, so the run has something usable besides the broken parts.',
  authors: 'Ann Lee, Bo Chen',
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('fatal input problems name the file', () => {
  it('no inputs at all', async () => {
    const e = await inputError(readCorpus([]));
    expect(e.message).toBe('(no input): no input files or folders were given');
  });

  it('a missing path', async () => {
    const e = await inputError(readCorpus([path.join(tmp, 'nope.json')]));
    expect(e.file).toBe(path.join(tmp, 'nope.json'));
    expect(e.message).toMatch(/cannot read: no such file or folder$/);
  });

  it('an empty folder', async () => {
    const dir = path.join(tmp, 'empty-dir');
    mkdirSync(dir);
    const e = await inputError(readCorpus([dir]));
    expect(e.message).toMatch(/the folder holds no input files$/);
  });

  it('an empty file, and one that is empty once decompressed', async () => {
    expect((await inputError(readCorpus([write('empty.json', '')]))).message).toBe('empty.json: the file is empty');
    expect((await inputError(readCorpus([write('blank.txt', '  \n\n')]))).message).toBe('blank.txt: the file is empty');
    expect((await inputError(readCorpus([write('empty.json.gz', gzipSync(''))]))).message).toBe(
      'empty.json.gz: the file is empty once decompressed',
    );
  });

  it('a binary file', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const e = await inputError(readCorpus([write('picture.png', bytes)]));
    expect(e.file).toBe('picture.png');
    expect(e.message).toMatch(/binary file/);
  });

  it('text that is not UTF-8 but reads as Windows-1252 is decoded so, with a note saying where', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${GOOD}\n{"title": "Caf`),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from(' au lait", "abstract": "x"}\n'),
    ]);
    const c = await readCorpus([write('latin1.jsonl', latin1)]);
    expect(c.papers.map((p) => p.title)).toEqual(['A Good Record', 'Café € au lait']);
    expect(c.files[0].warnings).toEqual([
      `not valid UTF-8 (first bad byte at offset ${Buffer.byteLength(GOOD) + 15}, line 2): read as Windows-1252 (Latin-1)`,
    ]);
  });

  it('text that is neither UTF-8 nor Windows-1252 says where', async () => {
    const bad = Buffer.concat([Buffer.from(`${GOOD}\n{"title": "Caf`), Buffer.from([0xe9, 0x81]), Buffer.from('"}\n')]);
    const e = await inputError(readCorpus([write('undecidable.jsonl', bad)]));
    expect(e.message).toBe(
      `undecidable.jsonl: neither UTF-8 nor Windows-1252 text (first bad byte 0x81 near offset ${Buffer.byteLength(GOOD) + 15}, line 2); save the file as UTF-8`,
    );
  });

  it('UTF-8 that breaks after the first 64 KB says where and how to read it otherwise', async () => {
    const late = Buffer.concat([
      Buffer.from(`${GOOD}\n`.repeat(600)),
      Buffer.from('{"title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
    ]);
    const e = await inputError(readCorpus([write('late.jsonl', late)]));
    expect(e.message).toMatch(
      /^late\.jsonl: not valid UTF-8 text \(first bad byte at offset \d+, line 601\); save the file as UTF-8, or give its encoding with --encoding windows-1252$/,
    );
    const forced = await readCorpus([write('late.jsonl', late)], { encoding: 'windows-1252' });
    expect(forced.files[0].recordsRead).toBe(601);
  });

  it('UTF-16 with a byte-order mark, little- and big-endian, reads like UTF-8', async () => {
    const text = `${GOOD}\n{"title": "Ünïcödé → ok", "abstract": "Second record of the UTF-16 file, with letters outside ASCII: naïve café."}\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ['le.jsonl', le],
      ['be.jsonl', be],
    ] as const) {
      const c = await readCorpus([write(name, bytes)]);
      expect(c.papers.map((p) => p.title)).toEqual(['A Good Record', 'Ünïcödé → ok']);
      expect(c.files[0].warnings).toEqual([]);
    }
  });

  it('a corrupt gzip file', async () => {
    const gz = gzipSync(Buffer.from(`${GOOD}\n`.repeat(50)));
    const e = await inputError(readCorpus([write('cut.jsonl.gz', gz.subarray(0, gz.length - 20))]));
    expect(e.message).toMatch(/^cut\.jsonl\.gz: cannot decompress: .*\(is the \.gz file complete\?\)$/);
  });

  it('a broken manifest names the manifest', async () => {
    const dir = path.join(tmp, 'bad-manifest');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jsonl'), `${GOOD}\n`);
    writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ files: [{ file: 'a.jsonl', year: 'last year' }] }));
    const e = await inputError(readCorpus([dir]));
    expect(e.file).toBe(path.join(path.resolve(dir), 'sources.json'));
    expect(e.message).toMatch(/bad manifest: not a valid manifest at files\.0\.year/);
  });

  it('an unrecognized layout lists the layouts tried', async () => {
    const e = await inputError(readCorpus([write('notes.txt', 'Shopping list\nmilk\neggs\n')]));
    expect(e.message).toBe(
      `notes.txt: unrecognized layout; tried: ${[...FORMATS.map((f) => f.name), ...LAYOUTS].join(', ')}`,
    );
    expect(LAYOUTS).toHaveLength(11);
  });

  it('a 50 MB single line of text is refused quickly, without reading it whole', async () => {
    const file = write('one-line.txt', 'x'.repeat(50 * 1024 * 1024));
    const t = Date.now();
    const e = await inputError(readCorpus([file]));
    expect(e.message).toBe(
      `one-line.txt: unrecognized layout (its first 64 KB hold no line break); tried: ${[...FORMATS.map((f) => f.name), ...LAYOUTS].join(', ')}`,
    );
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('broken records are rejected and the run goes on', () => {
  it('a 50 MB JSON line is rejected as too long; the good line is kept', async () => {
    const huge = `{"title": "Huge", "abstract": "${'a'.repeat(50 * 1024 * 1024)}"}`;
    const c = await readCorpus([
      write('huge-line.jsonl', `${GOOD}\n${huge}\n${GOOD.replace('A Good', 'Another Good')}\n`),
    ]);
    expect(c.files[0]).toMatchObject({
      layout: 'jsonl',
      recordsRead: 3,
      papersKept: 2,
      rejected: 1,
      rejectReasons: { 'line too long': 1 },
    });
    expect(c.rejects[0].record).toBe(2);
    expect(c.rejects[0].reason).toMatch(/^line too long: 524288\d\d characters$/);
  });

  it('a JSON array streams record by record: a broken record is reported at its line and the rest kept', async () => {
    const array = `[\n${GOOD},\n{"title": "Broken", "abstract": tru},\n42,\n${GOOD.replace('A Good Record', 'Another Good Record')}\n]\n`;
    const c = await readCorpus([write('array.json', array)]);
    expect(c.files[0]).toMatchObject({ layout: 'json', recordsRead: 4, papersKept: 2, rejected: 2 });
    expect(c.rejects.map((r) => [r.record, r.reason.split(':')[0]])).toEqual([
      [3, 'bad JSON'],
      [4, 'not a JSON object'],
    ]);
    expect(c.papers.map((p) => [p.title, p.sources[0].record])).toEqual([
      ['A Good Record', 2],
      ['Another Good Record', 5],
    ]);
  });

  it('bad JSON lines and CSV rows with the wrong field count are counted by reason; a record without abstract is kept', async () => {
    const jsonl = write('mixed.jsonl', `${GOOD}\nnot json at all\n[1, 2]\n{"title": "No abstract"}\n`);
    const csv = write(
      'mixed.csv',
      'title,abstract,authors\n"Good Row","An abstract long enough to count, with a comma inside quotes, for the CSV reader to keep it as one field.","Ann Lee"\n"Short row","no authors column"\n"Never closed, x, y\n',
    );
    const c = await readCorpus([jsonl, csv]);
    const byFile = Object.fromEntries(c.files.map((f) => [f.file, f]));
    expect(byFile['mixed.jsonl']).toMatchObject({
      recordsRead: 4,
      papersKept: 2,
      rejected: 2,
      withoutAbstract: 1,
      rejectReasons: { 'bad JSON': 1, 'not a JSON object': 1 },
    });
    expect(byFile['mixed.csv']).toMatchObject({
      recordsRead: 3,
      papersKept: 1,
      rejected: 2,
      rejectReasons: { 'wrong field count': 1, 'unterminated quoted field': 1 },
    });
    expect(c.rejects.map((r) => `${r.file}:${r.record}`)).toEqual([
      'mixed.csv:3',
      'mixed.csv:4',
      'mixed.jsonl:2',
      'mixed.jsonl:3',
    ]);
    expect(c.papers.map((p) => p.title)).toEqual(['Good Row', 'A Good Record', 'No abstract']);
    expect(c.papers[2].abstract).toBe('');
  });
});
