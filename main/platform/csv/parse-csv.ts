// Reads CSV text with papaparse: quoted fields (with separators and line breaks inside), a leading byte-order
// mark, the separator detected (comma, semicolon as Excel writes it in much of Europe, tab, pipe), and blank
// lines skipped while every record keeps its row number as a spreadsheet shows it (the header is row 1).
import Papa from 'papaparse';
import { AppError } from '../../../shared/ipc/ipc-error';

export interface CsvRecord {
  rowNumber: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: string;
  headers: string[];
  records: CsvRecord[];
}

export function parseCsv(text: string): ParsedCsv {
  const withoutBom = text.replace(/^\uFEFF/, '');
  // Papaparse guesses the separator from the first rows; blank lines would spoil its count of fields per row.
  const guess = Papa.parse<string[]>(withoutBom, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const result = Papa.parse<string[]>(withoutBom, {
    header: false,
    delimiter: guess.meta.delimiter,
    // Blank lines are dropped below, after numbering, so the row numbers match the file.
    skipEmptyLines: false,
  });
  const fatal = result.errors.find((error) => error.code === 'MissingQuotes');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw new AppError('invalid-request', `The file is not valid CSV: a quote opened in row ${row} is never closed.`);
  }
  const rows = result.data.map((cells, index) => ({ rowNumber: index + 1, cells }));
  const nonBlank = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [header, ...records] = nonBlank;
  if (!header) throw new AppError('invalid-request', 'The file is empty: it needs a header row and customer rows.');
  return { delimiter: result.meta.delimiter, headers: header.cells.map((cell) => cell.trim()), records };
}
