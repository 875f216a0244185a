// What the account manager keeps about a customer beside its service details: who owns it, when to follow
// up, and free notes. Editable until the customer is checked out or archived.
import { z } from 'zod';

export const followUpDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date such as 2026-03-31.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Enter a real calendar date.');

export const ownerSchema = z
  .string()
  .trim()
  .min(1, 'Enter the owner (an account manager).')
  .max(100, 'An owner has at most 100 characters.');

export const customerTrackingSchema = z.object({
  owner: ownerSchema,
  nextFollowUp: followUpDateSchema.nullable(),
  notes: z.string().max(10_000, 'Notes have at most 10,000 characters.'),
});
export type CustomerTracking = z.output<typeof customerTrackingSchema>;

// A bulk change: only the fields given change.
export const trackingChangeSchema = z
  .object({
    owner: ownerSchema.optional(),
    nextFollowUp: followUpDateSchema.nullable().optional(),
  })
  .strict()
  .refine((change) => change.owner !== undefined || change.nextFollowUp !== undefined, 'Nothing to change.');
export type TrackingChange = z.output<typeof trackingChangeSchema>;
