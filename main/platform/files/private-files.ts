// Folders and files that hold a user's customers, history and logs are the user's alone: folders AuthDesk
// creates are 0700, its database and log files 0600, whatever the umask. Windows has no such modes (the
// per-user profile folder already keeps other users out), so there the calls change nothing.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

// Creates the folder (and any missing parents) user-only; an existing folder keeps its mode unless `own` is
// set, because the user may have pointed AuthDesk at a folder of their own choosing.
export function ensurePrivateFolder(folder: string, { own = false }: { own?: boolean } = {}): void {
  const existed = existsSync(folder);
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  if (!existed || own) chmodSync(folder, privateFolderMode);
}

// Creates the file empty if missing, and makes it user-only either way.
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', privateFileMode));
  chmodSync(file, privateFileMode);
}
