import { describe, expect, it } from 'vitest';
import { parseRow, parseTimestamp, readHeader, splitFields } from './csv.js';

/** 2024-01-02T03:04:05Z, a Tuesday, in milliseconds. */
const T = Date.UTC(2024, 0, 2, 3, 4, 5);
const HOUR = 3_600_000;

describe('parseTimestamp', () => {
  it.each([
    { text: '2024-01-02 03:04:05', t: T },
    { text: '2024-01-02T03:04:05', t: T },
    { text: '2024-01-02T03:04:05Z', t: T },
    { text: '2024-01-02t03:04:05z', t: T },
    { text: '  2024-01-02T03:04:05Z  ', t: T },
    { text: '2024-01-02T03:04:05+02:00', t: T - 2 * HOUR },
    { text: '2024-01-02T03:04:05+0200', t: T - 2 * HOUR },
    { text: '2024-01-02 03:04:05 -05:30', t: T + 5.5 * HOUR },
    { text: '2024-01-02T03:04:05.123456', t: T + 123 },
    { text: '2024-01-02T03:04:05.123456Z', t: T + 123 },
    { text: '2024-01-02T03:04:05.5', t: T + 500 },
    { text: '2024-01-02T03:04:05.999+01:00', t: T + 999 - HOUR },
    { text: '2024-01-02 03:04', t: T - 5000 },
    { text: '2024-01-02', t: Date.UTC(2024, 0, 2) },
    { text: '1704164645', t: T },
    { text: '1704164645.25', t: T + 250 },
    { text: '1704164645000', t: T },
    { text: '0', t: 0 },
    { text: '-86400', t: -86_400_000 },
  ])('reads "$text" as $t', ({ text, t }) => {
    expect(parseTimestamp(text)).toBe(t);
  });

  it('does not depend on the local time zone for a time without a zone', () => {
    expect(new Date(parseTimestamp('2024-07-01 12:00:00')).toISOString()).toBe('2024-07-01T12:00:00.000Z');
  });

  it.each([
    '',
    '   ',
    'yesterday',
    '2024-13-45 99:99:99',
    '2024-13-01',
    '2024-01-02T25:00:00Z',
    '2024/01/02 03:04:05',
    '02-01-2024',
    '2024-01-02T03:04:05+2',
    '1e9',
    '12abc',
    '2024-02-30',
    '2023-04-31 10:00',
    '2023-02-29T00:00:00Z',
  ])('refuses "%s" (NaN)', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });
});

describe('splitFields', () => {
  it.each([
    { line: 'a,b,c', fields: ['a', 'b', 'c'] },
    { line: ' a , b ,c ', fields: ['a', 'b', 'c'] },
    { line: 'a,,c', fields: ['a', '', 'c'] },
    { line: 'a,b,', fields: ['a', 'b', ''] },
    { line: 'single', fields: ['single'] },
    { line: '', fields: [''] },
    { line: '"2024-01-02, 03:04",5', fields: ['2024-01-02, 03:04', '5'] },
    { line: '"a,b","c,d",e', fields: ['a,b', 'c,d', 'e'] },
    { line: ' "a,b" , 1 ', fields: ['a,b', '1'] },
    { line: '"say ""hi""",1', fields: ['say "hi"', '1'] },
    { line: '"",1', fields: ['', '1'] },
  ])('splits $line into $fields', ({ line, fields }) => {
    expect(splitFields(line)).toEqual(fields);
  });
});

describe('readHeader', () => {
  it.each([
    { line: 'timestamp,value', columns: { timestamp: 0, value: 1 } },
    { line: 'Timestamp,Value', columns: { timestamp: 0, value: 1 } },
    { line: '"timestamp","value"', columns: { timestamp: 0, value: 1 } },
    { line: 'value,time', columns: { timestamp: 1, value: 0 } },
    { line: 'date,metric', columns: { timestamp: 0, value: 1 } },
    { line: 'ts,y', columns: { timestamp: 0, value: 1 } },
    { line: 'host,datetime,val', columns: { timestamp: 1, value: 2 } },
    { line: 'val,host,ts', columns: { timestamp: 2, value: 0 } },
    { line: 'when,how much', columns: { timestamp: 0, value: 1 } },
    { line: 'requests,time', columns: { timestamp: 1, value: 0 } },
  ])('finds the columns of the header "$line"', ({ line, columns }) => {
    expect(readHeader(line)).toEqual(columns);
  });

  it.each([
    '2024-01-02T03:04:05Z,12.5',
    '2024-01-02 03:04:05,-3',
    '1704164645,0',
    '1704164645000,1e3',
    '"2024-01-02 03:04:05",7',
    '2024-01-02T00:00:00Z,NaN',
    '1704164645,inf',
    '2024-01-02T00:00:00Z,',
  ])('sees that "%s" is already data (undefined)', (line) => {
    expect(readHeader(line)).toBeUndefined();
  });
});

describe('parseRow', () => {
  const columns = { timestamp: 0, value: 1 };

  it.each([
    { line: '2024-01-02T03:04:05Z,12.5', t: T, v: 12.5, rawValue: '12.5' },
    { line: '2024-01-02 03:04:05, -3 ', t: T, v: -3, rawValue: '-3' },
    { line: '1704164645,1e3', t: T, v: 1000, rawValue: '1e3' },
    { line: '1704164645,0', t: T, v: 0, rawValue: '0' },
    { line: '1704164645,NaN', t: T, v: Number.NaN, rawValue: 'NaN' },
    { line: '1704164645,nan', t: T, v: Number.NaN, rawValue: 'nan' },
    { line: '1704164645,inf', t: T, v: Number.POSITIVE_INFINITY, rawValue: 'inf' },
    { line: '1704164645,+Inf', t: T, v: Number.POSITIVE_INFINITY, rawValue: '+Inf' },
    { line: '1704164645,-inf', t: T, v: Number.NEGATIVE_INFINITY, rawValue: '-inf' },
    { line: '1704164645,Infinity', t: T, v: Number.POSITIVE_INFINITY, rawValue: 'Infinity' },
    { line: '1704164645,4,extra', t: T, v: 4, rawValue: '4' },
  ])('reads "$line"', ({ line, t, v, rawValue }) => {
    const row = parseRow(line, columns);
    expect(row.ok).toBe(true);
    if (!row.ok) return;
    expect(row.t).toBe(t);
    expect(Object.is(row.v, v)).toBe(true);
    expect(row.rawValue).toBe(rawValue);
    expect(row.raw).toBe(line.split(',')[0].trim());
  });

  it('unquotes a quoted timestamp', () => {
    expect(parseRow('"2024-01-02 03:04:05","12"', columns)).toEqual({
      ok: true,
      raw: '2024-01-02 03:04:05',
      rawValue: '12',
      t: T,
      v: 12,
    });
  });

  it('keeps a quoted field with a comma in it as one field', () => {
    const row = parseRow('"2024-01-02, 03:04:05",4', columns);
    expect(row).toMatchObject({ ok: false, raw: '2024-01-02, 03:04:05', rawValue: '4' });
  });

  it('reads the columns a header named, in any order', () => {
    expect(parseRow('host-1,42,2024-01-02T03:04:05Z', { timestamp: 2, value: 1 })).toEqual({
      ok: true,
      raw: '2024-01-02T03:04:05Z',
      rawValue: '42',
      t: T,
      v: 42,
    });
  });

  it.each([
    { line: '1704164645,', rawValue: '', error: 'value "" is not a number' },
    { line: '1704164645,  ', rawValue: '', error: 'value "" is not a number' },
    { line: '1704164645,abc', rawValue: 'abc', error: 'value "abc" is not a number' },
    { line: '1704164645,12ms', rawValue: '12ms', error: 'value "12ms" is not a number' },
    { line: '1704164645', rawValue: '', error: 'has no column 2 (value)' },
    { line: 'yesterday,5', rawValue: '5', error: 'timestamp "yesterday" is not a date or Unix time' },
    { line: ',5', rawValue: '5', error: 'timestamp "" is not a date or Unix time' },
  ])('refuses "$line": $error', ({ line, rawValue, error }) => {
    const row = parseRow(line, columns);
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.error).toBe(error);
    expect(row.rawValue).toBe(rawValue);
  });

  it('names the missing column of a wider layout', () => {
    const row = parseRow('1704164645,1', { timestamp: 0, value: 3 });
    expect(row).toEqual({ ok: false, raw: '1704164645', rawValue: '', error: 'has no column 4 (value)' });
  });
});
