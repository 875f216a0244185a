// The app's configuration, read once from the environment at start. Secrets are never part of it: they are
// read from the OS keychain by the services that need them.
import os from 'node:os';

export interface AppConfig {
  // Where the SQLite database lives (AUTHDESK_DATA_DIR, else the platform's per-user app data folder).
  dataDir: string;
  // The real Partner Center's address (AUTHDESK_PARTNER_CENTER_URL, default https://api.partnercenter.microsoft.com),
  // used once the user has signed in (production mode); signed out, AuthDesk runs the built-in sandbox.
  partnerCenterUrl: string | null;
  // An already running Partner Center simulator to use in sandbox mode instead of starting one in-process
  // (AUTHDESK_SIMULATOR_URL; tests and the browser harness share one this way).
  simulatorUrl: string | null;
  // The OS user: recorded as who did each step.
  actor: string;
  version: string;
  // Sign-in authority host (AUTHDESK_LOGIN_URL, default https://login.microsoftonline.com) and Microsoft Graph
  // (AUTHDESK_GRAPH_URL, default https://graph.microsoft.com/v1.0), so tests point them at local servers.
  loginUrl?: string | null;
  graphUrl?: string | null;
  // Client-side pacing of Partner Center calls per tenant (AUTHDESK_REQUESTS_PER_MINUTE, default 500).
  requestsPerMinute?: number | null;
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

function positiveNumberOrNull(name: string, value: string | undefined): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const number = Number(trimmed);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number: ${trimmed}`);
  return number;
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
    loginUrl: httpUrlOrNull('AUTHDESK_LOGIN_URL', env.AUTHDESK_LOGIN_URL),
    graphUrl: httpUrlOrNull('AUTHDESK_GRAPH_URL', env.AUTHDESK_GRAPH_URL),
    requestsPerMinute: positiveNumberOrNull('AUTHDESK_REQUESTS_PER_MINUTE', env.AUTHDESK_REQUESTS_PER_MINUTE),
  };
}
