// The partner's own profile: who AuthDesk acts for. Mirrors a CSP storefront's partner settings.
import { z } from 'zod';

export const partnerRoles = ['direct', 'indirect-provider'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export const partnerRoleLabels: Record<PartnerRole, string> = {
  direct: 'Direct-bill partner',
  'indirect-provider': 'Indirect provider (distributor acting for indirect resellers)',
};

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenantIdSchema = z
  .string()
  .trim()
  .regex(guidPattern, 'A tenant ID is a GUID such as 3b33e682-00c3-41ee-9dd2-a548adf56438.');

export const partnerProfileSchema = z.object({
  role: z.enum(partnerRoles),
  organizationName: z
    .string()
    .trim()
    .min(1, 'Enter your organisation name: customers see it in the instructions.')
    .max(200, 'Keep the organisation name under 200 characters.'),
  partnerTenantId: tenantIdSchema,
  // The storefront's "Sub customers billing address" switch: an indirect customer gets no link without one.
  requireBillingAddress: z.boolean(),
  // Who signs what customers receive: the account manager, for their organisation. A distributor writes in
  // its own name, never in the reseller's. Optional: older profiles have neither.
  senderName: z.string().trim().max(200, 'Keep your name under 200 characters.').optional(),
  signature: z.string().trim().max(1000, 'Keep the signature under 1,000 characters.').optional(),
});
export type PartnerProfile = z.infer<typeof partnerProfileSchema>;

// The lines that sign a message: the user's own signature, else their name and organisation.
export function senderSignature(profile: PartnerProfile): string {
  if (profile.signature) return profile.signature;
  return [profile.senderName, profile.organizationName].filter((line) => line && line.length > 0).join('\n');
}
