// The simulator's Microsoft Graph side for GDAP: /v1.0/tenantRelationships/delegatedAdminRelationships
// (create, get, list with $top/$skipToken, lockForApproval / terminate requests) with Graph's statuses, and
// /sandbox/gdap controls that play the customer (approve) and move relationships or the GDAP clock for tests.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { addDays, durationDays, isValidGdapDuration } from '../shared/domain/gdap-duration';
import { gdapStatuses, maxDisplayNameLength, maxPageSize, type GdapStatus } from '../shared/domain/gdap-graph-limits';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';
import { rejectUnauthenticated } from './simulator-token';

// A request the customer does not act on expires after 90 days.
export const pendingExpiryDays = 90;
// An active relationship ending within this many days reports "expiring".
export const expiringWithinDays = 30;

interface StoredRelationship {
  id: string;
  displayName: string;
  duration: string;
  autoExtendDuration: string;
  roleDefinitionIds: string[];
  customer: { tenantId: string | null; displayName: string | null } | null;
  // What happened last; expiry is worked out from the dates at read time.
  status: GdapStatus;
  createdDateTime: Date;
  lastModifiedDateTime: Date;
  activatedDateTime: Date | null;
  endDateTime: Date | null;
  etag: number;
}

interface GdapState {
  relationships: Map<string, StoredRelationship>;
  // The simulator clock for GDAP: real time moved on by tests.
  offsetMs: number;
}

const states = new WeakMap<SimulatorState, GdapState>();

export function gdapState(state: SimulatorState): GdapState {
  let gdap = states.get(state);
  if (!gdap) {
    gdap = { relationships: new Map(), offsetMs: 0 };
    states.set(state, gdap);
  }
  return gdap;
}

export function resetGdapState(state: SimulatorState): void {
  states.delete(state);
}

function now(gdap: GdapState): Date {
  return new Date(Date.now() + gdap.offsetMs);
}

function effectiveStatus(relationship: StoredRelationship, at: Date): GdapStatus {
  const { status } = relationship;
  if (status === 'created' || status === 'approvalPending') {
    return at >= addDays(relationship.createdDateTime, pendingExpiryDays) ? 'expired' : status;
  }
  if ((status === 'active' || status === 'expiring') && relationship.endDateTime) {
    if (at >= relationship.endDateTime) return 'expired';
    return relationship.endDateTime <= addDays(at, expiringWithinDays) ? 'expiring' : 'active';
  }
  return status;
}

function body(relationship: StoredRelationship, at: Date) {
  return {
    '@odata.etag': `W/"${relationship.etag}"`,
    id: relationship.id,
    displayName: relationship.displayName,
    duration: relationship.duration,
    status: effectiveStatus(relationship, at),
    autoExtendDuration: relationship.autoExtendDuration,
    createdDateTime: relationship.createdDateTime.toISOString(),
    lastModifiedDateTime: relationship.lastModifiedDateTime.toISOString(),
    activatedDateTime: relationship.activatedDateTime?.toISOString() ?? null,
    endDateTime: relationship.endDateTime?.toISOString() ?? null,
    customer: relationship.customer,
    accessDetails: { unifiedRoles: relationship.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}

function graphError(status: number, code: string, message: string): SimulatorResponse {
  return json(status, { error: { code, message } });
}

function parseJson(request: SimulatorRequest): unknown {
  try {
    return JSON.parse(request.body || 'null') as unknown;
  } catch {
    return undefined;
  }
}

const createSchema = z.object({
  displayName: z.string().trim().min(1).max(maxDisplayNameLength),
  duration: z.string().refine(isValidGdapDuration, 'must be an ISO 8601 duration from P1D to P2Y'),
  customer: z
    .object({ tenantId: z.string().nullable().optional(), displayName: z.string().nullable().optional() })
    .nullable()
    .optional(),
  accessDetails: z.object({
    unifiedRoles: z.array(z.object({ roleDefinitionId: z.string().uuid() })).min(1),
  }),
  autoExtendDuration: z.enum(['P0D', 'PT0S', 'P180D']).optional(),
});

function create(request: SimulatorRequest): SimulatorResponse {
  const input = createSchema.safeParse(parseJson(request));
  if (!input.success) {
    const issues = input.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return graphError(400, 'BadRequest', issues.join('; '));
  }
  const gdap = gdapState(request.state);
  const wanted = input.data.displayName.toLowerCase();
  if ([...gdap.relationships.values()].some((existing) => existing.displayName.toLowerCase() === wanted)) {
    return graphError(409, 'Conflict', `A relationship named "${input.data.displayName}" already exists`);
  }
  const at = now(gdap);
  const relationship: StoredRelationship = {
    id: `${randomUUID()}-${randomUUID()}`,
    displayName: input.data.displayName,
    duration: input.data.duration,
    autoExtendDuration: input.data.autoExtendDuration ?? 'PT0S',
    roleDefinitionIds: input.data.accessDetails.unifiedRoles.map((role) => role.roleDefinitionId),
    customer: input.data.customer
      ? { tenantId: input.data.customer.tenantId ?? null, displayName: input.data.customer.displayName ?? null }
      : null,
    status: 'created',
    createdDateTime: at,
    lastModifiedDateTime: at,
    activatedDateTime: null,
    endDateTime: null,
    etag: 1,
  };
  gdap.relationships.set(relationship.id, relationship);
  return json(201, body(relationship, at));
}

// A relationship's status now and its roles, for the access assignments made in it (graph-access-routes.ts).
export function relationshipForAccess(
  state: SimulatorState,
  id: string,
): { status: GdapStatus; roleDefinitionIds: string[] } | null {
  const gdap = gdapState(state);
  const relationship = gdap.relationships.get(id);
  if (!relationship) return null;
  return { status: effectiveStatus(relationship, now(gdap)), roleDefinitionIds: relationship.roleDefinitionIds };
}

function find(request: SimulatorRequest, id: string): StoredRelationship | undefined {
  return gdapState(request.state).relationships.get(id);
}

function notFound(id: string): SimulatorResponse {
  return graphError(404, 'NotFound', `No delegated admin relationship with id ${id}`);
}

function get(request: SimulatorRequest, params: string[]): SimulatorResponse {
  const relationship = find(request, params[0] ?? '');
  if (!relationship) return notFound(params[0] ?? '');
  return json(200, body(relationship, now(gdapState(request.state))));
}

function list(request: SimulatorRequest): SimulatorResponse {
  const gdap = gdapState(request.state);
  const topText = request.query.get('$top');
  const top = topText === null ? 100 : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > maxPageSize) {
    return graphError(400, 'BadRequest', `$top must be a whole number from 1 to ${maxPageSize}`);
  }
  const skipToken = request.query.get('$skipToken');
  const offset = skipToken === null ? 0 : Number(Buffer.from(skipToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) return graphError(400, 'BadRequest', 'The $skipToken is not valid');
  const at = now(gdap);
  const all = [...gdap.relationships.values()].sort(
    (a, b) => a.createdDateTime.getTime() - b.createdDateTime.getTime(),
  );
  const page = all.slice(offset, offset + top);
  const next = offset + top < all.length ? Buffer.from(String(offset + top)).toString('base64url') : null;
  const nextLink = next
    ? `${request.baseUrl}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=${top}&$skipToken=${next}`
    : undefined;
  return json(200, {
    value: page.map((relationship) => body(relationship, at)),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
  });
}

const requestSchema = z.object({ action: z.enum(['lockForApproval', 'terminate']) });

function act(request: SimulatorRequest, params: string[]): SimulatorResponse {
  const relationship = find(request, params[0] ?? '');
  if (!relationship) return notFound(params[0] ?? '');
  const input = requestSchema.safeParse(parseJson(request));
  if (!input.success) return graphError(400, 'BadRequest', 'action must be lockForApproval or terminate');
  const gdap = gdapState(request.state);
  const at = now(gdap);
  const current = effectiveStatus(relationship, at);
  if (input.data.action === 'lockForApproval') {
    if (current !== 'created') {
      return graphError(400, 'BadRequest', `Only a relationship in status created can be locked (it is ${current})`);
    }
    relationship.status = 'approvalPending';
  } else {
    if (current === 'expired' || current === 'terminated') {
      return graphError(400, 'BadRequest', `The relationship is already ${current}`);
    }
    // Microsoft passes through terminationRequested and terminating; the simulator ends it at once.
    relationship.status = 'terminated';
    relationship.endDateTime = at;
  }
  relationship.lastModifiedDateTime = at;
  relationship.etag += 1;
  return json(201, {
    id: randomUUID(),
    action: input.data.action,
    status: 'succeeded',
    createdDateTime: at.toISOString(),
  });
}

// Sandbox controls: the customer approves; tests force a status or move the GDAP clock.
function approve(request: SimulatorRequest): SimulatorResponse {
  const input = z.object({ id: z.string().min(1) }).safeParse(parseJson(request));
  if (!input.success) return json(400, { error: 'id is required' });
  const relationship = find(request, input.data.id);
  if (!relationship) return notFound(input.data.id);
  const gdap = gdapState(request.state);
  const at = now(gdap);
  const current = effectiveStatus(relationship, at);
  if (current !== 'approvalPending') {
    return json(409, { error: `Only a relationship awaiting approval can be approved (it is ${current}).` });
  }
  activate(relationship, at, durationDays(relationship.duration) ?? 0);
  return json(200, body(relationship, at));
}

function activate(relationship: StoredRelationship, at: Date, days: number): void {
  relationship.status = 'active';
  relationship.activatedDateTime = at;
  relationship.endDateTime = addDays(at, days);
  relationship.lastModifiedDateTime = at;
  relationship.etag += 1;
}

const setStatusSchema = z.object({ id: z.string().min(1), status: z.enum(gdapStatuses) });

function setStatus(request: SimulatorRequest): SimulatorResponse {
  const input = setStatusSchema.safeParse(parseJson(request));
  if (!input.success) return json(400, { error: `id and a status (${gdapStatuses.join(', ')}) are required` });
  const relationship = find(request, input.data.id);
  if (!relationship) return notFound(input.data.id);
  const at = now(gdapState(request.state));
  const status = input.data.status;
  // Expiring and expired are dates, not flags: the end date is moved so reads agree with the status.
  if (status === 'expiring') activate(relationship, addDays(at, -300), 310);
  else if (status === 'expired') activate(relationship, addDays(at, -300), 299);
  else if (status === 'active') activate(relationship, at, durationDays(relationship.duration) ?? 0);
  else {
    relationship.status = status;
    if (status === 'terminated') relationship.endDateTime = at;
    relationship.lastModifiedDateTime = at;
    relationship.etag += 1;
  }
  return json(200, body(relationship, at));
}

function advanceClock(request: SimulatorRequest): SimulatorResponse {
  const input = z.object({ days: z.number().min(-3650).max(3650) }).safeParse(parseJson(request));
  if (!input.success) return json(400, { error: 'days (a number) is required' });
  const gdap = gdapState(request.state);
  gdap.offsetMs += input.data.days * 86_400_000;
  return json(200, { now: now(gdap).toISOString() });
}

function reset(request: SimulatorRequest): SimulatorResponse {
  resetGdapState(request.state);
  return json(200, { reset: true });
}

function authenticated(handler: Route['handler']): Route['handler'] {
  return (request, params) => rejectUnauthenticated(request) ?? handler(request, params);
}

const base = '/v1\\.0/tenantRelationships/delegatedAdminRelationships';

export const graphRoutes: readonly Route[] = [
  { method: 'POST', pattern: new RegExp(`^${base}$`, 'i'), handler: authenticated(create) },
  { method: 'GET', pattern: new RegExp(`^${base}$`, 'i'), handler: authenticated(list) },
  { method: 'GET', pattern: new RegExp(`^${base}/([^/]+)$`, 'i'), handler: authenticated(get) },
  { method: 'POST', pattern: new RegExp(`^${base}/([^/]+)/requests$`, 'i'), handler: authenticated(act) },
  { method: 'POST', pattern: /^\/sandbox\/gdap\/approve$/, handler: approve },
  { method: 'POST', pattern: /^\/sandbox\/gdap\/status$/, handler: setStatus },
  { method: 'POST', pattern: /^\/sandbox\/gdap\/clock$/, handler: advanceClock },
  { method: 'POST', pattern: /^\/sandbox\/gdap\/reset$/, handler: reset },
];
