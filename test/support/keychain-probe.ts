// Run as a child process by the keychain test: tries the keychain store in a fresh process (the native library
// keeps its D-Bus connection for the life of a process) and prints what happened as JSON.
import { createKeychainCredentialStore } from '../../main/platform/keychain/credential-store';
import { AppError } from '../../shared/ipc/ipc-error';

async function probe(): Promise<unknown> {
  const store = createKeychainCredentialStore(process.argv[2] ?? 'AuthDesk-probe');
  const status = await store.status();
  try {
    await store.set('anything', 'secret');
    return { status, set: 'ok' };
  } catch (error) {
    return error instanceof AppError
      ? { status, set: 'error', code: error.code, message: error.message }
      : { status, set: 'error', code: null, message: String(error) };
  }
}

probe().then((result) => process.stdout.write(JSON.stringify(result)));
