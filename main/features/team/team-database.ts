// Connecting to the team's PostgreSQL: TLS with the certificate verified for any server that is not on this
// computer (the schema refuses plaintext there), the password from the keychain, and every failure in words the
// user can act on.
import pg from 'pg';
import { isLoopbackHost } from '../../../shared/domain/loopback-host';
import type { TeamConnection } from '../../../shared/domain/team';
import { AppError } from '../../../shared/ipc/ipc-error';

export type TeamClient = pg.Client;

export async function connectTeamDatabase(connection: TeamConnection, password: string): Promise<TeamClient> {
  if (connection.tls === 'off' && !isLoopbackHost(connection.host)) {
    throw new AppError('team-database', 'A team database on another computer needs TLS.');
  }
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password,
    ssl: connection.tls === 'verify' ? { rejectUnauthorized: true, servername: connection.host } : false,
    connectionTimeoutMillis: 10_000,
    // A server that stops answering mid-query is noticed instead of hanging the sync.
    query_timeout: 60_000,
    keepAlive: true,
    application_name: 'AuthDesk',
  });
  // A connection lost later surfaces as an 'error' event; the sync loop listens for it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw teamDatabaseError(error, connection);
  }
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// Whether the failure means "cannot reach it now" (wait and retry) rather than "it refused" (tell the user).
export function isUnreachable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'offline';
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    (code !== undefined && networkCodes.has(code)) ||
    /timeout|Connection terminated|connection .*closed|Client has encountered a connection error|not queryable/i.test(
      message,
    ) ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03'
  );
}

export function teamDatabaseError(error: unknown, connection: TeamConnection): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const where = `${connection.host}:${connection.port}`;
  if (code === '28P01' || code === '28000') {
    return new AppError(
      'team-database',
      `The team database refused user ${connection.user}: check the user name and password.`,
    );
  }
  if (code === '3D000') {
    return new AppError('team-database', `There is no database named ${connection.database} on ${where}.`);
  }
  if ((code && tlsCodes.has(code)) || /certificate|SSL|TLS/i.test(message)) {
    return new AppError(
      'team-database',
      `The secure connection to ${where} failed (${message}). Ask your administrator for a server certificate your computer trusts.`,
    );
  }
  if (isUnreachable(error)) {
    return new AppError('offline', `The team database at ${where} cannot be reached (${message}).`);
  }
  if (code === '42501') {
    return new AppError('team-database', `The team database refused an action for user ${connection.user}: ${message}`);
  }
  return new AppError('team-database', `The team database answered: ${message}`);
}
