// The simulator's user sign-in, shaped like Microsoft's identity platform so MSAL Node runs against it end
// to end: GET /{tenant}/oauth2/v2.0/authorize signs in the simulated partner user at once (no password page)
// and answers with the form_post page that delivers the code to the app's loopback redirect; the token
// endpoint redeems the code (PKCE S256 checked), refresh tokens, and device codes (the CLI's sign-in). Tokens are unsigned JWTs carrying the
// claims AuthDesk reads (amr for MFA, tid, oid, preferred_username).
import { isLoopbackHost } from '../shared/domain/loopback-host';
import { createHash, randomUUID } from 'node:crypto';
import { json, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';

export interface SimulatedUser {
  oid: string;
  name: string;
  username: string;
}

export interface UserSignInState {
  user: SimulatedUser;
  // Whether the user signed in with MFA: the access token's amr then holds "mfa".
  mfa: boolean;
  // Every refresh token is refused with AADSTS700082 (expired after 90 days of inactivity).
  refreshTokensExpired: boolean;
  codes: Map<string, PendingCode>;
  refreshTokens: Map<string, { clientId: string; tenantId: string; scope: string }>;
  deviceCodes: Map<string, PendingDeviceCode>;
  signIns: number;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  nonce: string | null;
  tenantId: string;
  expiresAt: number;
}

export function createUserSignInState(tenantId: string): UserSignInState {
  return {
    user: {
      oid: uuidFrom(`user:${tenantId}`),
      name: 'Alex Wilber',
      username: 'alex@contosodistribution.onmicrosoft.com',
    },
    mfa: true,
    refreshTokensExpired: false,
    codes: new Map(),
    refreshTokens: new Map(),
    deviceCodes: new Map(),
    signIns: 0,
  };
}

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// The tenant segment of the URL: the partner's own tenant id for "organizations"/"common".
function tenantOf(state: SimulatorState, segment: string): string {
  return /^[0-9a-f-]{36}$/i.test(segment) ? segment.toLowerCase() : state.partner.tenantId.toLowerCase();
}

export function authorize(request: SimulatorRequest, [segment = '']: string[]): SimulatorResponse {
  const { state, query } = request;
  const clientId = query.get('client_id');
  const redirectUri = query.get('redirect_uri');
  const challenge = query.get('code_challenge');
  if (!clientId || !redirectUri) {
    return json(400, {
      error: 'invalid_request',
      error_description: 'AADSTS900144: client_id and redirect_uri are required.',
    });
  }
  const redirect = new URL(redirectUri);
  // Native apps may only use a loopback redirect: the code must not leave the computer.
  if (redirect.protocol !== 'http:' || !isLoopbackHost(redirect.hostname)) {
    return json(400, {
      error: 'invalid_request',
      error_description: 'AADSTS50011: the redirect URI must be a loopback address.',
    });
  }
  if (!challenge || query.get('code_challenge_method') !== 'S256') {
    return json(400, { error: 'invalid_request', error_description: 'AADSTS9002325: PKCE with S256 is required.' });
  }
  const code = `code-${randomUUID()}`;
  const tenantId = tenantOf(state, segment);
  state.userSignIn.codes.set(code, {
    clientId,
    redirectUri,
    challenge,
    scope: query.get('scope') ?? '',
    nonce: query.get('nonce'),
    tenantId,
    expiresAt: Date.now() + 10 * 60_000,
  });
  const fields: Record<string, string> = {
    code,
    client_info: base64url({ uid: state.userSignIn.user.oid, utid: tenantId }),
    ...(query.get('state') ? { state: query.get('state') as string } : {}),
  };
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  // response_mode=form_post: the browser posts the code to the app's loopback server.
  const html = `<!doctype html><html><head><title>Signing in</title></head><body onload="document.forms[0].submit()"><p>Signed in as ${escapeHtml(state.userSignIn.user.username)}.</p><form method="POST" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
  return { status: 200, body: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

function tokenResponse(
  request: SimulatorRequest,
  grant: { clientId: string; tenantId: string; scope: string; nonce: string | null },
): SimulatorResponse {
  const { state } = request;
  const signIn = state.userSignIn;
  const now = Math.floor(Date.now() / 1000);
  const lifetime = 3600;
  const issuer = `${request.baseUrl}/${grant.tenantId}/v2.0`;
  // One sign-in, two audiences: Partner Center, or Microsoft Graph when the scope asks for it (GDAP).
  const forGraph = grant.scope.includes('https://graph.microsoft.com/');
  const accessToken = unsignedJwt({
    aud: forGraph ? 'https://graph.microsoft.com' : 'https://api.partnercenter.microsoft.com',
    iss: issuer,
    tid: grant.tenantId,
    oid: signIn.user.oid,
    upn: signIn.user.username,
    name: signIn.user.name,
    scp: forGraph ? 'DelegatedAdminRelationship.ReadWrite.All' : 'user_impersonation',
    amr: signIn.mfa ? ['pwd', 'mfa'] : ['pwd'],
    iat: now,
    exp: now + lifetime,
    jti: randomUUID(),
  });
  state.tokens.set(accessToken, Date.now() + lifetime * 1000);
  const idToken = unsignedJwt({
    aud: grant.clientId,
    iss: issuer,
    tid: grant.tenantId,
    oid: signIn.user.oid,
    sub: signIn.user.oid,
    name: signIn.user.name,
    preferred_username: signIn.user.username,
    ver: '2.0',
    iat: now,
    exp: now + lifetime,
    ...(grant.nonce ? { nonce: grant.nonce } : {}),
  });
  const refreshToken = `refresh-${randomUUID()}`;
  signIn.refreshTokens.set(refreshToken, { clientId: grant.clientId, tenantId: grant.tenantId, scope: grant.scope });
  signIn.signIns += 1;
  return json(200, {
    token_type: 'Bearer',
    scope: grant.scope,
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
    refresh_token: refreshToken,
    id_token: idToken,
    client_info: base64url({ uid: signIn.user.oid, utid: grant.tenantId }),
  });
}

function invalidGrant(description: string, code: number): SimulatorResponse {
  return json(400, {
    error: 'invalid_grant',
    error_description: description,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

export function redeemAuthorizationCode(request: SimulatorRequest, form: URLSearchParams): SimulatorResponse {
  const code = form.get('code') ?? '';
  const pending = request.state.userSignIn.codes.get(code);
  // A code is good once.
  request.state.userSignIn.codes.delete(code);
  if (!pending || pending.expiresAt < Date.now()) {
    return invalidGrant('AADSTS70008: The provided authorization code or refresh token has expired.', 70008);
  }
  if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri) {
    return invalidGrant('AADSTS50148: The client or redirect URI does not match the authorization request.', 50148);
  }
  const verifier = form.get('code_verifier') ?? '';
  if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
    return invalidGrant('AADSTS501481: The Code_Verifier does not match the code_challenge supplied.', 501481);
  }
  return tokenResponse(request, {
    clientId: pending.clientId,
    tenantId: pending.tenantId,
    scope: form.get('scope') ?? pending.scope,
    nonce: pending.nonce,
  });
}

export function redeemRefreshToken(request: SimulatorRequest, form: URLSearchParams): SimulatorResponse {
  const signIn = request.state.userSignIn;
  const token = form.get('refresh_token') ?? '';
  const grant = signIn.refreshTokens.get(token);
  if (!grant || signIn.refreshTokensExpired) {
    return invalidGrant(
      'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-01-01T00:00:00Z and was inactive for 90.00:00:00.',
      700082,
    );
  }
  // A public client's earlier refresh tokens stay valid until they expire, as Microsoft's do.
  return tokenResponse(request, { ...grant, scope: form.get('scope') ?? grant.scope, nonce: null });
}

// The device code flow (the CLI's sign-in): POST /{tenant}/oauth2/v2.0/devicecode hands out a code; the user
// enters it at /devicelogin (GET /devicelogin?code=…, as a browser on any device would, signing in the simulated
// user at once); until then the token endpoint answers authorization_pending.
export interface PendingDeviceCode {
  userCode: string;
  clientId: string;
  scope: string;
  tenantId: string;
  approved: boolean;
  expiresAt: number;
}

const deviceCodeLifetimeSeconds = 900;

export function startDeviceCode(request: SimulatorRequest, [segment = '']: string[]): SimulatorResponse {
  const form = new URLSearchParams(request.body);
  const clientId = form.get('client_id');
  if (!clientId) {
    return json(400, { error: 'invalid_request', error_description: 'AADSTS900144: client_id is required.' });
  }
  const deviceCode = `device-${randomUUID()}`;
  const userCode = randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase();
  request.state.userSignIn.deviceCodes.set(deviceCode, {
    userCode,
    clientId,
    scope: form.get('scope') ?? '',
    tenantId: tenantOf(request.state, segment),
    approved: false,
    expiresAt: Date.now() + deviceCodeLifetimeSeconds * 1000,
  });
  const verificationUri = `${request.baseUrl}/devicelogin`;
  return json(200, {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: verificationUri,
    expires_in: deviceCodeLifetimeSeconds,
    // Seconds between the client's polls (Microsoft says 5; the simulator keeps tests quick).
    interval: 1,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  });
}

export function enterDeviceCode(request: SimulatorRequest): SimulatorResponse {
  const code = (request.query.get('code') ?? '').trim().toUpperCase();
  const pending = [...request.state.userSignIn.deviceCodes.values()].find((entry) => entry.userCode === code);
  const page = (text: string, status = 200): SimulatorResponse => ({
    status,
    body: `<!doctype html><html><head><title>Sign in</title></head><body><p>${escapeHtml(text)}</p></body></html>`,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
  if (!pending || pending.expiresAt < Date.now()) return page('That code is not valid or has expired.', 400);
  pending.approved = true;
  return page(`Signed in as ${request.state.userSignIn.user.username}. You can close this page.`);
}

export function redeemDeviceCode(request: SimulatorRequest, form: URLSearchParams): SimulatorResponse {
  const codes = request.state.userSignIn.deviceCodes;
  const deviceCode = form.get('device_code') ?? '';
  const pending = codes.get(deviceCode);
  if (!pending) return invalidGrant('AADSTS70000: The provided device code is not valid.', 70000);
  if (pending.expiresAt < Date.now()) {
    codes.delete(deviceCode);
    return json(400, { error: 'expired_token', error_description: 'AADSTS70020: The device code has expired.' });
  }
  if (!pending.approved) {
    return json(400, {
      error: 'authorization_pending',
      error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
    });
  }
  codes.delete(deviceCode);
  return tokenResponse(request, {
    clientId: pending.clientId,
    tenantId: pending.tenantId,
    scope: form.get('scope') ?? pending.scope,
    nonce: null,
  });
}
