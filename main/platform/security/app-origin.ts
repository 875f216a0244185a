// What counts as "the app's own page": the Vite dev server in development, the app scheme's host
// (authdesk://app) otherwise. Navigation guards and the IPC sender check both ask this one question, and both
// compare scheme and host, never only a path.
import { appEntryUrl, appHost, appScheme } from './app-scheme';

export interface AppOrigin {
  // The URL the main window loads.
  url: string;
  isAppUrl(url: string): boolean;
}

export function appOrigin(devServerUrl: string | undefined): AppOrigin {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isAppUrl: (url) => parse(url)?.origin === origin };
  }
  return {
    url: appEntryUrl,
    isAppUrl: (url) => {
      const parsed = parse(url);
      return parsed?.protocol === `${appScheme}:` && parsed.host === appHost;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
