// Settings › Team and the sync behind it: create a team in an empty PostgreSQL database or join one, leave it,
// and keep this desktop's SQLite and the team's database exchanging changes: uploads as soon as something
// waits, downloads when another desktop's commit is announced (LISTEN/NOTIFY) and on a slow poll otherwise,
// retries with backoff while the database cannot be reached. The password lives in the keychain only.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  displayNameSchema,
  teamConnectionSchema,
  teamNameSchema,
  teamPasswordSchema,
  type TeamConnection,
  type TeamMember,
  type TeamStatus,
  type TeamSync,
} from '../../../shared/domain/team';
import { AppError } from '../../../shared/ipc/ipc-error';
import { findCustomer } from '../customers/customer-records';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import type { ServiceContext } from '../../platform/service-context';
import { realTimers, type TimerHandle, type Timers } from '../../platform/clock/timers';
import { connectTeamDatabase, isUnreachable, teamDatabaseError, type TeamClient } from './team-database';
import { downloadChanges, teamChannel, uploadChanges, waitingChanges } from './team-exchange';
import { deviceIdOf, joinLocally, leaveLocally, teamSettings, type TeamSettings } from './team-local-state';
import { teamPasswordName } from './team-password-name';
import { installedTeamSchema, migrateTeamSchema, refuseNewerSchema, teamSchemaVersion } from './team-schema/index';

export { teamPasswordName };

export interface TeamJoinInput {
  connection: TeamConnection;
  password: string;
  displayName: string;
}

export interface TeamService {
  status(): Promise<TeamStatus>;
  create(input: TeamJoinInput & { teamName: string }): Promise<TeamStatus>;
  join(input: TeamJoinInput): Promise<TeamStatus>;
  // Refused while changes wait to upload, unless `force` (they stay on this desktop only).
  leave(options?: { force?: boolean }): Promise<TeamStatus>;
  // One upload and download, now; resolves when a pass that started after the call has finished.
  syncNow(): Promise<TeamSync>;
  start(): void;
  stop(): Promise<void>;
}

export interface TeamServiceOptions {
  credentials: CredentialStore;
  timers?: Timers;
  // How often to look for local changes waiting, and to download without a notification.
  checkEveryMs?: number;
  pollEveryMs?: number;
  // Changes per upload transaction (the kill test makes them small to have many).
  uploadBatchSize?: number;
}

const maxBackoffMs = 30_000;

export function createTeamService(context: ServiceContext, options: TeamServiceOptions): TeamService {
  const { db } = context;
  const timers = options.timers ?? realTimers;
  const checkEveryMs = options.checkEveryMs ?? 500;
  const pollEveryMs = options.pollEveryMs ?? 15_000;
  let client: TeamClient | null = null;
  let problem: { kind: 'offline' | 'error'; message: string; since: string } | null = null;
  let failures = 0;
  let retryAt = 0;
  let lastPassAt = 0;
  let lastSeenWrittenAt = 0;
  let timer: TimerHandle | null = null;
  let started = false;
  // Set by stop(): nothing touches the database any more.
  let stopped = false;
  let lastEmitted = '';

  const syncStatus = (): TeamSync => {
    const settings = teamSettings(db);
    const waiting = settings ? waitingChanges(db) : 0;
    const lastSyncedAt =
      (
        db.prepare('SELECT last_synced_at AS at FROM team_state WHERE id = 1').get() as
          { at: string | null } | undefined
      )?.at ?? null;
    if (problem?.kind === 'offline') {
      return { state: 'offline', waiting, offlineSince: problem.since, lastSyncedAt, message: problem.message };
    }
    if (problem?.kind === 'error') {
      return { state: 'error', waiting, offlineSince: null, lastSyncedAt, message: problem.message };
    }
    return { state: waiting > 0 ? 'waiting' : 'synced', waiting, offlineSince: null, lastSyncedAt, message: null };
  };
  const announce = () => {
    const sync = syncStatus();
    const key = JSON.stringify(sync);
    if (key === lastEmitted) return sync;
    lastEmitted = key;
    context.emit('teamStatusChanged', sync);
    return sync;
  };

  const dropClient = async () => {
    const closing = client;
    client = null;
    await closing?.end().catch(() => undefined);
  };
  const password = async (connection: TeamConnection): Promise<string> => {
    const secret = await options.credentials.get(teamPasswordName(connection));
    if (secret === null) {
      throw new AppError('team-database', 'The team database password is not in the keychain: join the team again.');
    }
    return secret;
  };
  const connected = async (settings: TeamSettings): Promise<TeamClient> => {
    if (client) return client;
    const opened = await connectTeamDatabase(settings.connection, await password(settings.connection));
    opened.on('error', () => {
      if (client === opened) client = null;
    });
    opened.on('end', () => {
      if (client === opened) client = null;
    });
    // Another desktop's commit wakes this one at once.
    const ownDeviceId = deviceIdOf(db);
    opened.on('notification', (message) => {
      // Not after stop (the database may be closed), nor for our own commit.
      if (stopped || client !== opened || message.channel !== teamChannel || message.payload === ownDeviceId) return;
      void syncNow().catch(() => undefined);
    });
    const installed = (await installedTeamSchema(opened)) ?? 0;
    refuseNewerSchema(installed);
    await opened.query(`LISTEN ${teamChannel}`);
    client = opened;
    return opened;
  };

  const pass = async (): Promise<TeamSync> => {
    if (stopped) throw new AppError('conflict', 'AuthDesk is closing.');
    const settings = teamSettings(db);
    const deviceId = deviceIdOf(db);
    if (!settings || !deviceId) return syncStatus();
    lastPassAt = Date.now();
    try {
      const team = await connected(settings);
      await uploadChanges(db, team, deviceId, options.uploadBatchSize);
      const { customerIds, authorizedIds, savedViewsChanged } = await downloadChanges(db, team, context.now);
      if (Date.now() - lastSeenWrittenAt > 60_000) {
        await upsertMember(team, deviceId, settings.displayName);
        lastSeenWrittenAt = Date.now();
      }
      problem = null;
      failures = 0;
      for (const customerId of customerIds) context.emit('customerChanged', { customerId });
      // Verified on another desktop: the badge and the timeline here; the notification only if it is ours.
      for (const customerId of authorizedIds) {
        const companyName = findCustomer(context, customerId)?.companyName;
        if (companyName) context.emit('customerAuthorized', { customerId, companyName, byTeam: true });
      }
      if (savedViewsChanged) context.emit('savedViewsChanged', {});
    } catch (error) {
      await dropClient();
      const appError = teamDatabaseError(error, settings.connection);
      const offline = appError.code === 'offline' || isUnreachable(error);
      problem = {
        kind: offline ? 'offline' : 'error',
        message: appError.message,
        since: problem?.since ?? context.now().toISOString(),
      };
      failures += 1;
      retryAt = Date.now() + Math.min(maxBackoffMs, 1_000 * 2 ** (failures - 1));
    }
    return announce();
  };

  let current: Promise<TeamSync> | null = null;
  let queued: Promise<TeamSync> | null = null;
  const syncNow = (): Promise<TeamSync> => {
    if (!current) {
      current = pass().finally(() => {
        current = null;
      });
      return current;
    }
    queued ??= current
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return syncNow();
      });
    return queued;
  };

  const tick = () => {
    timer = null;
    if (!started) return;
    const settings = teamSettings(db);
    if (settings) {
      const due = Date.now() >= retryAt;
      const wanted = waitingChanges(db) > 0 || client === null || Date.now() - lastPassAt >= pollEveryMs;
      if (due && wanted) void syncNow().catch(() => undefined);
      else announce();
    }
    timer = timers.after(checkEveryMs, tick);
  };

  const members = async (): Promise<TeamMember[]> => {
    const settings = teamSettings(db);
    // Not while it is known to be out of reach: the window asks often and must not wait for a timeout.
    if (!settings || problem?.kind === 'offline') return [];
    try {
      const team = await connected(settings);
      const { rows } = await team.query<{
        device_id: string;
        os_user: string;
        display_name: string;
        last_seen_at: Date;
      }>('SELECT device_id, os_user, display_name, last_seen_at FROM team_members ORDER BY display_name, device_id');
      return rows.map((row) => ({
        deviceId: row.device_id,
        osUser: row.os_user,
        displayName: row.display_name,
        lastSeenAt: row.last_seen_at.toISOString(),
      }));
    } catch {
      return [];
    }
  };

  const status = async (): Promise<TeamStatus> => {
    const settings = teamSettings(db);
    return {
      configured: settings !== null,
      team: settings ? { id: settings.teamId, name: settings.teamName } : null,
      connection: settings?.connection ?? null,
      displayName: settings?.displayName ?? null,
      deviceId: deviceIdOf(db),
      members: await members(),
      sync: syncStatus(),
    };
  };

  const enter = async (
    input: TeamJoinInput,
    setUp: (team: TeamClient) => Promise<{ id: string; name: string }>,
  ): Promise<TeamStatus> => {
    const existing = teamSettings(db);
    if (existing) throw new AppError('conflict', `This desktop is in team ${existing.teamName}: leave it first.`);
    const connection = parse(teamConnectionSchema, input.connection, 'connection');
    const secret = parse(teamPasswordSchema, input.password, 'password');
    const displayName = parse(displayNameSchema, input.displayName, 'displayName');
    const team = await connectTeamDatabase(connection, secret);
    try {
      const joined = await setUp(team).catch((error: unknown) => {
        throw teamDatabaseError(error, connection);
      });
      // The keychain first: a desktop in a team always has the password to reach it.
      await options.credentials.set(teamPasswordName(connection), secret);
      const deviceId = joinLocally(
        db,
        { connection, teamId: joined.id, teamName: joined.name, displayName },
        context.now(),
      );
      await upsertMember(team, deviceId, displayName).catch((error: unknown) => {
        throw teamDatabaseError(error, connection);
      });
    } finally {
      await team.end().catch(() => undefined);
    }
    problem = null;
    failures = 0;
    retryAt = 0;
    await syncNow();
    return status();
  };

  const service: TeamService = {
    status,
    create: (input) =>
      enter(input, async (team) => {
        const name = parse(teamNameSchema, input.teamName, 'teamName');
        if ((await installedTeamSchema(team)) !== null) {
          const existing = await team
            .query<{ name: string }>('SELECT name FROM team LIMIT 1')
            .catch(() => ({ rows: [] }));
          const holder = existing.rows[0]?.name;
          throw new AppError(
            'conflict',
            holder
              ? `This database already holds team ${holder}: join it instead.`
              : 'This database already has an AuthDesk team schema: join it instead.',
          );
        }
        await migrateTeamSchema(team);
        const id = randomUUID();
        await team.query('INSERT INTO team (id, name) VALUES ($1, $2)', [id, name]);
        return { id, name };
      }),
    join: (input) =>
      enter(input, async (team) => {
        const installed = await installedTeamSchema(team);
        if (installed === null) {
          throw new AppError(
            'not-found',
            `There is no AuthDesk team in database ${input.connection.database}: create one first.`,
          );
        }
        refuseNewerSchema(installed);
        // Only an older schema needs the rights to change it; a member's role has none.
        if (installed < teamSchemaVersion) await migrateTeamSchema(team);
        const { rows } = await team.query<{ id: string; name: string }>('SELECT id, name FROM team LIMIT 1');
        const found = rows[0];
        if (!found) throw new AppError('not-found', 'The team database has no team yet: create one first.');
        return found;
      }),
    async leave({ force = false } = {}) {
      const settings = teamSettings(db);
      if (!settings) return status();
      if (waitingChanges(db) > 0) await syncNow();
      const waiting = waitingChanges(db);
      if (waiting > 0 && !force) {
        throw new AppError(
          'conflict',
          `${waiting.toLocaleString('en')} change${waiting === 1 ? ' has' : 's have'} not reached the team yet. Leave anyway to keep ${waiting === 1 ? 'it' : 'them'} on this desktop only.`,
        );
      }
      await dropClient();
      leaveLocally(db);
      await options.credentials.delete(teamPasswordName(settings.connection));
      problem = null;
      announce();
      return status();
    },
    syncNow,
    start() {
      if (started) return;
      started = true;
      timer = timers.after(0, tick);
    },
    async stop() {
      started = false;
      stopped = true;
      timer?.cancel();
      timer = null;
      await current?.catch(() => undefined);
      await dropClient();
    },
  };
  return service;
}

async function upsertMember(team: TeamClient, deviceId: string, displayName: string): Promise<void> {
  await team.query(
    `INSERT INTO team_members (device_id, os_user, display_name) VALUES ($1, $2, $3)
     ON CONFLICT (device_id) DO UPDATE SET display_name = excluded.display_name, last_seen_at = now()`,
    [deviceId, os.userInfo().username, displayName],
  );
}

function parse<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  field: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'Not valid.';
  throw new AppError('invalid-request', message, { [field]: message });
}
