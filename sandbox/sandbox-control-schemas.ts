// The /sandbox control protocol in zod: what each control route accepts (the routes parse with these) and
// what it answers (the control client parses with these), so both sides of the wire share one description.
import { z } from 'zod';
import { partnerRoles } from '../shared/domain/partner-profile';

export const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().startsWith('/'),
  times: z.number().int().positive().default(1),
  status: z.number().int().min(100).max(599).optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
  body: z.unknown().optional(),
  delayMs: z.number().int().nonnegative().max(60_000).optional(),
  dropConnection: z.boolean().optional(),
  probability: z.number().min(0).max(1).optional(),
  // Ahead of the faults already waiting, rather than after them.
  first: z.boolean().optional(),
  // Held until POST /sandbox/holds/release names it.
  hold: z.string().min(1).max(100).optional(),
});

export const releaseHoldSchema = z.object({ name: z.string().min(1).max(100) });
export type FaultInput = z.input<typeof faultSchema>;

export const userSignInSchema = z.object({
  mfa: z.boolean().optional(),
  refreshTokensExpired: z.boolean().optional(),
  // Revoke every access token issued so far, as a password reset or a Conditional Access change does; refresh
  // tokens stay valid, so a client that asks for a new token gets one silently.
  revokeAccessTokens: z.boolean().optional(),
  user: z.object({ name: z.string().min(1), username: z.string().min(3) }).optional(),
});
export type UserSignInInput = z.input<typeof userSignInSchema>;

export const rateLimitSchema = z.object({ perMinute: z.number().positive().max(1_000_000).nullable() });

// Who the simulator plays; without an MPN ID the current one stays.
export const partnerInputSchema = z.object({
  tenantId: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(partnerRoles),
  mpnId: z.string().min(1).optional(),
});
export type PartnerInput = z.input<typeof partnerInputSchema>;

// null: the token endpoint accepts any client secret.
export const clientSecretSchema = z.object({ secret: z.string().min(1).nullable() });

export const partnerSchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  role: z.enum(partnerRoles),
  mpnId: z.string(),
});

export const resellerSchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  mpnId: z.string(),
  state: z.string(),
  location: z.string(),
});

export const tenantSchema = z.object({
  id: z.string().min(1),
  companyName: z.string().min(1),
  onMicrosoftDomain: z.string().min(1),
  defaultDomain: z.string().min(1),
  customDomains: z.array(z.string()),
  relationshipToPartner: z.enum(['none', 'reseller', 'advisor']),
  allowDelegatedAccess: z.boolean(),
  associatedResellerIds: z.array(z.string()),
});
export const tenantsSchema = z.array(tenantSchema).max(10_000);

// What a test may change about an existing tenant: how it relates to the partner, and its domains.
export const tenantChangesSchema = tenantSchema.omit({ id: true }).partial();
export type TenantChanges = z.input<typeof tenantChangesSchema>;

export const recordedRequestSchema = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
});

// The request log: the most recent requests, and how many there were since the last reset.
export const requestLogSchema = z.object({ requestCount: z.number(), requests: z.array(recordedRequestSchema) });
export type RequestLog = z.infer<typeof requestLogSchema>;

export const snapshotSchema = z.object({
  partner: partnerSchema,
  resellers: z.array(resellerSchema),
  mpnPartners: z.array(z.object({ mpnId: z.string(), name: z.string() })),
  tenants: z.array(tenantSchema),
  issuedTokens: z.number(),
  faults: z.array(z.looseObject({ path: z.string(), times: z.number() })),
  scenarios: z.array(z.looseObject({ domain: z.string() })),
  rateLimit: z
    .object({
      perMinute: z.number(),
      tokens: z.number(),
      refilledAt: z.number(),
      throttled: z.number(),
      peakPerMinute: z.number(),
    })
    .nullable(),
  requests: z.array(recordedRequestSchema),
  requestCount: z.number(),
});
export type SimulatorSnapshot = z.infer<typeof snapshotSchema>;

export const userSignInAnswerSchema = z.object({
  mfa: z.boolean(),
  refreshTokensExpired: z.boolean(),
  user: z.looseObject({ name: z.string(), username: z.string() }),
});

export const gdapRelationshipAnswerSchema = z.looseObject({ id: z.string(), status: z.string() });

// Every refusal of a control route: {error}.
export const refusalSchema = z.looseObject({ error: z.string() });
