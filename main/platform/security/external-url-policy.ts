// The only URLs AuthDesk ever hands to the operating system: a plain mailto: draft (the user's mail client) and the
// Microsoft 365 admin center over HTTPS. Anything else (file:, javascript:, other hosts) is refused, so a
// compromised renderer or a tampered link cannot make the app open arbitrary programs or sites.
import { isAdminCenterUrl } from '../../../shared/domain/relationship-link';
import { emailSchema } from '../../../shared/domain/validation';
import { AppError } from '../../../shared/ipc/ipc-error';

export type OpenExternal = (url: string) => Promise<void>;

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return isPlainMailto(parsed);
  // No credentials in the URL: https://admin.microsoft.com@evil.example is evil.example, and user:pass@ has no use.
  return isAdminCenterUrl(url) && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

// A draft to one recipient with at most a subject and a body: no cc, bcc, extra recipients or headers, and
// no attach= (which some mail clients honour, attaching a local file).
const mailtoParameters = new Set(['subject', 'body']);

function isPlainMailto(parsed: URL): boolean {
  let recipient: string;
  try {
    recipient = decodeURIComponent(parsed.pathname);
  } catch {
    return false;
  }
  if (!emailSchema.safeParse(recipient).success || recipient !== recipient.trim()) return false;
  const names = [...parsed.searchParams.keys()].map((name) => name.toLowerCase());
  return names.every((name) => mailtoParameters.has(name)) && new Set(names).size === names.length;
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
