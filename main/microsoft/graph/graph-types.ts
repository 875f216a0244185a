// Microsoft Graph's delegatedAdminRelationship (GDAP) as AuthDesk reads and writes it, validated with zod.
import { z } from 'zod';

// Unknown statuses Microsoft may add later are kept as text rather than failing the whole answer.
const statusSchema = z.string();

export const delegatedAdminRelationshipSchema = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  duration: z.string(),
  status: statusSchema,
  autoExtendDuration: z.string().optional(),
  createdDateTime: z.string().nullable().optional(),
  lastModifiedDateTime: z.string().nullable().optional(),
  activatedDateTime: z.string().nullable().optional(),
  endDateTime: z.string().nullable().optional(),
  '@odata.etag': z.string().optional(),
  customer: z
    .object({ tenantId: z.string().nullable().optional(), displayName: z.string().nullable().optional() })
    .nullable()
    .optional(),
  accessDetails: z.object({ unifiedRoles: z.array(z.object({ roleDefinitionId: z.string() })) }),
});
export type DelegatedAdminRelationship = z.infer<typeof delegatedAdminRelationshipSchema>;

export const relationshipCollectionSchema = z.object({
  value: z.array(delegatedAdminRelationshipSchema),
  '@odata.nextLink': z.string().optional(),
});

export const relationshipRequestSchema = z.object({
  id: z.string(),
  action: z.string(),
  status: z.string(),
  createdDateTime: z.string().optional(),
});
export type RelationshipRequest = z.infer<typeof relationshipRequestSchema>;

// A security group's roles in a relationship; status pending, active, deleting, deleted or error.
export const accessAssignmentSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  accessContainer: z.object({ accessContainerId: z.string() }).optional(),
});
export type AccessAssignment = z.infer<typeof accessAssignmentSchema>;

export const groupCollectionSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), displayName: z.string().nullable() })),
  '@odata.nextLink': z.string().optional(),
});

// Graph's error body: {"error": {"code": "...", "message": "..."}}.
export const graphErrorBodySchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

export interface NewRelationship {
  displayName: string;
  duration: string;
  roleDefinitionIds: string[];
  customer?: { tenantId: string; displayName?: string };
  autoExtendDuration?: 'P0D' | 'PT0S' | 'P180D';
}

export function invitationLink(relationshipId: string): string {
  return `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(relationshipId)}`;
}

// The $skipToken in an @odata.nextLink, or null at the end.
export function skipTokenOf(nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  try {
    return new URL(nextLink).searchParams.get('$skipToken');
  } catch {
    return null;
  }
}
