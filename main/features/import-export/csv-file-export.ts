// CSV export straight from SQLite, a chunk of rows at a time, into the file the user chose in the window (or the
// command line's file or standard output): memory stays flat however long the history, the window follows the
// operationProgress events and may cancel. Each chunk is read whole on the app's one connection (an open
// statement would keep the connection busy for everyone else) and written while the next one is read; chunks
// come as bytes SQL joins (csv-chunk.ts) and follow a key (keyset), never an OFFSET. What is exported is taken
// once at the start (a TEMP table), so a filter holds the customers it matched then and the count matches the
// file. A file gets its rows in "<name>.partial" and its name only when complete: a cancelled or failed export
// leaves none.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { QueueFilter } from '../../../shared/domain/queue-query';
import { csvLine, type CsvCell } from '../../../shared/csv/write-csv';
import type { SqlCondition } from '../../platform/db/sql-condition';
import type { ServiceContext } from '../../platform/service-context';
import { csvChunkLines, csvChunkSql, type JoinedChunk } from './csv-chunk';
import { customerCellsSql, customerCsvHeaders, historyCellsSql, historyCsvHeaders } from './csv-columns';

export type CsvExportKind = 'customers' | 'history';

// The shell's save dialog: the path the user chose for a suggested file name, or null if they closed it.
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export interface CsvFileExportResult {
  // null: the user closed the save dialog.
  fileName: string | null;
  rows: number;
  cancelled: boolean;
}

// Takes a chunk's bytes; the next chunk is read while the returned promise settles.
export type CsvWrite = (bytes: Buffer) => Promise<void>;

export interface CsvExportOutcome {
  rows: number;
  cancelled: boolean;
}

export interface CsvFileExport {
  // Asks where to save (the shell's dialog), then writes the file.
  toFile(kind: CsvExportKind, filter: QueueFilter | null, operationId: string): Promise<CsvFileExportResult>;
  // Into the file given (the command line's --out), through the same "<name>.partial".
  toPath(
    kind: CsvExportKind,
    filter: QueueFilter | null,
    operationId: string,
    target: string,
  ): Promise<CsvExportOutcome>;
  // As a stream of bytes (the command line's standard output): no byte-order mark.
  toStream(
    kind: CsvExportKind,
    filter: QueueFilter | null,
    operationId: string,
    write: CsvWrite,
  ): Promise<CsvExportOutcome>;
  // Some customers' rows under the caller's own columns (the mail merge's recipients), through the same save
  // dialog, chunks, progress and Cancel.
  customerRowsToFile(rows: CustomerRowsFile, operationId: string): Promise<CsvFileExportResult>;
  // Stops the export at its next chunk; no file is left.
  cancel(operationId: string): void;
}

export interface CustomerRowsFile {
  suggestedName: string;
  headers: readonly string[];
  // One SQL expression per column, over the customers aliased c.
  cellsSql: readonly string[];
  customers: SqlCondition;
}

const defaultChunkRows = 20_000;

// The customers exported: a condition on customers aliased c, or null for all of them.
type Selection = { sql: string | null; params: SqlCondition['params'] };

// What one export reads: its headers, how many rows, and the chunk after a key, joined by SQL or row by row.
interface ExportPlan {
  headers: readonly string[];
  cellCount: number;
  total: number;
  joined: Statement<Record<string, number>, JoinedChunk & { last: number }>;
  rows: Statement<Record<string, number>, CsvCell[]>;
  params: Record<string, number>;
  drop(): void;
}

// Each export's own TEMP tables on the app's connection (private to it, gone with it if the app quits).
let snapshots = 0;

// One chunk as SQL joins it, and the same rows one by one, for a chunk its joined bytes cannot carry.
function chunkStatements(db: Database, key: string, cells: readonly string[], from: string) {
  const named = cells.map((cell, index) => `${cell} AS cell${index}`).join(', ');
  return {
    cellCount: cells.length,
    joined: db.prepare<Record<string, number>, JoinedChunk & { last: number }>(
      csvChunkSql(`SELECT ${key} AS key, ${named} ${from}`, cells.length),
    ),
    rows: db.prepare<Record<string, number>, CsvCell[]>(`SELECT ${named} ${from}`).raw(true),
  };
}

// The customers matching the export's scope, numbered in the order of their creation: the chunks follow that
// number, and a customer deleted meanwhile is left out.
function planCustomers(
  db: Database,
  selection: Selection,
  columns: { headers: readonly string[]; cellsSql: readonly string[] } = {
    headers: customerCsvHeaders,
    cellsSql: customerCellsSql,
  },
): ExportPlan {
  const table = `temp.csv_export_${++snapshots}`;
  db.exec(`CREATE TABLE ${table} (n INTEGER PRIMARY KEY, seq INTEGER NOT NULL)`);
  // INDEXED BY: walk the customers by creation, checking each against the condition, rather than sorting.
  db.prepare(
    `INSERT INTO ${table} (seq) SELECT c.seq FROM customers c INDEXED BY customers_created
     WHERE ${selection.sql ?? '1'} ORDER BY c.created_at, c.seq`,
  ).run(selection.params);
  // Each numbered customer's row by its seq (the table's rowid).
  const from = `FROM ${table} s CROSS JOIN customers c ON c.seq = s.seq WHERE s.n > @after ORDER BY s.n LIMIT @limit`;
  return {
    headers: columns.headers,
    total: db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    ...chunkStatements(db, 's.n', columns.cellsSql, from),
    params: {},
    drop: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

// The customers matching the export's scope with their company names, and the events up to the last one at
// the start: a customer whose status changes while the export runs is in the file, with all its events up to
// the start, or not at all. Each event looks its company name up in this small table (cheaper than the
// customers table's id index and then its row).
function planHistory(db: Database, selection: Selection): ExportPlan {
  const table = `temp.csv_export_${++snapshots}`;
  db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, company_name TEXT NOT NULL) WITHOUT ROWID`);
  db.prepare(`INSERT INTO ${table} SELECT c.id, c.company_name FROM customers c WHERE ${selection.sql ?? '1'}`).run(
    selection.params,
  );
  const last = (db.prepare('SELECT max(id) FROM customer_events').pluck().get() as number | null) ?? 0;
  // Every customer: the events up to the last one (each has its customer), read from an index smaller than the
  // table. Otherwise the snapshot's customers first, each one's events through the (customer_id, id) index.
  const total = db
    .prepare(
      selection.sql === null
        ? 'SELECT count(*) FROM customer_events INDEXED BY customer_events_customer WHERE id <= ?'
        : `SELECT count(*) FROM ${table} c CROSS JOIN customer_events e ON e.customer_id = c.id WHERE e.id <= ?`,
    )
    .pluck()
    .get(last) as number;
  // CROSS JOIN keeps SQLite walking the events by id and looking each one's customer up in the snapshot,
  // rather than starting from the snapshot and sorting what it matches.
  const from = `FROM customer_events e CROSS JOIN ${table} c ON c.id = e.customer_id
    WHERE e.id > @after AND e.id <= @last ORDER BY e.id LIMIT @limit`;
  return {
    headers: historyCsvHeaders,
    total,
    ...chunkStatements(db, 'e.id', historyCellsSql, from),
    params: { last },
    drop: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

// Writes all of the bytes (a write may take fewer than it is given).
async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

export function createCsvFileExport(
  context: ServiceContext,
  dependencies: {
    // The customers a queue filter matches, as the queue's own SQL condition: never a list of ids.
    matchingCustomers: (filter: QueueFilter) => SqlCondition;
    chooseSavePath: ChooseSavePath;
    // Awaited before each chunk: tests hold an export there to cancel it at a known point.
    beforeChunk?: () => Promise<void>;
    // Rows per chunk: tests make them few, to see many chunks of a small table.
    chunkRows?: number;
  },
): CsvFileExport {
  const chunkRows = dependencies.chunkRows ?? defaultChunkRows;
  const cancelled = new Set<string>();
  const running = new Set<string>();

  // The lines of the chunk after the key given, how many, and the key to go on from; null after the last.
  function readChunk(plan: ExportPlan, after: number) {
    const params = { ...plan.params, after, limit: chunkRows };
    const chunk = plan.joined.get(params);
    if (!chunk || chunk.count === 0) return null;
    const bytes =
      csvChunkLines(chunk, plan.cellCount) ??
      Buffer.from(
        plan.rows
          .all({ ...params, limit: chunk.count })
          .map(csvLine)
          .join(''),
      );
    return { bytes, count: chunk.count, next: chunk.last };
  }

  // What a customers or history export of a queue filter (or of everything) reads.
  const planOf = (kind: CsvExportKind, filter: QueueFilter | null) => () => {
    const selection: Selection = filter === null ? { sql: null, params: {} } : dependencies.matchingCustomers(filter);
    return kind === 'customers' ? planCustomers(context.db, selection) : planHistory(context.db, selection);
  };

  async function writeRows(
    makePlan: () => ExportPlan,
    operationId: string,
    write: CsvWrite,
    byteOrderMark: boolean,
  ): Promise<CsvExportOutcome> {
    running.add(operationId);
    let plan: ExportPlan | null = null;
    let rows = 0;
    try {
      plan = makePlan();
      const { total } = plan;
      const progress = (done: number) =>
        context.emit('operationProgress', { operationId, kind: 'export-csv', done, total, failed: 0 });
      progress(0);
      // A chunk's bytes are written while the next one is read; its write is awaited before the next starts.
      let writing = write(Buffer.from(`${byteOrderMark ? '\uFEFF' : ''}${csvLine(plan.headers)}`));
      writing.catch(() => undefined);
      let key = -1;
      for (;;) {
        // Let other requests (a Cancel among them) be answered between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        await dependencies.beforeChunk?.();
        if (cancelled.has(operationId)) break;
        const chunk = readChunk(plan, key);
        await writing;
        if (chunk === null) break;
        key = chunk.next;
        writing = write(chunk.bytes);
        writing.catch(() => undefined);
        rows += chunk.count;
        progress(rows);
      }
      await writing;
      return { rows, cancelled: cancelled.has(operationId) };
    } finally {
      plan?.drop();
      running.delete(operationId);
      cancelled.delete(operationId);
    }
  }

  async function writeFile(makePlan: () => ExportPlan, operationId: string, target: string) {
    const partial = `${target}.partial`;
    const file = await open(partial, 'w');
    let fileOpen = true;
    try {
      const outcome = await writeRows(makePlan, operationId, (bytes) => writeAll(file, bytes), true);
      await file.close();
      fileOpen = false;
      if (outcome.cancelled) await rm(partial, { force: true });
      else await rename(partial, target);
      return outcome;
    } catch (error) {
      if (fileOpen) await file.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
  }

  async function saveAs(suggested: string, makePlan: () => ExportPlan, operationId: string) {
    const target = await dependencies.chooseSavePath(suggested);
    if (target === null) return { fileName: null, rows: 0, cancelled: false };
    return { fileName: path.basename(target), ...(await writeFile(makePlan, operationId, target)) };
  }

  return {
    toFile(kind, filter, operationId) {
      const stamp = context.now().toISOString().slice(0, 10);
      return saveAs(
        `authdesk-${kind}-${filter === null ? 'all' : 'filtered'}-${stamp}.csv`,
        planOf(kind, filter),
        operationId,
      );
    },
    toPath: (kind, filter, operationId, target) => writeFile(planOf(kind, filter), operationId, target),
    toStream: (kind, filter, operationId, write) => writeRows(planOf(kind, filter), operationId, write, false),
    customerRowsToFile: (rows, operationId) =>
      saveAs(rows.suggestedName, () => planCustomers(context.db, rows.customers, rows), operationId),
    cancel(operationId) {
      if (running.has(operationId)) cancelled.add(operationId);
    },
  };
}
