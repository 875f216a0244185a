// npm run bench:report: a history of 1,000,000 events (BENCH_EVENTS; about ten per customer, or spread over
// BENCH_CUSTOMERS customers when that is set; bulk-inserted in one transaction through the real schema and its
// triggers), then the time of each report query, of the whole report, of a
// one-month range and of the CSV exports (once each, with their heap growth). Figures only: no assertion on timings (run through vitest because
// main's code imports its SQL migrations with Vite's ?raw).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { openDatabase } from '../../main/platform/db/connection';
import { createCsvFileExport } from '../../main/features/import-export/csv-file-export';
import { ownerBreakdown, resellerBreakdown, weeklyCohorts } from '../../main/features/reports/breakdown-reports';
import { buildConversionReport } from '../../main/features/reports/conversion-report-service';
import { funnelReport } from '../../main/features/reports/funnel-report';
import { cohortParameters } from '../../main/features/reports/report-cohort';
import { stalledReport } from '../../main/features/reports/stalled-report';
import { timeToAuthorizeReport } from '../../main/features/reports/time-to-authorize-report';
import type { CustomerEventType } from '../../shared/domain/customer-event';
import { makeTempDir } from '../../test/support/temp-dir';

const eventTarget = Number(process.env.BENCH_EVENTS ?? 1_000_000);
// Unset: as many customers as ten events each make.
const customerTarget = process.env.BENCH_CUSTOMERS ? Number(process.env.BENCH_CUSTOMERS) : null;
const eventsPerCustomer = customerTarget ? Math.round(eventTarget / customerTarget) : 0;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const now = new Date('2026-06-01T12:00:00.000Z');
const yearStart = new Date('2025-06-01T00:00:00.000Z').getTime();

// A deterministic pseudo-random sequence, so every run measures the same history.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const owners = Array.from({ length: 20 }, (_, i) => `manager${i + 1}`);
// One account manager of the team, for the "me" scope.
const benchOwner = 'manager1';
const resellers = Array.from({ length: 50 }, (_, i) => ({ mpnId: String(4_000_000 + i), name: `Reseller ${i + 1}` }));

function insertHistory(db: ReturnType<typeof openDatabase>): { customers: number; events: number } {
  const next = random(42);
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, kind, company_name, contact_name, contact_email, domain_prefix, reseller_mpn_id,
       reseller_name, include_delegated_admin, status, owner, created_at, updated_at)
     VALUES (@id, 'indirect', @company, 'Bench Contact', @email, @prefix, @mpnId, @resellerName, 1, @status, @owner,
       @createdAt, @createdAt)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO customer_events (customer_id, type, at, actor, summary, data) VALUES (?, ?, ?, ?, ?, '{}')`,
  );
  let events = 0;
  let customers = 0;
  db.transaction(() => {
    while (customerTarget === null ? events < eventTarget : customers < customerTarget) {
      const id = `bench-${customers}`;
      const owner = owners[Math.floor(next() * owners.length)]!;
      const reseller = next() < 0.1 ? null : resellers[Math.floor(next() * resellers.length)]!;
      let at = yearStart + Math.floor(next() * 360 * 86_400_000);
      const createdAt = new Date(at).toISOString();
      // About ten events per customer: hand-offs, partial and failed checks, a pass for most, checkout for some.
      const history: CustomerEventType[] = ['created', 'link-generated'];
      const sent = next() < 0.85;
      const passed = sent && next() < 0.6;
      if (sent) history.push('link-copied', 'instructions-copied', 'mail-client-opened');
      if (sent) for (let i = Math.floor(next() * 4); i > 0; i--) history.push('verification-partial');
      if (sent) history.push('verification-failed');
      if (passed) history.push('verification-passed', 'verification-passed');
      if (passed && next() < 0.6) history.push('checked-out');
      // More events per customer than the story above: edits in between.
      while (history.length < eventsPerCustomer) history.splice(2, 0, 'updated');
      const status = history.includes('checked-out')
        ? 'checked-out'
        : passed
          ? 'authorized'
          : sent
            ? 'sent'
            : 'link-ready';
      insertCustomer.run({
        id,
        company: `Bench ${customers}`,
        email: `it@bench${customers}.example`,
        prefix: `bench${customers}`,
        mpnId: reseller?.mpnId ?? null,
        resellerName: reseller?.name ?? null,
        status,
        owner,
        createdAt,
      });
      for (const type of history) {
        at += Math.floor(next() * 3 * 86_400_000);
        insertEvent.run(id, type, new Date(Math.min(at, now.getTime())).toISOString(), owner, type);
        events++;
      }
      customers++;
    }
  })();
  return { customers, events };
}

function time(label: string, run: () => unknown, times = runs): void {
  const timings: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)]!;
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms   min ${timings[0]!.toFixed(1).padStart(7)} ms   max ${timings.at(-1)!.toFixed(1).padStart(7)} ms`,
  );
}

it(`times every report query over ${eventTarget.toLocaleString('en')} events`, async () => {
  const temp = makeTempDir('authdesk-bench-report-');
  const db = openDatabase(path.join(temp.dir, 'bench.db'));
  // A cache large enough for the bulk insert not to spill pages to the WAL mid-transaction (bench only).
  db.pragma('cache_size = -400000');
  try {
    // As a bulk load does: the indexes are dropped and built again afterwards (much faster than keeping them up
    // to date row by row); the triggers stay, so the history fills the report columns as it does in the app.
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'customer_events')",
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const insertStart = performance.now();
    const { customers, events } = insertHistory(db);
    const insertMs = performance.now() - insertStart;
    const indexStart = performance.now();
    db.transaction(() => indexes.forEach((index) => db.exec(index.sql)))();
    console.log(`\nRebuilt ${indexes.length} indexes in ${((performance.now() - indexStart) / 1000).toFixed(1)} s`);
    db.pragma('optimize');
    console.log(
      `\nInserted ${events.toLocaleString('en')} events for ${customers.toLocaleString('en')} customers in one transaction: ${(insertMs / 1000).toFixed(1)} s`,
    );
    console.log(`Each query ${runs} times (all customers unless a range is named):\n`);
    const all = cohortParameters({ from: null, to: null }, null);
    const month = cohortParameters({ from: '2026-01-01', to: '2026-01-31' }, null);
    time('funnel', () => funnelReport(db, all));
    time('time to authorize (median, p90)', () => timeToAuthorizeReport(db, all));
    time('by owner', () => ownerBreakdown(db, all));
    time('by reseller', () => resellerBreakdown(db, all));
    time('by week (cohorts)', () => weeklyCohorts(db, all));
    time('stalled (7 days)', () => stalledReport(db, all, now, 7));
    const team = { from: null, to: null, stalledDays: 7, scope: 'team' } as const;
    time('whole report', () => buildConversionReport(db, team, now));
    time('whole report, one month', () =>
      buildConversionReport(db, { ...team, from: '2026-01-01', to: '2026-01-31' }, now),
    );
    time(`whole report, "me" (${benchOwner})`, () =>
      buildConversionReport(db, { ...team, scope: 'me' }, now, benchOwner),
    );
    time('funnel, one month', () => funnelReport(db, month));
    time('funnel, "me"', () => funnelReport(db, { ...all, owner: benchOwner }));
    time('stalled (7 days), "me"', () => stalledReport(db, { ...all, owner: benchOwner }, now, 7));
    // The export (the window's and the command line's): streamed from SQLite into a file a chunk at a time.
    const streamed = createCsvFileExport(
      { db, now: () => now, actor: 'bench', emit: () => undefined },
      {
        matchingCustomers: () => ({ sql: '1', params: {} }),
        chooseSavePath: async (name) => path.join(temp.dir, name),
      },
    );
    for (const kind of ['customers', 'history'] as const) {
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
      const start = performance.now();
      const { rows } = await streamed.toFile(kind, null, `bench-${kind}`);
      const elapsed = performance.now() - start;
      clearInterval(sampler);
      console.log(
        `${`CSV file (streamed), all ${kind}`.padEnd(34)} ${elapsed.toFixed(1).padStart(7)} ms for ${rows.toLocaleString('en')} rows, heap +${((heapPeak - heapBefore) / 1_048_576).toFixed(1)} MB at most`,
      );
    }
  } finally {
    db.close();
    temp.remove();
  }
});
