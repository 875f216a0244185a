// How the desktops of a team act as one careful client of Partner Center: the shared budget, the leases of
// background work, the once-only claims of side effects, and each desktop's heartbeat, all over one
// coordination connection. Features get these through small interfaces of their own (app/ wires them), and
// Settings › Team reads the state from here.
import type { Database } from 'better-sqlite3';
import type { TeamCoordinationState } from '../../../shared/domain/team';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { realTimers, type TimerHandle, type Timers } from '../../platform/clock/timers';
import { createTeamClaims, type ClaimOutcome } from './team-claims';
import { createTeamCoordinationClient, type TeamCoordinationClient } from './team-coordination-client';
import { createTeamLeases, type LeaseGrant, type LeaseRequest } from './team-leases';
import { beat, leave, presence } from './team-presence';
import { createTeamRateBudget, type TeamRateBudget, type TeamRateBudgetOptions } from './team-rate-budget';

export interface TeamCoordinationOptions {
  budget?: TeamRateBudgetOptions;
  timers?: Timers;
  heartbeatMs?: number;
  // A desktop is online while its last heartbeat is this recent.
  onlineWithinMs?: number;
}

export interface TeamCoordination {
  inTeam(): boolean;
  budget: TeamRateBudget;
  leases: {
    inTeam(): boolean;
    take(requests: LeaseRequest[], options: { leaseMs: number; limit: number }): Promise<LeaseGrant>;
    release(resource: string, done: boolean): Promise<void>;
    renew(resources: string[], leaseMs: number): Promise<void>;
  };
  claims: {
    inTeam(): boolean;
    claim(key: string): Promise<ClaimOutcome>;
    done(key: string): Promise<void>;
    giveUp(key: string): Promise<void>;
  };
  // A heartbeat now (the timer beats on its own once started).
  heartbeat(): Promise<void>;
  state(): Promise<TeamCoordinationState>;
  start(): void;
  stop(): Promise<void>;
}

const keptErrors = 5;

export function createTeamCoordination(
  db: Database,
  credentials: CredentialStore,
  options: TeamCoordinationOptions = {},
): TeamCoordination {
  const client: TeamCoordinationClient = createTeamCoordinationClient(db, credentials);
  const budget = createTeamRateBudget(client, options.budget);
  const requestsPerMinute = options.budget?.requestsPerMinute ?? 500;
  const leases = createTeamLeases(client);
  const claims = createTeamClaims(client);
  const timers = options.timers ?? realTimers;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const onlineWithinMs = options.onlineWithinMs ?? 15_000;
  const errors: { at: string; message: string }[] = [];
  let unreported: { at: string; message: string } | null = null;
  let leasesHeld = 0;
  let timer: TimerHandle | null = null;
  let started = false;
  const inTeam = () => client.identity() !== null;

  const noted = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const entry = { at: new Date().toISOString(), message };
      if (errors[0]?.message !== message) errors.unshift(entry);
      errors.length = Math.min(errors.length, keptErrors);
      unreported = entry;
      throw error;
    });

  const heartbeat = async (): Promise<void> => {
    if (!inTeam()) return;
    await noted(
      (async () => {
        leasesHeld = await leases.held();
        const lastError = unreported;
        await beat(client, { callsLastMinute: budget.use().callsLastMinute, leasesHeld, lastError });
        if (unreported === lastError) unreported = null;
      })(),
    );
  };

  const tick = () => {
    timer = null;
    if (!started) return;
    // The beat's promise goes back to the timers: a hand-driven clock awaits it.
    timer = timers.after(heartbeatMs, () =>
      heartbeat()
        .catch(() => undefined)
        .finally(tick),
    );
  };

  return {
    inTeam,
    budget,
    leases: {
      inTeam,
      take: (requests, takeOptions) => noted(leases.take(requests, takeOptions)),
      release: (resource, done) => noted(leases.release(resource, done)),
      renew: (resources, leaseMs) => noted(leases.renew(resources, leaseMs)),
    },
    claims: {
      inTeam,
      claim: (key) => noted(claims.claim(key)),
      done: (key) => noted(claims.done(key)),
      giveUp: (key) => noted(claims.giveUp(key)),
    },
    heartbeat,
    async state() {
      const use = budget.use();
      const me = client.identity();
      let desktops: TeamCoordinationState['desktops'] = [];
      if (me) {
        try {
          await heartbeat();
          desktops = (await presence(client, onlineWithinMs)).map((row) => ({
            ...row,
            thisDesktop: row.deviceId === me.deviceId,
          }));
        } catch {
          // Cut off: the panel says so and shows this desktop's own figures only.
        }
      }
      const problem = client.problem();
      return {
        configured: me !== null,
        budget: {
          mode: me ? (problem ? 'fallback' : use.mode === 'alone' ? 'team' : use.mode) : 'alone',
          requestsPerMinute,
          callsLastMinute: use.callsLastMinute,
          fallbackPerMinute: use.fallbackPerMinute,
          liveMembers: use.liveMembers,
        },
        desktops,
        leasesHeld,
        lastErrors: [...errors],
        problem: problem
          ? problem.offline
            ? `The team database cannot be reached since ${problem.since}: this desktop paces itself on a conservative share of the limit and leaves background checks and reminders until it is back.`
            : problem.message
          : null,
      };
    },
    start() {
      if (started) return;
      started = true;
      timer = timers.after(0, () =>
        heartbeat()
          .catch(() => undefined)
          .finally(tick),
      );
    },
    async stop() {
      // Only a desktop that beat says it left: a CLI run beside the app shares its device and must not.
      const wasStarted = started;
      started = false;
      timer?.cancel();
      timer = null;
      if (wasStarted && inTeam()) await leave(client).catch(() => undefined);
      await client.close();
    },
  };
}
