// Writes CSV for spreadsheets: a header row, quoting where needed, CRLF line ends, and cells that a spreadsheet
// would run as a formula (=, +, -, @ at the start) escaped, because exported names and notes are user input.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

export function writeCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse(
    { fields: [...headers], data: rows.map((row) => row.map((cell) => (cell === null ? '' : cell))) },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
}
