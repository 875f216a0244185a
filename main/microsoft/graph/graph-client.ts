// A small Microsoft Graph client for GDAP (delegatedAdminRelationships): create, get, list with $top /
// $skipToken paging, the lockForApproval / terminate requests, the partner's security groups and the access
// assignments that give them roles in a relationship, over the Microsoft HTTP core (Retry-After
// on 429, exponential backoff on 5xx and network trouble, one token refresh on 401).
import type { z } from 'zod';
import { maxPageSize } from '../../../shared/domain/gdap-graph-limits';
import {
  createMicrosoftHttpCore,
  type MicrosoftHttpRequest,
  type MicrosoftHttpTuning,
} from '../../platform/http/microsoft-http-core';
import { graphErrorOf } from './graph-error';
import {
  accessAssignmentSchema,
  delegatedAdminRelationshipSchema,
  groupCollectionSchema,
  type AccessAssignment,
  relationshipCollectionSchema,
  relationshipRequestSchema,
  skipTokenOf,
  type DelegatedAdminRelationship,
  type NewRelationship,
  type RelationshipRequest,
} from './graph-types';

export const defaultGraphUrl = 'https://graph.microsoft.com/v1.0';

// Graph has no client-side rate limit of ours: GDAP calls are few and user-driven.
export type GraphClientOptions = Omit<MicrosoftHttpTuning, 'rateLimiter'>;

export interface RelationshipPage {
  items: DelegatedAdminRelationship[];
  // Pass back to get the next page; null on the last one.
  skipToken: string | null;
}

export interface GraphClient {
  createRelationship(input: NewRelationship): Promise<DelegatedAdminRelationship>;
  getRelationship(id: string): Promise<DelegatedAdminRelationship>;
  listRelationships(options?: { top?: number; skipToken?: string; filter?: string }): Promise<RelationshipPage>;
  lockForApproval(id: string): Promise<RelationshipRequest>;
  terminate(id: string): Promise<RelationshipRequest>;
  // The partner tenant's security groups (every page), by name.
  listSecurityGroups(): Promise<{ id: string; displayName: string }[]>;
  createAccessAssignment(
    relationshipId: string,
    input: { groupId: string; roleDefinitionIds: string[] },
  ): Promise<AccessAssignment>;
  getAccessAssignment(relationshipId: string, assignmentId: string): Promise<AccessAssignment>;
}

// More pages than any partner's groups fill; a guard against a server that keeps handing out next links.
const maxGroupPages = 50;

const relationshipsPath = '/tenantRelationships/delegatedAdminRelationships';

export function createGraphClient(options: GraphClientOptions): GraphClient {
  // client-request-id: Graph's tracing header.
  const http = createMicrosoftHttpCore({ ...options, requestIdHeader: 'client-request-id', errorOf: graphErrorOf });

  function call<Schema extends z.ZodType>(request: MicrosoftHttpRequest, schema: Schema): Promise<z.infer<Schema>> {
    // A POST that may have reached Graph is not resent after a timeout: create is not idempotent.
    const resend = { afterNetworkError: true, afterTimeout: request.method === 'GET' };
    return http.sendJson({ ...request, resend }, schema);
  }

  const itemPath = (id: string) => `${relationshipsPath}/${encodeURIComponent(id)}`;

  return {
    createRelationship(input) {
      return call(
        {
          method: 'POST',
          path: relationshipsPath,
          body: {
            displayName: input.displayName,
            duration: input.duration,
            ...(input.customer ? { customer: input.customer } : {}),
            accessDetails: { unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
            ...(input.autoExtendDuration ? { autoExtendDuration: input.autoExtendDuration } : {}),
          },
        },
        delegatedAdminRelationshipSchema,
      );
    },
    getRelationship(id) {
      return call({ method: 'GET', path: itemPath(id) }, delegatedAdminRelationshipSchema);
    },
    async listRelationships(listOptions = {}) {
      const query: Record<string, string> = {};
      if (listOptions.top !== undefined) query.$top = String(Math.min(maxPageSize, Math.max(1, listOptions.top)));
      if (listOptions.skipToken) query.$skipToken = listOptions.skipToken;
      if (listOptions.filter) query.$filter = listOptions.filter;
      const page = await call({ method: 'GET', path: relationshipsPath, query }, relationshipCollectionSchema);
      return { items: page.value, skipToken: skipTokenOf(page['@odata.nextLink']) };
    },
    lockForApproval(id) {
      return call(
        { method: 'POST', path: `${itemPath(id)}/requests`, body: { action: 'lockForApproval' } },
        relationshipRequestSchema,
      );
    },
    terminate(id) {
      return call(
        { method: 'POST', path: `${itemPath(id)}/requests`, body: { action: 'terminate' } },
        relationshipRequestSchema,
      );
    },
    async listSecurityGroups() {
      const groups: { id: string; displayName: string }[] = [];
      let query: Record<string, string> = {
        $filter: 'securityEnabled eq true',
        $select: 'id,displayName',
        $top: '999',
      };
      for (let page = 0; page < maxGroupPages; page += 1) {
        const body = await call({ method: 'GET', path: '/groups', query }, groupCollectionSchema);
        groups.push(...body.value.map((group) => ({ id: group.id, displayName: group.displayName ?? group.id })));
        const next = body['@odata.nextLink'];
        const skipToken = next ? new URL(next).searchParams.get('$skiptoken') : null;
        if (!skipToken) break;
        query = { ...query, $skiptoken: skipToken };
      }
      return groups.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    createAccessAssignment(relationshipId, input) {
      return call(
        {
          method: 'POST',
          path: `${itemPath(relationshipId)}/accessAssignments`,
          body: {
            accessContainer: { accessContainerId: input.groupId, accessContainerType: 'securityGroup' },
            accessDetails: { unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
          },
        },
        accessAssignmentSchema,
      );
    },
    getAccessAssignment(relationshipId, assignmentId) {
      return call(
        { method: 'GET', path: `${itemPath(relationshipId)}/accessAssignments/${encodeURIComponent(assignmentId)}` },
        accessAssignmentSchema,
      );
    },
  };
}
