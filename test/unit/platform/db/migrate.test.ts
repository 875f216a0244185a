// Migrations: applied in order, recorded in user_version, not re-applied, rolled back whole when one fails.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/platform/db/connection';
import { migrate, schemaVersion } from '../../../../main/platform/db/migrate';
import { migrations } from '../../../../main/platform/db/migrations/index';
import { makeTempDir } from '../../../support/temp-dir';

const tableNames = (db: BetterSqlite3.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

describe('migrate', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

  it('creates the schema and records the newest version', () => {
    const db = new BetterSqlite3(':memory:');
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(migrations.length);
    expect(schemaVersion(db)).toBe(migrations.length);
    const names = tableNames(db);
    for (const table of ['settings', 'resellers', 'customers', 'customer_events', 'outbox', 'customers_fts']) {
      expect(names).toContain(table);
    }
    expect(names).toEqual(
      expect.arrayContaining(['customers_status', 'customers_updated_at', 'customer_events_no_update']),
    );
  });

  it('does nothing the second time', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const before = tableNames(db);
    expect(migrate(db)).toBe(migrations.length);
    expect(tableNames(db)).toEqual(before);
  });

  it('rolls a failing migration back entirely, version included', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).not.toContain('half_done');
    expect(tableNames(db)).not.toContain('customers');
  });

  it('refuses a database written by a newer AuthDesk', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer AuthDesk/);
  });

  it('refuses gaps in the numbering', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: '002-x', sql: '' }])).toThrow(/numbered/);
  });

  it('opens a file database with WAL, foreign keys and a busy timeout', () => {
    const temp = makeTempDir();
    temps.push(temp);
    const db = openDatabase(`${temp.dir}/authdesk.db`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });
});
