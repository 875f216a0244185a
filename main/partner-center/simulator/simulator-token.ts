// The simulator's sign-in: a client-credentials token endpoint shaped like Microsoft's
// (POST /{tenant}/oauth2/v2.0/token), and the bearer-token check every /v1 route goes through.
import { randomUUID } from 'node:crypto';
import {
  header,
  json,
  partnerCenterError,
  type Route,
  type SimulatorRequest,
  type SimulatorResponse,
} from './simulator-http';

export const tokenLifetimeSeconds = 3600;

function issueToken(request: SimulatorRequest): SimulatorResponse {
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return json(400, {
      error: 'unsupported_grant_type',
      error_description: 'The simulator supports grant_type=client_credentials only.',
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
