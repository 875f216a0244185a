// Whether this run of AuthDesk looks for updates. Only an installed build does (a development run has no
// feed and nothing to replace), and only where electron-updater can replace the app: the NSIS installer on
// Windows, the app on macOS, an AppImage on Linux (a deb is updated by the system's package manager). In
// sandbox mode, a trial without Partner Center, it stays off as well. The feed is the generic HTTPS URL
// electron-builder wrote into app-update.yml at build time (AUTHDESK_UPDATE_URL); electron-updater checks
// each download's SHA-512 from that feed, and on Windows the installer's signature.
export interface UpdatePolicyInput {
  packaged: boolean;
  mode: 'sandbox' | 'production';
  platform: NodeJS.Platform;
  // Set by the AppImage runtime on Linux.
  appImage: string | undefined;
  // Whether the build has an update feed (resources/app-update.yml).
  hasFeed: boolean;
}

export type UpdatePolicy = { enabled: true } | { enabled: false; reason: string };

export function updatePolicy(input: UpdatePolicyInput): UpdatePolicy {
  if (!input.packaged) return { enabled: false, reason: 'a development run is not updated' };
  if (!input.hasFeed) return { enabled: false, reason: 'this build has no update feed' };
  if (input.mode === 'sandbox') return { enabled: false, reason: 'updates are off in sandbox mode' };
  if (input.platform === 'linux' && !input.appImage) {
    return { enabled: false, reason: 'installed as a package: the system’s package manager updates it' };
  }
  if (input.platform !== 'linux' && input.platform !== 'win32' && input.platform !== 'darwin') {
    return { enabled: false, reason: `no updates on ${input.platform}` };
  }
  return { enabled: true };
}
