// CSV chunks joined by SQLite and finished over the whole chunk: byte for byte what csvLine writes for each
// row, for plain cells, cells needing quotes, cells csvLine defuses or treats line by line, and a seeded mix
// of them, in the subquery's order; a chunk whose cells hold a separator or a NULL, or whose text is not valid
// UTF-8, is refused, for the caller to read the slow way.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvChunkLines, csvChunkSql, type JoinedChunk } from '../../../../main/features/import-export/csv-chunk';
import { csvLine } from '../../../../shared/csv/write-csv';

let db: BetterSqlite3.Database;
beforeEach(() => {
  db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE t (key INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT)');
});
afterEach(() => db.close());

function insert(rows: readonly (readonly (string | null)[])[]): void {
  const statement = db.prepare('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
  for (const row of rows) statement.run(...row);
}

function chunk(after = 0, limit = 1_000_000): JoinedChunk & { last: number } {
  const sql = csvChunkSql(
    'SELECT key, a AS cell0, b AS cell1, c AS cell2 FROM t WHERE key > ? ORDER BY key LIMIT ?',
    3,
  );
  return db.prepare<[number, number], JoinedChunk & { last: number }>(sql).get(after, limit)!;
}

const expected = (rows: readonly (readonly string[])[]) => rows.map((row) => csvLine(row)).join('');
const text = (bytes: Buffer | null) => bytes?.toString('utf8') ?? null;

describe('csvChunkLines', () => {
  it('writes plain cells and cells needing quotes as csvLine does', () => {
    const rows = [
      ['Contoso', '2026-01-01T00:00:00.000Z', 'link-copied'],
      ['Bench, Inc.', '{"field":"contactEmail"}', 'say "hi", twice'],
      ['ends with space ', '', 'Zoë 東京 🙂'],
      ['a-b@c', 'x=1', 'in "the" middle'],
    ];
    insert(rows);
    const result = chunk();
    expect(result).toMatchObject({ count: 4, last: 4 });
    expect(text(csvChunkLines(result, 3))).toBe(expected(rows));
  });

  it('hands the rows csvLine writes differently to csvLine, the others beside them', () => {
    const rows = [
      ['plain', 'row', 'here'],
      ['=SUM(A1)', '+1', '-2'],
      ['@home', '\tTab', '\rreturn'],
      ['two\nlines', 'crlf\r\nlines, "quoted"', 'line\n=formula'],
      [' leading', '\u00a0=nbsp', '  =spaced'],
      ['\uff1dfull', '\uff0bfull', '\uff0dfull \uff20full'],
      ['tab\tinside', 'x', 'y'],
      ['after, "quotes"', 'plain', 'trailing '],
    ];
    insert(rows);
    expect(text(csvChunkLines(chunk(), 3))).toBe(expected(rows));
  });

  it('matches csvLine over a seeded mix of awkward characters, chunk by chunk', () => {
    const alphabet = [
      'a',
      'Z',
      '1',
      ' ',
      ',',
      '"',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '\u00a0',
      '\uff1d',
      'é',
      '東',
      '🙂',
      "'",
    ];
    let state = 7;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const cell = () =>
      Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const rows = Array.from({ length: 3_000 }, () => [cell(), cell(), cell()]);
    insert(rows);
    let lines = '';
    for (let after = 0; after < rows.length; after += 500) lines += text(csvChunkLines(chunk(after, 500), 3));
    expect(lines).toBe(expected(rows));
  });

  it('joins the rows in the order the subquery sorts them, not the order they are stored in', () => {
    db.exec('CREATE TABLE u (key INTEGER, a TEXT, b TEXT, c TEXT)');
    const statement = db.prepare('INSERT INTO u (key, a, b, c) VALUES (?, ?, ?, ?)');
    for (const key of [5, 1, 4, 2, 3]) statement.run(key, `row ${key}`, `b, ${key}`, `"${key}"`);
    const sql = csvChunkSql('SELECT key, a AS cell0, b AS cell1, c AS cell2 FROM u ORDER BY key LIMIT 4', 3);
    const result = db.prepare<[], JoinedChunk & { last: number }>(sql).get()!;
    expect(result).toMatchObject({ count: 4, last: 4 });
    expect(text(csvChunkLines(result, 3))).toBe(
      expected([1, 2, 3, 4].map((key) => [`row ${key}`, `b, ${key}`, `"${key}"`])),
    );
  });

  it('writes the rows csvLine makes longest (an apostrophe and doubled quotes on every line)', () => {
    const rows = [
      ['="'.repeat(3) + '\n="'.repeat(500), '\n=', 'plain'],
      ['x', '"'.repeat(1000), '=\r\n+'.repeat(300)],
    ];
    insert(rows);
    expect(text(csvChunkLines(chunk(), 3))).toBe(expected(rows));
  });

  it('refuses a chunk whose text is not valid UTF-8', () => {
    db.exec("INSERT INTO t (a, b, c) VALUES (CAST(X'41FF42' AS TEXT), 'b', 'c')");
    expect(csvChunkLines(chunk(), 3)).toBeNull();
  });

  it('refuses a chunk whose cells hold a separator or a NULL', () => {
    insert([['unit\x1fseparator', 'b', 'c']]);
    expect(csvChunkLines(chunk(0), 3)).toBeNull();
    insert([['record\x1eseparator', 'b', 'c']]);
    expect(csvChunkLines(chunk(1), 3)).toBeNull();
    insert([
      [null, 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect(csvChunkLines(chunk(2), 3)).toBeNull();
    expect(csvChunkLines(chunk(2, 1), 3)).toBeNull();
    expect(text(csvChunkLines(chunk(3), 3))).toBe(csvLine(['a', 'b', 'c']));
    expect(text(csvChunkLines(chunk(4), 3))).toBe('');
  });
});
