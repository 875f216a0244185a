// The only URLs AuthDesk ever hands to the operating system: mailto: (the user's mail client) and the
// Microsoft 365 admin center over HTTPS. Anything else (file:, javascript:, other hosts) is refused, so a
// compromised renderer or a tampered link cannot make the app open arbitrary programs or sites.
import { isAdminCenterUrl } from '../../shared/domain/relationship-link';
import { AppError } from '../../shared/ipc/ipc-error';

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

export async function openExternalSafely(openExternal: OpenExternal, url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) {
    throw new AppError('invalid-request', 'AuthDesk only opens email drafts and Microsoft 365 admin center links.');
  }
  await openExternal(url);
}
