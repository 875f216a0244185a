// The team's one Partner Center budget: the limit is Microsoft's per partner tenant, and every desktop of a team
// acts for the same tenant, so they draw from one token bucket row in PostgreSQL (team_rate_budget), one token
// per call, with an atomic UPDATE timed by the database's clock. A lone desktop gets nearly all of it; any
// number of desktops together stay within the limit.
//
// The bucket holds one second's worth at most and refills at the limit less that burst and less a reserve (5 %
// by default), so no sliding minute ever sees more than the limit less the reserve from the bucket. The reserve
// is what desktops cut off from the team database spend: each falls back to the reserve divided by the members
// it last saw live, starting empty (nothing saved up while it drew from the team), so however many are cut off
// at once, together they stay within the reserve, and the whole team within the limit. The desktop says so.
import { createRateLimiter, defaultRequestsPerMinute, type RateLimiter } from '../../platform/http/rate-limiter';
import type { TeamCoordinationClient } from './team-coordination-client';

export interface TeamRateBudgetOptions {
  requestsPerMinute?: number;
  // The share of the limit kept out of the team's bucket for desktops cut off from the team database.
  reserveFraction?: number;
  // A member heard from within this long counts as live (it may spend its share of the reserve).
  goneAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

// What Settings › Team shows about this desktop's use of the budget.
export interface BudgetUse {
  mode: 'alone' | 'team' | 'fallback';
  // Calls paced in the last minute (on this desktop).
  callsLastMinute: number;
  // The share of the reserve this desktop is held to while cut off (calls a minute); null otherwise.
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

// One statement: how many are live (this desktop counts itself), the bucket refilled by the database's clock,
// and a token taken when one is there. greatest() keeps the refill from going back in time when two draws race.
const drawSql = `
WITH presence AS (
  SELECT (count(*) + 1)::float8 AS members
  FROM team_presence
  WHERE device_id <> $4 AND left_at IS NULL AND heartbeat_at > clock_timestamp() - $5 * interval '1 millisecond'
),
bucket AS (
  SELECT r.tenant_id, r.tokens, r.refilled_at, greatest(r.refilled_at, clock_timestamp()) AS at,
         ($2::float8 - $3::float8) / 60.0 AS per_second, p.members
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
  const reserveFraction = Math.min(0.5, Math.max(0, options.reserveFraction ?? 0.05));
  const reservePerMinute = requestsPerMinute * reserveFraction;
  // What the team's bucket hands out in any minute: the limit less the reserve.
  const teamPerMinute = requestsPerMinute - reservePerMinute;
  const burst = Math.max(1, Math.floor(teamPerMinute / 60));
  const goneAfterMs = options.goneAfterMs ?? 10 * 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const limiters = new Map<string, RateLimiter>();
  const recentCalls: number[] = [];
  let mode: BudgetUse['mode'] = 'alone';
  let liveMembers: number | null = null;
  // Until a draw has told us how many are live, a large team: a desktop cut off from the start takes a small
  // share rather than one the others may be spending too.
  let lastMembers = 20;
  // This desktop's share of the reserve while cut off; null while it draws from the team.
  let share: { tokens: number; at: number } | null = null;

  const counted = () => {
    const at = performance.now();
    recentCalls.push(at);
    while (recentCalls.length > 0 && (recentCalls[0] as number) < at - 60_000) recentCalls.shift();
  };
  const fallbackPerMinute = () => reservePerMinute / Math.max(1, lastMembers);
  // A token of the share, or how long until there is one. The share starts empty each time this desktop is cut
  // off (it saved nothing up while it drew from the team) and holds one token at most.
  const takeFromShare = (): number => {
    const at = performance.now();
    const perMs = fallbackPerMinute() / 60_000;
    share ??= { tokens: 0, at };
    share.tokens = Math.min(1, share.tokens + (at - share.at) * perMs);
    share.at = at;
    if (share.tokens >= 1) {
      share.tokens -= 1;
      return 0;
    }
    return perMs > 0 ? (1 - share.tokens) / perMs : 60_000;
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
      const rows = await coordination.query<DrawRow>(drawSql, [tenantId, teamPerMinute, burst, deviceId, goneAfterMs]);
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
      // The team's bucket while the database answers; cut off, our share of the reserve, asking the database
      // again every second or so, so the team's bucket takes over as soon as it is back.
      for (;;) {
        try {
          await draw(tenantId.toLowerCase(), identity.deviceId);
          mode = 'team';
          share = null;
          break;
        } catch {
          mode = 'fallback';
          liveMembers = null;
          const waitMs = takeFromShare();
          if (waitMs === 0) break;
          await sleep(Math.min(1_000, waitMs));
        }
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
        fallbackPerMinute: mode === 'fallback' ? Math.round(fallbackPerMinute() * 10) / 10 : null,
        liveMembers,
      };
    },
  };
}
