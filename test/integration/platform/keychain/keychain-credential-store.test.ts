// The real OS keychain through @napi-rs/keyring: run under scripts/with-keychain.sh (a private D-Bus session
// with gnome-keyring unlocked), and cross-checked with libsecret's own secret-tool so we know the secret
// really is in the Secret Service and not somewhere else.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../../main/platform/keychain/credential-store';
import {
  chunkedCredentialStore,
  windowsCredentialLimitBytes,
} from '../../../../main/platform/keychain/chunked-credential-store';

const probeScript = fileURLToPath(new URL('../../../support/keychain-probe.ts', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

const onLinux = process.platform === 'linux';
// Outside scripts/with-keychain.sh there is no keychain to test against; on CI it must run, so it is not skipped there.
const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.env.CI === 'true';

// @napi-rs/keyring (keyring-rs) stores Linux items with the attributes service=<service> and username=<name>.
function secretToolLookup(service: string, name: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'username', name], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

describe.runIf(onLinux && hasSessionBus)('keychain credential store (Secret Service)', () => {
  it('keeps a secret split the Windows way as entries under 2,560 bytes, readable back whole', async () => {
    const service = `AuthDesk-test-${randomUUID()}`;
    const store = chunkedCredentialStore(createKeychainCredentialStore(service), {
      maxSecretBytes: windowsCredentialLimitBytes,
    });
    const cache = JSON.stringify({ RefreshToken: { rt: { secret: `0.AX-${randomUUID()}`.padEnd(6000, 'r') } } });
    await store.set('partner-center-token-cache', cache);
    expect(await store.get('partner-center-token-cache')).toBe(cache);
    const manifest = secretToolLookup(service, 'partner-center-token-cache') ?? '';
    expect(manifest).toMatch(/^authdesk-chunked:v1:/);
    const [generation, parts] = manifest.split(':').slice(2);
    for (let index = 0; index < Number(parts); index += 1) {
      const part = secretToolLookup(service, `partner-center-token-cache.part-${generation}-${index}`);
      expect(part?.length).toBeGreaterThan(0);
      expect((part?.length ?? 0) * 2).toBeLessThanOrEqual(windowsCredentialLimitBytes);
    }
    await store.delete('partner-center-token-cache');
    expect(await store.get('partner-center-token-cache')).toBeNull();
    expect(secretToolLookup(service, `partner-center-token-cache.part-${generation}-0`)).toBeNull();
  });

  it('stores, reads back, and deletes a secret in the real keychain', async () => {
    const service = `AuthDesk-test-${randomUUID()}`;
    const store = createKeychainCredentialStore(service);
    const secret = `s3cret-${randomUUID()}`;

    expect(await store.status()).toEqual({ available: true, message: null });
    expect(await store.get('sandbox-client-secret')).toBeNull();

    await store.set('sandbox-client-secret', secret);
    expect(await store.get('sandbox-client-secret')).toBe(secret);
    expect(secretToolLookup(service, 'sandbox-client-secret')).toBe(secret);

    await store.set('sandbox-client-secret', `${secret}-rotated`);
    expect(await store.get('sandbox-client-secret')).toBe(`${secret}-rotated`);

    await store.delete('sandbox-client-secret');
    expect(await store.get('sandbox-client-secret')).toBeNull();
    expect(secretToolLookup(service, 'sandbox-client-secret')).toBeNull();
    // Deleting what is not there is not an error.
    await store.delete('sandbox-client-secret');
  });
});

describe.runIf(onLinux)('keychain credential store without a Secret Service', () => {
  it('refuses with a keychain error that tells the user what to run, and never falls back', () => {
    // A fresh process whose bus address leads nowhere: the same as a desktop session without a keyring.
    const output = execFileSync(process.execPath, [tsxCli, probeScript, `AuthDesk-test-${randomUUID()}`], {
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=/tmp/authdesk-no-bus-${randomUUID()}` },
    });
    const result = JSON.parse(output) as {
      status: { available: boolean; message: string | null };
      set: string;
      code: string | null;
      message: string;
    };
    expect(result.set).toBe('error');
    expect(result.code).toBe('keychain');
    expect(result.message).toMatch(/^The OS keychain is not reachable: /);
    expect(result.message).toContain('gnome-keyring-daemon');
    expect(result.status.available).toBe(false);
    expect(result.status.message).toContain('The OS keychain is not reachable');
  });
});
