// The append-only history: every step taken for a customer, when and by whom.
import { z } from 'zod';

export const customerEventTypes = [
  'created',
  'updated',
  'link-generated',
  'link-failed',
  'link-copied',
  'instructions-copied',
  'mail-client-opened',
  'verification-passed',
  'verification-partial',
  'verification-failed',
  'checked-out',
  'archived',
  'sandbox-accepted',
  // Email hand-off and follow-ups (main/features/email/).
  'email-sent',
  'email-failed',
  'reminder-snoozed',
  'email-preferences-changed',
  // Offline-first: a link or verification recorded to run once Partner Center is reachable.
  'link-queued',
  'verification-queued',
  // GDAP: a relationship requested, its invitation link copied, its status changed.
  'gdap-requested',
  'gdap-link-copied',
  'gdap-status-changed',
  // A security group got (or could not get) its roles in an active GDAP relationship.
  'gdap-access-changed',
  // Team workspace: a change of this desktop's replaced by another desktop's made without seeing it; the same
  // customer added on two desktops, merged into one.
  'team-conflict',
  'team-merged',
] as const;
export type CustomerEventType = (typeof customerEventTypes)[number];

export const customerEventSchema = z.object({
  id: z.number().int(),
  customerId: z.string(),
  type: z.enum(customerEventTypes),
  at: z.string(),
  actor: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CustomerEvent = z.infer<typeof customerEventSchema>;
