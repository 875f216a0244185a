// The data folder the desktop app uses (Electron's userData for the AuthDesk app), found without Electron
// so the command line and the window share one database by default.
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'AuthDesk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform) {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), appFolderName);
}
