// Crash safety of the team sync: a desktop (a child process) edits and syncs in small upload batches while
// another desktop keeps adding changes for it to download, and is killed with SIGKILL at random moments, 20
// times. Afterwards every edit the child saw committed is in PostgreSQL, none twice, its last value is the
// desktop's value, and its replica equals a fresh one built from PostgreSQL alone. Then PostgreSQL itself is
// restarted (a fast shutdown that cuts every connection) while a desktop uploads: the same holds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../../main/app/create-services';
import { createHandlers } from '../../../../main/app/handlers';
import { directDetails, directProfile } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { createMemoryCredentialStore } from '../../../support/memory-credential-store';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../../../support/team-database';
import { teamReplica } from '../../../support/team-replica';
import { makeTempDir } from '../../../support/temp-dir';
import { startTestApp, type TestApp } from '../../../support/test-app';
import { bundleChild, repositoryRoot } from '../../../support/child-bundle';
import type { TeamConnection } from '../../../../shared/domain/team';

const kills = 20;

interface ChildRun {
  committed: { customerId: string; notes: string }[];
  finished: boolean;
  stderr: string;
}

function runChild(bundle: string, dataDir: string, password: string, run: number, killAfter: number | null) {
  const result: ChildRun = { committed: [], finished: false, stderr: '' };
  const child = spawn(process.execPath, [bundle, dataDir, password, String(run)], {
    env: { ...process.env, NODE_PATH: path.join(repositoryRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^committed (\S+) (.+)$/.exec(line);
      if (match) {
        result.committed.push({ customerId: match[1] as string, notes: match[2] as string });
        // A few milliseconds on, so the kill lands inside the sync or the next edit, not only between them.
        if (killAfter !== null && result.committed.length === killAfter) {
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 20));
        }
      }
      if (line === 'finished') result.finished = true;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    result.stderr += chunk.toString();
  });
  return new Promise<ChildRun>((resolve) => child.on('exit', () => resolve(result)));
}

describe('team sync survives kills and a database restart', () => {
  let server: TeamDatabaseServer;
  let connection: TeamConnection;
  let bundle: string;
  const temp = makeTempDir();
  let colleague: TestApp;

  beforeAll(async () => {
    server = await startTeamDatabaseServer();
    connection = await server.createDatabase();
    bundle = await bundleChild(
      path.join(temp.dir, 'team-kill-child.cjs'),
      path.join(__dirname, 'kill', 'team-kill-child.ts'),
    );
  });
  afterAll(async () => {
    await colleague?.close();
    await server.stop();
    temp.remove();
  });

  async function openDesktop(dataDir: string): Promise<Services> {
    return createServices(
      { dataDir, partnerCenterUrl: null, simulatorUrl: null, actor: 'kill-test', version: '0.0.0-test' },
      { credentials: createMemoryCredentialStore(), team: { checkEveryMs: 3_600_000 } },
    );
  }

  it('keeps every committed edit exactly once through 20 kills', async () => {
    const dataDir = path.join(temp.dir, 'desktop');
    const setup = await openDesktop(dataDir);
    const desktop = { handlers: createHandlers(setup) } as TestApp;
    await call(desktop, 'savePartnerProfile', directProfile);
    for (let index = 0; index < 12; index += 1) {
      await call(desktop, 'createCustomer', directDetails({ domainPrefix: `killteam${index}` }));
    }
    await call(desktop, 'createTeam', { connection, password: server.password, displayName: 'Killed', teamName: 'K' });
    await setup.close();

    colleague = await startTestApp();
    await call(colleague, 'joinTeam', { connection, password: server.password, displayName: 'Colleague' });
    const customerIds = (colleague.services.db.prepare('SELECT id FROM customers').all() as { id: string }[]).map(
      (row) => row.id,
    );

    const committed: ChildRun['committed'] = [];
    for (let run = 0; run < kills; run += 1) {
      // The colleague's change, for the child to download (and be killed while applying).
      const customerId = customerIds[run % customerIds.length] as string;
      const tracking = await call(colleague, 'getCustomerTracking', { customerId });
      await call(colleague, 'updateCustomerTracking', {
        customerId,
        tracking: { ...tracking, owner: `owner${run}` },
      });
      await call(colleague, 'syncTeamNow', {});
      const child = await runChild(bundle, dataDir, server.password, run, 1 + Math.floor(Math.random() * 55));
      expect(child.stderr).toBe('');
      committed.push(...child.committed);
    }
    const last = await runChild(bundle, dataDir, server.password, kills, null);
    expect(last.stderr).toBe('');
    expect(last.finished).toBe(true);
    committed.push(...last.committed);

    const inspect = await server.client(connection.database);
    try {
      const { rows } = await inspect.query<{ row_id: string; notes: string; copies: string }>(
        `SELECT row_id, fields->>'notes' AS notes, count(*) AS copies FROM team_changes
         WHERE entity = 'customers' AND fields ? 'notes' GROUP BY row_id, fields->>'notes'`,
      );
      const inDatabase = new Map(rows.map((row) => [`${row.row_id} ${row.notes}`, Number(row.copies)]));
      for (const edit of committed) expect(inDatabase.get(`${edit.customerId} ${edit.notes}`), edit.notes).toBe(1);
    } finally {
      await inspect.end();
    }

    const after = await openDesktop(dataDir);
    try {
      const lastNotes = new Map(committed.map((edit) => [edit.customerId, edit.notes]));
      for (const [customerId, notes] of lastNotes) expect(after.queue.tracking(customerId).notes).toBe(notes);
      await call(colleague, 'syncTeamNow', {});
      const fresh = await startTestApp();
      try {
        await call(fresh, 'joinTeam', { connection, password: server.password, displayName: 'Fresh' });
        expect(teamReplica(after.db)).toEqual(teamReplica(fresh.services.db));
        expect(teamReplica(colleague.services.db)).toEqual(teamReplica(fresh.services.db));
      } finally {
        await fresh.close();
      }
    } finally {
      await after.close();
    }
  });

  it('keeps every change exactly once when PostgreSQL restarts under an upload', async () => {
    const restartConnection = await server.createDatabase();
    const desktop = await startTestApp({ team: { checkEveryMs: 3_600_000, uploadBatchSize: 5 } });
    try {
      await call(desktop, 'savePartnerProfile', directProfile);
      await call(desktop, 'createTeam', {
        connection: restartConnection,
        password: server.password,
        displayName: 'Restarted',
        teamName: 'R',
      });
      const ids: string[] = [];
      for (let index = 0; index < 10; index += 1) {
        const { detail } = await call(desktop, 'createCustomer', directDetails({ domainPrefix: `restart${index}` }));
        ids.push(detail.customer.id);
      }
      const edits = 1_500;
      for (let edit = 0; edit < edits; edit += 1) {
        const customerId = ids[edit % ids.length] as string;
        const tracking = desktop.services.queue.tracking(customerId);
        desktop.services.queue.updateTracking(customerId, { ...tracking, notes: `edit ${edit}` });
      }

      // Some batches are in when the server goes down; the rest wait.
      const syncing = desktop.services.team.syncNow();
      const inspect = await server.client(restartConnection.database);
      try {
        for (;;) {
          const { rows } = await inspect.query<{ n: string }>('SELECT count(*) AS n FROM team_changes');
          if (Number(rows[0]?.n) > 0) break;
        }
      } finally {
        await inspect.end();
      }
      await server.restart();
      const cut = await syncing;
      console.log(`restart under an upload: the sync that was cut ended ${cut.state}, ${cut.waiting} waiting`);
      const resumed = await call(desktop, 'syncTeamNow', {});
      expect(resumed).toMatchObject({ state: 'synced', waiting: 0 });

      const check = await server.client(restartConnection.database);
      try {
        const { rows } = await check.query<{ notes: string; copies: string }>(
          `SELECT fields->>'notes' AS notes, count(*) AS copies FROM team_changes
           WHERE entity = 'customers' AND fields->>'notes' LIKE 'edit %' GROUP BY fields->>'notes'`,
        );
        expect(rows).toHaveLength(edits);
        expect(rows.every((row) => Number(row.copies) === 1)).toBe(true);
      } finally {
        await check.end();
      }
      const fresh = await startTestApp();
      try {
        await call(fresh, 'joinTeam', {
          connection: restartConnection,
          password: server.password,
          displayName: 'Fresh',
        });
        expect(teamReplica(fresh.services.db)).toEqual(teamReplica(desktop.services.db));
      } finally {
        await fresh.close();
      }
    } finally {
      await desktop.close();
    }
  });
});
