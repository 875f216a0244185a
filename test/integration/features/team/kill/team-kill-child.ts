// The desktop the team kill test murders: the real services on a data folder already in a team, editing its
// customers' notes and syncing after every few edits (small upload batches, so a kill lands inside one). It
// prints "committed <customer id> <notes>" once each edit has committed, so the parent knows which local
// changes must reach PostgreSQL. Run from a bundle with: node team-kill-child.cjs <dataDir> <password> <run>
import { createServices } from '../../../../../main/app/create-services';
import type { CredentialStore } from '../../../../../main/platform/keychain/credential-store';

const [dataDir, password, run] = process.argv.slice(2);
if (!dataDir || !password || !run) throw new Error('usage: <dataDir> <password> <run>');

// The team password for whichever connection the data folder names; nothing else is kept.
const credentials: CredentialStore = {
  get: async (name) => (name.startsWith('team-database-password:') ? (password as string) : null),
  set: async () => undefined,
  delete: async () => undefined,
  status: async () => ({ available: true, message: null }),
};

async function main(): Promise<void> {
  const services = await createServices(
    {
      dataDir: dataDir as string,
      partnerCenterUrl: null,
      simulatorUrl: 'http://127.0.0.1:9',
      actor: 'kill-test',
      version: '0.0.0-kill',
    },
    {
      credentials,
      offline: { background: false, offlineProbeMs: 60_000 },
      team: { checkEveryMs: 3_600_000, uploadBatchSize: 7 },
    },
  );
  const ids = (services.db.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map(
    (row) => row.id,
  );
  for (let edit = 0; edit < 60; edit += 1) {
    const customerId = ids[edit % ids.length] as string;
    const notes = `run ${run} edit ${edit}`;
    const tracking = services.queue.tracking(customerId);
    services.queue.updateTracking(customerId, { ...tracking, notes });
    process.stdout.write(`committed ${customerId} ${notes}\n`);
    if (edit % 5 === 4) {
      await services.team.syncNow();
      process.stdout.write('synced\n');
    }
  }
  await services.team.syncNow();
  await services.close();
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
