import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonItemSplitter, createJsonRecordParser, startsLikeJson } from '../../lib/corpus/json-stream';
import type { ParseReject, RawRecord } from '../../lib/corpus/raw-record';
import { HAVE_SAMPLES, sample } from './formats/samples';

type Out = [number, string] | ['error', number, string];

/** Splits `text` fed in pieces of `size` characters (each with the line it starts on). */
function split(text: string, size = text.length || 1): Out[] {
  const out: Out[] = [];
  const splitter = new JsonItemSplitter(
    (t, line) => out.push([line, t]),
    (line, reason) => out.push(['error', line, reason]),
  );
  let line = 1;
  for (let i = 0; i < text.length; i += size) {
    const piece = text.slice(i, i + size);
    splitter.push(piece, line);
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1)) line++;
  }
  splitter.finish();
  return out;
}

/** The same output whatever the piece size: every cut point of the text is tried. */
function splitAnyhow(text: string): Out[] {
  const whole = split(text);
  for (const size of [1, 2, 3, 5, 8, 13]) expect(split(text, size)).toEqual(whole);
  return whole;
}

describe('JsonItemSplitter: record shapes', () => {
  it('yields the items of a top-level array with their start lines', () => {
    const text = '[\n  {"a": 1,\n   "b": [1, {"c": "}]"}]},\n  {"a": 2}\n]\n';
    expect(splitAnyhow(text)).toEqual([
      [2, '{"a": 1,\n   "b": [1, {"c": "}]"}]}'],
      [4, '{"a": 2}'],
    ]);
  });

  it('yields the results of an OpenAlex API page, not the page or its meta', () => {
    const text =
      '{"meta": {"count": 2, "page": 1}, "results": [{"id": "W1"}, {"id": "W2", "x": [[]]}], "group_by": [{"key": "k"}]}';
    expect(splitAnyhow(text)).toEqual([
      [1, '{"id": "W1"}'],
      [1, '{"id": "W2", "x": [[]]}'],
    ]);
  });

  it('yields the items of a `data` list and of Crossref `message.items`', () => {
    expect(
      splitAnyhow('{"total": 2, "offset": 0, "next": 2, "data": [{"paperId": "p1"},\n{"paperId": "p2"}]}'),
    ).toEqual([
      [1, '{"paperId": "p1"}'],
      [2, '{"paperId": "p2"}'],
    ]);
    const crossref =
      '{"status":"ok","message-type":"work-list","message":{"facets":{},"total-results":2,"items":[{"DOI":"10.1/a"},{"DOI":"10.1/b"}],"items-per-page":20,"query":{"start-index":0}}}';
    expect(splitAnyhow(crossref)).toEqual([
      [1, '{"DOI":"10.1/a"}'],
      [1, '{"DOI":"10.1/b"}'],
    ]);
  });

  it('yields a single top-level object whole: a record, or a Crossref `work` response', () => {
    const work = '\n\n{\n  "DOI": "10.1/x",\n  "title": ["T"],\n  "reference": [{"key": "r1"}]\n}\n';
    expect(splitAnyhow(work)).toEqual([[3, work.trim()]]);
    const single = '{"status":"ok","message-type":"work","message":{"DOI":"10.1/a","author":[{"family":"X"}]}}';
    expect(splitAnyhow(single)).toEqual([[1, single]]);
  });

  it('yields one object a line (JSON lines, CRLF too), skipping blank lines and trailing commas', () => {
    const text = '{"id": 1}\r\n\r\n{"id": 2, "s": "a\\"b\\\\"},\r\n{"id": 3}';
    expect(splitAnyhow(text)).toEqual([
      [1, '{"id": 1}'],
      [3, '{"id": 2, "s": "a\\"b\\\\"}'],
      [4, '{"id": 3}'],
    ]);
  });

  it('keeps brackets, quotes and backslashes inside strings out of the nesting', () => {
    const text = '[{"t": "[{\\"}\\\\", "u": "\\\\"}, {"t": "\\u005d"}]';
    const items = splitAnyhow(text).map((o) => JSON.parse(o[1] as string) as unknown);
    expect(items).toEqual([{ t: '[{"}\\', u: '\\' }, { t: ']' }]);
  });

  it('yields nothing for an empty array or page', () => {
    expect(splitAnyhow('[]')).toEqual([]);
    expect(splitAnyhow('{"meta": {}, "results": []}')).toEqual([]);
  });
});

describe('JsonItemSplitter: broken input', () => {
  it('reports a record cut off at the end of the file at its start line', () => {
    expect(splitAnyhow('[\n{"a": 1},\n{"a": 2,\n "b": "x')).toEqual([
      [2, '{"a": 1}'],
      ['error', 3, 'cut off at end of file'],
    ]);
  });

  it('reports a cut JSON line and goes on with the next line', () => {
    const text = '{"a": 1}\n{"a": 2, "b": [1\n{"a": 3}\n{"a": "cut\n{"a": 5}\n';
    expect(splitAnyhow(text)).toEqual([
      [1, '{"a": 1}'],
      ['error', 2, 'cut off at end of line'],
      [3, '{"a": 3}'],
      ['error', 4, 'cut off at end of line'],
      [5, '{"a": 5}'],
    ]);
  });

  it('in an array, reports a record cut off by the start of the next one', () => {
    expect(splitAnyhow('[\n {"a": 1},\n {"a": [1, 2\n {"a": 3}\n]')).toEqual([
      [2, '{"a": 1}'],
      ['error', 3, 'cut off before the next record'],
      [4, '{"a": 3}'],
    ]);
  });

  it('reports text that is not JSON once and resumes at the next line opening an object', () => {
    expect(splitAnyhow('garbage {"x": 1}\nmore\n{"a": 1}\n')).toEqual([
      ['error', 1, 'not JSON'],
      [3, '{"a": 1}'],
    ]);
  });

  it('reports array items that are not objects, and a stray closing brace', () => {
    expect(splitAnyhow('[1, {"a": 1},\n "s", null, {"b": 2}}]')).toEqual([
      ['error', 1, 'not a JSON object'],
      [1, '{"a": 1}'],
      ['error', 2, 'not a JSON object'],
      ['error', 2, 'not a JSON object'],
      [2, '{"b": 2}'],
      ['error', 2, 'unexpected }'],
    ]);
  });

  it('turns a record that is not valid JSON into a `bad JSON` reject and parses the rest', () => {
    const out: (RawRecord | ParseReject)[] = [];
    const values: unknown[] = [];
    const parser = createJsonRecordParser(
      (o) => out.push(o),
      (value, line) => values.push([line, value]),
    );
    parser.push('[{"a": 1},\n {"a": 1,, "b": 2},\n {"a": 3}]', 1);
    parser.finish();
    expect(values).toEqual([
      [1, { a: 1 }],
      [3, { a: 3 }],
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ record: 2 });
    expect((out[0] as ParseReject).reason).toMatch(/^bad JSON: /);
  });
});

describe('startsLikeJson', () => {
  it('accepts text opening an object or array after blanks and a BOM, and nothing else', () => {
    expect(['{}', ' \r\n[1]', '\ufeff{"a":1}'].map(startsLikeJson)).toEqual([true, true, true]);
    expect(['', '  ', 'id,title\n', 'TY  - JOUR', '<?xml'].map(startsLikeJson)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe.runIf(HAVE_SAMPLES)('JsonItemSplitter on the real samples', () => {
  it('splits an OpenAlex works array into exactly the array items', () => {
    const text = readFileSync(sample('openalex/synergy__Donners_2021/works_0_25.json'), 'utf8');
    const expected = JSON.parse(text) as unknown[];
    for (const size of [4096, 65536, 1 << 20]) {
      const out = split(text, size);
      expect(out.map((o) => o[0])).toEqual(Array(25).fill(1));
      expect(out.map((o) => JSON.parse(o[1] as string) as unknown)).toEqual(expected);
    }
  });

  it('yields the Semantic Scholar paper (a single object holding 1014 nested papers) whole, whatever the cuts', () => {
    const text = readFileSync(sample('semantic-scholar/semanticscholar-py__Paper.json'), 'utf8');
    for (const size of [997, 65536]) {
      const out = split(text, size);
      expect(out).toHaveLength(1);
      expect(out[0][1]).toBe(text.trim());
    }
  });

  it('splits the pretty-printed Crossref work, counting its lines', () => {
    const text = readFileSync(sample('crossref/fatcat__crossref-works.single.json'), 'utf8');
    const out = split(text, 100);
    expect(out).toHaveLength(1);
    expect(out[0][0]).toBe(1);
    expect(JSON.parse(out[0][1] as string)).toEqual(JSON.parse(text));
  });
});
