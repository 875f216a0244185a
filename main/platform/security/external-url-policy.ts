// The only URLs AuthDesk ever hands to the operating system: mailto: (the user's mail client) and the
// Microsoft 365 admin center over HTTPS. Anything else (file:, javascript:, other hosts) is refused, so a
// compromised renderer or a tampered link cannot make the app open arbitrary programs or sites.
import { isAdminCenterUrl } from '../../../shared/domain/relationship-link';
import { AppError } from '../../../shared/ipc/ipc-error';

export type OpenExternal = (url: string) => Promise<void>;

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  // No credentials in the URL: https://admin.microsoft.com@evil.example is evil.example, and user:pass@ has no use.
  return isAdminCenterUrl(url) && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

// The sign-in page of the configured authority (Microsoft's, or AUTHDESK_LOGIN_URL in tests): MSAL opens it
// in the system browser for interactive sign-in. Only its authorize endpoint, on exactly that origin.
export function isSignInPageUrl(url: string, loginUrl: string): boolean {
  let parsed: URL;
  let login: URL;
  try {
    parsed = new URL(url);
    login = new URL(loginUrl);
  } catch {
    return false;
  }
  return (
    parsed.origin === login.origin &&
    parsed.username === '' &&
    parsed.password === '' &&
    /^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(parsed.pathname)
  );
}

export async function openExternalSafely(openExternal: OpenExternal, url: string, loginUrl?: string): Promise<void> {
  if (!isAllowedExternalUrl(url) && !(loginUrl !== undefined && isSignInPageUrl(url, loginUrl))) {
    throw new AppError('invalid-request', 'AuthDesk only opens email drafts and Microsoft 365 admin center links.');
  }
  await openExternal(url);
}
