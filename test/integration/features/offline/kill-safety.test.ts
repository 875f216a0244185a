// Crash safety: a child process runs a bulk import of customers and a verify-all through the outbox, and is
// killed with SIGKILL at random moments, at least 20 times in a row. After each kill the database passes
// PRAGMA integrity_check and holds every event the child saw committed; a last run then finishes the outbox,
// and every action has run exactly once (one link, one queued and one recorded verification per customer).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { verifyActionKind } from '../../../../main/features/offline/partner-center-actions';
import { databaseFileName } from '../../../../main/app/create-services';
import { makeTempDir } from '../../../support/temp-dir';
import { bundleChild, repositoryRoot } from '../../../support/child-bundle';

const secret = 'kill-test-secret';
// Customers to import; raised when a run finishes all the work before enough kills landed.
const firstCustomerCount = 120;
const killsWanted = 20;

interface ChildRun {
  committed: Set<number>;
  finished: boolean;
  killed: boolean;
  stderr: string;
}

// killAfter: SIGKILL once that many new events were reported, plus a random few milliseconds (null: let it finish).
function runChild(
  bundle: string,
  dataDir: string,
  simulatorUrl: string,
  customerCount: number,
  killAfter: number | null,
): Promise<ChildRun> {
  const run: ChildRun = { committed: new Set(), finished: false, killed: false, stderr: '' };
  const child: ChildProcess = spawn(process.execPath, [bundle, dataDir, simulatorUrl, secret, String(customerCount)], {
    env: { ...process.env, NODE_PATH: path.join(repositoryRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  let seen = 0;
  const kill = () => {
    if (!run.killed) run.killed = child.kill('SIGKILL');
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('committed ')) {
        run.committed.add(Number(line.slice('committed '.length)));
        seen += 1;
        if (killAfter !== null && seen === killAfter) setTimeout(kill, Math.floor(Math.random() * 15));
      }
      if (line === 'finished') run.finished = true;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on('exit', () => resolve(run));
  });
}

function inspect(dataDir: string, committed: Set<number>) {
  const db = new BetterSqlite3(path.join(dataDir, databaseFileName));
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    // Killed before the first migration committed: no schema yet, and nothing can have been committed either.
    const migrated = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'customer_events'").get() !== undefined;
    const rows = migrated ? db.prepare<[], { id: number }>('SELECT id FROM customer_events').all() : [];
    const present = new Set(rows.map((row) => row.id));
    const missing = [...committed].filter((id) => !present.has(id));
    const outbox = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").get() !== undefined;
    const unfinished = outbox
      ? (db
          .prepare<[string], { n: number }>(
            "SELECT COUNT(*) AS n FROM outbox WHERE kind = ? AND status IN ('pending', 'running')",
          )
          .get(verifyActionKind)?.n ?? 0)
      : 0;
    return { integrity, missing, unfinished };
  } finally {
    db.close();
  }
}

describe('kill safety', () => {
  let simulator: Simulator;
  let temp: ReturnType<typeof makeTempDir>;
  let bundle: string;
  beforeAll(async () => {
    simulator = await startSimulator({ clientSecret: secret });
    temp = makeTempDir('authdesk-kill-');
    bundle = await bundleChild(path.join(temp.dir, 'kill-child.cjs'), path.join(__dirname, 'kill', 'kill-child.ts'));
  });
  afterAll(async () => {
    await simulator.stop();
    temp.remove();
  });

  it('survives SIGKILL at random moments with nothing lost and every action run exactly once', async () => {
    const dataDir = path.join(temp.dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const committed = new Set<number>();
    let kills = 0;
    // Kills that left queued verifications behind: the outbox's own phase was hit, not only the import.
    let outboxKills = 0;
    let runs = 0;
    let customerCount = firstCustomerCount;
    // Random moments of the work (import, links, hand-off, verify-all, the outbox's verifications); a run that
    // finished before its kill does not count.
    while ((kills < killsWanted || outboxKills < 3) && runs < killsWanted * 4) {
      runs += 1;
      const run = await runChild(bundle, dataDir, simulator.url, customerCount, 1 + Math.floor(Math.random() * 30));
      expect(run.stderr).toBe('');
      run.committed.forEach((id) => committed.add(id));
      const { integrity, missing, unfinished } = inspect(dataDir, committed);
      if (run.killed && !run.finished) kills += 1;
      if (run.killed && !run.finished && unfinished > 0) outboxKills += 1;
      // Everything done before the kill: more customers, so later kills still land in the middle of work.
      if (run.finished) customerCount += 60;
      expect(integrity).toBe('ok');
      expect(missing).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(killsWanted);
    expect(outboxKills).toBeGreaterThanOrEqual(3);

    const last = await runChild(bundle, dataDir, simulator.url, customerCount, null);
    expect(last.stderr).toBe('');
    expect(last.finished).toBe(true);
    last.committed.forEach((id) => committed.add(id));
    expect(inspect(dataDir, committed)).toEqual({ integrity: 'ok', missing: [], unfinished: 0 });

    const db = new BetterSqlite3(path.join(dataDir, databaseFileName), { readonly: true });
    try {
      const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n;
      expect(count('SELECT COUNT(*) AS n FROM customers')).toBe(customerCount);
      const perCustomer = db
        .prepare<[], { type: string; n: number; customers: number }>(
          `SELECT type, MAX(n) AS n, COUNT(*) AS customers FROM
             (SELECT customer_id, CASE WHEN type LIKE 'verification-%' AND type != 'verification-queued'
                                       THEN 'verification-recorded' ELSE type END AS type, COUNT(*) AS n
              FROM customer_events GROUP BY customer_id, 2)
           GROUP BY type ORDER BY type`,
        )
        .all();
      // Every customer has exactly one of each step: created, link, hand-off, queued and recorded verification.
      expect(perCustomer).toEqual(
        ['created', 'link-copied', 'link-generated', 'verification-queued', 'verification-recorded'].map((type) => ({
          type,
          n: 1,
          customers: customerCount,
        })),
      );
      expect(
        db
          .prepare<[string], { status: string; n: number }>(
            'SELECT status, COUNT(*) AS n FROM outbox WHERE kind = ? GROUP BY status',
          )
          .all(verifyActionKind),
      ).toEqual([{ status: 'done', n: customerCount }]);
    } finally {
      db.close();
    }
  });
});
