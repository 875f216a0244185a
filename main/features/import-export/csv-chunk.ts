// CSV for a chunk of rows, made from one string SQLite builds for the whole chunk: building a line per row from
// an object per row cost most of a large export's time (a JavaScript string per cell, then one per line). SQL
// joins the cells, each after a unit separator, and the rows with a record separator; over the whole chunk,
// quotes are doubled and the cells holding one or a comma wrapped in quotes, then the separators become commas
// and CRLFs in the bytes (a control byte is never part of a multi-byte UTF-8 character). Rows csvLine writes
// differently (a line break or tab, a leading space or formula character, a trailing space) go through csvLine
// one by one, so every byte is what csvLine writes. When a cell holds a separator itself or is NULL the chunk
// cannot be split safely: the caller reads its rows the slow way.
import { csvLine, formulaStartCharacters } from '../../../shared/csv/write-csv';

const unit = '\x1f';
const record = '\x1e';

// A query giving one chunk for `rows` (a SELECT with its ORDER BY and LIMIT, the key in a column named key, the
// cells in TEXT columns named cell0, cell1, ...): the last key, how many rows, and the joined text.
export function csvChunkSql(rows: string, cellCount: number): string {
  const cells = Array.from({ length: cellCount }, (_, index) => `char(31) || cell${index}`);
  return `SELECT max(key) AS last, count(*) AS count, group_concat(${cells.join(' || ')}, char(30) ORDER BY key) AS joined
    FROM (${rows})`;
}

export interface JoinedChunk {
  count: number;
  joined: string | null;
}

const escapeClass = (characters: readonly string[]) =>
  characters.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
// What csvLine treats other than by quoting: a line break or a tab anywhere (a line of its own, a formula), a
// cell starting with a space or a formula character, a cell ending with a space.
const needsCsvLine = new RegExp(
  `[\\r\\n\\t]| (?:[\\x1e\\x1f]|$)|\\x1f[${escapeClass([' ', '\u00a0', ...formulaStartCharacters])}]`,
);
// A cell with a quote (already doubled) or a comma.
// eslint-disable-next-line no-control-regex -- the separators SQL joins with are control characters on purpose
const needsQuotes = /\x1f([^\x1e\x1f",]*[",][^\x1e\x1f]*)/g;

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

const quoted = (joined: string) => joined.replaceAll('"', '""').replace(needsQuotes, `${unit}"$1"`);

// Rows none of whose cells needs more than quotes: their CSV lines, each ending in CRLF.
function plainLines(joined: string): Buffer {
  const bytes = Buffer.from(`${quoted(joined).slice(1)}\r\n`);
  // A record separator is followed by the next row's unit separator: the two bytes become CRLF.
  for (let at = bytes.indexOf(0x1e); at !== -1; at = bytes.indexOf(0x1e, at + 2)) {
    bytes[at] = 0x0d;
    bytes[at + 1] = 0x0a;
  }
  for (let at = bytes.indexOf(0x1f); at !== -1; at = bytes.indexOf(0x1f, at + 1)) bytes[at] = 0x2c;
  return bytes;
}

// The CSV lines of a chunk (each ending in CRLF) as UTF-8, or null when it cannot be split on its separators.
export function csvChunkLines(chunk: JoinedChunk, cellCount: number): Buffer | null {
  const { count, joined } = chunk;
  if (count === 0) return Buffer.alloc(0);
  if (joined === null || countOf(joined, record) !== count - 1 || countOf(joined, unit) !== count * cellCount)
    return null;
  if (!needsCsvLine.test(joined)) return plainLines(joined);
  // Some rows need csvLine: each row on its own (the counts above show every row splits into its cells).
  let lines = '';
  for (const row of joined.split(record))
    lines += needsCsvLine.test(row)
      ? csvLine(row.slice(1).split(unit))
      : `${quoted(row).slice(1).replaceAll(unit, ',')}\r\n`;
  return Buffer.from(lines);
}
