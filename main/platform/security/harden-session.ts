// Session-wide protections for the renderer: the Content-Security-Policy header on every response, and
// every permission request (camera, notifications, geolocation, ...) refused except writing to the clipboard,
// which "Copy link" needs.
import type { Session } from 'electron';
import { contentSecurityPolicy } from './content-security-policy';

const allowedPermissions = new Set(['clipboard-sanitized-write']);

export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  const policy = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(allowedPermissions.has(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) => allowedPermissions.has(permission));
}
