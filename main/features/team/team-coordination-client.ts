// The connection the desktops of a team coordinate over (the shared Partner Center budget, heartbeats, leases,
// once-only claims): a second PostgreSQL connection beside the sync's, so a token drawn before a Partner Center
// call never queues behind an upload of thousands of changes. Opened when first needed; after a failure it
// stays closed for a short backoff, so a desktop cut off from the database answers "offline" at once instead
// of waiting for a connection timeout before every call.
import type { QueryResultRow } from 'pg';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { connectTeamDatabase, isUnreachable, teamDatabaseError, type TeamClient } from './team-database';
import { deviceIdOf, teamSettings } from './team-local-state';
import { installedTeamSchema, migrateTeamSchema, refuseNewerSchema, teamSchemaVersion } from './team-schema/index';
import { teamPasswordName } from './team-password-name';

export interface TeamIdentity {
  deviceId: string;
  displayName: string;
}

export interface CoordinationProblem {
  offline: boolean;
  message: string;
  since: string;
}

export interface TeamCoordinationClient {
  // This desktop in its team; null when it is in none (nothing is coordinated then).
  identity(): TeamIdentity | null;
  // Throws AppError: 'offline' while the database cannot be reached, 'team-database' when it refused.
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  // The last failure, until a query succeeds again.
  problem(): CoordinationProblem | null;
  close(): Promise<void>;
}

const maxBackoffMs = 10_000;

export function createTeamCoordinationClient(
  db: Database,
  credentials: CredentialStore,
  now: () => Date = () => new Date(),
): TeamCoordinationClient {
  let client: Promise<TeamClient> | null = null;
  // The connection once open; cleared when it ends, so the next query opens a new one.
  let current: TeamClient | null = null;
  let openedFor = '';
  let problem: CoordinationProblem | null = null;
  let failures = 0;
  let closedUntil = 0;
  let closed = false;

  const open = async (): Promise<TeamClient> => {
    const settings = teamSettings(db);
    if (!settings) throw new AppError('conflict', 'This desktop is in no team.');
    const password = await credentials.get(teamPasswordName(settings.connection));
    if (password === null) {
      throw new AppError('team-database', 'The team database password is not in the keychain: join the team again.');
    }
    const opened = await connectTeamDatabase(settings.connection, password);
    try {
      const installed = (await installedTeamSchema(opened)) ?? 0;
      refuseNewerSchema(installed);
      // A team set up by an older AuthDesk gets the coordination tables when this desktop may create them.
      if (installed < teamSchemaVersion) {
        await migrateTeamSchema(opened).catch(() => {
          throw new AppError(
            'team-database',
            `The team database needs an update (team schema ${installed}; this AuthDesk needs ${teamSchemaVersion}): ask your administrator to run authdesk team join with the owner's role once.`,
          );
        });
      }
    } catch (error) {
      await opened.end().catch(() => undefined);
      throw error;
    }
    const forget = () => {
      if (current !== opened) return;
      current = null;
      client = null;
    };
    opened.on('error', forget);
    opened.on('end', forget);
    return opened;
  };

  const failed = (error: unknown): AppError => {
    const settings = teamSettings(db);
    const appError = settings
      ? teamDatabaseError(error, settings.connection)
      : new AppError('team-database', error instanceof Error ? error.message : String(error));
    const offline = appError.code === 'offline' || isUnreachable(error);
    problem = { offline, message: appError.message, since: problem?.since ?? now().toISOString() };
    failures += 1;
    closedUntil = Date.now() + Math.min(maxBackoffMs, 500 * 2 ** (failures - 1));
    return offline ? new AppError('offline', appError.message) : appError;
  };

  return {
    identity() {
      const settings = teamSettings(db);
      const deviceId = deviceIdOf(db);
      return settings && deviceId ? { deviceId, displayName: settings.displayName } : null;
    },
    async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
      if (closed) throw new AppError('conflict', 'AuthDesk is closing.');
      if (Date.now() < closedUntil && problem) {
        throw new AppError(problem.offline ? 'offline' : 'team-database', problem.message);
      }
      // Left the team, or joined another, since the connection was opened: it is not the team's any more.
      const wanted = JSON.stringify(teamSettings(db)?.connection ?? null);
      if (client && openedFor !== wanted) {
        const stale = current;
        client = null;
        current = null;
        await stale?.end().catch(() => undefined);
      }
      openedFor = wanted;
      const pending = (client ??= open().then((opened) => (current = opened)));
      try {
        const opened = await pending;
        const result = await opened.query<R>(sql, params);
        problem = null;
        failures = 0;
        return result.rows;
      } catch (error) {
        // A statement the database refused (a constraint, a serialization failure) leaves the connection as it
        // was; the caller handles it. Anything else means the connection is gone or unusable.
        const code = (error as { code?: string } | null)?.code;
        if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57)/.test(code)) throw error;
        if (client === pending) {
          client = null;
          const ending = current;
          current = null;
          await ending?.end().catch(() => undefined);
        }
        throw failed(error);
      }
    },
    problem: () => problem,
    async close() {
      closed = true;
      const closing = client;
      client = null;
      current = null;
      await closing?.then((opened) => opened.end()).catch(() => undefined);
    },
  };
}
