// The Partner Center REST client: the calls AuthDesk needs, with the headers, retries, timeouts and
// response validation Partner Center expects, and every failure turned into a PartnerCenterError.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/ipc-error';
import { PartnerCenterError, kindForStatus } from './partner-center-error';
import {
  continuationHeaderName,
  customerCollectionSchema,
  customerSchema,
  errorBodySchema,
  mpnProfileSchema,
  nextContinuationToken,
  partnerRelationshipCollectionSchema,
  relationshipRequestSchema,
  type MpnProfile,
  type PartnerCenterCustomer,
  type PartnerRelationship,
} from './partner-center-types';
import type { RateLimiter } from '../../platform/http/rate-limiter';
import { describeSchemaMismatch, parseJson } from '../../platform/http/response-body';
import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from '../../platform/http/retry-policy';

export interface PartnerCenterClientOptions {
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  applicationName?: string;
  locale?: string;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  // Paces every attempt (retries included) under the tenant's request limit; none means unpaced.
  rateLimiter?: RateLimiter;
}

export interface PartnerCenterClient {
  getRelationshipRequestUrl(params: { indirectResellerId?: string }): Promise<string>;
  findCustomersByDomain(domain: string): Promise<PartnerCenterCustomer[]>;
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

interface RequestSpec {
  method: 'GET' | 'HEAD';
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  correlationId: string;
}

interface RawResponse {
  status: number;
  body: unknown;
  requestId: string;
  retryAfterMs: number | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPartnerCenterClient(options: PartnerCenterClientOptions): PartnerCenterClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const applicationName = options.applicationName ?? 'AuthDesk';
  const locale = options.locale ?? 'en-US';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  function urlFor(spec: RequestSpec): string {
    const url = new URL(baseUrl + spec.path);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    return url.toString();
  }

  // One attempt: the response with its body read, or a PartnerCenterError for network trouble and timeouts.
  async function attempt(spec: RequestSpec, requestId: string): Promise<RawResponse> {
    let token: string;
    try {
      token = await options.getAccessToken();
    } catch (error) {
      // The token provider already speaks to the user (sign-in needed, AADSTS700082, offline); keep its error.
      if (error instanceof PartnerCenterError || error instanceof AppError) throw error;
      throw new PartnerCenterError({
        kind: 'unauthorized',
        status: null,
        code: null,
        description: error instanceof Error ? error.message : null,
        requestId,
        cause: error,
      });
    }
    await options.rateLimiter?.acquire();
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(urlFor(spec), {
        method: spec.method,
        signal,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'MS-RequestId': requestId,
          'MS-CorrelationId': spec.correlationId,
          'MS-PartnerCenter-Application': applicationName,
          'X-Locale': locale,
          ...spec.headers,
        },
      });
      const text = spec.method === 'HEAD' ? '' : await response.text();
      const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'));
      return { status: response.status, body: parseJson(text), requestId, retryAfterMs };
    } catch (error) {
      if (error instanceof PartnerCenterError) throw error;
      const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
      throw new PartnerCenterError({
        kind: timedOut ? 'timeout' : 'network',
        status: null,
        code: null,
        description: error instanceof Error ? error.message : null,
        requestId,
        cause: error,
      });
    }
  }

  // One logical request: retried on throttling, server errors and network trouble with the SAME
  // MS-RequestId (Partner Center uses it to recognise a retry), and once on 401 with a fresh token.
  async function send(spec: RequestSpec, acceptStatus: (status: number) => boolean = isSuccess): Promise<RawResponse> {
    const requestId = randomUUID();
    let retries = 0;
    let throttledBefore = false;
    let tokenRefreshed = false;
    for (;;) {
      let response: RawResponse;
      try {
        response = await attempt(spec, requestId);
      } catch (error) {
        if (
          error instanceof PartnerCenterError &&
          (error.kind === 'network' || error.kind === 'timeout') &&
          retries < maxRetries
        ) {
          await sleep(backoffDelayMs(retries, random));
          retries += 1;
          continue;
        }
        throw error;
      }
      if (acceptStatus(response.status)) return response;
      if (response.status === 401 && !tokenRefreshed) {
        // The token may have expired between being handed out and arriving; getAccessToken refreshes it.
        tokenRefreshed = true;
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && retries < maxRetries) {
        const retryAfterMs = response.status === 429 ? response.retryAfterMs : null;
        const delay = retryDelayMs({ retry: retries, retryAfterMs, throttledBefore, random });
        if (response.status === 429) throttledBefore = true;
        await sleep(delay);
        retries += 1;
        continue;
      }
      throw errorFromResponse(response);
    }
  }

  async function getJson<Schema extends z.ZodType>(spec: RequestSpec, schema: Schema): Promise<z.infer<Schema>> {
    const response = await send(spec);
    return validate(response, schema);
  }

  return {
    async getRelationshipRequestUrl(params) {
      const query: Record<string, string> = {};
      if (params.indirectResellerId) query.indirectResellerId = params.indirectResellerId;
      const body = await getJson(
        { method: 'GET', path: '/v1/customers/relationshiprequests', query, correlationId: randomUUID() },
        relationshipRequestSchema,
      );
      return body.url;
    },

    async findCustomersByDomain(domain) {
      const correlationId = randomUUID();
      const query = {
        size: String(customerPageSize),
        filter: JSON.stringify({ Field: 'Domain', Value: domain, Operator: 'starts_with' }),
      };
      const customers: PartnerCenterCustomer[] = [];
      let page = await getJson(
        { method: 'GET', path: '/v1/customers', query, correlationId },
        customerCollectionSchema,
      );
      customers.push(...page.items);
      const seenTokens = new Set<string>();
      for (let pages = 1; pages < maxPages; pages += 1) {
        const token = nextContinuationToken(page);
        // An empty page or a token seen before means the end (or a server going round in circles).
        if (token === null || page.items.length === 0 || seenTokens.has(token)) break;
        seenTokens.add(token);
        page = await getJson(
          {
            method: 'GET',
            path: '/v1/customers',
            query: { ...query, seekOperation: 'Next' },
            headers: { [continuationHeaderName]: token },
            correlationId,
          },
          customerCollectionSchema,
        );
        customers.push(...page.items);
      }
      return customers;
    },

    async getCustomer(tenantId) {
      return getJson(
        { method: 'GET', path: `/v1/customers/${encodeURIComponent(tenantId)}`, correlationId: randomUUID() },
        customerSchema,
      );
    },

    async getCustomerRelationships(tenantId) {
      const body = await getJson(
        {
          method: 'GET',
          path: `/v1/customers/${encodeURIComponent(tenantId)}/relationships`,
          correlationId: randomUUID(),
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
          correlationId: randomUUID(),
        },
        partnerRelationshipCollectionSchema,
      );
      return body.items;
    },

    async getMpnProfile(mpnId) {
      const response = await send(
        { method: 'GET', path: '/v1/profiles/mpn', query: { mpnId }, correlationId: randomUUID() },
        (status) => isSuccess(status) || status === 404,
      );
      if (response.status === 404) {
        const error = errorFromResponse(response);
        // Only Partner Center's "partner not found" means the MPN ID is unknown; a bare 404 is a wrong URL.
        if (error.code === 3000) return null;
        throw error;
      }
      return validate(response, mpnProfileSchema);
    },

    async domainExists(domain) {
      const response = await send(
        { method: 'HEAD', path: `/v1/domains/${encodeURIComponent(domain)}`, correlationId: randomUUID() },
        (status) => isSuccess(status) || status === 404,
      );
      return response.status !== 404;
    },
  };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function validate<Schema extends z.ZodType>(response: RawResponse, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new PartnerCenterError({
      kind: 'invalid-response',
      status: response.status,
      code: null,
      description: describeSchemaMismatch(parsed.error),
      requestId: response.requestId,
    });
  }
  return parsed.data;
}

export function errorFromResponse(response: RawResponse): PartnerCenterError {
  const body = errorBodySchema.safeParse(response.body);
  const code = body.success ? body.data.code : null;
  const description = body.success ? (body.data.description ?? null) : describeOtherBody(response.body);
  // Code 3000 ("relationship/partner not found" in the doc) means not found whatever the status.
  const kind = code === 3000 ? 'not-found' : kindForStatus(response.status);
  return new PartnerCenterError({ kind, status: response.status, code, description, requestId: response.requestId });
}

// Throttling answers {statusCode, message}; others may answer {error:{message}} or plain text.
function describeOtherBody(body: unknown): string | null {
  if (typeof body === 'string') return body.length > 200 ? null : body;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return null;
}
