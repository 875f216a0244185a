// Zod schemas for what Partner Center sends back, so a surprising answer becomes a clear error instead of
// a crash deeper in the app. Objects are loose: Partner Center adds fields (attributes, links) freely.
import { z } from 'zod';

export const errorBodySchema = z.looseObject({
  // Seen as a number; accepted as a numeric string too, since the doc marks shapes as observed, not promised.
  code: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  description: z.string().nullish(),
  data: z.array(z.unknown()).nullish(),
  source: z.string().nullish(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const relationshipRequestSchema = z.looseObject({
  url: z.string().min(1),
  attributes: z.looseObject({ objectType: z.string().optional() }).optional(),
});
export type RelationshipRequest = z.infer<typeof relationshipRequestSchema>;

export const companyProfileSchema = z.looseObject({
  tenantId: z.string(),
  domain: z.string(),
  companyName: z.string(),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const customerSchema = z.looseObject({
  id: z.string().min(1),
  companyProfile: companyProfileSchema,
  // A string, not an enum: Partner Center may add values (none, reseller, advisor, syndication, ...).
  relationshipToPartner: z.string(),
  // Only get-by-id returns it; the list leaves it out.
  allowDelegatedAccess: z.boolean().optional(),
  associatedPartnerId: z.string().nullish(),
  customDomains: z.array(z.string()).nullish(),
});
export type PartnerCenterCustomer = z.infer<typeof customerSchema>;

export const continuationHeaderName = 'MS-ContinuationToken';

const linkSchema = z.looseObject({
  uri: z.string(),
  method: z.string().optional(),
  headers: z.array(z.looseObject({ key: z.string(), value: z.string() })).optional(),
});
export type CollectionLink = z.infer<typeof linkSchema>;

export function collectionSchema<Item extends z.ZodType>(item: Item) {
  return z.looseObject({
    totalCount: z.number().optional(),
    items: z.array(item),
    continuationToken: z.string().nullish(),
    links: z.looseObject({ self: linkSchema.optional(), next: linkSchema.optional() }).nullish(),
  });
}
export type Collection<Item> = {
  totalCount?: number;
  items: Item[];
  continuationToken?: string | null;
  links?: { self?: CollectionLink; next?: CollectionLink } | null;
};

export const partnerRelationshipSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  // Serialised in snake case (is_indirect_cloud_solution_provider_of) though documented in Pascal case.
  relationshipType: z.string(),
  mpnId: z.string(),
  state: z.string().nullish(),
  location: z.string().nullish(),
});
export type PartnerRelationship = z.infer<typeof partnerRelationshipSchema>;

export const mpnProfileSchema = z.looseObject({
  mpnId: z.string(),
  partnerName: z.string(),
  profileType: z.string(),
});
export type MpnProfile = z.infer<typeof mpnProfileSchema>;

export const customerCollectionSchema = collectionSchema(customerSchema);
export const partnerRelationshipCollectionSchema = collectionSchema(partnerRelationshipSchema);

// The continuation token of a page: the body's own field, or the header its links.next asks us to send.
export function nextContinuationToken(page: Collection<unknown>): string | null {
  if (page.continuationToken) return page.continuationToken;
  const header = page.links?.next?.headers?.find(
    (entry) => entry.key.toLowerCase() === continuationHeaderName.toLowerCase(),
  );
  return header?.value ?? null;
}
