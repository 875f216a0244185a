// This desktop's side of being in a team, in SQLite: the settings (how to reach the team, who we are in it),
// the device id, the triggers that capture changes, and on joining the one-time upload of what the desktop
// already holds. Joining and leaving each happen in one transaction.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { teamConnectionSchema, type TeamConnection } from '../../../shared/domain/team';
import {
  disableCapture,
  enableCapture,
  reloadChangeCapture,
  rowObjectSql,
  sharedColumns,
  teamEventTable,
  sharedRowSql,
  teamFieldTables,
  type TeamFieldTable,
} from '../../platform/db/change-capture';

const settingsKey = 'team';

const teamSettingsSchema = z.object({
  connection: teamConnectionSchema,
  teamId: z.string(),
  teamName: z.string(),
  displayName: z.string(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export function teamSettings(db: Database): TeamSettings | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(settingsKey) as { value: string } | undefined;
  if (!row) return null;
  const parsed = teamSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function deviceIdOf(db: Database): string | null {
  const row = db.prepare('SELECT device_id AS id FROM team_state WHERE id = 1').get() as { id: string } | undefined;
  return row?.id ?? null;
}

// Starts capturing and queues every customer and history event already here, so the team gets them once.
export function joinLocally(
  db: Database,
  settings: { connection: TeamConnection; teamId: string; teamName: string; displayName: string },
  now: Date,
): string {
  const join = db.transaction(() => {
    const deviceId = randomUUID();
    db.prepare('DELETE FROM team_state').run();
    db.prepare('INSERT INTO team_state (id, device_id, cursor) VALUES (1, ?, 0)').run(deviceId);
    db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(settingsKey, JSON.stringify(settings), now.toISOString());
    reloadChangeCapture(db);
    // Customers first, then what belongs to them (a desktop applies in that order).
    for (const [table, { key }] of Object.entries(teamFieldTables)) {
      const columns = sharedColumns(db, table as TeamFieldTable);
      db.prepare(
        `INSERT INTO team_outbox (id, entity, row_id, fields, bases, hlc, actor)
         SELECT lower(hex(randomblob(16))), '${table}', t.${key}, ${rowObjectSql(columns, 't')}, '{}', team_hlc(),
           team_actor()
         FROM ${table} t WHERE ${sharedRowSql(table as TeamFieldTable, 't')} ORDER BY t.rowid`,
      ).run();
    }
    db.prepare(
      `INSERT INTO team_field_clocks (entity, row_id, field, hlc, change_id, actor)
       SELECT o.entity, o.row_id, j.key, o.hlc, o.id, o.actor FROM team_outbox o, json_each(o.fields) j
       WHERE o.entity != '${teamEventTable}'
       ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, change_id = excluded.change_id,
         actor = excluded.actor`,
    ).run();
    db.prepare(
      `INSERT INTO team_outbox (id, entity, row_id, fields, bases, hlc, actor)
       SELECT lower(hex(randomblob(16))), '${teamEventTable}', team_device() || ':' || e.id,
         json_object('customer_id', e.customer_id, 'type', e.type, 'at', e.at, 'actor', e.actor,
           'summary', e.summary, 'data', e.data), '{}', team_hlc(), e.actor
       FROM ${teamEventTable} e ORDER BY e.id`,
    ).run();
    enableCapture(db);
    return deviceId;
  });
  return join();
}

// Stops capturing and forgets the team; the customers and history stay on this desktop.
export function leaveLocally(db: Database): void {
  db.transaction(() => {
    disableCapture(db);
    db.prepare('DELETE FROM team_outbox').run();
    db.prepare('DELETE FROM team_field_clocks').run();
    db.prepare('DELETE FROM team_event_origins').run();
    db.prepare('DELETE FROM team_customer_keys').run();
    db.prepare('DELETE FROM team_customer_aliases').run();
    db.prepare('DELETE FROM team_state').run();
    db.prepare('DELETE FROM settings WHERE key = ?').run(settingsKey);
  })();
  reloadChangeCapture(db);
}
