// The team database's schema: numbered migrations of its own (separate from each desktop's SQLite), recorded in
// authdesk_team_schema. A desktop applies the ones it knows to an older schema and refuses a newer one.
import type { ClientBase } from 'pg';
import { AppError } from '../../../../shared/ipc/ipc-error';
import team from './001-team.sql?raw';
import coordination from './002-coordination.sql?raw';

export const teamMigrations = [
  { version: 1, name: '001-team', sql: team },
  { version: 2, name: '002-coordination', sql: coordination },
] as const;
export const teamSchemaVersion = teamMigrations.length;

// Serialises migrations of one database (two desktops creating or upgrading at once).
const migrationLock = 7_412_001;

export async function installedTeamSchema(client: ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('authdesk_team_schema') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists) return null;
  const version = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM authdesk_team_schema',
  );
  return version.rows[0]?.version ?? 0;
}

export function refuseNewerSchema(installed: number): void {
  if (installed > teamSchemaVersion) {
    throw new AppError(
      'conflict',
      `The team database was set up by a newer AuthDesk (team schema ${installed}; this version knows ${teamSchemaVersion}). Update AuthDesk to join it.`,
    );
  }
}

// Applies the pending migrations in one transaction; returns the version now installed.
export async function migrateTeamSchema(client: ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS authdesk_team_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const installed = (await installedTeamSchema(client)) ?? 0;
    refuseNewerSchema(installed);
    for (const migration of teamMigrations.filter((candidate) => candidate.version > installed)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO authdesk_team_schema (version) VALUES ($1)', [migration.version]);
    }
    await client.query('COMMIT');
    return teamSchemaVersion;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
