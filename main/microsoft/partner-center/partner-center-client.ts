// The Partner Center REST client: the calls AuthDesk needs, with the headers and per-call rules Partner
// Center expects, over the Microsoft HTTP core (retries, timeouts, validation); every failure is a
// PartnerCenterError.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { partnerCenterErrorOf } from './partner-center-error';
import {
  continuationHeaderName,
  customerCollectionSchema,
  customerSchema,
  mpnProfileSchema,
  nextContinuationToken,
  partnerRelationshipCollectionSchema,
  relationshipRequestSchema,
  type MpnProfile,
  type PartnerCenterCustomer,
  type PartnerRelationship,
} from './partner-center-types';
import {
  createMicrosoftHttpCore,
  type MicrosoftHttpRequest,
  type MicrosoftHttpTuning,
} from '../../platform/http/microsoft-http-core';

export interface PartnerCenterClientOptions extends MicrosoftHttpTuning {
  applicationName?: string;
  locale?: string;
}

// A listing that stopped at its page budget is not complete: what it did not reach is unknown, not absent.
export interface CustomerListing {
  customers: PartnerCenterCustomer[];
  complete: boolean;
  pages: number;
}

export interface PartnerCenterClient {
  getRelationshipRequestUrl(params: { indirectResellerId?: string }): Promise<string>;
  findCustomersByDomain(domain: string): Promise<PartnerCenterCustomer[]>;
  // Every customer of the partner, page by page, at most maxPages of them.
  listCustomers(maxPages: number): Promise<CustomerListing>;
  // The customers an indirect reseller (by tenant id) is associated with, at most maxPages pages.
  listResellerCustomers(resellerTenantId: string, maxPages: number): Promise<CustomerListing>;
  getCustomer(tenantId: string): Promise<PartnerCenterCustomer>;
  getCustomerRelationships(tenantId: string): Promise<PartnerRelationship[]>;
  listIndirectResellers(): Promise<PartnerRelationship[]>;
  getMpnProfile(mpnId: string): Promise<MpnProfile | null>;
  domainExists(domain: string): Promise<boolean>;
}

export const customerPageSize = 100;
// A guard against a server that keeps handing out continuation tokens: 1,000 pages of 100 is far beyond
// any partner's customer list.
const maxPages = 1000;

// A GET or HEAD; each call (each continuation page too) gets a fresh MS-CorrelationId, as Microsoft asks.
interface PartnerCenterRequest extends Omit<MicrosoftHttpRequest, 'method'> {
  method: 'GET' | 'HEAD';
}

const foundOrNotFound = (status: number) => (status >= 200 && status < 300) || status === 404;

export function createPartnerCenterClient(options: PartnerCenterClientOptions): PartnerCenterClient {
  const http = createMicrosoftHttpCore({
    ...options,
    // Partner Center recognises a retry by its MS-RequestId.
    requestIdHeader: 'MS-RequestId',
    headers: {
      // Marked required in Microsoft's headers reference.
      'MS-Contract-Version': 'v1',
      'MS-PartnerCenter-Application': options.applicationName ?? 'AuthDesk',
      'X-Locale': options.locale ?? 'en-US',
    },
    errorOf: partnerCenterErrorOf,
  });

  function send(request: PartnerCenterRequest) {
    return http.send({ ...request, headers: { 'MS-CorrelationId': randomUUID(), ...request.headers } });
  }

  async function getJson<Schema extends z.ZodType>(
    request: PartnerCenterRequest,
    schema: Schema,
  ): Promise<z.infer<Schema>> {
    return http.parse(await send(request), schema);
  }

  // GET /v1/customers (filtered or not) and its continuation pages, up to pageBudget pages.
  async function pageCustomers(
    filter: { Field: string; Value: string; Operator: 'starts_with' } | null,
    pageBudget: number,
  ): Promise<CustomerListing> {
    const query: Record<string, string> = { size: String(customerPageSize) };
    if (filter) query.filter = JSON.stringify(filter);
    const customers: PartnerCenterCustomer[] = [];
    let page = await getJson({ method: 'GET', path: '/v1/customers', query }, customerCollectionSchema);
    customers.push(...page.items);
    const seenTokens = new Set<string>();
    for (let pages = 1; ; pages += 1) {
      const token = nextContinuationToken(page);
      // An empty page or a token seen before means the end (or a server going round in circles).
      if (token === null || page.items.length === 0 || seenTokens.has(token)) {
        return { customers, complete: true, pages };
      }
      if (pages >= pageBudget) return { customers, complete: false, pages };
      seenTokens.add(token);
      page = await getJson(
        {
          method: 'GET',
          path: '/v1/customers',
          query: { ...query, seekOperation: 'Next' },
          headers: { [continuationHeaderName]: token },
        },
        customerCollectionSchema,
      );
      customers.push(...page.items);
    }
  }

  return {
    async getRelationshipRequestUrl(params) {
      const query: Record<string, string> = {};
      if (params.indirectResellerId) query.indirectResellerId = params.indirectResellerId;
      const body = await getJson(
        { method: 'GET', path: '/v1/customers/relationshiprequests', query },
        relationshipRequestSchema,
      );
      return body.url;
    },

    async findCustomersByDomain(domain) {
      const listing = await pageCustomers({ Field: 'Domain', Value: domain, Operator: 'starts_with' }, maxPages);
      return listing.customers;
    },

    listCustomers: (pageBudget) => pageCustomers(null, Math.min(pageBudget, maxPages)),

    listResellerCustomers: (resellerTenantId, pageBudget) =>
      pageCustomers(
        { Field: 'IndirectReseller', Value: resellerTenantId, Operator: 'starts_with' },
        Math.min(pageBudget, maxPages),
      ),

    async getCustomer(tenantId) {
      return getJson({ method: 'GET', path: `/v1/customers/${encodeURIComponent(tenantId)}` }, customerSchema);
    },

    async getCustomerRelationships(tenantId) {
      const body = await getJson(
        {
          method: 'GET',
          path: `/v1/customers/${encodeURIComponent(tenantId)}/relationships`,
        },
        partnerRelationshipCollectionSchema,
      );
      return body.items;
    },

    async listIndirectResellers() {
      const body = await getJson(
        {
          method: 'GET',
          path: '/v1/relationships',
          query: { relationship_type: 'IsIndirectCloudSolutionProviderOf' },
        },
        partnerRelationshipCollectionSchema,
      );
      return body.items;
    },

    async getMpnProfile(mpnId) {
      const response = await send({
        method: 'GET',
        path: '/v1/profiles/mpn',
        query: { mpnId },
        accept: foundOrNotFound,
      });
      if (response.status === 404) {
        const error = http.refusal(response);
        // Only Partner Center's "partner not found" means the MPN ID is unknown; a bare 404 is a wrong URL.
        if (error.code === 3000) return null;
        throw error;
      }
      return http.parse(response, mpnProfileSchema);
    },

    async domainExists(domain) {
      const response = await send({
        method: 'HEAD',
        path: `/v1/domains/${encodeURIComponent(domain)}`,
        accept: foundOrNotFound,
      });
      return response.status !== 404;
    },
  };
}
