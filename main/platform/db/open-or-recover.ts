// Opens the database at start and, when the file is damaged (not a database, or corrupt), moves it aside with
// its WAL and shared-memory files and starts a fresh one, so AuthDesk still opens and the user is told where
// the old file went instead of facing a start-up error they cannot fix. Any other failure (a newer schema,
// a full disk) is not corruption and is raised as it is.
import { existsSync, renameSync } from 'node:fs';
import { ensurePrivateFile } from '../files/private-files';
import { openDatabase, type Database } from './connection';

export interface OpenedDatabase {
  db: Database;
  // Where a damaged database was moved, for the message; null when it opened as it was.
  movedAsideTo: string | null;
}

// SQLITE_CORRUPT and SQLITE_NOTADB, with their extended codes (SQLITE_CORRUPT_VTAB, ...).
export function isCorruptDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

// The file is created user-only before SQLite opens it; its -wal and -shm files take the same mode.
function openPrivate(file: string): Database {
  ensurePrivateFile(file);
  return openDatabase(file);
}

export function openOrRecoverDatabase(file: string, now: () => Date = () => new Date()): OpenedDatabase {
  try {
    return { db: openPrivate(file), movedAsideTo: null };
  } catch (error) {
    if (!isCorruptDatabaseError(error)) throw error;
    const aside = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    return { db: openPrivate(file), movedAsideTo: aside };
  }
}
