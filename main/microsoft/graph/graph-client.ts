// A small Microsoft Graph client for GDAP (delegatedAdminRelationships): create, get, list with $top /
// $skipToken paging, and the lockForApproval / terminate requests. Retries follow Partner Center's policy
// (Retry-After on 429, exponential backoff on 5xx and network trouble, one token refresh on 401).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/ipc-error';
import { PartnerCenterError } from '../partner-center/partner-center-error';
import { describeSchemaMismatch, parseJson } from '../../platform/http/response-body';
import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from '../../platform/http/retry-policy';
import { maxPageSize } from '../../../shared/domain/gdap-graph-limits';
import { GraphError, graphKindForStatus } from './graph-error';
import {
  delegatedAdminRelationshipSchema,
  graphErrorBodySchema,
  relationshipCollectionSchema,
  relationshipRequestSchema,
  skipTokenOf,
  type DelegatedAdminRelationship,
  type NewRelationship,
  type RelationshipRequest,
} from './graph-types';

export const defaultGraphUrl = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RelationshipPage {
  items: DelegatedAdminRelationship[];
  // Pass back to get the next page; null on the last one.
  skipToken: string | null;
}

export interface GraphClient {
  createRelationship(input: NewRelationship): Promise<DelegatedAdminRelationship>;
  getRelationship(id: string): Promise<DelegatedAdminRelationship>;
  listRelationships(options?: { top?: number; skipToken?: string; filter?: string }): Promise<RelationshipPage>;
  lockForApproval(id: string): Promise<RelationshipRequest>;
  terminate(id: string): Promise<RelationshipRequest>;
}

const relationshipsPath = '/tenantRelationships/delegatedAdminRelationships';

interface Spec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

interface Raw {
  status: number;
  body: unknown;
  requestId: string;
  retryAfterMs: number | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  async function attempt(spec: Spec, requestId: string): Promise<Raw> {
    let token: string;
    try {
      token = await options.getAccessToken();
    } catch (error) {
      // The sign-in / sandbox token provider already speaks to the user; keep its error.
      if (error instanceof PartnerCenterError || error instanceof AppError || error instanceof GraphError) throw error;
      throw new GraphError({
        kind: 'unauthorized',
        status: null,
        code: null,
        description: error instanceof Error ? error.message : null,
        requestId,
        cause: error,
      });
    }
    const url = new URL(baseUrl + spec.path);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, {
        method: spec.method,
        signal,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          // Graph's tracing header; the same value on every retry of one call.
          'client-request-id': requestId,
          ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: parseJson(text),
        requestId,
        retryAfterMs: parseRetryAfterMs(response.headers.get('Retry-After')),
      };
    } catch (error) {
      const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
      throw new GraphError({
        kind: timedOut ? 'timeout' : 'network',
        status: null,
        code: null,
        description: error instanceof Error ? error.message : null,
        requestId,
        cause: error,
      });
    }
  }

  async function send(spec: Spec): Promise<Raw> {
    const requestId = randomUUID();
    let retries = 0;
    let throttledBefore = false;
    let tokenRefreshed = false;
    for (;;) {
      let response: Raw;
      try {
        response = await attempt(spec, requestId);
      } catch (error) {
        // A POST that may have reached Graph is not resent blindly: create is not idempotent.
        const offline = error instanceof GraphError && (error.kind === 'network' || error.kind === 'timeout');
        if (offline && retries < maxRetries && (spec.method === 'GET' || error.kind === 'network')) {
          await sleep(backoffDelayMs(retries, random));
          retries += 1;
          continue;
        }
        throw error;
      }
      if (response.status >= 200 && response.status < 300) return response;
      if (response.status === 401 && !tokenRefreshed) {
        tokenRefreshed = true;
        continue;
      }
      if ((response.status === 429 || response.status >= 500) && retries < maxRetries) {
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

  async function call<Schema extends z.ZodType>(spec: Spec, schema: Schema): Promise<z.infer<Schema>> {
    const response = await send(spec);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      throw new GraphError({
        kind: 'invalid-response',
        status: response.status,
        code: null,
        description: describeSchemaMismatch(parsed.error),
        requestId: response.requestId,
      });
    }
    return parsed.data;
  }

  const itemPath = (id: string) => `${relationshipsPath}/${encodeURIComponent(id)}`;

  return {
    createRelationship(input) {
      return call(
        {
          method: 'POST',
          path: relationshipsPath,
          body: {
            displayName: input.displayName,
            duration: input.duration,
            ...(input.customer ? { customer: input.customer } : {}),
            accessDetails: { unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
            ...(input.autoExtendDuration ? { autoExtendDuration: input.autoExtendDuration } : {}),
          },
        },
        delegatedAdminRelationshipSchema,
      );
    },
    getRelationship(id) {
      return call({ method: 'GET', path: itemPath(id) }, delegatedAdminRelationshipSchema);
    },
    async listRelationships(listOptions = {}) {
      const query: Record<string, string> = {};
      if (listOptions.top !== undefined) query.$top = String(Math.min(maxPageSize, Math.max(1, listOptions.top)));
      if (listOptions.skipToken) query.$skipToken = listOptions.skipToken;
      if (listOptions.filter) query.$filter = listOptions.filter;
      const page = await call({ method: 'GET', path: relationshipsPath, query }, relationshipCollectionSchema);
      return { items: page.value, skipToken: skipTokenOf(page['@odata.nextLink']) };
    },
    lockForApproval(id) {
      return call(
        { method: 'POST', path: `${itemPath(id)}/requests`, body: { action: 'lockForApproval' } },
        relationshipRequestSchema,
      );
    },
    terminate(id) {
      return call(
        { method: 'POST', path: `${itemPath(id)}/requests`, body: { action: 'terminate' } },
        relationshipRequestSchema,
      );
    },
  };
}

function errorFromResponse(response: Raw): GraphError {
  const body = graphErrorBodySchema.safeParse(response.body);
  const code = body.success ? (body.data.error.code ?? null) : null;
  const description = body.success
    ? (body.data.error.message ?? null)
    : typeof response.body === 'string' && response.body.length <= 200
      ? response.body
      : null;
  return new GraphError({
    kind: graphKindForStatus(response.status),
    status: response.status,
    code,
    description,
    requestId: response.requestId,
  });
}
