// Bulk verification planned per batch, not per customer. Checking one customer costs up to three Partner
// Center calls (a domain search, its relationships, the customer by id); a batch instead pages through the
// partner's customer list once (matching each customer by its exact default domain), lists each reseller's
// customers once (the IndirectReseller filter), and leaves only "customer by id" per customer, where delegated
// admin must be known. Each customer is then verified exactly as alone (verifyAuthorization, same checks and
// messages), through a client that answers from what the batch learnt and asks Partner Center for the rest.
//
// A listing costs pages whatever the batch's size, so each has a budget: a batch may spend at most about half a
// call per customer on it. A listing that ran out of budget is incomplete: a customer it did not reach is looked
// up one by one, never taken as absent.
import type { CustomerListing, PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import type { PartnerCenterCustomer, PartnerRelationship } from '../../microsoft/partner-center/partner-center-types';

export interface BatchCustomer {
  // The domain it is verified by (lower case), and for an indirect customer with a reseller, that reseller.
  domain: string;
  reseller: { tenantId: string; relationship: PartnerRelationship } | null;
}

export interface VerificationBatchPlan {
  clientFor(customer: BatchCustomer): PartnerCenterClient;
  // What planning cost and found, for the benchmark and the logs.
  summary: { listingPages: number; listingComplete: boolean; resellerListings: number };
}

// Below this many customers a batch is verified one by one: a listing would not pay for itself.
export const smallestPlannedBatch = 20;
// The share of a call per customer a listing may spend.
const pagesPerCustomer = 0.5;

const domainOf = (customer: PartnerCenterCustomer) => customer.companyProfile.domain.trim().toLowerCase();
const isReseller = (customer: PartnerCenterCustomer) => customer.relationshipToPartner.toLowerCase() === 'reseller';

export async function planVerificationBatch(
  client: PartnerCenterClient,
  customers: readonly BatchCustomer[],
): Promise<VerificationBatchPlan> {
  const summary = { listingPages: 0, listingComplete: false, resellerListings: 0 };
  const byDomain = new Map<string, PartnerCenterCustomer[]>();
  // Reseller tenant id (lower case) to the customer tenant ids it is associated with; complete listings only.
  const resellerCustomers = new Map<string, Set<string>>();
  const direct: VerificationBatchPlan = { clientFor: () => client, summary };
  if (customers.length < smallestPlannedBatch) return direct;

  let listing: CustomerListing;
  try {
    listing = await client.listCustomers(Math.max(1, Math.ceil(customers.length * pagesPerCustomer)));
  } catch {
    // Whatever went wrong, the one-by-one path meets it again and reports it per customer.
    return direct;
  }
  summary.listingPages = listing.pages;
  summary.listingComplete = listing.complete;
  for (const customer of listing.customers) {
    const domain = domainOf(customer);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), customer]);
  }

  // Each reseller's customers, listed once, when enough of the batch needs it (found, accepted us, or not
  // reached by an incomplete listing).
  const needingReseller = new Map<string, number>();
  for (const customer of customers) {
    if (customer.reseller === null) continue;
    const found = byDomain.get(customer.domain);
    if (found ? !found.some(isReseller) : listing.complete) continue;
    const key = customer.reseller.tenantId.toLowerCase();
    needingReseller.set(key, (needingReseller.get(key) ?? 0) + 1);
  }
  for (const [resellerTenantId, count] of needingReseller) {
    if (count < 2) continue;
    try {
      const associated = await client.listResellerCustomers(
        resellerTenantId,
        Math.max(1, Math.floor(count * pagesPerCustomer)),
      );
      summary.resellerListings += associated.pages;
      if (associated.complete) {
        resellerCustomers.set(
          resellerTenantId,
          new Set(associated.customers.map((customer) => customer.id.toLowerCase())),
        );
      }
    } catch {
      // Left to the per-customer relationships call.
    }
  }

  return {
    summary,
    clientFor(customer) {
      const resellerKey = customer.reseller?.tenantId.toLowerCase() ?? null;
      const associated = resellerKey === null ? undefined : resellerCustomers.get(resellerKey);
      return {
        getRelationshipRequestUrl: (params) => client.getRelationshipRequestUrl(params),
        getCustomer: (tenantId) => client.getCustomer(tenantId),
        listCustomers: (pages) => client.listCustomers(pages),
        listResellerCustomers: (tenantId, pages) => client.listResellerCustomers(tenantId, pages),
        listIndirectResellers: () => client.listIndirectResellers(),
        getMpnProfile: (mpnId) => client.getMpnProfile(mpnId),
        domainExists: (domain) => client.domainExists(domain),
        async findCustomersByDomain(domain) {
          const known = byDomain.get(domain.trim().toLowerCase());
          if (known) return known;
          if (listing.complete) return [];
          return client.findCustomersByDomain(domain);
        },
        async getCustomerRelationships(tenantId) {
          if (associated === undefined || customer.reseller === null) return client.getCustomerRelationships(tenantId);
          return associated.has(tenantId.toLowerCase()) ? [customer.reseller.relationship] : [];
        },
      };
    },
  };
}
