// A CredentialStore kept in memory, for service tests that are not about the keychain itself
// (the keychain has its own integration test under scripts/with-keychain.sh).
import type { CredentialStore } from '../../main/platform/keychain/credential-store';

export function createMemoryCredentialStore(initial: Record<string, string> = {}): CredentialStore & {
  secrets: Map<string, string>;
} {
  const secrets = new Map(Object.entries(initial));
  return {
    secrets,
    get: async (name) => secrets.get(name) ?? null,
    set: async (name, secret) => {
      secrets.set(name, secret);
    },
    delete: async (name) => {
      secrets.delete(name);
    },
    status: async () => ({ available: true, message: null }),
  };
}
