// The app's configuration, read once from the environment at start. Secrets are never part of it: they are
// read from the OS keychain by the services that need them.
import os from 'node:os';

export interface AppConfig {
  // Where the SQLite database lives (AUTHDESK_DATA_DIR, else the platform's per-user app data folder).
  dataDir: string;
  // A real Partner Center to call (AUTHDESK_PARTNER_CENTER_URL). Production mode needs it AND an access token in
  // the keychain; until production sign-in exists, anything else runs the built-in sandbox.
  partnerCenterUrl: string | null;
  // An already running Partner Center simulator to use in sandbox mode instead of starting one in-process
  // (AUTHDESK_SIMULATOR_URL; tests and the browser harness share one this way).
  simulatorUrl: string | null;
  // The OS user: recorded as who did each step.
  actor: string;
  version: string;
}

export interface AppConfigDefaults {
  dataDir: string;
  version: string;
}

function httpUrlOrNull(name: string, value: string | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new Error(`${name} is not a URL: ${trimmed}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL.`);
  return trimmed.replace(/\/+$/, '');
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo throws for a uid without a passwd entry (some containers).
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function readAppConfig(defaults: AppConfigDefaults, env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    dataDir: env.AUTHDESK_DATA_DIR?.trim() || defaults.dataDir,
    partnerCenterUrl: httpUrlOrNull('AUTHDESK_PARTNER_CENTER_URL', env.AUTHDESK_PARTNER_CENTER_URL),
    simulatorUrl: httpUrlOrNull('AUTHDESK_SIMULATOR_URL', env.AUTHDESK_SIMULATOR_URL),
    actor: currentUser(),
    version: defaults.version,
  };
}
