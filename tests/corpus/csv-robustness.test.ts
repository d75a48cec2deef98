import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../lib/corpus/index';
import { detectLayout } from '../../lib/corpus/detect';
import {
  CsvRowReader,
  CsvTableReader,
  MAX_QUOTED_ROW_LINES,
  createCsvLayoutParser,
  parseCsvHead,
  sniffDelimiter,
} from '../../lib/corpus/parse-csv';
import type { ParseReject, RawRecord } from '../../lib/corpus/raw-record';
import { detectFormat, findFormat } from '../../lib/corpus/formats/index';
import { HAVE_SAMPLES, sample } from './formats/samples';
import { parseText } from './formats/csv-export-helpers';
import { createRandom } from '../../lib/random';

const tmp = mkdtempSync(path.join(tmpdir(), 'topicscope-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a table reader reported, in order: `h` header, `r` row, `x` reject, each with its line. */
type Event = ['h' | 'r', number, string[]] | ['x', number, string];

function readTable(lines: readonly string[], delimiter: string | null = ','): Event[] {
  const events: Event[] = [];
  const table = new CsvTableReader(
    {
      header: (cols, line) => events.push(['h', line, cols]),
      row: (fields, line) => events.push(['r', line, fields]),
      reject: (r) => events.push(['x', r.record, r.reason]),
    },
    delimiter,
  );
  lines.forEach((l, i) => table.push(l, i + 1));
  table.finish();
  return events;
}

describe('sniffDelimiter', () => {
  it('finds , ; tab and | and ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('title,abstract\n"A; B","x; y"\n')).toBe(',');
    expect(
      sniffDelimiter('Authors;Title;Year\nSmith, J.;A title, with a comma;2019\nDoe, A.;Another, title;2020\n'),
    ).toBe(';');
    expect(sniffDelimiter('title\tabstract\tyear\nA, B\tC, D\t2020\n')).toBe('\t');
    expect(sniffDelimiter('title|abstract\nA, B|C; D\n')).toBe('|');
    expect(sniffDelimiter('"a,b";"c";"d"\n"1";"2";"3"\n')).toBe(';');
  });

  it('settles a header that two delimiters split by the rows that follow', () => {
    // `,` and `;` both split the header in two; only `;` splits the rows the same way.
    expect(sniffDelimiter('a,b;c\n1;2,3,4\n5;6,7,8\n')).toBe(';');
    expect(sniffDelimiter('a,b;c\n1,2;3\n5,6;7\n')).toBe(',');
  });

  it('returns null when no delimiter splits the header', () => {
    expect(sniffDelimiter('just one column\nvalue\n')).toBeNull();
    expect(sniffDelimiter('')).toBeNull();
  });

  it('parseCsvHead gives the header and first rows, BOM and spaces trimmed from the header, blank rows skipped', () => {
    expect(parseCsvHead('\ufeff "Authors" ;"Title"\r\n\r\n"A";"B"\r\n', 5)).toEqual({
      delimiter: ';',
      rows: [
        ['Authors', 'Title'],
        ['A', 'B'],
      ],
    });
  });
});

describe('CsvRowReader', () => {
  it('joins a quoted line break, unescapes "" and drops a trailing CR', () => {
    const r = new CsvRowReader(',');
    expect(r.pushLine('1,"He said ""hi"",\r', 2)).toBeNull();
    expect(r.pushLine('and left",x\r', 3)).toEqual({
      line: 2,
      fields: ['1', 'He said "hi",\nand left', 'x'],
      lines: 2,
    });
    expect(r.rowLines()).toEqual(['1,"He said ""hi"",', 'and left",x']);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(new CsvRowReader(',').pushLine('5" screen,"ok"', 1)).toEqual({
      line: 1,
      fields: ['5" screen', 'ok'],
      lines: 1,
    });
  });

  it(`gives up a quoted field still open after ${MAX_QUOTED_ROW_LINES} lines or 1 MB`, () => {
    const r = new CsvRowReader(',');
    expect(r.pushLine('1,"open', 10)).toBeNull();
    for (let k = 1; k < MAX_QUOTED_ROW_LINES; k++) expect(r.pushLine(`line ${k}`, 10 + k)).toBeNull();
    expect(r.pushLine('one too many', 10 + MAX_QUOTED_ROW_LINES)).toEqual({ line: 10, unterminated: true });
    expect(r.rowLines()).toHaveLength(MAX_QUOTED_ROW_LINES + 1);
    const big = new CsvRowReader(',');
    expect(big.pushLine(`1,"${'x'.repeat(600_000)}`, 1)).toBeNull();
    expect(big.pushLine('y'.repeat(600_000), 2)).toEqual({ line: 1, unterminated: true });
  });
});

describe('CsvTableReader: broken rows', () => {
  it('a quote open at the end of the file is reported at its start line and the lines after it are read again', () => {
    expect(readTable(['a,b', '1,"open', '2,x', '3,y'])).toEqual([
      ['h', 1, ['a', 'b']],
      ['x', 2, 'unterminated quoted field'],
      ['r', 3, ['2', 'x']],
      ['r', 4, ['3', 'y']],
    ]);
  });

  it(`a quote open for more than ${MAX_QUOTED_ROW_LINES} lines is reported as soon as it runs past them, and no row is lost`, () => {
    const events: Event[] = [];
    const table = new CsvTableReader(
      {
        header: () => undefined,
        row: (fields, line) => events.push(['r', line, fields]),
        reject: (r: ParseReject) => events.push(['x', r.record, r.reason]),
      },
      ',',
    );
    table.push('a,b', 1);
    table.push('1,"open', 2);
    for (let line = 3; line <= 252; line++) {
      table.push(`${line},v`, line);
      // The open row spans lines 2..(MAX + 1); the next line gives it up.
      if (line === MAX_QUOTED_ROW_LINES + 1) expect(events).toEqual([]);
      if (line === MAX_QUOTED_ROW_LINES + 2) expect(events[0]).toEqual(['x', 2, 'unterminated quoted field']);
    }
    table.finish();
    expect(events).toHaveLength(251);
    expect(events.slice(1).map((e) => e[1])).toEqual(Array.from({ length: 250 }, (_, i) => i + 3));
    expect(events[1]).toEqual(['r', 3, ['3', 'v']]);
  });

  it('a quote open past 1 MB is reported, and the following lines read again', () => {
    expect(readTable(['a,b', `1,"${'x'.repeat(600_000)}`, 'y'.repeat(600_000), '3,z'])).toEqual([
      ['h', 1, ['a', 'b']],
      ['x', 2, 'unterminated quoted field'],
      ['x', 3, 'wrong field count: 1 fields, header has 2'],
      ['r', 4, ['3', 'z']],
    ]);
  });

  it('a row cut mid-field in an all-quoted export: the next quote closes it, the field count is wrong, the next row is read again', () => {
    expect(readTable(['"a","b"', '"1","cut', '"2","ok"', '"3","fine"'])).toEqual([
      ['h', 1, ['a', 'b']],
      ['x', 2, 'wrong field count: 3 fields, header has 2'],
      ['r', 3, ['2', 'ok']],
      ['r', 4, ['3', 'fine']],
    ]);
  });

  it('rejects single-line rows with the wrong field count and skips blank lines', () => {
    expect(readTable(['', 'a,b,c', '1,2,3', '', '4,5', '6,7,8,9', '10,11,12'])).toEqual([
      ['h', 2, ['a', 'b', 'c']],
      ['r', 3, ['1', '2', '3']],
      ['x', 5, 'wrong field count: 2 fields, header has 3'],
      ['x', 6, 'wrong field count: 4 fields, header has 3'],
      ['r', 7, ['10', '11', '12']],
    ]);
  });

  it('a line missing inside an open row (skipped as too long) breaks the row', () => {
    const events: Event[] = [];
    const table = new CsvTableReader(
      {
        header: () => undefined,
        row: (f, l) => events.push(['r', l, f]),
        reject: (r) => events.push(['x', r.record, r.reason]),
      },
      ',',
    );
    table.push('a,b', 1);
    table.push('1,"open', 2);
    table.push('more', 3);
    table.push('5,e', 5);
    table.finish();
    expect(events).toEqual([
      ['x', 2, 'unterminated quoted field'],
      ['x', 3, 'wrong field count: 1 fields, header has 2'],
      ['r', 5, ['5', 'e']],
    ]);
  });

  it('on random quote soup, never throws and reports each line at most once, in order', () => {
    const random = createRandom(12345);
    const pieces = ['"', '""', ',', 'ab', ' ', 'x', ',"', '",'];
    for (let trial = 0; trial < 40; trial++) {
      const lines = ['a,b,c'];
      for (let i = 0; i < 400; i++) {
        let l = '';
        for (let j = Math.floor(random() * 8); j > 0; j--) l += pieces[Math.floor(random() * pieces.length)];
        lines.push(l);
      }
      const at = readTable(lines).map((e) => e[1]);
      expect(at[0]).toBe(1);
      for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1]);
      expect(at[at.length - 1]).toBeLessThanOrEqual(401);
    }
  });

  it('sniffs the delimiter from the first lines when none is given', () => {
    expect(readTable(['\ufefftitle;abstract', 'A, B;C, D', '"E; F";G'], null)).toEqual([
      ['h', 1, ['title', 'abstract']],
      ['r', 2, ['A, B', 'C, D']],
      ['r', 3, ['E; F', 'G']],
    ]);
  });
});

describe('the csv layout', () => {
  const abstract =
    'An abstract long enough to count as one, with commas, and a semicolon; it is kept whole by the reader.';

  it('detectLayout recognizes semicolon- and pipe-separated CSV with BOM and CRLF', () => {
    expect(detectLayout(`title;abstract;authors\r\n"A";"${abstract}";"Ann Lee"\r\n`, true)).toBe('csv');
    expect(detectLayout(`title|abstract|authors\n"A"|"${abstract}"|"Ann Lee"\n`, true)).toBe('csv');
    expect(detectLayout(`title\tabstract\tauthors\nA\t${abstract}\tAnn Lee\n`, true)).toBe('tsv');
    expect(
      detectLayout('Sentence one, with a comma. Sentence two.\nAnother line; with a semicolon.\n', true),
    ).toBeNull();
  });

  it('readCorpus reads an Excel-style CSV: BOM, CRLF, ";" between fields, commas inside them', async () => {
    const file = path.join(tmp, 'excel.csv');
    writeFileSync(
      file,
      `\ufefftitle;abstract;authors;year\r\n"Graph neural networks for maps";"${abstract}";"Lee, Ann";2021\r\nTopic models, revisited;"${abstract} Second.";"Chen, Bo";2022\r\n`,
    );
    const c = await readCorpus([file]);
    expect(c.files[0]).toMatchObject({ layout: 'csv', recordsRead: 2, rejected: 0 });
    expect(c.papers.map((p) => p.title)).toEqual(['Graph neural networks for maps', 'Topic models, revisited']);
    expect(c.papers[1].year).toBe(2022);
  });

  it('createCsvLayoutParser emits every record and reject, with the delimiter sniffed', () => {
    const out: Array<RawRecord | ParseReject> = [];
    const parser = createCsvLayoutParser(null, { abstract: 'summary' }, (o) => out.push(o));
    ['title|summary|authors', `A|"${abstract}"|Ann Lee`, 'B|"never closed', 'C|x|Bo Chen'].forEach((l, i) =>
      parser.push(l, i + 1),
    );
    parser.finish();
    expect(parser.columns).toEqual(['title', 'summary', 'authors']);
    expect(out.map((o) => ('reason' in o ? [o.record, o.reason] : [o.record, o.title, o.abstract]))).toEqual([
      [2, 'A', abstract],
      [3, 'unterminated quoted field'],
      [4, 'C', 'x'],
    ]);
  });
});

describe.runIf(HAVE_SAMPLES)('CSV exports re-saved the Excel way', () => {
  const exports = [
    ['scopus-csv', 'scopus/metaknowledge__scopus_testing.csv.scopus'],
    ['scopus-csv', 'scopus/bibliometrix__scopus_sample.csv'],
    ['lens-csv', 'lens/bibliometrix__lens_sample.csv'],
    ['ieee-csv', 'ieee/litstudy__ieee_1.csv'],
    ['openalex-csv', 'openalex/bibliometrix__openalex_sample.csv'],
  ] as const;

  it.each(exports)(
    '%s (%s) with ";" between fields, every field quoted, BOM and CRLF: same format, same records',
    (format, file) => {
      const original = readFileSync(sample(file), 'utf8');
      const head = parseCsvHead(original.replace(/^\ufeff/, ''), 4);
      expect(head?.delimiter).toBe(',');
      const resaved = `\ufeff${(head?.rows ?? []).map((r) => r.map((f) => `"${f.replace(/"/g, '""').replace(/\n/g, '\r\n')}"`).join(';')).join('\r\n')}\r\n`;
      expect(detectFormat({ text: resaved.slice(1), complete: true })?.name).toBe(format);
      const spec = findFormat(format);
      if (spec === undefined) throw new Error(format);
      const before = parseText(spec, original.split('\n').slice(0, 4).join('\n'));
      const after = parseText(spec, resaved);
      expect(after.rejects).toEqual([]);
      expect(after.records).toEqual(before.records);
      expect(after.records).toHaveLength(3);
    },
  );
});
