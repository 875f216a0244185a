// GDAP access assignments: an active relationship gives the partner nothing until one of its security groups
// gets roles in it. Once the customer approved, the template's security group is given the relationship's roles
// (Graph accessAssignments), and the assignment is followed until Microsoft reports it active. Graph's refusal
// (the group was deleted, a role the relationship lacks) is kept on the relationship in words and tried again
// on the next check; the timeline says when the group got its roles.
import type { GdapAccessAssignment } from '../../../shared/domain/gdap';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import type { GraphClient } from '../../microsoft/graph/graph-client';
import { GraphError } from '../../microsoft/graph/graph-error';
import type { ServiceContext } from '../../platform/service-context';
import { recordChange } from '../customers/customer-records';
import * as repository from './gdap-repository';

const activeStatuses = new Set(['active', 'expiring']);

// Returns the customer as it stands when the timeline got a line, else null.
export async function followAccessAssignments(
  context: ServiceContext,
  graph: GraphClient,
  customerId: string,
): Promise<CustomerDetail | null> {
  const relationship = repository.getRelationship(context.db, customerId);
  if (!relationship || relationship.securityGroup === null || !activeStatuses.has(relationship.graphStatus)) {
    return null;
  }
  const group = relationship.securityGroup;
  const current = relationship.accessAssignments.find((assignment) => assignment.groupId === group.id) ?? null;
  let next: GdapAccessAssignment;
  if (current?.id) {
    if (current.status === 'active') return null;
    const read = await graph.getAccessAssignment(relationship.relationshipId, current.id);
    next = { ...current, status: read.status, message: null };
  } else {
    try {
      const created = await graph.createAccessAssignment(relationship.relationshipId, {
        groupId: group.id,
        roleDefinitionIds: relationship.roleDefinitionIds,
      });
      next = { id: created.id, groupId: group.id, groupName: group.displayName, status: created.status, message: null };
    } catch (error) {
      // Unreachable stays the caller's business (offline); a refusal is kept, in words, and tried again later.
      if (!(error instanceof GraphError) || error.kind === 'network' || error.kind === 'timeout') throw error;
      next = {
        id: null,
        groupId: group.id,
        groupName: group.displayName,
        status: 'error',
        message: `Microsoft Graph did not give ${group.displayName} the roles: ${error.message}`,
      };
    }
  }
  repository.saveRelationship(context.db, {
    ...relationship,
    accessAssignments: [
      ...relationship.accessAssignments.filter((assignment) => assignment.groupId !== group.id),
      next,
    ],
  });
  if (next.status === 'active' || (next.status === 'error' && current?.status !== 'error')) {
    return recordChange(context, null, customerId, {
      type: 'gdap-access-changed',
      summary:
        next.status === 'active'
          ? `GDAP access active: ${group.displayName} has the roles of ${relationship.templateName}`
          : (next.message ?? 'GDAP access could not be set up'),
      data: { relationshipId: relationship.relationshipId, groupId: group.id, status: next.status },
    });
  }
  return null;
}
