// CSV for a chunk of rows, made from one string SQLite builds for the whole chunk: building a line per row from
// an object per row cost most of a large export's time (a JavaScript string per cell, then one per line). SQL
// joins the cells with a unit separator and the rows with a record separator, and hands the chunk over as bytes
// (a BLOB: no UTF-16 string to build and encode again). One pass over those bytes writes the CSV: a cell holding
// a quote or a comma quoted (its quotes doubled), the others copied as they are, commas between cells, CRLF
// after each row (a control byte is never part of a multi-byte UTF-8 character). Quoting in SQL instead (instr,
// iif, replace on every cell) cost more than this pass. Rows csvLine writes differently (a line break or tab, a
// leading space or formula character, a trailing space) go through csvLine one by one, so every byte is what
// csvLine writes. When a cell holds a separator itself or is NULL (concat_ws leaves it out), or the text is not
// valid UTF-8 (it would not come back as it was read), the chunk cannot be split safely: the caller reads its
// rows the slow way.
import { isUtf8 } from 'node:buffer';
import { csvLine } from '../../../shared/csv/write-csv';

const unit = 0x1f;
const record = 0x1e;

// A query giving one chunk for `rows` (a SELECT with its ORDER BY and LIMIT, the key in a column named key, the
// cells in TEXT columns named cell0, cell1, ...): the last key, how many rows, and the joined bytes. The rows
// are joined in the order the subquery gives them: an ORDER BY inside group_concat made SQLite sort every chunk
// again (a quarter of the SQL's time), and an aggregate over a subquery with ORDER BY and LIMIT reads it in
// that order (it is never flattened into the aggregate). One concat_ws per row with literal separators: a ||
// per cell built a string each, and char() was a call each.
export function csvChunkSql(rows: string, cellCount: number): string {
  const cells = Array.from({ length: cellCount }, (_, index) => `cell${index}`);
  return `SELECT max(key) AS last, count(*) AS count,
      CAST(group_concat(concat_ws('\x1f', ${cells.join(', ')}), '\x1e') AS BLOB) AS joined
    FROM (${rows})`;
}

export interface JoinedChunk {
  count: number;
  joined: Buffer | null;
}

// What a byte is to the pass: the end of a cell, a reason to quote it, or a reason to hand its row to csvLine.
const separator = 1;
const quote = 2;
const special = 4;
const byteKinds = new Uint8Array(256);
byteKinds[unit] = separator;
byteKinds[record] = separator;
for (const byte of [0x22, 0x2c]) byteKinds[byte] = quote;
// Line breaks and tabs anywhere (csvLine defuses each line, and a tab or CR can start a formula).
for (const byte of [0x0d, 0x0a, 0x09]) byteKinds[byte] = special;

// A cell csvLine defuses or quotes for its edges: a leading space, no-break space (C2 A0) or formula character
// (=, +, -, @, or a full-width form, EF BC xx: every EF BC lead is taken, a few too many go the slow way), or a
// trailing space.
function specialEdges(bytes: Buffer, start: number, end: number): boolean {
  if (start === end) return false;
  const first = bytes[start]!;
  if (first === 0x20 || first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40) return true;
  if (first === 0xc2 && bytes[start + 1] === 0xa0) return true;
  if (first === 0xef && bytes[start + 1] === 0xbc) return true;
  return bytes[end - 1] === 0x20;
}

// The CSV lines of a chunk (each ending in CRLF) as UTF-8, or null when it cannot be split on its separators.
export function csvChunkLines(chunk: JoinedChunk, cellCount: number): Buffer | null {
  const { count, joined: bytes } = chunk;
  if (count === 0) return Buffer.alloc(0);
  if (bytes === null || !isUtf8(bytes)) return null;
  const end = bytes.length;
  // At most: every byte a doubled quote, every cell quoted, a CRLF per row; csvLine's rows are checked apart.
  let out = Buffer.allocUnsafe(end * 2 + count * (cellCount * 2 + 2));
  const starts = new Int32Array(cellCount);
  const ends = new Int32Array(cellCount);
  const kinds = new Uint8Array(cellCount);
  let at = 0;
  let written = 0;
  let rows = 0;
  while (at <= end) {
    const rowStart = at;
    let cells = 0;
    let rowKind = 0;
    for (;;) {
      const start = at;
      let kind = 0;
      while (at < end) {
        const byteKind = byteKinds[bytes[at]!]!;
        if (byteKind === separator) break;
        kind |= byteKind;
        at++;
      }
      if (cells === cellCount) return null;
      if (specialEdges(bytes, start, at)) kind |= special;
      starts[cells] = start;
      ends[cells] = at;
      kinds[cells] = kind;
      cells++;
      rowKind |= kind;
      if (at >= end || bytes[at] === record) break;
      at++;
    }
    if (cells !== cellCount) return null;
    rows++;
    if (rowKind & special) {
      const line = csvLine(bytes.toString('utf8', rowStart, at).split('\x1f'));
      const length = Buffer.byteLength(line);
      // csvLine may write more than the room kept for the row (an apostrophe per line): keep room for the rest.
      const needed = written + length + (end - at) * 2 + (count - rows) * (cellCount * 2 + 2);
      if (needed > out.length) {
        const larger = Buffer.allocUnsafe(needed);
        out.copy(larger, 0, 0, written);
        out = larger;
      }
      written += out.write(line, written);
    } else if (rowKind === 0) {
      // Nothing to quote: the row's bytes as they are, its unit separators turned into commas.
      written += bytes.copy(out, written, rowStart, at);
      for (let cell = 1; cell < cellCount; cell++) out[written - (at - starts[cell]!) - 1] = 0x2c;
      out[written++] = 0x0d;
      out[written++] = 0x0a;
    } else {
      for (let cell = 0; cell < cellCount; cell++) {
        if (cell > 0) out[written++] = 0x2c;
        const start = starts[cell]!;
        const stop = ends[cell]!;
        if (kinds[cell]! & quote) {
          out[written++] = 0x22;
          for (let index = start; index < stop; index++) {
            const byte = bytes[index]!;
            out[written++] = byte;
            if (byte === 0x22) out[written++] = 0x22;
          }
          out[written++] = 0x22;
        } else if (stop - start > 24) written += bytes.copy(out, written, start, stop);
        else for (let index = start; index < stop; index++) out[written++] = bytes[index]!;
      }
      out[written++] = 0x0d;
      out[written++] = 0x0a;
    }
    at++;
  }
  return rows === count ? out.subarray(0, written) : null;
}
