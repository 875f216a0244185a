// Opens AuthDesk's SQLite database the way every part of main expects it: WAL, foreign keys enforced,
// a busy timeout for the CLI running beside the app, and the schema migrated to the newest version.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';

export type { Database } from 'better-sqlite3';

export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // The app and the command-line entry may write at the same moment: wait for the other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
