// Microsoft Graph's facts about GDAP relationships (delegatedAdminRelationship) that both AuthDesk's Graph
// client and the sandbox's Graph simulator must agree on: the statuses and the limits Graph enforces.

export const gdapStatuses = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const;
export type GdapStatus = (typeof gdapStatuses)[number];

export const maxDisplayNameLength = 50;
// Graph's $top maximum for delegatedAdminRelationships.
export const maxPageSize = 300;
