// At start: a damaged database is moved aside (with its WAL) and a fresh one created, and the window is told
// where the old file went; existing data gets a backup before migrations change it; a database from a newer
// AuthDesk is refused as it is, never moved aside.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, databaseFileName } from '../../../main/app/create-services';
import { createHandlers } from '../../../main/app/handlers';
import { migrate, schemaVersion } from '../../../main/platform/db/migrate';
import { migrations } from '../../../main/platform/db/migrations/index';
import { distributorProfile } from '../../support/customer-fixtures';
import { call } from '../../support/ipc-call';
import { createMemoryCredentialStore } from '../../support/memory-credential-store';
import { makeTempDir } from '../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, databaseFileName);
});
afterEach(() => temp.remove());

const start = () =>
  createServices(
    { dataDir: temp.dir, partnerCenterUrl: null, simulatorUrl: null, actor: 'tester', version: '0.0.0-test' },
    { credentials: createMemoryCredentialStore(), now: () => new Date('2026-12-02T10:00:00.000Z') },
  );

describe('the database at start', () => {
  it('moves a damaged database aside, starts fresh, and says where the old file is', async () => {
    writeFileSync(file, 'this is not an SQLite database, it was damaged by a disk error'.repeat(100));
    const services = await start();
    try {
      const aside = `${file}.damaged-2026-12-02T10-00-00-000Z`;
      expect(readFileSync(aside, 'utf8')).toContain('damaged by a disk error');
      // The fresh database is as private as the first one was.
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      const info = await call({ handlers: createHandlers(services) }, 'getAppInfo', {});
      expect(info.databaseRecovery).toBe(
        `The database could not be read (it was damaged), so AuthDesk started with a new, empty one. The damaged file was kept as ${aside}. Your customers are in that file; ask your administrator to restore it from a backup or repair it.`,
      );
      // The fresh database works.
      await call({ handlers: createHandlers(services) }, 'savePartnerProfile', distributorProfile);
    } finally {
      await services.close();
    }
    // Next start: nothing to recover, nothing said.
    const again = await start();
    try {
      expect((await call({ handlers: createHandlers(again) }, 'getAppInfo', {})).databaseRecovery).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('backs the data up before migrating it, and the backup holds the data as it was', async () => {
    const older = new BetterSqlite3(file);
    migrate(older, migrations.slice(0, migrations.length - 1));
    older.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', ?, '2026-01-01')").run('"before"');
    older.close();
    const services = await start();
    await services.close();
    const backupFile = `${file}.before-v${migrations.length}.bak`;
    expect(existsSync(backupFile)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const backup = new BetterSqlite3(backupFile, { readonly: true });
    try {
      expect(schemaVersion(backup)).toBe(migrations.length - 1);
      expect(backup.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"before"' });
    } finally {
      backup.close();
    }
  });

  it('refuses a database from a newer AuthDesk as it is, without moving it', async () => {
    const newer = new BetterSqlite3(file);
    migrate(newer);
    newer.pragma('user_version = 999');
    newer.close();
    await expect(start()).rejects.toThrow(/newer AuthDesk/);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.before-v${migrations.length}.bak`)).toBe(false);
  });
});
