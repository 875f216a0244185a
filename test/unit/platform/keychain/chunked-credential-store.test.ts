// The split keychain store over a stand-in for Windows Credential Manager that, like it, refuses a secret over
// 2,560 bytes in UTF-16: a real MSAL-sized cache round-trips, parts stay under the limit, an interrupted
// write leaves a readable value, and nothing is left behind.
import { describe, expect, it } from 'vitest';
import type { CredentialStore } from '../../../../main/platform/keychain/credential-store';
import {
  chunkedCredentialStore,
  splitSecret,
  windowsCredentialLimitBytes,
} from '../../../../main/platform/keychain/chunked-credential-store';

function credentialManagerStandIn() {
  const entries = new Map<string, string>();
  let failAfterWrites: number | null = null;
  const store: CredentialStore = {
    get: async (name) => entries.get(name) ?? null,
    set: async (name, secret) => {
      if (secret.length * 2 > windowsCredentialLimitBytes) throw new Error('The stub received bad data. (0x800706F7)');
      if (failAfterWrites !== null && failAfterWrites-- <= 0) throw new Error('The process was killed.');
      entries.set(name, secret);
    },
    delete: async (name) => {
      entries.delete(name);
    },
    status: async () => ({ available: true, message: null }),
  };
  return { store, entries, failAfter: (writes: number) => (failAfterWrites = writes) };
}

// About the size of an MSAL cache with two access tokens, a refresh token and an ID token, with non-ASCII
// names and an emoji (a surrogate pair) in it.
const msalCache = JSON.stringify({
  Account: { 'uid.utid-login.microsoftonline.com-utid': { name: 'Zoë Ångström 🎉', username: 'zoe@contoso.com' } },
  AccessToken: {
    pc: { secret: 'eyJ'.padEnd(2400, 'a'), target: 'https://api.partnercenter.microsoft.com/user_impersonation' },
    graph: { secret: 'eyJ'.padEnd(2400, 'b'), target: 'https://graph.microsoft.com/.default' },
  },
  RefreshToken: { rt: { secret: '0.AX'.padEnd(1800, 'c') } },
  IdToken: { id: { secret: 'eyJ'.padEnd(1200, 'd') } },
});

describe('chunked credential store', () => {
  it('the stand-in refuses what Credential Manager refuses', async () => {
    await expect(credentialManagerStandIn().store.set('x', msalCache)).rejects.toThrow(/0x800706F7/);
  });

  it('keeps an MSAL-sized cache as parts under the limit and reads it back exactly', async () => {
    const { store, entries } = credentialManagerStandIn();
    const chunked = chunkedCredentialStore(store, { maxSecretBytes: windowsCredentialLimitBytes });
    expect(msalCache.length * 2).toBeGreaterThan(windowsCredentialLimitBytes * 4);
    await chunked.set('partner-center-token-cache', msalCache);
    expect(await chunked.get('partner-center-token-cache')).toBe(msalCache);
    expect(entries.size).toBeGreaterThan(5);
    for (const value of entries.values()) expect(value.length * 2).toBeLessThanOrEqual(windowsCredentialLimitBytes);
    expect(entries.get('partner-center-token-cache')).toMatch(/^authdesk-chunked:v1:[0-9a-f]{8}:\d+:[0-9a-f]{64}$/);
  });

  it('stores a short secret as it is, and cleans up old parts when a value shrinks or is deleted', async () => {
    const { store, entries } = credentialManagerStandIn();
    const chunked = chunkedCredentialStore(store, { maxSecretBytes: windowsCredentialLimitBytes });
    await chunked.set('smtp-password', 'pässwörd');
    expect([...entries]).toEqual([['smtp-password', 'pässwörd']]);
    await chunked.set('cache', msalCache);
    await chunked.set('cache', 'small');
    expect(await chunked.get('cache')).toBe('small');
    expect([...entries.keys()].sort()).toEqual(['cache', 'smtp-password']);
    await chunked.set('cache', msalCache);
    await chunked.delete('cache');
    expect(await chunked.get('cache')).toBeNull();
    expect([...entries.keys()]).toEqual(['smtp-password']);
  });

  it('a write killed midway leaves the previous value readable; a lost part reads as no secret', async () => {
    const { store, entries, failAfter } = credentialManagerStandIn();
    const chunked = chunkedCredentialStore(store, { maxSecretBytes: windowsCredentialLimitBytes });
    await chunked.set('cache', msalCache);
    failAfter(2);
    await expect(chunked.set('cache', msalCache.replace(/a/g, 'z'))).rejects.toThrow('killed');
    expect(await chunked.get('cache')).toBe(msalCache);
    const aPart = [...entries.keys()].find((name) => name.includes('.part-'))!;
    entries.delete(aPart);
    expect(await chunked.get('cache')).toBeNull();
  });

  it('never mistakes a secret that looks like a manifest for one', async () => {
    const { store } = credentialManagerStandIn();
    const chunked = chunkedCredentialStore(store, { maxSecretBytes: windowsCredentialLimitBytes });
    await chunked.set('odd', 'authdesk-chunked:v1:deadbeef:1:00');
    expect(await chunked.get('odd')).toBe('authdesk-chunked:v1:deadbeef:1:00');
  });

  it('splits without cutting a surrogate pair in two', () => {
    expect(splitSecret('ab🎉cd', 3)).toEqual(['ab', '🎉c', 'd']);
    expect(splitSecret('', 3)).toEqual([]);
    expect(splitSecret('abcdef', 3)).toEqual(['abc', 'def']);
  });
});
