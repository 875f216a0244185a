// The CSV export streamed into a file, against a real SQLite database of 45,000 events (three chunks): the file
// holds exactly what a plain row-by-row oracle (Papa Parse's writer) builds, progress comes per chunk, a filter is resolved in main, a
// Cancel stops it at the next chunk and leaves no file (nor its .partial), cells holding the control characters
// chunks are joined with come out right, a filtered export holds the customers it matched when it started, and
// a closed save dialog writes none.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueueFilter } from '../../../../shared/domain/queue-query';
import { openDatabase } from '../../../../main/platform/db/connection';
import { createCsvFileExport } from '../../../../main/features/import-export/csv-file-export';
import type { ServiceContext } from '../../../../main/platform/service-context';
import { appendEvent } from '../../../../main/features/customers/events-repository';
import { expectedCustomersCsv, expectedHistoryCsv } from '../../../support/csv-export-oracle';
import { seedHistory } from '../../../support/seed-history';
import { makeTempDir } from '../../../support/temp-dir';

const now = new Date('2026-02-03T10:00:00.000Z');
let temp: { dir: string; remove(): void };
let db: Database;
let ids: string[];
let progress: { operationId: string; done: number; total: number }[];
let context: ServiceContext;

beforeAll(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'export.db'));
  ids = seedHistory(db, 300, 45_000, now);
  progress = [];
  context = {
    db,
    now: () => now,
    actor: 'tester',
    emit: (event, payload) => {
      if (event === 'operationProgress') progress.push(payload as (typeof progress)[number]);
    },
  };
});
afterAll(() => {
  db.close();
  temp.remove();
});

const some = (filter: { search: string }) => (filter.search === 'subset' ? ids.filter((_, i) => i % 3 === 0) : ids);
// The same customers as the queue would hand the export: a condition on customers (c).
const matching = (filter: { search: string }) => ({
  sql: 'c.id IN (SELECT value FROM json_each(@ids))',
  params: { ids: JSON.stringify(some(filter)) },
});

function exporter(folder: string, beforeChunk?: () => Promise<void>) {
  return createCsvFileExport(context, {
    matchingCustomers: matching,
    chooseSavePath: async (name) => path.join(folder, name),
    ...(beforeChunk ? { beforeChunk } : {}),
  });
}

describe('CSV export to a file', () => {
  it('writes the history the oracle writes row by row, with progress per chunk', async () => {
    const folder = makeTempDir();
    try {
      progress.length = 0;
      const history = await exporter(folder.dir).toFile('history', null, 'export-history');
      expect(history).toEqual({ fileName: 'authdesk-history-all-2026-02-03.csv', rows: 45_000, cancelled: false });
      const written = readFileSync(path.join(folder.dir, history.fileName!), 'utf8');
      expect(written).toBe(`\uFEFF${expectedHistoryCsv(db, null)}\r\n`);
      expect(progress.map((entry) => [entry.done, entry.total])).toEqual([
        [0, 45_000],
        [20_000, 45_000],
        [40_000, 45_000],
        [45_000, 45_000],
      ]);

      const filter = { ...defaultQueueFilter, search: 'subset' };
      const customers = await exporter(folder.dir).toFile('customers', filter, 'export-customers');
      expect(customers).toMatchObject({ fileName: 'authdesk-customers-filtered-2026-02-03.csv', rows: 100 });
      expect(readFileSync(path.join(folder.dir, customers.fileName!), 'utf8')).toBe(
        `\uFEFF${expectedCustomersCsv(db, some(filter))}\r\n`,
      );
      const filteredHistory = await exporter(folder.dir).toFile('history', filter, 'export-filtered');
      expect(filteredHistory.rows).toBe(15_000);
      expect(readFileSync(path.join(folder.dir, filteredHistory.fileName!), 'utf8')).toBe(
        `\uFEFF${expectedHistoryCsv(db, some(filter))}\r\n`,
      );
      expect(readdirSync(folder.dir).sort()).toEqual([
        'authdesk-customers-filtered-2026-02-03.csv',
        'authdesk-history-all-2026-02-03.csv',
        'authdesk-history-filtered-2026-02-03.csv',
      ]);
    } finally {
      folder.remove();
    }
  });

  it('stops at the next chunk when cancelled and leaves no file', async () => {
    const folder = makeTempDir();
    try {
      let chunks = 0;
      // Cancelled while the export waits before its second chunk: the first one is already in the file.
      const csvFile = exporter(folder.dir, async () => {
        chunks++;
        if (chunks === 2) {
          expect(readdirSync(folder.dir)).toEqual(['authdesk-history-all-2026-02-03.csv.partial']);
          csvFile.cancel('export-cancel');
        }
      });
      const result = await csvFile.toFile('history', null, 'export-cancel');
      expect(result).toEqual({ fileName: 'authdesk-history-all-2026-02-03.csv', rows: 20_000, cancelled: true });
      expect(readdirSync(folder.dir)).toEqual([]);
      // The same id later is a new export, not a cancelled one.
      expect((await csvFile.toFile('customers', null, 'export-cancel')).cancelled).toBe(false);
    } finally {
      folder.remove();
    }
  });

  it('writes a history whose cells hold control characters as the oracle does', async () => {
    // The separators the chunks are joined with (csv-chunk.ts), in a summary: that chunk is read row by row.
    const own = makeTempDir();
    const ownDb = openDatabase(path.join(own.dir, 'control.db'));
    try {
      const [first] = seedHistory(ownDb, 3, 30, now);
      for (const summary of ['unit \x1f separator', 'record \x1e separator', '\x1f\x1e both'])
        appendEvent(ownDb, { customerId: first!, type: 'updated', at: now.toISOString(), actor: 'tester', summary });
      const ownContext = { ...context, db: ownDb };
      const csvFile = createCsvFileExport(ownContext, {
        matchingCustomers: matching,
        chooseSavePath: async (name) => path.join(own.dir, name),
      });
      const result = await csvFile.toFile('history', null, 'export-control');
      expect(result.rows).toBe(33);
      expect(readFileSync(path.join(own.dir, result.fileName!), 'utf8')).toBe(
        `\uFEFF${expectedHistoryCsv(ownDb, null)}\r\n`,
      );
    } finally {
      ownDb.close();
      own.remove();
    }
  });

  it('exports the customers a filter matched when it started, however their status changes meanwhile', async () => {
    // A filter on status, checked by SQL: customers leave and join it between chunks, and an event is added.
    const own = makeTempDir();
    const ownDb = openDatabase(path.join(own.dir, 'snapshot.db'));
    try {
      const ownIds = seedHistory(ownDb, 30, 45_000, now);
      const setStatus = (id: string, status: string) =>
        ownDb.prepare('UPDATE customers SET status = ? WHERE id = ?').run(status, id);
      setStatus(ownIds[2]!, 'draft');
      const matchedAtStart = ownIds.filter((id) => id !== ownIds[2]);
      const ownProgress: number[][] = [];
      const ownContext: ServiceContext = {
        ...context,
        db: ownDb,
        emit: (event, payload) => {
          const { done, total } = payload as { done: number; total: number };
          if (event === 'operationProgress') ownProgress.push([done, total]);
        },
      };
      const filter = { ...defaultQueueFilter, search: 'sent' };
      const expected = expectedHistoryCsv(ownDb, matchedAtStart);
      let chunks = 0;
      const csvFile = createCsvFileExport(ownContext, {
        matchingCustomers: () => ({ sql: 'c.status = @status', params: { status: 'sent' } }),
        chooseSavePath: async (name) => path.join(own.dir, name),
        beforeChunk: async () => {
          if (++chunks !== 2) return;
          setStatus(ownIds[1]!, 'authorized');
          setStatus(ownIds[2]!, 'sent');
          appendEvent(ownDb, {
            customerId: ownIds[0]!,
            type: 'updated',
            at: now.toISOString(),
            actor: 'tester',
            summary: 'later',
          });
        },
      });
      const result = await csvFile.toFile('history', filter, 'export-snapshot');
      expect(result).toEqual({ fileName: 'authdesk-history-filtered-2026-02-03.csv', rows: 43_500, cancelled: false });
      expect(readFileSync(path.join(own.dir, result.fileName!), 'utf8')).toBe(`\uFEFF${expected}\r\n`);
      expect(ownProgress).toEqual([
        [0, 43_500],
        [20_000, 43_500],
        [40_000, 43_500],
        [43_500, 43_500],
      ]);
      // The snapshot is gone with the export.
      expect(ownDb.prepare("SELECT count(*) FROM temp.sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    } finally {
      ownDb.close();
      own.remove();
    }
  });

  it('writes every customer a chunk at a time as the oracle does, leaving out one deleted meanwhile', async () => {
    // Empty and set cells of every kind (seedHistory varies them), a company name holding the separators the
    // chunks are joined with (its chunk is read row by row), and a customer deleted before its chunk is read.
    const own = makeTempDir();
    const ownDb = openDatabase(path.join(own.dir, 'customers.db'));
    try {
      const ownIds = seedHistory(ownDb, 300, 0, now);
      ownDb.prepare('UPDATE customers SET company_name = ? WHERE id = ?').run('Unit \x1f record \x1e', ownIds[150]);
      const deleted = ownIds[280]!;
      const expected = expectedCustomersCsv(
        ownDb,
        ownIds.filter((id) => id !== deleted),
      );
      const ownProgress: number[][] = [];
      const ownContext: ServiceContext = {
        ...context,
        db: ownDb,
        emit: (event, payload) => {
          const { done, total } = payload as { done: number; total: number };
          if (event === 'operationProgress') ownProgress.push([done, total]);
        },
      };
      let chunks = 0;
      const csvFile = createCsvFileExport(ownContext, {
        matchingCustomers: matching,
        chooseSavePath: async (name) => path.join(own.dir, name),
        chunkRows: 128,
        beforeChunk: async () => {
          if (++chunks === 3) ownDb.prepare('DELETE FROM customers WHERE id = ?').run(deleted);
        },
      });
      const result = await csvFile.toFile('customers', null, 'export-customers-chunks');
      expect(result).toEqual({ fileName: 'authdesk-customers-all-2026-02-03.csv', rows: 299, cancelled: false });
      const written = readFileSync(path.join(own.dir, result.fileName!), 'utf8');
      expect(written).toBe(`\uFEFF${expected}\r\n`);
      expect(written).toContain(',"1 Main Street, Suite ""B""",Reading,RG1 1AA,GB,');
      expect(ownProgress).toEqual([
        [0, 300],
        [128, 300],
        [256, 300],
        [299, 300],
      ]);
    } finally {
      ownDb.close();
      own.remove();
    }
  });

  it('streams the CSV without a byte-order mark to a writer, and writes a given path', async () => {
    const folder = makeTempDir();
    try {
      const written: Buffer[] = [];
      const streamed = await exporter(folder.dir).toStream('customers', null, 'export-stream', async (bytes) => {
        written.push(bytes);
      });
      expect(streamed).toEqual({ rows: 300, cancelled: false });
      expect(Buffer.concat(written).toString('utf8')).toBe(`${expectedCustomersCsv(db, null)}\r\n`);
      const target = path.join(folder.dir, 'chosen.csv');
      expect(await exporter(folder.dir).toPath('history', null, 'export-path', target)).toEqual({
        rows: 45_000,
        cancelled: false,
      });
      expect(readFileSync(target, 'utf8')).toBe(`\uFEFF${expectedHistoryCsv(db, null)}\r\n`);
      expect(readdirSync(folder.dir)).toEqual(['chosen.csv']);
    } finally {
      folder.remove();
    }
  });

  it('writes nothing when the save dialog is closed', async () => {
    const csvFile = createCsvFileExport(context, { matchingCustomers: matching, chooseSavePath: async () => null });
    expect(await csvFile.toFile('history', null, 'export-closed')).toEqual({
      fileName: null,
      rows: 0,
      cancelled: false,
    });
  });
});
