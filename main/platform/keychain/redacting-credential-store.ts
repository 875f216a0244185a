// Wraps the credential store so every secret that passes through it is known to the log redactor.
import type { CredentialStore } from './credential-store';
import type { SecretRedactor } from '../logging/redact-secrets';

export function redactingCredentialStore(store: CredentialStore, redactor: SecretRedactor): CredentialStore {
  return {
    get: async (name) => {
      const secret = await store.get(name);
      redactor.register(secret);
      return secret;
    },
    set: async (name, secret) => {
      redactor.register(secret);
      await store.set(name, secret);
    },
    delete: (name) => store.delete(name),
    status: () => store.status(),
  };
}
