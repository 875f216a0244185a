// `--database-url postgres://user:password@host:port/database?sslmode=...` as the team settings and the
// password. sslmode=disable means plaintext (accepted for a server on this computer only); anything else means
// TLS with the certificate verified. The password goes to the keychain, never to the data folder or the logs.
import os from 'node:os';
import type { TeamConnection } from '../../shared/domain/team';
import { UsageError } from './cli-command';

export function parseTeamDatabaseUrl(
  text: string,
  env: NodeJS.ProcessEnv,
): { connection: TeamConnection; password: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError('--database-url must look like postgres://user:password@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new UsageError('--database-url must start with postgres://.');
  }
  const password = url.password ? decodeURIComponent(url.password) : (env.AUTHDESK_TEAM_PASSWORD ?? '');
  if (!password) throw new UsageError('Give the password in the URL or in AUTHDESK_TEAM_PASSWORD.');
  const sslmode = url.searchParams.get('sslmode');
  return {
    connection: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
      user: decodeURIComponent(url.username) || os.userInfo().username,
      tls: sslmode === 'disable' ? 'off' : 'verify',
    },
    password,
  };
}
