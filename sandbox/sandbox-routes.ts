// The simulator's control routes under /sandbox: not Partner Center, but what sandbox mode and tests use to
// play the customer (accept a link), inspect and reset the state, and inject faults.
import type { z } from 'zod';
import { AcceptInvitationError, acceptInvitation, acceptInvitationSchema } from './accept-invitation';
import { customerBody } from './partner-center-routes';
import {
  clientSecretSchema,
  faultSchema,
  partnerInputSchema,
  rateLimitSchema,
  releaseHoldSchema,
  tenantChangesSchema,
  tenantsSchema,
  userSignInSchema,
} from './sandbox-control-schemas';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import { holdNamed } from './simulator-holds';
import { setRateLimit } from './simulator-rate-limit';
import { scenarioRoute } from './simulator-scenarios';
import { seedResellers } from './simulator-seed';
import { clearRequests, resetSimulatorState, snapshotState } from './simulator-state';

// How the next sign-ins behave: with or without MFA, refresh tokens expired (AADSTS700082), who signs in;
// and access tokens revoked server-side.
function userSignIn(request: SimulatorRequest): SimulatorResponse {
  const input = userSignInSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  const signIn = request.state.userSignIn;
  if (input.data.mfa !== undefined) signIn.mfa = input.data.mfa;
  if (input.data.refreshTokensExpired !== undefined) signIn.refreshTokensExpired = input.data.refreshTokensExpired;
  if (input.data.user) signIn.user = { ...signIn.user, ...input.data.user };
  if (input.data.revokeAccessTokens) request.state.tokens.clear();
  return json(200, { mfa: signIn.mfa, refreshTokensExpired: signIn.refreshTokensExpired, user: signIn.user });
}

function rateLimit(request: SimulatorRequest): SimulatorResponse {
  const input = rateLimitSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  setRateLimit(request.state, input.data.perMinute);
  return json(200, { rateLimit: snapshotState(request.state).rateLimit });
}

function parseJsonBody(request: SimulatorRequest): unknown {
  try {
    return JSON.parse(request.body || 'null') as unknown;
  } catch {
    return undefined;
  }
}

function badRequest(error: z.ZodError): SimulatorResponse {
  return json(400, {
    error: error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
  });
}

function accept(request: SimulatorRequest): SimulatorResponse {
  const input = acceptInvitationSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  try {
    const tenant = acceptInvitation(request.state, input.data);
    return json(200, { customer: customerBody(request.state, tenant, true) });
  } catch (error) {
    if (error instanceof AcceptInvitationError) return json(error.status, { error: error.message });
    throw error;
  }
}

function releaseHold(request: SimulatorRequest): SimulatorResponse {
  const input = releaseHoldSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  holdNamed(request.state.holds, input.data.name).release();
  return json(200, { released: input.data.name });
}

function addFault(request: SimulatorRequest): SimulatorResponse {
  const fault = faultSchema.safeParse(parseJsonBody(request));
  if (!fault.success) return badRequest(fault.error);
  const { first, ...added } = fault.data;
  if (first) request.state.faults.unshift(added);
  else request.state.faults.push(added);
  return json(200, { faults: request.state.faults });
}

// Who the simulator plays, as the app's partner profile says: a distributor has resellers, a direct partner
// none, so a change of role brings the seed resellers back or takes them away.
function setPartner(request: SimulatorRequest): SimulatorResponse {
  const input = partnerInputSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  const { state } = request;
  const previousRole = state.partner.role;
  state.partner = { ...input.data, mpnId: input.data.mpnId ?? state.partner.mpnId };
  if (state.partner.role !== previousRole) {
    state.resellers =
      state.partner.role === 'indirect-provider' ? seedResellers.map((reseller) => ({ ...reseller })) : [];
  }
  return json(200, { partner: state.partner, resellers: state.resellers });
}

// The client secret the token endpoint accepts: sandbox mode sets the one it keeps in the keychain.
function setClientSecret(request: SimulatorRequest): SimulatorResponse {
  const input = clientSecretSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  request.state.clientSecret = input.data.secret;
  return json(200, { ok: true });
}

// More Microsoft 365 tenants (customers or not), for paging and lookups over more than the seed.
function addTenants(request: SimulatorRequest): SimulatorResponse {
  const input = tenantsSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  request.state.tenants.push(...input.data);
  return json(200, { tenants: request.state.tenants.length });
}

function updateTenant(request: SimulatorRequest, params: string[]): SimulatorResponse {
  const changes = tenantChangesSchema.safeParse(parseJsonBody(request));
  if (!changes.success) return badRequest(changes.error);
  const id = (params[0] ?? '').toLowerCase();
  const tenant = request.state.tenants.find((candidate) => candidate.id.toLowerCase() === id);
  if (!tenant) return json(404, { error: `The simulator has no tenant ${params[0] ?? ''}.` });
  Object.assign(tenant, changes.data);
  return json(200, { tenant });
}

function requestLog(request: SimulatorRequest): SimulatorResponse {
  return json(200, { requestCount: request.state.requestCount, requests: request.state.requests });
}

export const sandboxRoutes: readonly Route[] = [
  { method: 'POST', pattern: /^\/sandbox\/accept\/?$/, handler: accept },
  { method: 'GET', pattern: /^\/sandbox\/state\/?$/, handler: (request) => json(200, snapshotState(request.state)) },
  {
    method: 'POST',
    pattern: /^\/sandbox\/reset\/?$/,
    handler: (request) => {
      resetSimulatorState(request.state);
      return json(200, { ok: true });
    },
  },
  { method: 'POST', pattern: /^\/sandbox\/faults\/?$/, handler: addFault },
  { method: 'POST', pattern: /^\/sandbox\/holds\/release\/?$/, handler: releaseHold },
  {
    method: 'DELETE',
    pattern: /^\/sandbox\/faults\/?$/,
    handler: (request) => {
      request.state.faults = [];
      return json(200, { faults: [] });
    },
  },
  { method: 'GET', pattern: /^\/sandbox\/requests\/?$/, handler: requestLog },
  {
    method: 'DELETE',
    pattern: /^\/sandbox\/requests\/?$/,
    handler: (request) => {
      clearRequests(request.state);
      return requestLog(request);
    },
  },
  { method: 'POST', pattern: /^\/sandbox\/partner\/?$/, handler: setPartner },
  { method: 'POST', pattern: /^\/sandbox\/client-secret\/?$/, handler: setClientSecret },
  { method: 'POST', pattern: /^\/sandbox\/tenants\/?$/, handler: addTenants },
  { method: 'PATCH', pattern: /^\/sandbox\/tenants\/([^/]+)\/?$/, handler: updateTenant },
  // One scenario object or an array of them.
  {
    method: 'POST',
    pattern: /^\/sandbox\/scenarios\/?$/,
    handler: (request) => scenarioRoute(request, parseJsonBody(request)),
  },
  { method: 'POST', pattern: /^\/sandbox\/rate-limit\/?$/, handler: rateLimit },
  { method: 'POST', pattern: /^\/sandbox\/sign-in\/?$/, handler: userSignIn },
];
