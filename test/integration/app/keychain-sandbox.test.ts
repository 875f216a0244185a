// The sandbox through the real OS keychain (run under scripts/with-keychain.sh): the first start generates the
// simulator's client secret into the keychain, every call signs in with it, and a restart reuses it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../main/platform/keychain/credential-store';
import { sandboxClientSecretName } from '../../../main/microsoft/partner-center-connection';
import { distributorProfile, indirectDetails } from '../../support/customer-fixtures';
import { call } from '../../support/ipc-call';
import { startTestApp, type TestApp } from '../../support/test-app';

const hasKeychain =
  process.platform === 'linux' && (Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.env.CI === 'true');

describe.runIf(hasKeychain)('sandbox services with the real keychain', () => {
  const service = `AuthDesk-test-${randomUUID()}`;
  const credentials = createKeychainCredentialStore(service);
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    await credentials.delete(sandboxClientSecretName);
  });

  it('keeps the sandbox client secret in the keychain and signs in with it', async () => {
    app = await startTestApp({ credentials });
    const secret = await credentials.get(sandboxClientSecretName);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const lookedUp = execFileSync('secret-tool', ['lookup', 'service', service, 'username', sandboxClientSecretName], {
      encoding: 'utf8',
    });
    expect(lookedUp).toBe(secret);
    expect((await call(app, 'getAppInfo', {})).keychain).toEqual({ available: true, message: null });

    await call(app, 'savePartnerProfile', distributorProfile);
    const { linkError } = await call(app, 'createCustomer', indirectDetails());
    expect(linkError).toBeNull();

    await app.restart();
    expect(await credentials.get(sandboxClientSecretName)).toBe(secret);
    expect(await call(app, 'refreshResellers', {})).toHaveLength(3);

    // The secret is in the keychain only: not in the database, its WAL, or anything else in the data folder.
    const { dataDir } = app;
    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      statSync(join(dataDir, file)).isFile(),
    );
    expect(files.some((file) => file.startsWith('authdesk.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(Buffer.from(secret ?? 'missing')), `${file} holds the secret`).toBe(false);
    }
  });
});
