// The `authdesk` command line as a user runs it: built with electron-vite, started as a child process with
// node against a fresh data folder in sandbox mode (a simulator shared across runs, so what one command did
// is there for the next), checking output, JSON and exit codes.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { customerAddArgs, profileSetArgs, type CliRun } from '../../support/cli-fixtures';
import { makeTempDir } from '../../support/temp-dir';
import { startTestApp } from '../../support/test-app';
import { enqueueOutbox, getOutbox } from '../../../main/platform/outbox/outbox-repository';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
// A build made already (AUTHDESK_OUT_DIR, as the e2e tests use), else one made here, inside the repository
// so the built code finds node_modules.
const prebuilt = process.env.AUTHDESK_OUT_DIR;
const outDir =
  prebuilt && existsSync(path.join(prebuilt, 'main', 'cli.js')) ? prebuilt : path.join(root, '.tmp', 'out-cli-test');

let simulator: Simulator;
let data: ReturnType<typeof makeTempDir>;

async function authdesk(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return authdeskAsTyped([...args, '--data-dir', data.dir], env);
}

async function authdeskAsTyped(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(outDir, 'main', 'cli.js'), ...args], {
      env: { ...process.env, AUTHDESK_SIMULATOR_URL: simulator.url, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  if (outDir !== prebuilt)
    await run('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: root, timeout: 240_000 });
  simulator = await startSimulator();
  data = makeTempDir();
}, 300_000);
afterAll(async () => {
  await simulator?.stop();
  data?.remove();
});

describe('authdesk command line', () => {
  it('is built without Electron', () => {
    const source = readFileSync(path.join(outDir, 'main', 'cli.js'), 'utf8');
    expect(source).not.toMatch(/require\(["']electron["']\)/);
    expect(existsSync(path.join(root, 'bin', 'authdesk.js'))).toBe(true);
  });

  it('explains itself and refuses what it does not know with exit code 2', async () => {
    const help = await authdesk(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('customers list');
    const unknown = await authdesk(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    const badOption = await authdesk(['report', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    const badLeading = await authdeskAsTyped(['--colour', 'report']);
    expect(badLeading.code).toBe(2);
    expect(badLeading.stderr).toContain('Unknown option: --colour');
  });

  it('takes the global options before the command as well as after it', async () => {
    const before = await authdeskAsTyped(['--data-dir', data.dir, '--json', 'profile', 'show']);
    const after = await authdesk(['profile', 'show', '--json']);
    expect(before.code).toBe(after.code);
    expect(before.stdout).toBe(after.stdout);
    expect(() => JSON.parse(before.stdout) as unknown).not.toThrow();
    const help = await authdeskAsTyped(['--data-dir', data.dir, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: authdesk [--json] [--data-dir DIR] <command> [options]');
  });

  it('needs a partner profile, then adds, links, verifies and reports from a fresh data folder', async () => {
    const noProfile = await authdesk(
      customerAddArgs({ kind: 'direct', company: 'X', contact: 'Y', email: 'y@x.com', domainPrefix: 'xco' }),
    );
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toContain('Set up your partner profile in Settings first.');

    const profile = await authdesk(profileSetArgs('indirect-provider'));
    expect(profile.code).toBe(0);
    expect(profile.stdout).toContain('indirect-provider');

    const missing = await authdesk(['customers', 'add', '--kind', 'indirect']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--company is required.');

    const litware = {
      kind: 'indirect',
      company: 'Litware Inc',
      contact: 'Anna Bell',
      domainPrefix: 'litware',
      resellerMpnId: '4391507',
    } as const;
    const invalid = await authdesk(customerAddArgs({ ...litware, email: 'not-an-email' }));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('contactEmail');

    const added = await authdesk([...customerAddArgs({ ...litware, email: 'anna@litware.com' }), '--json']);
    expect(added.code).toBe(0);
    const created = JSON.parse(added.stdout) as { customer: { id: string; status: string }; linkError: string | null };
    expect(created.customer.status).toBe('link-ready');
    expect(created.linkError).toBeNull();

    const link = await authdesk(['link', 'litware']);
    expect(link.code).toBe(0);
    expect(link.stdout.trim()).toMatch(/^https:\/\/admin\.microsoft\.com\/.*invType=IndirectResellerRelationship/);

    // The customer's Global admin accepts, but only after one more check.
    await simulator.control.addScenarios({
      domain: 'litware.onmicrosoft.com',
      acceptAfterChecks: 1,
      resellerMpnId: '4391507',
    });
    const first = await authdesk(['verify', 'litware', '--json']);
    expect(first.code).toBe(0);
    const firstResult = JSON.parse(first.stdout) as { status: string; result: { outcome: string } };
    expect(firstResult).toMatchObject({ status: 'sent', result: { outcome: 'not-authorized' } });

    const all = await authdesk(['verify', '--all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/Litware Inc\s+litware\.onmicrosoft\.com\s+authorized\s+Authorized/);
    expect(all.stdout).toContain('1 verified, 0 could not be verified.');

    const report = await authdesk(['report', '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ total: 1, byStatus: { authorized: 1, sent: 0 } });
    const table = await authdesk(['report']);
    expect(table.stdout).toMatch(/Authorized\s+1/);
    expect(table.stdout).toContain('Customers of the whole team, created from the beginning to today');
    const mine = JSON.parse((await authdesk(['report', '--scope', 'me', '--json'])).stdout) as {
      conversion: { filter: { scope: string; owner: string }; funnel: { added: number } };
    };
    expect(mine.conversion.filter.scope).toBe('me');
    expect(mine.conversion.funnel.added).toBe(1);
    const nobodys = await authdesk(['report', '--scope', 'mine']);
    expect(nobodys.code).toBe(2);

    const list = await authdesk(['customers', 'list', '--status', 'authorized']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(created.customer.id);
    expect(list.stdout).toMatch(/Litware Inc\s+litware\.onmicrosoft\.com\s+indirect\s+Authorized/);
    const listed = JSON.parse((await authdesk(['customers', 'list', '--json'])).stdout) as { id: string }[];
    expect(listed.map((customer) => customer.id)).toEqual([created.customer.id]);

    const nobody = await authdesk(['verify', 'nosuchcustomer']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('No customer matches "nosuchcustomer"');
  });

  it('exits with 1 when Partner Center cannot be reached', async () => {
    const offline = await authdesk(['verify', 'litware'], { AUTHDESK_SIMULATOR_URL: 'http://127.0.0.1:9' });
    expect(offline.code).toBe(1);
    expect(offline.stderr.length).toBeGreaterThan(0);
  });

  it('runs beside the app on the same data without taking the action the app has in flight', async () => {
    const app = await startTestApp({ simulatorUrl: simulator.url });
    try {
      // An action of the app's that is running (its call still out) when the command line starts.
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      let runs = 0;
      app.services.offline.outbox.register({
        kind: 'held-in-flight',
        needsPartnerCenter: false,
        describe: () => ({ customerId: null, label: 'An action still running' }),
        async run({ complete }) {
          runs += 1;
          started();
          await finished;
          app.services.db.transaction(() => complete())();
        },
      });
      const item = enqueueOutbox(
        app.services.db,
        { idempotencyKey: 'held-in-flight-1', kind: 'held-in-flight', payload: {} },
        new Date(),
      );
      app.services.offline.outbox.wake();
      await running;

      const list = await authdeskAsTyped(['customers', 'list', '--data-dir', app.dataDir]);
      expect(list.code).toBe(0);
      expect(getOutbox(app.services.db, item.id)).toMatchObject({ status: 'running', attempts: 1 });

      finish();
      await app.services.offline.outbox.idle();
      expect(getOutbox(app.services.db, item.id)).toMatchObject({ status: 'done', attempts: 1 });
      expect(runs).toBe(1);
    } finally {
      await app.close();
    }
  });
});
