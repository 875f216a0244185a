// Each desktop's heartbeat in team_presence (by the database's clock), with the figures the others show in
// Settings › Team: calls paced in the last minute, leases held, the last error. A desktop that closes says it
// left, so its share of the budget goes back to the others at once.
import type { TeamCoordinationClient } from './team-coordination-client';

export interface PresenceFigures {
  callsLastMinute: number;
  leasesHeld: number;
  lastError: { message: string; at: string } | null;
}

export interface PresenceRow {
  deviceId: string;
  displayName: string;
  online: boolean;
  lastSeenAt: string;
  callsLastMinute: number;
  leasesHeld: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

export async function beat(coordination: TeamCoordinationClient, figures: PresenceFigures): Promise<void> {
  const me = coordination.identity();
  if (!me) return;
  await coordination.query(
    `INSERT INTO team_presence (device_id, display_name, heartbeat_at, left_at, calls_last_minute, leases_held,
                                last_error, last_error_at)
     VALUES ($1, $2, clock_timestamp(), NULL, $3, $4, $5, $6)
     ON CONFLICT (device_id) DO UPDATE SET display_name = excluded.display_name, heartbeat_at = excluded.heartbeat_at,
       left_at = NULL, calls_last_minute = excluded.calls_last_minute, leases_held = excluded.leases_held,
       last_error = coalesce(excluded.last_error, team_presence.last_error),
       last_error_at = coalesce(excluded.last_error_at, team_presence.last_error_at)`,
    [
      me.deviceId,
      me.displayName,
      figures.callsLastMinute,
      figures.leasesHeld,
      figures.lastError?.message ?? null,
      figures.lastError?.at ?? null,
    ],
  );
}

export async function leave(coordination: TeamCoordinationClient): Promise<void> {
  const me = coordination.identity();
  if (!me) return;
  await coordination.query('UPDATE team_presence SET left_at = clock_timestamp() WHERE device_id = $1', [me.deviceId]);
}

// Every desktop heard from in the last day, the live ones first.
export async function presence(coordination: TeamCoordinationClient, onlineWithinMs: number): Promise<PresenceRow[]> {
  const rows = await coordination.query<{
    device_id: string;
    display_name: string;
    online: boolean;
    heartbeat_at: Date;
    calls_last_minute: number;
    leases_held: number;
    last_error: string | null;
    last_error_at: Date | null;
  }>(
    `SELECT device_id, display_name, heartbeat_at, calls_last_minute, leases_held, last_error, last_error_at,
            (left_at IS NULL AND heartbeat_at > clock_timestamp() - $1 * interval '1 millisecond') AS online
     FROM team_presence WHERE heartbeat_at > clock_timestamp() - interval '1 day'
     ORDER BY online DESC, display_name, device_id`,
    [onlineWithinMs],
  );
  return rows.map((row) => ({
    deviceId: row.device_id,
    displayName: row.display_name,
    online: row.online,
    lastSeenAt: row.heartbeat_at.toISOString(),
    callsLastMinute: row.calls_last_minute,
    leasesHeld: row.leases_held,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at?.toISOString() ?? null,
  }));
}
