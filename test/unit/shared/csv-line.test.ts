import { describe, expect, it } from 'vitest';
import { csvLine, writeCsv, type CsvCell } from '../../../shared/csv/write-csv';

describe('csvLine', () => {
  it('writes each row as writeCsv does: quoting, formulas defused, CRLF', () => {
    const rows: CsvCell[][] = [
      ['Contoso', 'a,b', 'say "hi"', null, 3, true],
      ['=SUM(A1)', ' padded ', 'two\nlines', '+1\r\n-2', '@home', ''],
      ['ｰfull', '＝full', 'tab\tin', "it's", '', 'x'],
    ];
    const headers = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(csvLine(headers) + rows.map(csvLine).join('')).toBe(`${writeCsv(headers, rows)}\r\n`);
  });
});
