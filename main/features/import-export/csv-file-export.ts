// CSV export straight from SQLite into the file the user chose, a chunk of rows at a time: memory stays flat
// however long the history, the window follows the operationProgress events and may cancel. Each chunk is read
// whole on the app's one connection (an open statement would keep the connection busy for everyone else) and
// written while the next one is read; history chunks come as bytes SQL joins (csv-chunk.ts), customers a row
// at a time; chunks follow the key (keyset), never an OFFSET. The customers exported are taken once at the start
// (a TEMP table), so a filter holds the customers it matched then. The rows go to "<name>.partial" and the file
// gets its name only when complete: a cancelled or failed export leaves none.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { QueueFilter } from '../../../shared/domain/queue-query';
import { csvLine } from '../../../shared/csv/write-csv';
import { csvChunkLines, csvChunkSql, type JoinedChunk } from './csv-chunk';
import type { Database } from 'better-sqlite3';
import type { SqlCondition } from '../../platform/db/sql-condition';
import type { ServiceContext } from '../../platform/service-context';
import { customerCells, customerCsvHeaders, historyCsvHeaders, type CustomerExportRow } from './csv-export-service';

export type CsvExportKind = 'customers' | 'history';

// The shell's save dialog: the path the user chose for a suggested file name, or null if they closed it.
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export interface CsvFileExportResult {
  // null: the user closed the save dialog.
  fileName: string | null;
  rows: number;
  cancelled: boolean;
}

export interface CsvFileExport {
  toFile(kind: CsvExportKind, filter: QueueFilter | null, operationId: string): Promise<CsvFileExportResult>;
  // Stops the export at its next chunk; no file is left.
  cancel(operationId: string): void;
}

const chunkRows = 20_000;

interface EventRow {
  id: number;
  at: string;
  customer_id: string;
  company_name: string;
  type: string;
  summary: string;
  actor: string;
  data: string;
}

// c is the export's snapshot of the customers (id, company name), not the customers table.
const historyCells = ['e.at', 'c.company_name', 'e.type', 'e.summary', 'e.actor', 'e.data', 'e.customer_id'];

type CustomerRow = CustomerExportRow & { seq: number };
// The customers exported: a condition on customers aliased c, or null for all of them.
type Selection = { sql: string | null; params: SqlCondition['params'] };

// Each export's own TEMP tables on the app's connection (private to it, gone with it if the app quits).
let snapshots = 0;

// The customers matching the export's scope, taken once when it starts: a customer whose status changes while
// the export runs is in the file, with all its events up to the start, or not at all, and the count matches the
// file. Events are bounded by the last id at the start too. History keeps each customer's company name (one
// lookup in a small table for each event, cheaper than the customers table's id index and then its row), the
// customers export their seq.
function takeSnapshot(db: Database, kind: CsvExportKind, selection: Selection) {
  const table = `temp.csv_export_${++snapshots}`;
  const where = selection.sql ?? '1';
  if (kind === 'history') {
    db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, company_name TEXT NOT NULL) WITHOUT ROWID`);
    db.prepare(`INSERT INTO ${table} SELECT c.id, c.company_name FROM customers c WHERE ${where}`).run(
      selection.params,
    );
  } else if (selection.sql !== null) {
    db.exec(`CREATE TABLE ${table} (seq INTEGER PRIMARY KEY)`);
    db.prepare(`INSERT INTO ${table} SELECT c.seq FROM customers c WHERE ${where}`).run(selection.params);
  }
  const lastEvent = (db.prepare('SELECT max(id) FROM customer_events').pluck().get() as number | null) ?? 0;
  return { table, lastEvent, drop: () => db.exec(`DROP TABLE IF EXISTS ${table}`) };
}

function prepareCustomers(db: Database, selection: Selection, table: string) {
  const where = selection.sql === null ? '1' : `c.seq IN (SELECT seq FROM ${table})`;
  return {
    count: db.prepare(`SELECT count(*) FROM ${selection.sql === null ? 'customers' : table}`).pluck(),
    // INDEXED BY: walk the customers by creation, checking each against the snapshot, rather than sorting.
    customers: db.prepare<Record<string, unknown>, CustomerRow>(
      `SELECT c.seq, c.id, c.kind, c.company_name, c.contact_name, c.contact_email, c.domain_prefix, c.default_domain,
         c.reseller_mpn_id, c.reseller_name, c.include_delegated_admin, c.billing_address, c.status,
         c.order_reference, c.owner, c.created_at, c.updated_at,
         c.first_sent_at, c.first_authorized_at, c.first_checked_out_at
       FROM customers c INDEXED BY customers_created
       WHERE (c.created_at, c.seq) > (@afterAt, @afterSeq) AND ${where}
       ORDER BY c.created_at, c.seq LIMIT @limit`,
    ),
  };
}

function prepareHistory(db: Database, selection: Selection, table: string) {
  // Each chunk in the events' order: CROSS JOIN keeps SQLite walking the events by id and looking each one's
  // customer up in the snapshot, rather than starting from the snapshot and sorting what it matches.
  const eventsFrom = `FROM customer_events e CROSS JOIN ${table} c ON c.id = e.customer_id
    WHERE e.id > @after AND e.id <= @last ORDER BY e.id LIMIT @limit`;
  return {
    // Every customer: the events up to the last one (each has its customer), read from an index smaller than
    // the table. Otherwise the snapshot's customers first, each one's events through the (customer_id, id) index.
    count: db
      .prepare(
        selection.sql === null
          ? 'SELECT count(*) FROM customer_events INDEXED BY customer_events_customer WHERE id <= ?'
          : `SELECT count(*) FROM ${table} c CROSS JOIN customer_events e ON e.customer_id = c.id WHERE e.id <= ?`,
      )
      .pluck(),
    eventsJoined: db.prepare<Record<string, unknown>, JoinedChunk & { last: number }>(
      csvChunkSql(
        `SELECT e.id AS key, ${historyCells.map((cell, index) => `${cell} AS cell${index}`).join(', ')} ${eventsFrom}`,
        historyCells.length,
      ),
    ),
    // The same rows one by one, for a chunk its joined bytes cannot carry (csv-chunk.ts).
    events: db.prepare<Record<string, unknown>, EventRow>(
      `SELECT e.id, e.at, e.customer_id, c.company_name, e.type, e.summary, e.actor, e.data ${eventsFrom}`,
    ),
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
  },
): CsvFileExport {
  const cancelled = new Set<string>();
  const running = new Set<string>();

  // One chunk of lines after the key given, how many, and the key to go on from.
  function customersChunk(prepared: ReturnType<typeof prepareCustomers>, after: { at: string; seq: number }) {
    let lines = '';
    let count = 0;
    let next = after;
    const rows = prepared.customers.iterate({ afterAt: after.at, afterSeq: after.seq, limit: chunkRows });
    for (const row of rows) {
      lines += csvLine(customerCells(row));
      count++;
      next = { at: row.created_at, seq: row.seq };
    }
    return { lines: Buffer.from(lines), count, next };
  }

  function eventsChunk(prepared: ReturnType<typeof prepareHistory>, after: number, last: number) {
    const chunk = prepared.eventsJoined.get({ after, last, limit: chunkRows });
    if (!chunk || chunk.count === 0) return { lines: Buffer.alloc(0), count: 0, next: after };
    const bytes = csvChunkLines(chunk, historyCells.length);
    if (bytes !== null) return { lines: bytes, count: chunk.count, next: chunk.last };
    let lines = '';
    for (const row of prepared.events.iterate({ after, last, limit: chunk.count }))
      lines += csvLine([row.at, row.company_name, row.type, row.summary, row.actor, row.data, row.customer_id]);
    return { lines: Buffer.from(lines), count: chunk.count, next: chunk.last };
  }

  return {
    async toFile(kind, filter, operationId) {
      const stamp = context.now().toISOString().slice(0, 10);
      const suggested = `authdesk-${kind}-${filter === null ? 'all' : 'filtered'}-${stamp}.csv`;
      const target = await dependencies.chooseSavePath(suggested);
      if (target === null) return { fileName: null, rows: 0, cancelled: false };
      const partial = `${target}.partial`;
      const selection: Selection = filter === null ? { sql: null, params: {} } : dependencies.matchingCustomers(filter);
      running.add(operationId);
      let snapshot: ReturnType<typeof takeSnapshot> | null = null;
      let file: FileHandle | null = null;
      let rows = 0;
      try {
        snapshot = takeSnapshot(context.db, kind, selection);
        const { table, lastEvent } = snapshot;
        const customers = kind === 'customers' ? prepareCustomers(context.db, selection, table) : null;
        const history = kind === 'history' ? prepareHistory(context.db, selection, table) : null;
        const total = (customers ? customers.count.get() : history!.count.get(lastEvent)) as number | undefined;
        const progress = (done: number) =>
          context.emit('operationProgress', { operationId, kind: 'export-csv', done, total: total ?? 0, failed: 0 });
        file = await open(partial, 'w');
        progress(0);
        // A chunk's bytes are written while the next one is read; its write is awaited before the next starts.
        let writing = writeAll(
          file,
          Buffer.from(`\uFEFF${csvLine(kind === 'customers' ? customerCsvHeaders : historyCsvHeaders)}`),
        );
        writing.catch(() => undefined);
        let customerKey = { at: '', seq: -1 };
        let eventKey = -1;
        for (;;) {
          // Let other requests (a Cancel among them) be answered between chunks.
          await new Promise((resolve) => setImmediate(resolve));
          await dependencies.beforeChunk?.();
          if (cancelled.has(operationId)) break;
          const chunk = customers ? customersChunk(customers, customerKey) : eventsChunk(history!, eventKey, lastEvent);
          await writing;
          if (chunk.count === 0) break;
          if (kind === 'customers') customerKey = chunk.next as typeof customerKey;
          else eventKey = chunk.next as number;
          writing = writeAll(file, chunk.lines);
          writing.catch(() => undefined);
          rows += chunk.count;
          progress(rows);
          if (chunk.count < chunkRows) break;
        }
        await writing;
        await file.close();
        file = null;
        if (cancelled.has(operationId)) {
          await rm(partial, { force: true });
          return { fileName: path.basename(target), rows, cancelled: true };
        }
        await rename(partial, target);
        return { fileName: path.basename(target), rows, cancelled: false };
      } catch (error) {
        await file?.close().catch(() => undefined);
        await rm(partial, { force: true });
        throw error;
      } finally {
        snapshot?.drop();
        running.delete(operationId);
        cancelled.delete(operationId);
      }
    },
    cancel(operationId) {
      if (running.has(operationId)) cancelled.add(operationId);
    },
  };
}
