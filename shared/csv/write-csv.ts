// Writes CSV for spreadsheets: a header row, quoting where needed, CRLF line ends, and text a spreadsheet
// would run as a formula defused with a leading apostrophe, because exported names and notes are user input.
// A formula can start a cell (=, +, -, @, a tab or carriage return; full-width forms too, which some
// spreadsheets fold), after leading spaces, and on any line of a multi-line cell, which some importers split
// into rows of their own; each such line is defused.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

const formulaStart = /^[ \u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
// The same characters one by one (tab and carriage return included), for CSV written by SQL.
export const formulaStartCharacters = ['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20'] as const;

export function defuseFormula(text: string): string {
  return text
    .split(/(\r\n|\n|\r)/)
    .map((part, index) => (index % 2 === 0 && formulaStart.test(part) ? `'${part}` : part))
    .join('');
}

function cellText(cell: CsvCell): string | number | boolean {
  if (cell === null) return '';
  return typeof cell === 'string' ? defuseFormula(cell) : cell;
}

export function writeCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse(
    { fields: headers.map(defuseFormula), data: rows.map((row) => row.map(cellText)) },
    { newline: '\r\n', escapeFormulae: false, quotes: false },
  );
}

// One cell as writeCsv writes it: a formula defused, quoted where a comma, quote, line break or edge space
// needs it.
export function csvCell(cell: CsvCell): string {
  let text = cell === null ? '' : String(cell);
  if (typeof cell === 'string')
    text = /[\r\n]/.test(text) ? defuseFormula(text) : formulaStart.test(text) ? `'${text}` : text;
  if (/[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ')) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

// One CSV line (with its CRLF) as writeCsv writes a row: for writing a large file a chunk at a time.
export function csvLine(cells: readonly CsvCell[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index++) {
    const text = csvCell(cells[index] ?? null);
    line += index === 0 ? text : `,${text}`;
  }
  return `${line}\r\n`;
}
