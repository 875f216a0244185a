// The simulator's sign-in: a token endpoint shaped like Microsoft's (POST /{tenant}/oauth2/v2.0/token) for
// client credentials and, through simulator-user-sign-in, the user's authorization code and refresh tokens;
// and the bearer-token check every /v1 route goes through.
import { randomUUID } from 'node:crypto';
import {
  header,
  json,
  partnerCenterError,
  type Route,
  type SimulatorRequest,
  type SimulatorResponse,
} from './simulator-http';
import {
  authorize,
  enterDeviceCode,
  redeemAuthorizationCode,
  redeemDeviceCode,
  redeemRefreshToken,
  startDeviceCode,
} from './simulator-user-sign-in';

export const tokenLifetimeSeconds = 3600;

function issueToken(request: SimulatorRequest): SimulatorResponse {
  const form = new URLSearchParams(request.body);
  const grantType = form.get('grant_type');
  // App+User sign-in (MSAL's interactive flow and silent renewal).
  if (grantType === 'authorization_code') return redeemAuthorizationCode(request, form);
  if (grantType === 'refresh_token') return redeemRefreshToken(request, form);
  // RFC 8628 names it urn:ietf:params:oauth:grant-type:device_code; Microsoft's endpoint (and MSAL) say device_code.
  if (grantType === 'device_code' || grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
    return redeemDeviceCode(request, form);
  }
  if (grantType !== 'client_credentials') {
    return json(400, {
      error: 'unsupported_grant_type',
      error_description:
        'The simulator supports client_credentials, authorization_code, refresh_token and device_code.',
    });
  }
  if (!form.get('client_id')) {
    return json(400, { error: 'invalid_request', error_description: 'client_id is required.' });
  }
  const secret = request.state.clientSecret;
  if (secret !== null && form.get('client_secret') !== secret) {
    return json(401, { error: 'invalid_client', error_description: 'The client secret is not valid.' });
  }
  const accessToken = `sim-${randomUUID()}`;
  request.state.tokens.set(accessToken, Date.now() + tokenLifetimeSeconds * 1000);
  return json(200, { token_type: 'Bearer', expires_in: tokenLifetimeSeconds, access_token: accessToken });
}

export const tokenRoutes: readonly Route[] = [
  { method: 'POST', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/token$/, handler: issueToken },
  { method: 'GET', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/, handler: authorize },
  { method: 'POST', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/devicecode$/, handler: startDeviceCode },
  { method: 'GET', pattern: /^\/devicelogin$/, handler: enterDeviceCode },
];

// null when the request carries a token this simulator issued and it has not expired; else the 401 to send.
// Partner Center's exact code for a bad token is not documented; 401 with its usual body shape is what matters.
export function rejectUnauthenticated(request: SimulatorRequest): SimulatorResponse | null {
  const authorization = header(request, 'authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  const expiresAt = match?.[1] ? request.state.tokens.get(match[1]) : undefined;
  if (expiresAt !== undefined && expiresAt > Date.now()) return null;
  return partnerCenterError(401, 401, 'Authentication failed: the access token is missing, invalid or expired.');
}
