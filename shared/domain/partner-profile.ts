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
});
export type PartnerProfile = z.infer<typeof partnerProfileSchema>;
