import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('CSV for spreadsheets', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['day', 'count'], [['2026-12-07', 4], ['2026-12-08', 0]])).toBe('day,count\r\n2026-12-07,4\r\n2026-12-08,0\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['name'], [['Seoul, Korea'], ['The "best"'], ['two\nlines']])).toBe('name\r\n"Seoul, Korea"\r\n"The ""best"""\r\n"two\nlines"\r\n');
  });

  it('keeps a cell that looks like a formula as text', () => {
    expect(toCsv(['name'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@SUM(A1)']])).toBe(
      'name\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n');
  });

  it('leaves numbers (negative ones too) as numbers and empties empty', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3.5, null, undefined], [Number.NaN, '', 0]])).toBe('a,b,c\r\n-3.5,,\r\n,,0\r\n');
  });
});
