// npm run bench:export: 100,000 customers and 1,000,000 history events by default (BENCH_CUSTOMERS, BENCH_EVENTS
// set the size; bulk-inserted through the real schema and its triggers), then the window's CSV export streamed
// into a file: the history and the customers, for everything and for the queue's default filter (the Export
// panel's default scope), with this process's CPU time, rows per second and the heap's peak growth. Figures
// only, no assertions (run through vitest because main's code imports its SQL migrations with Vite's ?raw).
// BENCH_DATA_DIR keeps the seeded database between runs.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../main/platform/db/connection';
import { createCsvFileExport } from '../../main/features/import-export/csv-file-export';
import { queueCondition } from '../../main/features/queue/queue-repository';
import { defaultQueueFilter, type QueueFilter } from '../../shared/domain/queue-query';
import { makeTempDir } from '../../test/support/temp-dir';

const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const eventCount = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const now = new Date('2026-06-01T12:00:00.000Z');
const statuses = ['draft', 'link-ready', 'sent', 'sent', 'needs-attention', 'authorized', 'checked-out', 'archived'];
const eventTypes = ['updated', 'link-copied', 'verification-failed', 'verification-partial'];
// Details as the app records them: some empty, some with fields, quotes and commas that the CSV must quote.
const eventData = ['{}', '{"field":"contactEmail"}', '{"missing":["Directory.Read.All","User.Read"],"attempt":2}'];

function seed(db: Database): void {
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, kind, company_name, contact_name, contact_email, domain_prefix, reseller_mpn_id,
       reseller_name, include_delegated_admin, status, owner, created_at, updated_at)
     VALUES (@id, 'indirect', @company, @contact, @email, @prefix, @mpnId, @resellerName, 1, @status, @owner,
       @createdAt, @createdAt)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO customer_events (customer_id, type, at, actor, summary, data) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const start = now.getTime() - 365 * 86_400_000;
  db.transaction(() => {
    for (let index = 0; index < customerCount; index++) {
      insertCustomer.run({
        id: `bench-${index}`,
        company: index % 7 === 0 ? `Bench, Inc. ${index}` : `Bench ${index}`,
        contact: `Contact ${index}`,
        email: `it@bench${index}.example`,
        prefix: `bench${index}`,
        mpnId: String(4_000_000 + (index % 50)),
        resellerName: `Reseller ${index % 50}`,
        status: statuses[index % statuses.length],
        owner: `manager${index % 20}`,
        createdAt: new Date(start + index * 60_000).toISOString(),
      });
    }
    for (let index = 0; index < eventCount; index++) {
      const type = eventTypes[index % eventTypes.length]!;
      insertEvent.run(
        `bench-${index % customerCount}`,
        type,
        new Date(start + index * 20_000).toISOString(),
        `manager${index % 20}`,
        index % 5 === 0 ? `Checked "${type}", again` : `Benchmark ${type}`,
        eventData[index % eventData.length],
      );
    }
  })();
}

it(`times the CSV export of ${eventCount.toLocaleString('en')} events for ${customerCount.toLocaleString('en')} customers`, async () => {
  const kept = process.env.BENCH_DATA_DIR;
  const temp = kept ? { dir: kept, remove: () => undefined } : makeTempDir('authdesk-bench-export-');
  mkdirSync(temp.dir, { recursive: true });
  const file = path.join(temp.dir, 'bench.db');
  const reuse = existsSync(file);
  const db = openDatabase(file);
  try {
    if (reuse) console.log(`\nreusing the data in ${temp.dir}`);
    else {
      const seedStart = performance.now();
      seed(db);
      db.pragma('optimize');
      console.log(`\nseeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    }
    const context = { db, now: () => now, actor: 'bench', emit: () => undefined };
    let progressEvents = 0;
    const exporter = createCsvFileExport(
      { ...context, emit: () => void progressEvents++ },
      {
        matchingCustomers: (filter) => queueCondition(filter, { currentUser: 'manager1', now }),
        chooseSavePath: async (name) => path.join(temp.dir, `out-${name}`),
      },
    );
    const scopes: [string, QueueFilter | null][] = [
      ['all', null],
      ['default filter', defaultQueueFilter],
    ];
    console.log(
      `bench:export (${customerCount.toLocaleString('en')} customers, ${eventCount.toLocaleString('en')} events)`,
    );
    for (const kind of ['history', 'customers'] as const) {
      for (const [label, filter] of scopes) {
        global.gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        let heapPeak = heapBefore;
        const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
        progressEvents = 0;
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const result = await exporter.toFile(kind, filter, `bench-${kind}-${label}`);
        const elapsed = performance.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        clearInterval(sampler);
        const bytes = statSync(path.join(temp.dir, result.fileName ?? '')).size;
        console.log(
          `  ${`${kind}, ${label}`.padEnd(26)} ${(elapsed / 1000).toFixed(2).padStart(6)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s) for ${result.rows.toLocaleString('en').padStart(9)} rows` +
            ` (${Math.round(result.rows / (elapsed / 1000)).toLocaleString('en')} rows/s, ${(bytes / 1_048_576).toFixed(0)} MB,` +
            ` ${progressEvents} progress events), heap +${((heapPeak - heapBefore) / 1_048_576).toFixed(1)} MB at most`,
        );
      }
    }
    console.log('  aim: 1,000,000 history rows in < 3 s, heap flat');
  } finally {
    db.close();
    temp.remove();
  }
}, 3_600_000);
