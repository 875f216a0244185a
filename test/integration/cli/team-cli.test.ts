// The team from the command line, in-process through runCli: an administrator creates the team with an owner's
// role, prints the least-privilege SQL and runs it, a second desktop joins with that role, and `sync` carries a
// customer across. The member role can append to the exchange but not rewrite it, and no password reaches a
// data folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import { startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { customerAddArgs, profileSetArgs, recordingCliIo, type CliRun } from '../../support/cli-fixtures';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../../support/team-database';
import { makeTempDir } from '../../support/temp-dir';

let simulator: Simulator;
let server: TeamDatabaseServer;
const folders: ReturnType<typeof makeTempDir>[] = [];

async function authdesk(dataDir: string, args: string[]): Promise<CliRun> {
  const terminal = recordingCliIo();
  const code = await runCli([...args, '--data-dir', dataDir], {
    io: terminal.io,
    env: { AUTHDESK_SIMULATOR_URL: simulator.url },
  });
  return terminal.output(code);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  simulator = await startSimulator();
  server = await startTeamDatabaseServer();
});
afterAll(async () => {
  await simulator?.stop();
  await server?.stop();
  for (const folder of folders) folder.remove();
});

describe('authdesk team and sync', () => {
  it('creates a team, gives a member a least-privilege role, joins with it and syncs a customer across', async () => {
    const admin = makeTempDir();
    const member = makeTempDir();
    folders.push(admin, member);
    const { database } = await server.createDatabase();
    const ownerUrl = `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}?sslmode=disable`;

    expect((await authdesk(admin.dir, profileSetArgs('direct'))).code).toBe(0);
    const created = await authdesk(admin.dir, [
      'team',
      'create',
      '--database-url',
      ownerUrl,
      '--name',
      'Contoso sales',
      '--display-name',
      'Anna',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Team: Contoso sales');

    const sql = await authdesk(admin.dir, ['team', 'sql', '--role', 'authdesk_ben']);
    expect(sql.code).toBe(0);
    const memberPassword = 'ben-Pa55-word';
    const owner = await server.client(database);
    try {
      await owner.query(sql.stdout.replace("'change-me'", `'${memberPassword}'`));
    } finally {
      await owner.end();
    }

    const memberUrl = `postgres://authdesk_ben:${memberPassword}@${server.host}:${server.port}/${database}?sslmode=disable`;
    expect((await authdesk(member.dir, profileSetArgs('direct'))).code).toBe(0);
    const joined = await authdesk(member.dir, ['team', 'join', '--database-url', memberUrl, '--display-name', 'Ben']);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);

    const added = await authdesk(
      admin.dir,
      customerAddArgs({
        kind: 'direct',
        company: 'Tailwind Traders',
        contact: 'Tomás Ñúñez',
        email: 'tomas@tailwindtraders.com',
        domainPrefix: 'tailwindtraders',
      }),
    );
    expect(added.code).toBe(0);
    const uploaded = await authdesk(admin.dir, ['sync']);
    expect(uploaded).toMatchObject({ code: 0, stdout: 'Team sync: synced' });
    expect((await authdesk(member.dir, ['sync'])).code).toBe(0);
    expect((await authdesk(member.dir, ['customers', 'list'])).stdout).toContain('Tailwind Traders');

    const status = JSON.parse((await authdesk(member.dir, ['team', 'status', '--json'])).stdout) as {
      team: { name: string };
      members: { displayName: string }[];
      sync: { state: string; waiting: number };
    };
    expect(status.team.name).toBe('Contoso sales');
    expect(status.members.map((entry) => entry.displayName).sort()).toEqual(['Anna', 'Ben']);
    expect(status.sync).toMatchObject({ state: 'synced', waiting: 0 });

    // The member's role appends to the exchange but cannot rewrite or remove it.
    const memberClient = new pg.Client({
      host: server.host,
      port: server.port,
      database,
      user: 'authdesk_ben',
      password: memberPassword,
    });
    await memberClient.connect();
    try {
      await expect(memberClient.query('DELETE FROM team_changes')).rejects.toMatchObject({ code: '42501' });
      await expect(memberClient.query("UPDATE team_changes SET actor = 'x'")).rejects.toMatchObject({ code: '42501' });
    } finally {
      await memberClient.end();
    }

    // No password in any file of either data folder (database, logs).
    for (const file of [...filesUnder(admin.dir), ...filesUnder(member.dir)]) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes.includes(server.password), file).toBe(false);
      expect(bytes.includes(memberPassword), file).toBe(false);
    }

    const left = await authdesk(member.dir, ['team', 'leave']);
    expect(left).toMatchObject({ code: 0 });
    expect((await authdesk(member.dir, ['team', 'status'])).stdout).toBe('Not in a team.');
    expect((await authdesk(member.dir, ['customers', 'list'])).stdout).toContain('Tailwind Traders');
  });

  it('refuses a database URL it cannot use, with the reason', async () => {
    const folder = makeTempDir();
    folders.push(folder);
    const notUrl = await authdesk(folder.dir, ['team', 'join', '--database-url', 'db.contoso.com']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('--database-url must look like postgres://');
    const plaintext = await authdesk(folder.dir, [
      'team',
      'join',
      '--database-url',
      'postgres://anna:pw@db.contoso.com/authdesk?sslmode=disable',
    ]);
    expect(plaintext.code).toBe(2);
    expect(plaintext.stderr).toContain('needs TLS');
  });
});
