// Moving changes between this desktop's SQLite and the team's PostgreSQL. Upload: the local queue in order, a
// batch per PostgreSQL transaction under the team's writer lock (seq order = commit order), idempotent by change
// id, removed locally only once committed. Download: the team's changes past the cursor, applied and the cursor
// moved in one SQLite transaction.
import type { Database } from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { applyTeamChanges } from './apply-team-changes';
import type { DownloadedChange } from './team-change';

// Held by every writer of team_changes until it commits.
export const teamWriterLock = 7_412_002;
export const teamChannel = 'authdesk_team_changes';
const defaultBatchSize = 500;

interface QueuedChange {
  seq: number;
  id: string;
  entity: string;
  row_id: string;
  fields: string;
  bases: string;
  hlc: string;
  actor: string;
}

export function waitingChanges(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;
}

// Uploads everything waiting; returns how many changes reached PostgreSQL (or were there already).
export async function uploadChanges(
  db: Database,
  client: ClientBase,
  deviceId: string,
  batchSize = defaultBatchSize,
): Promise<number> {
  const next = db.prepare<[number], QueuedChange>('SELECT * FROM team_outbox ORDER BY seq LIMIT ?');
  const remove = db.prepare('DELETE FROM team_outbox WHERE seq <= ?');
  let uploaded = 0;
  for (;;) {
    const batch = next.all(batchSize);
    if (batch.length === 0) return uploaded;
    const rows = batch.map((change) => ({
      id: change.id,
      entity: change.entity,
      row_id: change.row_id,
      fields: JSON.parse(change.fields) as unknown,
      bases: JSON.parse(change.bases) as unknown,
      hlc: change.hlc,
      device_id: deviceId,
      actor: change.actor,
    }));
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [teamWriterLock]);
      await client.query(
        `INSERT INTO team_changes (id, entity, row_id, fields, bases, hlc, device_id, actor)
         SELECT id, entity, row_id, fields, bases, hlc, device_id, actor
         FROM jsonb_to_recordset($1::jsonb) AS t(id text, entity text, row_id text, fields jsonb, bases jsonb,
           hlc text, device_id text, actor text)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(rows)],
      );
      // Delivered at commit: the other desktops download at once instead of at their next poll.
      await client.query('SELECT pg_notify($1, $2)', [teamChannel, deviceId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    // Had the desktop died before this line, the batch is sent again and ON CONFLICT keeps it once.
    remove.run((batch.at(-1) as QueuedChange).seq);
    uploaded += batch.length;
  }
}

interface TeamChangeRow {
  seq: string;
  id: string;
  entity: string;
  row_id: string;
  fields: Record<string, unknown>;
  bases: Record<string, string>;
  hlc: string;
  device_id: string;
  actor: string;
}

export function teamCursor(db: Database): number {
  return (db.prepare('SELECT cursor FROM team_state WHERE id = 1').get() as { cursor: number }).cursor;
}

// Downloads and applies everything past the cursor; returns the customers that changed here.
export async function downloadChanges(
  db: Database,
  client: ClientBase,
  now: () => Date,
): Promise<{ applied: number; customerIds: Set<string>; authorizedIds: Set<string>; savedViewsChanged: boolean }> {
  const customerIds = new Set<string>();
  const authorizedIds = new Set<string>();
  let savedViewsChanged = false;
  let applied = 0;
  for (;;) {
    const { rows } = await client.query<TeamChangeRow>(
      `SELECT seq, id, entity, row_id, fields, bases, hlc, device_id, actor FROM team_changes
       WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [teamCursor(db), defaultBatchSize],
    );
    if (rows.length === 0) return { applied, customerIds, authorizedIds, savedViewsChanged };
    const changes: DownloadedChange[] = rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      entity: row.entity,
      rowId: row.row_id,
      fields: row.fields,
      bases: row.bases,
      hlc: row.hlc,
      deviceId: row.device_id,
      actor: row.actor,
    }));
    const result = applyTeamChanges(db, changes, now());
    for (const id of result.customerIds) customerIds.add(id);
    for (const id of result.authorizedIds) authorizedIds.add(id);
    savedViewsChanged ||= result.savedViewsChanged;
    applied += changes.length;
  }
}
