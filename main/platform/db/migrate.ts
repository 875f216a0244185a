// Brings a database up to the newest schema: applies each pending migration in order, in one transaction
// with the PRAGMA user_version that records it, so a failed migration leaves the database as it was.
import type { Database } from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3...; found ${migration.name} at position ${index + 1}.`);
    }
  });
  const latest = ordered.length;
  const current = schemaVersion(db);
  if (current > latest) {
    // Opening a newer database with an older AuthDesk would misread it; refuse instead of guessing.
    throw new Error(
      `This data was written by a newer AuthDesk (schema ${current}; this version knows ${latest}). Update AuthDesk.`,
    );
  }
  const apply = db.transaction((pending: readonly Migration[]) => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply(ordered.filter((migration) => migration.version > current));
  return schemaVersion(db);
}
