// A customer awaiting (or past) authorization, and the service-details form that creates one.
import { z } from 'zod';
import { domainPrefixSchema, emailSchema, mpnIdSchema, domainNameSchema, singleLineText } from './validation';
import { customerStatuses } from './customer-status';
import { verificationResultSchema } from './verification';
import { isCountryCode, resolveCountry } from './countries';

export const customerKinds = ['direct', 'indirect'] as const;
export type CustomerKind = (typeof customerKinds)[number];

export const billingAddressSchema = z.object({
  addressLine1: singleLineText('Enter the street address.', 200),
  city: singleLineText('Enter the city.', 100),
  postalCode: singleLineText('Enter the postal code.', 20),
  // A country's code or its name (in English): stored as the ISO code.
  country: z
    .string()
    .transform((text) => resolveCountry(text) ?? text.trim())
    .refine(isCountryCode, 'Choose the country from the list: its name or two-letter code, such as Austria or AT.'),
});

// What the user types in the "Service details" step. Cross-field rules (billing address required by the
// profile, the existing-tenant checkbox) live in validateServiceDetails so main and renderer share them.
export const serviceDetailsSchema = z.object({
  kind: z.enum(customerKinds),
  companyName: singleLineText('Enter the customer’s company name.', 200),
  contactName: singleLineText('Enter the contact’s name.', 200),
  contactEmail: emailSchema,
  domainPrefix: domainPrefixSchema,
  ownsExistingTenant: z.boolean(),
  // Blank is allowed (a yellow warning is shown instead); anything typed must be a valid MPN ID.
  resellerMpnId: z.union([z.literal(''), mpnIdSchema]),
  includeDelegatedAdmin: z.boolean(),
  billingAddress: billingAddressSchema.nullable(),
});
export type ServiceDetails = z.infer<typeof serviceDetailsSchema>;

export const customerSchema = z.object({
  id: z.string(),
  kind: z.enum(customerKinds),
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  domainPrefix: z.string(),
  // Set when the customer's default domain is not prefix.onmicrosoft.com (learnt at verification).
  defaultDomain: domainNameSchema.nullable(),
  resellerMpnId: z.string().nullable(),
  resellerName: z.string().nullable(),
  includeDelegatedAdmin: z.boolean(),
  billingAddress: billingAddressSchema.nullable(),
  status: z.enum(customerStatuses),
  authorizationLink: z.string().nullable(),
  lastVerification: verificationResultSchema.nullable(),
  orderReference: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;
