// Secrets (sandbox client secret, later the sign-in token cache) live in the OS keychain and nowhere else:
// macOS Keychain, Windows Credential Manager, the Secret Service on Linux. No plaintext fallback: if the
// keychain cannot be reached the user is told so, and nothing is written to disk instead.
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../../shared/ipc/ipc-error';
import { chunkedCredentialStore, windowsCredentialLimitBytes } from './chunked-credential-store';

export interface CredentialStore {
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
  delete(name: string): Promise<void>;
  status(): Promise<{ available: boolean; message: string | null }>;
}

const linuxAdvice =
  ' On Linux, AuthDesk needs a running Secret Service such as GNOME Keyring (gnome-keyring-daemon) in your session.';

// On Linux the library would otherwise fall back to the kernel keyring, which forgets everything at logout:
// that would look like it works and then lose the secret. Pinning to the Secret Service makes absence an error.
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

// The probe entry never holds a secret; reading it proves the keychain answers.
const probeName = 'authdesk-keychain-probe';

export function keychainError(cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'keychain',
    `The OS keychain is not reachable: ${detail.replace(/\.?$/, '.')}${process.platform === 'linux' ? linuxAdvice : ''}`,
  );
}

// On Windows a long secret (the MSAL cache) is split across entries under Credential Manager's limit.
export function createKeychainCredentialStore(service = 'AuthDesk'): CredentialStore {
  const store = osKeychainStore(service);
  return process.platform === 'win32'
    ? chunkedCredentialStore(store, { maxSecretBytes: windowsCredentialLimitBytes })
    : store;
}

function osKeychainStore(service: string): CredentialStore {
  // The constructor itself talks to D-Bus on Linux and throws when there is no session bus.
  const entry = (name: string): AsyncEntry => {
    try {
      return new AsyncEntry(service, name, entryOptions);
    } catch (error) {
      throw keychainError(error);
    }
  };
  const call = async <T>(run: (target: AsyncEntry) => Promise<T>, name: string): Promise<T> => {
    const target = entry(name);
    try {
      return await run(target);
    } catch (error) {
      throw keychainError(error);
    }
  };
  return {
    get: (name) => call((target) => target.getPassword(), name),
    set: (name, secret) => call((target) => target.setPassword(secret), name),
    delete: async (name) => {
      await call((target) => target.deleteCredential(), name);
    },
    status: async () => {
      try {
        await call((target) => target.getPassword(), probeName);
        return { available: true, message: null };
      } catch (error) {
        return { available: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
