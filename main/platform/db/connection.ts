// Opens AuthDesk's SQLite database the way every part of main expects it: WAL, foreign keys enforced,
// a busy timeout for the CLI running beside the app, and the schema migrated to the newest version, after a
// copy of the data as it was (<file>.before-v<N>.bak) whenever there are migrations to apply to existing data.
import { chmodSync, existsSync } from 'node:fs';
import { privateFileMode } from '../files/private-files';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations/index';
import { installChangeCapture } from './change-capture';

export type { Database } from 'better-sqlite3';

export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // The app and the command-line entry may write at the same moment: wait for the other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    backUpBeforeMigrating(db, file);
    migrate(db);
    installChangeCapture(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function backUpBeforeMigrating(db: Database, file: string): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current === 0 || current >= latest || file === ':memory:') return;
  const backup = `${file}.before-v${latest}.bak`;
  // VACUUM INTO writes a consistent copy and refuses to overwrite: an older backup of the same step stays.
  if (existsSync(backup)) return;
  db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
  // A copy of the customers is as private as the database.
  chmodSync(backup, privateFileMode);
}
