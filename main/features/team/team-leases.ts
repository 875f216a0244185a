// Leases on work the team does once per interval (the background re-verification of a customer, a bulk
// verification of it): taken in PostgreSQL with FOR UPDATE SKIP LOCKED, so two desktops asking at once get
// different customers and none waits on another; held until an expiry set by the database's clock, so a
// desktop that dies loses its leases when they run out and another takes over. done_at says when the team last
// did the work, so a customer checked on one desktop is not checked again on another within its interval.
import type { TeamCoordinationClient } from './team-coordination-client';

export interface LeaseRequest {
  resource: string;
  // Not taken when the team did this within the last freshForMs.
  freshForMs: number;
}

export interface LeaseRefusal {
  resource: string;
  // Held by another desktop right now, or done by the team within its interval.
  reason: 'held' | 'done';
  by: string | null;
  // When the team last did it (done) or until when it is held (held), by the database's clock.
  at: string | null;
}

export interface LeaseGrant {
  taken: string[];
  refused: LeaseRefusal[];
}

export interface TeamLeases {
  // Takes at most `limit` of the requested resources for this desktop, each for leaseMs.
  take(requests: LeaseRequest[], options: { leaseMs: number; limit: number }): Promise<LeaseGrant>;
  // done: the work happened (done_at is set); otherwise the lease is just given back.
  release(resource: string, done: boolean): Promise<void>;
  // Extends the leases still this desktop's (for work that lasts).
  renew(resources: string[], leaseMs: number): Promise<void>;
  // How many leases this desktop holds now.
  held(): Promise<number>;
}

const takeSql = `
WITH wanted AS (
  SELECT * FROM unnest($1::text[], $2::float8[]) AS w(resource, fresh_ms)
),
candidates AS (
  SELECT l.resource FROM team_leases l JOIN wanted w USING (resource)
  WHERE (l.holder IS NULL OR l.expires_at < clock_timestamp() OR l.holder = $3)
    AND (l.done_at IS NULL OR l.done_at < clock_timestamp() - w.fresh_ms * interval '1 millisecond')
  ORDER BY l.resource
  LIMIT $5
  FOR UPDATE OF l SKIP LOCKED
)
UPDATE team_leases l SET holder = $3, holder_name = $4, expires_at = clock_timestamp() + $6 * interval '1 millisecond'
FROM candidates c WHERE l.resource = c.resource
RETURNING l.resource`;

export function createTeamLeases(coordination: TeamCoordinationClient): TeamLeases {
  const identity = () => {
    const found = coordination.identity();
    if (!found) throw new Error('Leases are only taken in a team.');
    return found;
  };
  return {
    async take(requests, { leaseMs, limit }) {
      if (requests.length === 0 || limit <= 0) return { taken: [], refused: [] };
      const me = identity();
      const resources = requests.map((request) => request.resource);
      await coordination.query(
        'INSERT INTO team_leases (resource) SELECT unnest($1::text[]) ON CONFLICT (resource) DO NOTHING',
        [resources],
      );
      const taken = (
        await coordination.query<{ resource: string }>(takeSql, [
          resources,
          requests.map((request) => request.freshForMs),
          me.deviceId,
          me.displayName,
          limit,
          leaseMs,
        ])
      ).map((row) => row.resource);
      const takenSet = new Set(taken);
      const rest = resources.filter((resource) => !takenSet.has(resource));
      if (rest.length === 0) return { taken, refused: [] };
      // Why the others were not given: held elsewhere, done recently, or only past the limit (not refused).
      const rows = await coordination.query<{
        resource: string;
        held: boolean;
        holder_name: string | null;
        expires_at: Date | null;
        done_at: Date | null;
        done_by_name: string | null;
        fresh: boolean;
      }>(
        `SELECT l.resource,
                (l.holder IS NOT NULL AND l.holder <> $2 AND l.expires_at >= clock_timestamp()) AS held,
                l.holder_name, l.expires_at, l.done_at, l.done_by_name,
                (l.done_at IS NOT NULL AND l.done_at >= clock_timestamp() - w.fresh_ms * interval '1 millisecond') AS fresh
         FROM team_leases l JOIN unnest($1::text[], $3::float8[]) AS w(resource, fresh_ms) USING (resource)`,
        [rest, me.deviceId, requests.filter((request) => !takenSet.has(request.resource)).map((r) => r.freshForMs)],
      );
      const refused: LeaseRefusal[] = [];
      for (const row of rows) {
        if (row.fresh) {
          refused.push({
            resource: row.resource,
            reason: 'done',
            by: row.done_by_name,
            at: row.done_at?.toISOString() ?? null,
          });
        } else if (row.held) {
          refused.push({
            resource: row.resource,
            reason: 'held',
            by: row.holder_name,
            at: row.expires_at?.toISOString() ?? null,
          });
        }
      }
      return { taken, refused };
    },
    async release(resource, done) {
      const me = identity();
      await coordination.query(
        done
          ? `UPDATE team_leases SET holder = NULL, holder_name = NULL, expires_at = NULL,
                    done_at = clock_timestamp(), done_by_name = $3 WHERE resource = $1 AND holder = $2`
          : `UPDATE team_leases SET holder = NULL, holder_name = NULL, expires_at = NULL
             WHERE resource = $1 AND holder = $2`,
        done ? [resource, me.deviceId, me.displayName] : [resource, me.deviceId],
      );
    },
    async renew(resources, leaseMs) {
      if (resources.length === 0) return;
      const me = identity();
      await coordination.query(
        `UPDATE team_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE resource = ANY($1::text[]) AND holder = $2`,
        [resources, me.deviceId, leaseMs],
      );
    },
    async held() {
      const me = identity();
      const rows = await coordination.query<{ count: string }>(
        'SELECT count(*) AS count FROM team_leases WHERE holder = $1 AND expires_at >= clock_timestamp()',
        [me.deviceId],
      );
      return Number(rows[0]?.count ?? 0);
    },
  };
}
