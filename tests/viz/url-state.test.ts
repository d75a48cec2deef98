import { describe, expect, it } from 'vitest';
import {
  choiceField,
  formatIdList,
  formatPolygon,
  formatYearRange,
  formatZoom,
  idField,
  idListField,
  parseNumberIn,
  parseRouteId,
  polygonField,
  readQuery,
  validateQuery,
  writeQuery,
  yearRangeField,
  zoomField,
  optionalInt,
} from '@/lib/viz/url-state';
import { z } from 'zod';

describe('URL fields', () => {
  it('reads ids, lists and year ranges leniently', () => {
    expect([
      idField.parse('42'),
      idField.parse('0'),
      idField.parse('-1'),
      idField.parse('4x'),
      idField.parse(undefined),
    ]).toEqual([42, 0, null, null, null]);
    expect(idField.parse('2147483647')).toBe(2147483647);
    expect(idField.parse('2147483648')).toBeNull();
    expect(idListField().parse('9, 2,x,2,,-3')).toEqual([2, 9]);
    expect(idListField(2).parse('5,4,3')).toEqual([4, 5]);
    expect(formatIdList([9, 2])).toBe('2,9');
    expect(formatIdList([])).toBeNull();
    expect(yearRangeField.parse('2022-2019')).toEqual([2019, 2022]);
    expect(yearRangeField.parse('2020')).toEqual([2020, 2020]);
    expect(yearRangeField.parse('20')).toBeNull();
    expect(formatYearRange([2020, 2020])).toBe('2020');
    expect(formatYearRange([2019, 2022])).toBe('2019-2022');
    expect(choiceField(['a', 'b'], 'a').parse('c')).toBe('a');
  });

  it('reads a zoom and a polygon, or nothing when a number is bad', () => {
    expect(zoomField.parse('2.5,-1,3')).toEqual({ k: 2.5, x: -1, y: 3 });
    expect(['0,1,2', '1e5,0,0', '1,2', 'NaN,1,1', '1,Infinity,1', ''].map((z) => zoomField.parse(z))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(formatZoom({ k: 1.23456, x: 10.06, y: -0.04 })).toBe('1.235,10.1,0');
    expect(polygonField.parse('0,0;1,0;1,1')).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(polygonField.parse('0,0;1,0')).toBeNull();
    // A third number in a pair was ignored by the hand-written reader, and still is.
    expect(polygonField.parse('0,0,x;1,0;1,1')).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(polygonField.parse('0,0;1,x;1,1')).toBeNull();
    expect(polygonField.parse(Array.from({ length: 250 }, (_, i) => `${i},0`).join(';'))).toHaveLength(200);
    expect(
      formatPolygon([
        [0.123456, 2],
        [3, -4.00001],
      ]),
    ).toBe('0.1235,2;3,-4');
  });

  it('reads a query with a shape of fields and writes one with readable separators', () => {
    const shape = { a: idField, b: idListField() };
    expect(readQuery(shape, { a: ['7', '8'], b: '3,1' })).toEqual({ a: 7, b: [1, 3] });
    expect(readQuery(shape, new URLSearchParams('a=x'))).toEqual({ a: null, b: [] });
    expect(
      writeQuery([
        ['b', '1,2'],
        ['a', null],
        ['c', ''],
        ['d', 0],
        ['s', 'x;y z'],
      ]),
    ).toBe('b=1,2&d=0&s=x;y+z');
  });

  it('validates a strict query and names the bad fields', () => {
    const schema = z.object({ n: optionalInt(1, 10), m: optionalInt(0, 5) });
    expect(validateQuery(schema, ['n', 'm'], { n: '3' })).toEqual({ ok: true, query: { n: 3, m: undefined } });
    expect(validateQuery(schema, ['n', 'm'], { n: '30', m: 'x' })).toEqual({
      ok: false,
      error: 'n must be between 1 and 10; m must be a whole number',
    });
  });

  it('reads route ids and bounded numbers', () => {
    expect([parseRouteId(' 12 '), parseRouteId('1.5'), parseRouteId(undefined), parseRouteId('')]).toEqual([
      12,
      undefined,
      undefined,
      undefined,
    ]);
    expect([parseNumberIn('0.4', 0, 1), parseNumberIn('1.4', 0, 1), parseNumberIn(' ', 0, 1)]).toEqual([
      0.4,
      undefined,
      undefined,
    ]);
  });
});
