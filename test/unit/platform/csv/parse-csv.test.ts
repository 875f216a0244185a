// Reading CSV as spreadsheets write it: quoted fields, a byte-order mark, semicolons, blank lines, and row
// numbers that match what the user sees; and the column mapping detected from the header row.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../main/platform/csv/parse-csv';
import { writeCsv } from '../../../../shared/csv/write-csv';
import { detectImportMapping } from '../../../../shared/domain/customer-import';

describe('parseCsv', () => {
  it('reads quoted fields with separators, quotes and line breaks inside', () => {
    const text = 'Company,Address\r\n"Litware, Inc","1 ""Main"" Street\r\nSuite 2"\r\nAdatum,"2 High St"\r\n';
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual(['Company', 'Address']);
    expect(parsed.records).toEqual([
      { rowNumber: 2, cells: ['Litware, Inc', '1 "Main" Street\r\nSuite 2'] },
      { rowNumber: 3, cells: ['Adatum', '2 High St'] },
    ]);
  });

  it('drops a byte-order mark and detects semicolons (Excel in much of Europe)', () => {
    const parsed = parseCsv('\uFEFFFirma;E-Mail\nMüller GmbH;info@mueller.de\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Firma', 'E-Mail']);
    expect(parsed.records[0]?.cells).toEqual(['Müller GmbH', 'info@mueller.de']);
  });

  it('skips blank lines but keeps the file’s row numbers', () => {
    const parsed = parseCsv('\nCompany,Email\n\nA,a@a.com\n ,  \n\nB,b@b.com\n\n');
    expect(parsed.headers).toEqual(['Company', 'Email']);
    expect(parsed.records.map((record) => [record.rowNumber, record.cells[0]])).toEqual([
      [4, 'A'],
      [7, 'B'],
    ]);
  });

  it('refuses an empty file and an unclosed quote with a clear message', () => {
    expect(() => parseCsv('\n\n')).toThrow('The file is empty');
    expect(() => parseCsv('Company\n"Litware\n')).toThrow(/quote opened in row 2 is never closed/);
  });
});

describe('writeCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const csv = writeCsv(
      ['Name', 'Note'],
      [
        ['Litware, Inc', '=HYPERLINK("x")'],
        ['Plain', null],
      ],
    );
    expect(csv).toBe('Name,Note\r\n"Litware, Inc","\'=HYPERLINK(""x"")"\r\nPlain,');
    expect(parseCsv(csv).records[0]?.cells).toEqual(['Litware, Inc', '\'=HYPERLINK("x")']);
  });

  it('defuses a formula wherever it starts: after spaces, on every line of a cell, in full-width forms', () => {
    const cells = [
      '+1 555 0100',
      '-2+3',
      '@SUM(A1)',
      '\t=cmd',
      '  =1+1',
      'Note\n=HYPERLINK("http://x")\r\n@x',
      '\uff1d1+1',
      'Fine = text',
      'a-b',
    ];
    const csv = writeCsv(
      ['Cell'],
      cells.map((cell) => [cell]),
    );
    const parsed = parseCsv(csv).records.map((record) => record.cells[0]);
    expect(parsed).toEqual([
      "'+1 555 0100",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=cmd",
      "'  =1+1",
      'Note\n\'=HYPERLINK("http://x")\r\n\'@x',
      "'\uff1d1+1",
      'Fine = text',
      'a-b',
    ]);
    // Numbers are numbers, not text that could run: a negative amount stays as it is.
    expect(writeCsv(['N'], [[-5], [3.5]])).toBe('N\r\n-5\r\n3.5');
  });
});

describe('detectImportMapping', () => {
  it('maps common header names to fields, whatever their case and punctuation', () => {
    const mapping = detectImportMapping([
      'Customer Name',
      'Contact',
      'E-mail address',
      'Tenant domain',
      'Reseller MPN ID',
      'DAP',
      'Street',
      'City',
      'ZIP',
      'Country',
      'Notes',
    ]);
    expect(mapping).toEqual({
      companyName: 0,
      contactName: 1,
      contactEmail: 2,
      domain: 3,
      resellerMpnId: 4,
      includeDelegatedAdmin: 5,
      addressLine1: 6,
      city: 7,
      postalCode: 8,
      country: 9,
    });
  });

  it('leaves fields without a matching column unmapped and never maps one column twice', () => {
    const mapping = detectImportMapping(['Company', 'Email', 'Email']);
    expect(mapping.companyName).toBe(0);
    expect(mapping.contactEmail).toBe(1);
    expect(mapping.contactName).toBeNull();
    expect(mapping.domain).toBeNull();
  });
});
