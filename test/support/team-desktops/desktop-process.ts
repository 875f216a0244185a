// One desktop of a team of desktop processes (desktop-fleet.ts: the team chaos run, the team bench), as its own
// process: the real services on a data folder already in the team, reaching PostgreSQL and the simulator
// through proxies the parent may cut. It bulk-emails its
// selection (one step for the whole team, so overlapping selections collide), then, when told, bulk-verifies it
// until nothing is left that may pass by itself, and syncs when told. The parent may SIGKILL it at any moment
// and start it again on the same folder: every step is safe to run again.
//
// Lines on stdout: "emailed", "recorded <customer id>" (a verification this desktop recorded), "verified",
// "synced <changes waiting>", "closed". Commands on stdin: "verify", "sync", "exit".
// Run from a bundle with: node desktop-process.cjs '<json of DesktopProcessArguments>'
import { createInterface } from 'node:readline';
import { createServices } from '../../../main/app/create-services';
import type { CredentialStore } from '../../../main/platform/keychain/credential-store';
import type { IpcErrorCode } from '../../../shared/ipc/ipc-error';

export interface DesktopProcessArguments {
  dataDir: string;
  simulatorUrl: string;
  password: string;
  actor: string;
  selection: string[];
  // Started again after the verification phase began: verify without waiting to be told.
  verifyAtOnce: boolean;
  // The tenant's limit as this desktop paces it (the bench scales time by raising it).
  requestsPerMinute?: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as DesktopProcessArguments;
// What may pass by itself: the next round tries these again.
const passing: ReadonlySet<IpcErrorCode> = new Set(['offline', 'partner-center', 'team-database']);
const say = (line: string) => process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const credentials: CredentialStore = {
  get: async (name) => (name.startsWith('team-database-password:') ? input.password : null),
  set: async () => undefined,
  delete: async () => undefined,
  status: async () => ({ available: true, message: null }),
};

async function main(): Promise<void> {
  const services = await createServices(
    {
      dataDir: input.dataDir,
      partnerCenterUrl: null,
      simulatorUrl: input.simulatorUrl,
      actor: input.actor,
      version: '0.0.0-fleet',
      ...(input.requestsPerMinute ? { requestsPerMinute: input.requestsPerMinute } : {}),
    },
    { credentials, offline: { background: false, offlineProbeMs: 500 }, team: { checkEveryMs: 2_000 } },
  );
  const commands: string[] = [];
  let wake: (() => void) | null = null;
  createInterface({ input: process.stdin }).on('line', (line) => {
    commands.push(line.trim());
    wake?.();
  });
  const command = async (): Promise<string> => {
    while (commands.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return commands.shift() as string;
  };

  await services.email.send.sendBulk(
    `chaos-email-${input.actor}`,
    input.selection.map((customerId) => ({ customerId, template: 'invitation' as const, step: 'chaos' })),
    'send-email',
  );
  // Messages waiting for the team database or the mail server go on in the outbox; done once it is empty.
  await services.offline.outbox.idle();
  say('emailed');

  let verifying = input.verifyAtOnce;
  for (;;) {
    const next = verifying ? 'verify' : await command();
    verifying = false;
    if (next === 'verify') {
      let pending = input.selection;
      while (pending.length > 0) {
        const { results } = await services.bulkVerification.verifyMany({ customerIds: pending });
        for (const item of results) if ('outcome' in item) say(`recorded ${item.customerId}`);
        pending = results
          .filter((item) => 'error' in item && passing.has(item.error.code))
          .map((item) => item.customerId);
        if (pending.length > 0) await pause(500);
      }
      say('verified');
    } else if (next === 'sync') {
      for (;;) {
        try {
          await services.team.syncNow();
          break;
        } catch {
          await pause(200);
        }
      }
      const waiting = (services.db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;
      say(`synced ${waiting}`);
    } else if (next === 'exit') {
      await services.close();
      say('closed');
      process.exit(0);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
