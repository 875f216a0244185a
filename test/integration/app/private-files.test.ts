// The data folder AuthDesk creates, its database (with the WAL beside it) and its log are the user's alone,
// whatever the umask says; a folder the user chose and already had keeps its own mode.
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/app/create-services';
import { distributorProfile } from '../../support/customer-fixtures';
import { createMemoryCredentialStore } from '../../support/memory-credential-store';
import { makeTempDir } from '../../support/temp-dir';
import { createHandlers } from '../../../main/app/handlers';
import { call } from '../../support/ipc-call';

const modeOf = (file: string) => statSync(file).mode & 0o777;
let temp: ReturnType<typeof makeTempDir>;
let umask: number;

beforeEach(() => {
  temp = makeTempDir();
  // A permissive umask, as some desktops set: what AuthDesk creates must not follow it.
  umask = process.umask(0o002);
});
afterEach(() => {
  process.umask(umask);
  temp.remove();
});

async function openAt(dataDir: string) {
  const services = await createServices(
    { dataDir, partnerCenterUrl: null, simulatorUrl: null, actor: 'tester', version: '0.0.0-test' },
    { credentials: createMemoryCredentialStore() },
  );
  await call({ handlers: createHandlers(services) }, 'savePartnerProfile', distributorProfile);
  services.logger.info('opened');
  return services;
}

describe.runIf(process.platform !== 'win32')('private files', () => {
  it('creates the data folder 0700 and the database, its WAL and the log 0600', async () => {
    const dataDir = path.join(temp.dir, 'new', 'AuthDesk');
    const services = await openAt(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(path.join(temp.dir, 'new'))).toBe(0o700);
      expect(modeOf(path.join(dataDir, 'authdesk.db'))).toBe(0o600);
      expect(modeOf(path.join(dataDir, 'authdesk.db-wal'))).toBe(0o600);
      expect(modeOf(services.logger.logsDir)).toBe(0o700);
      expect(modeOf(services.logger.logFile)).toBe(0o600);
    } finally {
      await services.close();
    }
  });

  it('makes an existing database and log user-only, and leaves a folder the user chose as it was', async () => {
    const dataDir = path.join(temp.dir, 'chosen');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await openAt(dataDir);
    await first.close();
    chmodSync(path.join(dataDir, 'authdesk.db'), 0o644);
    chmodSync(first.logger.logFile, 0o644);
    const again = await openAt(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o755);
      expect(modeOf(path.join(dataDir, 'authdesk.db'))).toBe(0o600);
      expect(modeOf(again.logger.logFile)).toBe(0o600);
    } finally {
      await again.close();
    }
  });
});
