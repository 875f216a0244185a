// The team's one Partner Center budget: the limit is Microsoft's per partner tenant, and every desktop of a team
// acts for the same tenant, so they draw from one token bucket row in PostgreSQL (team_rate_budget), one token
// per call, with an atomic UPDATE timed by the database's clock. A lone desktop gets nearly all of it; any
// number of desktops together stay within the limit.
//
// The bucket holds one second's worth at most and refills at the limit less that burst, so no sliding minute
// ever sees more than the limit. Cut off from the team database, a desktop falls back to a conservative share
// (the limit divided by the members it last saw live, never more than half) and says so; while a member has
// recently gone quiet (it may be cut off and spending its share), the bucket refills slower by that share.
import { createRateLimiter, defaultRequestsPerMinute, type RateLimiter } from '../../platform/http/rate-limiter';
import type { TeamCoordinationClient } from './team-coordination-client';

export interface TeamRateBudgetOptions {
  requestsPerMinute?: number;
  // A member whose heartbeat is older than this may be cut off (and spending its fallback share)...
  quietAfterMs?: number;
  // ...until it has been quiet this long: then it is taken as gone.
  goneAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

// What Settings › Team shows about this desktop's use of the budget.
export interface BudgetUse {
  mode: 'alone' | 'team' | 'fallback';
  // Calls paced in the last minute (on this desktop).
  callsLastMinute: number;
  // The share this desktop is held to while cut off; null otherwise.
  fallbackPerMinute: number | null;
  // Members counted live at the last draw (this desktop included).
  liveMembers: number | null;
}

export interface TeamRateBudget {
  // The limiter of a partner tenant: the team's bucket in a team, the desktop's own otherwise.
  limiterFor(tenantId: string): RateLimiter;
  use(): BudgetUse;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One statement: who is live (this desktop counts itself), the bucket refilled by the database's clock, and a
// token taken when one is there. greatest() keeps the refill from going back in time when two draws race.
const drawSql = `
WITH presence AS (
  SELECT count(*) FILTER (WHERE heartbeat_at < clock_timestamp() - $5 * interval '1 millisecond')::float8 AS quiet,
         (count(*) + 1)::float8 AS members
  FROM team_presence
  WHERE device_id <> $4 AND left_at IS NULL AND heartbeat_at > clock_timestamp() - $6 * interval '1 millisecond'
),
bucket AS (
  SELECT r.tenant_id, r.tokens, r.refilled_at, greatest(r.refilled_at, clock_timestamp()) AS at,
         ($2::float8 - $3::float8) / 60.0 * (1 - p.quiet / p.members) AS per_second, p.members
  FROM team_rate_budget r, presence p
  WHERE r.tenant_id = $1
  FOR UPDATE OF r
),
refilled AS (
  SELECT tenant_id, at, per_second, members,
         least($3::float8, tokens + extract(epoch FROM at - refilled_at)::float8 * per_second) AS available
  FROM bucket
),
taken AS (
  UPDATE team_rate_budget r SET tokens = f.available - 1, refilled_at = f.at
  FROM refilled f WHERE r.tenant_id = f.tenant_id AND f.available >= 1
  RETURNING r.tenant_id
)
SELECT available, per_second, members, EXISTS (SELECT 1 FROM taken) AS granted FROM refilled`;

interface DrawRow {
  available: number;
  per_second: number;
  members: string | number;
  granted: boolean;
}

export function createTeamRateBudget(
  coordination: TeamCoordinationClient,
  options: TeamRateBudgetOptions = {},
): TeamRateBudget {
  const requestsPerMinute = options.requestsPerMinute ?? defaultRequestsPerMinute;
  const burst = Math.max(1, Math.floor(requestsPerMinute / 60));
  const quietAfterMs = options.quietAfterMs ?? 15_000;
  const goneAfterMs = options.goneAfterMs ?? 10 * 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const limiters = new Map<string, RateLimiter>();
  const recentCalls: number[] = [];
  let mode: BudgetUse['mode'] = 'alone';
  let liveMembers: number | null = null;
  // Until a draw has told us otherwise, a team of two: a desktop cut off from the start takes half.
  let lastMembers = 2;
  let fallback: { perMinute: number; limiter: RateLimiter } | null = null;

  const counted = () => {
    const at = performance.now();
    recentCalls.push(at);
    while (recentCalls.length > 0 && (recentCalls[0] as number) < at - 60_000) recentCalls.shift();
  };
  const fallbackPerMinute = () => Math.max(1, Math.floor(requestsPerMinute / Math.max(2, lastMembers)));
  const fallbackLimiter = (): RateLimiter => {
    const perMinute = fallbackPerMinute();
    if (fallback?.perMinute !== perMinute)
      fallback = { perMinute, limiter: createRateLimiter({ requestsPerMinute: perMinute }) };
    return fallback.limiter;
  };

  const seeded = new Set<string>();
  const draw = async (tenantId: string, deviceId: string): Promise<void> => {
    for (;;) {
      if (!seeded.has(tenantId)) {
        await coordination.query(
          'INSERT INTO team_rate_budget (tenant_id, tokens) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING',
          [tenantId, burst],
        );
        seeded.add(tenantId);
      }
      const rows = await coordination.query<DrawRow>(drawSql, [
        tenantId,
        requestsPerMinute,
        burst,
        deviceId,
        quietAfterMs,
        goneAfterMs,
      ]);
      const row = rows[0];
      if (!row) {
        seeded.delete(tenantId);
        continue;
      }
      liveMembers = Number(row.members);
      lastMembers = liveMembers;
      if (row.granted) return;
      // Asleep until about when the next token is there; jittered so the desktops waiting do not ask in step.
      const untilNextMs = ((1 - row.available) / Math.max(row.per_second, 1e-6)) * 1000;
      await sleep(Math.min(1_000, Math.max(2, untilNextMs)) * (1 + random() * 0.25));
    }
  };

  const teamLimiter = (tenantId: string, local: RateLimiter): RateLimiter => {
    // One draw at a time per desktop: its callers queue here, in arrival order, as with the local limiter.
    let queue: Promise<void> = Promise.resolve();
    const acquire = async (): Promise<void> => {
      const identity = coordination.identity();
      if (!identity) {
        mode = 'alone';
        liveMembers = null;
        await local.acquire();
        counted();
        return;
      }
      try {
        await draw(tenantId.toLowerCase(), identity.deviceId);
        mode = 'team';
      } catch {
        // Cut off from the team database (or it refused): our conservative share until it answers again.
        mode = 'fallback';
        liveMembers = null;
        await fallbackLimiter().acquire();
      }
      counted();
    };
    return {
      requestsPerMinute,
      acquire() {
        const turn = queue.then(acquire);
        queue = turn.catch(() => undefined);
        return turn;
      },
    };
  };

  return {
    limiterFor(tenantId) {
      const key = tenantId.toLowerCase();
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = teamLimiter(key, createRateLimiter({ requestsPerMinute }));
        limiters.set(key, limiter);
      }
      return limiter;
    },
    use() {
      const at = performance.now();
      return {
        mode,
        callsLastMinute: recentCalls.filter((call) => call >= at - 60_000).length,
        fallbackPerMinute: mode === 'fallback' ? fallbackPerMinute() : null,
        liveMembers,
      };
    },
  };
}
