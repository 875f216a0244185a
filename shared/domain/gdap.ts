// GDAP (granular delegated admin privileges): role templates (named sets of Microsoft Entra roles with a
// duration and auto-extend) and a customer's relationship as AuthDesk tracks it.
import { z } from 'zod';

// Microsoft Entra built-in role definition IDs (learn.microsoft.com, "Microsoft Entra built-in roles").
export const entraRoles = [
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', name: 'License Administrator' },
  { id: '29232cdf-9323-42fd-ade2-1d097af3e4de', name: 'Exchange Administrator' },
  { id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', name: 'SharePoint Administrator' },
  { id: '69091246-20e8-4a56-aa4d-066075b2a7a8', name: 'Teams Administrator' },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
  { id: '5d6b6bb7-de71-4623-b4af-96380a352509', name: 'Security Reader' },
  { id: 'f023fd81-a637-4b56-95fd-791ac0226033', name: 'Service Support Administrator' },
] as const;

export function roleName(id: string): string {
  return entraRoles.find((role) => role.id === id)?.name ?? id;
}

export const gdapTemplateInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the template.').max(80, 'A template name has at most 80 characters.'),
  roleDefinitionIds: z
    .array(z.string().uuid('A role definition ID is a GUID.'))
    .min(1, 'Choose at least one role.')
    .max(72),
  // Whole days between 1 and 730 (two years, Microsoft's maximum).
  durationDays: z.number().int('Whole days only.').min(1, 'At least 1 day.').max(730, 'At most 730 days (two years).'),
  autoExtend: z.boolean(),
  // The partner's security group (read through Graph) that gets the template's roles in every relationship
  // made from it, once the customer approved; null: assigned by hand in Partner Center.
  securityGroup: z
    .object({ id: z.string().uuid('A security group ID is a GUID.'), displayName: z.string().min(1).max(256) })
    .nullable()
    .default(null),
});
export type GdapTemplateInput = z.infer<typeof gdapTemplateInputSchema>;

export const gdapSecurityGroupSchema = z.object({ id: z.string(), displayName: z.string() });
export type GdapSecurityGroup = z.infer<typeof gdapSecurityGroupSchema>;

// A security group's roles in one relationship (Graph's accessAssignment): pending until Microsoft has set
// them up, then active; error with Graph's reason in words when it could not be made.
export const gdapAccessAssignmentSchema = z.object({
  id: z.string().nullable(),
  groupId: z.string(),
  groupName: z.string(),
  status: z.string(),
  message: z.string().nullable(),
});
export type GdapAccessAssignment = z.infer<typeof gdapAccessAssignmentSchema>;

export const gdapTemplateSchema = gdapTemplateInputSchema.extend({
  id: z.number().int(),
  preset: z.boolean(),
  updatedAt: z.string(),
});
export type GdapTemplate = z.infer<typeof gdapTemplateSchema>;

export function isoDuration(days: number): string {
  return `P${days}D`;
}

// What AuthDesk shows; Graph's transitional statuses fold into the nearest one a user acts on.
export const gdapDisplayStatuses = [
  'created',
  'approvalPending',
  'active',
  'expiring',
  'expired',
  'terminated',
] as const;
export type GdapDisplayStatus = (typeof gdapDisplayStatuses)[number];

export function displayStatus(graphStatus: string): GdapDisplayStatus {
  switch (graphStatus) {
    case 'created':
      return 'created';
    case 'approvalPending':
    case 'approved':
    case 'activating':
      return 'approvalPending';
    case 'active':
      return 'active';
    case 'expiring':
      return 'expiring';
    case 'expired':
      return 'expired';
    default:
      // terminationRequested, terminating, terminated
      return 'terminated';
  }
}

export const gdapStatusLabels: Record<GdapDisplayStatus, string> = {
  created: 'Created',
  approvalPending: 'Awaiting customer approval',
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const gdapRelationshipSchema = z.object({
  customerId: z.string(),
  relationshipId: z.string(),
  displayName: z.string(),
  templateName: z.string(),
  roleDefinitionIds: z.array(z.string()),
  duration: z.string(),
  autoExtend: z.boolean(),
  graphStatus: z.string(),
  status: z.enum(gdapDisplayStatuses),
  invitationLink: z.string(),
  createdAt: z.string(),
  // A request the customer does not answer expires 90 days after it was created.
  requestExpiresAt: z.string(),
  activatedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  checkedAt: z.string(),
  // The template's security group at the time of the request, and its access assignment once made.
  securityGroup: gdapSecurityGroupSchema.nullable(),
  accessAssignments: z.array(gdapAccessAssignmentSchema),
});
export type GdapRelationship = z.infer<typeof gdapRelationshipSchema>;

// Warn this many days before the relationship ends.
export const gdapWarningDays = 30;

export function endsSoon(relationship: GdapRelationship, now: Date): boolean {
  if (relationship.endsAt === null) return false;
  if (relationship.status !== 'active' && relationship.status !== 'expiring') return false;
  const left = Date.parse(relationship.endsAt) - now.getTime();
  return left > 0 && left <= gdapWarningDays * 86_400_000;
}
