// The simulator's control routes under /sandbox: not Partner Center, but what sandbox mode and tests use to
// play the customer (accept a link), inspect and reset the state, and inject faults.
import { z } from 'zod';
import { AcceptInvitationError, acceptInvitation, acceptInvitationSchema } from './accept-invitation';
import { customerBody } from './partner-center-routes';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
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
});

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
];
