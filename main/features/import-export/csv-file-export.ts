// CSV export straight from SQLite into the file the user chose, a chunk of rows at a time: memory stays flat
// however long the history, the window follows the operationProgress events and may cancel. Each chunk is read
// whole on the app's one connection before the write is awaited (an open statement would keep the connection
// busy for everyone else); history chunks come as one string SQL joins (csv-chunk.ts), customers a row at a
// time; chunks follow the key (keyset), never an OFFSET. The rows go to "<name>.partial" and the file gets its
// name only when complete: a cancelled or failed export leaves none.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
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

const historyCells = ['e.at', 'c.company_name', 'e.type', 'e.summary', 'e.actor', 'e.data', 'e.customer_id'];

type CustomerRow = CustomerExportRow & { seq: number };
// The customers exported: a condition on customers aliased c, or null for all of them.
type Selection = { sql: string | null; params: SqlCondition['params'] };

function prepareStatements(db: Database, condition: string | null) {
  const where = condition ?? '1';
  // Each chunk in its key's order: CROSS JOIN keeps SQLite walking the events by id, INDEXED BY the customers
  // by creation, checking the condition on each, rather than starting from an index of the filter and sorting
  // everything it matches for every chunk.
  const eventsFrom = `FROM customer_events e CROSS JOIN customers c ON c.id = e.customer_id
    WHERE e.id > @after AND (${where}) ORDER BY e.id LIMIT @limit`;
  return {
    countCustomers: db.prepare(`SELECT count(*) FROM customers c WHERE ${where}`).pluck(),
    countEvents: db
      .prepare(
        condition === null
          ? 'SELECT count(*) FROM customer_events'
          : `SELECT count(*) FROM customers c JOIN customer_events e ON e.customer_id = c.id WHERE ${where}`,
      )
      .pluck(),
    customers: db.prepare<Record<string, unknown>, CustomerRow>(
      `SELECT c.seq, c.id, c.kind, c.company_name, c.contact_name, c.contact_email, c.domain_prefix, c.default_domain,
         c.reseller_mpn_id, c.reseller_name, c.include_delegated_admin, c.billing_address, c.status,
         c.order_reference, c.owner, c.created_at, c.updated_at,
         c.first_sent_at, c.first_authorized_at, c.first_checked_out_at
       FROM customers c INDEXED BY customers_created
       WHERE (c.created_at, c.seq) > (@afterAt, @afterSeq) AND (${where})
       ORDER BY c.created_at, c.seq LIMIT @limit`,
    ),
    eventsJoined: db.prepare<Record<string, unknown>, JoinedChunk & { last: number }>(
      csvChunkSql(
        `SELECT e.id AS key, ${historyCells.map((cell, index) => `${cell} AS cell${index}`).join(', ')} ${eventsFrom}`,
        historyCells.length,
      ),
    ),
    // The same rows one by one, for a chunk its joined text cannot carry (csv-chunk.ts).
    events: db.prepare<Record<string, unknown>, EventRow>(
      `SELECT e.id, e.at, e.customer_id, c.company_name, e.type, e.summary, e.actor, e.data ${eventsFrom}`,
    ),
  };
}

// Compiled once per database and condition text (a handful: the queue builds them from fixed pieces).
const compiled = new WeakMap<Database, Map<string | null, ReturnType<typeof prepareStatements>>>();
function statements(db: Database, condition: string | null) {
  let cache = compiled.get(db);
  if (!cache) compiled.set(db, (cache = new Map()));
  let prepared = cache.get(condition);
  if (!prepared) cache.set(condition, (prepared = prepareStatements(db, condition)));
  return prepared;
}

async function write(stream: WriteStream, text: string | Buffer): Promise<void> {
  // Backpressure: wait for the file to take what it has before handing it more.
  if (!stream.write(text)) await once(stream, 'drain');
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
  function customersChunk(selection: Selection, after: { at: string; seq: number }) {
    let lines = '';
    let count = 0;
    let next = after;
    const rows = statements(context.db, selection.sql).customers.iterate({
      ...selection.params,
      afterAt: after.at,
      afterSeq: after.seq,
      limit: chunkRows,
    });
    for (const row of rows) {
      lines += csvLine(customerCells(row));
      count++;
      next = { at: row.created_at, seq: row.seq };
    }
    return { lines, count, next };
  }

  function eventsChunk(selection: Selection, after: number) {
    const prepared = statements(context.db, selection.sql);
    const chunk = prepared.eventsJoined.get({ ...selection.params, after, limit: chunkRows });
    if (!chunk || chunk.count === 0) return { lines: '', count: 0, next: after };
    const bytes = csvChunkLines(chunk, historyCells.length);
    if (bytes !== null) return { lines: bytes, count: chunk.count, next: chunk.last };
    let lines = '';
    for (const row of prepared.events.iterate({ ...selection.params, after, limit: chunk.count }))
      lines += csvLine([row.at, row.company_name, row.type, row.summary, row.actor, row.data, row.customer_id]);
    return { lines, count: chunk.count, next: chunk.last };
  }

  return {
    async toFile(kind, filter, operationId) {
      const stamp = context.now().toISOString().slice(0, 10);
      const suggested = `authdesk-${kind}-${filter === null ? 'all' : 'filtered'}-${stamp}.csv`;
      const target = await dependencies.chooseSavePath(suggested);
      if (target === null) return { fileName: null, rows: 0, cancelled: false };
      const partial = `${target}.partial`;
      const selection: Selection = filter === null ? { sql: null, params: {} } : dependencies.matchingCustomers(filter);
      const counts = statements(context.db, selection.sql);
      const total = (kind === 'customers' ? counts.countCustomers : counts.countEvents).get(selection.params) as
        number | undefined;
      const progress = (done: number) =>
        context.emit('operationProgress', { operationId, kind: 'export-csv', done, total: total ?? 0, failed: 0 });
      running.add(operationId);
      const stream = createWriteStream(partial);
      let rows = 0;
      try {
        progress(0);
        await write(stream, `\uFEFF${csvLine(kind === 'customers' ? customerCsvHeaders : historyCsvHeaders)}`);
        let customerKey = { at: '', seq: -1 };
        let eventKey = -1;
        for (;;) {
          // Let other requests (a Cancel among them) be answered between chunks.
          await new Promise((resolve) => setImmediate(resolve));
          await dependencies.beforeChunk?.();
          if (cancelled.has(operationId)) break;
          const chunk =
            kind === 'customers' ? customersChunk(selection, customerKey) : eventsChunk(selection, eventKey);
          if (chunk.count === 0) break;
          if (kind === 'customers') customerKey = chunk.next as typeof customerKey;
          else eventKey = chunk.next as number;
          await write(stream, chunk.lines);
          rows += chunk.count;
          progress(rows);
          if (chunk.count < chunkRows) break;
        }
        stream.end();
        await once(stream, 'close');
        if (cancelled.has(operationId)) {
          await rm(partial, { force: true });
          return { fileName: path.basename(target), rows, cancelled: true };
        }
        await rename(partial, target);
        return { fileName: path.basename(target), rows, cancelled: false };
      } catch (error) {
        stream.destroy();
        await rm(partial, { force: true });
        throw error;
      } finally {
        running.delete(operationId);
        cancelled.delete(operationId);
      }
    },
    cancel(operationId) {
      if (running.has(operationId)) cancelled.add(operationId);
    },
  };
}
