// The simulator's Microsoft Graph side for GDAP access: the partner tenant's security groups (GET /v1.0/groups)
// and the access assignments that give one of them roles in a relationship (POST and GET
// .../delegatedAdminRelationships/{id}/accessAssignments[/{id}]). As in Graph, an assignment needs an active
// relationship, an existing security group and roles the relationship has; it is made "pending" and Microsoft
// sets it up a moment later (here: it reads "active" from its first read on). /sandbox/gdap/groups replaces
// the groups, so a test can take one away.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { relationshipForAccess } from './graph-routes';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';
import { rejectUnauthenticated } from './simulator-token';

interface SecurityGroup {
  id: string;
  displayName: string;
}

interface StoredAssignment {
  id: string;
  relationshipId: string;
  groupId: string;
  roleDefinitionIds: string[];
  status: 'pending' | 'active';
  createdDateTime: string;
}

interface AccessState {
  groups: SecurityGroup[];
  assignments: Map<string, StoredAssignment>;
}

export const seedSecurityGroups: readonly SecurityGroup[] = [
  { id: '5d3b2a1c-0e9f-4c8b-9a7d-6e5f4a3b2c01', displayName: 'AuthDesk Helpdesk Agents' },
  { id: '5d3b2a1c-0e9f-4c8b-9a7d-6e5f4a3b2c02', displayName: 'AuthDesk Admin Agents' },
  { id: '5d3b2a1c-0e9f-4c8b-9a7d-6e5f4a3b2c03', displayName: 'Licensing Team' },
];

const states = new WeakMap<SimulatorState, AccessState>();

function accessState(state: SimulatorState): AccessState {
  let access = states.get(state);
  if (!access) {
    access = { groups: seedSecurityGroups.map((group) => ({ ...group })), assignments: new Map() };
    states.set(state, access);
  }
  return access;
}

export function resetAccessState(state: SimulatorState): void {
  states.delete(state);
}

function graphError(status: number, code: string, message: string): SimulatorResponse {
  return json(status, { error: { code, message } });
}

function body(assignment: StoredAssignment) {
  return {
    id: assignment.id,
    status: assignment.status,
    createdDateTime: assignment.createdDateTime,
    accessContainer: { accessContainerId: assignment.groupId, accessContainerType: 'securityGroup' },
    accessDetails: { unifiedRoles: assignment.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}

function listGroups(request: SimulatorRequest): SimulatorResponse {
  const groups = accessState(request.state).groups;
  return json(200, { value: groups.map((group) => ({ ...group, securityEnabled: true })) });
}

const assignmentSchema = z.object({
  accessContainer: z.object({ accessContainerId: z.string(), accessContainerType: z.literal('securityGroup') }),
  accessDetails: z.object({ unifiedRoles: z.array(z.object({ roleDefinitionId: z.string() })).min(1) }),
});

function createAssignment(request: SimulatorRequest, [relationshipId = '']: string[]): SimulatorResponse {
  const relationship = relationshipForAccess(request.state, relationshipId);
  if (!relationship) return graphError(404, 'NotFound', `No delegated admin relationship with id ${relationshipId}`);
  let parsed;
  try {
    parsed = assignmentSchema.safeParse(JSON.parse(request.body || 'null'));
  } catch {
    return graphError(400, 'BadRequest', 'The request body is not JSON.');
  }
  if (!parsed.success) return graphError(400, 'BadRequest', 'The access assignment is not valid.');
  if (relationship.status !== 'active' && relationship.status !== 'expiring') {
    return graphError(400, 'BadRequest', 'Access can be assigned only in an active relationship.');
  }
  const access = accessState(request.state);
  const groupId = parsed.data.accessContainer.accessContainerId;
  if (!access.groups.some((group) => group.id === groupId)) {
    return graphError(400, 'BadRequest', `The security group ${groupId} was not found in the partner tenant.`);
  }
  const roles = parsed.data.accessDetails.unifiedRoles.map((role) => role.roleDefinitionId);
  const missing = roles.filter((role) => !relationship.roleDefinitionIds.includes(role));
  if (missing.length > 0) {
    return graphError(400, 'BadRequest', `The relationship does not include the role ${missing[0]}.`);
  }
  const taken = [...access.assignments.values()].some(
    (assignment) => assignment.relationshipId === relationshipId && assignment.groupId === groupId,
  );
  if (taken) return graphError(409, 'Conflict', 'This security group already has an access assignment here.');
  const assignment: StoredAssignment = {
    id: randomUUID(),
    relationshipId,
    groupId,
    roleDefinitionIds: roles,
    status: 'pending',
    createdDateTime: new Date().toISOString(),
  };
  access.assignments.set(assignment.id, assignment);
  return json(201, body(assignment));
}

function getAssignment(request: SimulatorRequest, [relationshipId = '', id = '']: string[]): SimulatorResponse {
  const assignment = accessState(request.state).assignments.get(id);
  if (!assignment || assignment.relationshipId !== relationshipId) {
    return graphError(404, 'NotFound', `No access assignment with id ${id}`);
  }
  // Microsoft sets a new assignment up shortly after it is made: by the first read, it is.
  assignment.status = 'active';
  return json(200, body(assignment));
}

const groupsSchema = z.array(z.object({ id: z.string().min(1), displayName: z.string().min(1) })).max(1000);

function setGroups(request: SimulatorRequest): SimulatorResponse {
  let parsed;
  try {
    parsed = groupsSchema.safeParse(JSON.parse(request.body || 'null'));
  } catch {
    return json(400, { error: 'The body is not JSON.' });
  }
  if (!parsed.success) return json(400, { error: 'Give the groups as [{ id, displayName }].' });
  accessState(request.state).groups = parsed.data;
  return json(200, { groups: parsed.data.length });
}

function authenticated(handler: Route['handler']): Route['handler'] {
  return (request, params) => rejectUnauthenticated(request) ?? handler(request, params);
}

const relationships = '/v1\\.0/tenantRelationships/delegatedAdminRelationships';

export const graphAccessRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v1\.0\/groups$/i, handler: authenticated(listGroups) },
  {
    method: 'POST',
    pattern: new RegExp(`^${relationships}/([^/]+)/accessAssignments$`, 'i'),
    handler: authenticated(createAssignment),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${relationships}/([^/]+)/accessAssignments/([^/]+)$`, 'i'),
    handler: authenticated(getAssignment),
  },
  { method: 'POST', pattern: /^\/sandbox\/gdap\/groups$/, handler: setGroups },
];
