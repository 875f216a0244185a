// The simulator's control routes under /sandbox: not Partner Center, but what sandbox mode and tests use to
// play the customer (accept a link), inspect and reset the state, and inject faults.
import { z } from 'zod';
import { AcceptInvitationError, acceptInvitation, acceptInvitationSchema } from './accept-invitation';
import { customerBody } from './partner-center-routes';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import { setRateLimit } from './simulator-rate-limit';
import { scenarioRoute } from './simulator-scenarios';
import { resetSimulatorState, snapshotState } from './simulator-state';

const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().startsWith('/'),
  times: z.number().int().positive().default(1),
  status: z.number().int().min(100).max(599).optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
  body: z.unknown().optional(),
  delayMs: z.number().int().nonnegative().max(60_000).optional(),
  dropConnection: z.boolean().optional(),
  probability: z.number().min(0).max(1).optional(),
});

const userSignInSchema = z.object({
  mfa: z.boolean().optional(),
  refreshTokensExpired: z.boolean().optional(),
  user: z.object({ name: z.string().min(1), username: z.string().min(3) }).optional(),
});

// How the next sign-ins behave: with or without MFA, refresh tokens expired (AADSTS700082), who signs in.
function userSignIn(request: SimulatorRequest): SimulatorResponse {
  const input = userSignInSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  const signIn = request.state.userSignIn;
  if (input.data.mfa !== undefined) signIn.mfa = input.data.mfa;
  if (input.data.refreshTokensExpired !== undefined) signIn.refreshTokensExpired = input.data.refreshTokensExpired;
  if (input.data.user) signIn.user = { ...signIn.user, ...input.data.user };
  return json(200, { mfa: signIn.mfa, refreshTokensExpired: signIn.refreshTokensExpired, user: signIn.user });
}

const rateLimitSchema = z.object({ perMinute: z.number().positive().max(1_000_000).nullable() });

function rateLimit(request: SimulatorRequest): SimulatorResponse {
  const input = rateLimitSchema.safeParse(parseJsonBody(request));
  if (!input.success) return badRequest(input.error);
  setRateLimit(request.state, input.data.perMinute);
  return json(200, { rateLimit: request.state.rateLimit });
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

function addFault(request: SimulatorRequest): SimulatorResponse {
  const fault = faultSchema.safeParse(parseJsonBody(request));
  if (!fault.success) return badRequest(fault.error);
  request.state.faults.push(fault.data);
  return json(200, { faults: request.state.faults });
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
  // One scenario object or an array of them.
  {
    method: 'POST',
    pattern: /^\/sandbox\/scenarios\/?$/,
    handler: (request) => scenarioRoute(request, parseJsonBody(request)),
  },
  { method: 'POST', pattern: /^\/sandbox\/rate-limit\/?$/, handler: rateLimit },
  { method: 'POST', pattern: /^\/sandbox\/sign-in\/?$/, handler: userSignIn },
];
