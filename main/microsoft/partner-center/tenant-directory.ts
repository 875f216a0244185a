// Domain to tenant through the public OpenID configuration of the sign-in authority
// (GET {login}/{domain}/v2.0/.well-known/openid-configuration): no sign-in needed. Verification uses it to
// tell "this domain is not a Microsoft 365 tenant" (a typo, a wrong domain) from "not accepted yet".
import { z } from 'zod';

export const defaultLoginUrl = 'https://login.microsoftonline.com';

export type TenantLookup = { exists: true; tenantId: string } | { exists: false } | { exists: null; reason: string };

export interface TenantDirectory {
  lookup(domain: string): Promise<TenantLookup>;
}

const configurationSchema = z.looseObject({ issuer: z.string(), token_endpoint: z.string() });
const errorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });
const tenantInIssuer = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

export interface TenantDirectoryOptions {
  loginUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createTenantDirectory(options: TenantDirectoryOptions): TenantDirectory {
  const loginUrl = options.loginUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async lookup(domain) {
      const url = `${loginUrl}/${encodeURIComponent(domain.trim().toLowerCase())}/v2.0/.well-known/openid-configuration`;
      let response: Response;
      let body: unknown;
      try {
        response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
        body = await response.json().catch(() => null);
      } catch (error) {
        // Unreachable sign-in service: we simply do not know; verification keeps its usual wording.
        return { exists: null, reason: error instanceof Error ? error.message : String(error) };
      }
      if (response.ok) {
        const configuration = configurationSchema.safeParse(body);
        const tenantId = configuration.success
          ? (tenantInIssuer.exec(configuration.data.issuer)?.[1] ??
            tenantInIssuer.exec(configuration.data.token_endpoint)?.[1])
          : undefined;
        return tenantId ? { exists: true, tenantId: tenantId.toLowerCase() } : { exists: null, reason: 'no tenant id' };
      }
      // AADSTS90002 (tenant not found) comes as 400 invalid_tenant; anything else is not an answer.
      const error = errorSchema.safeParse(body);
      if (
        response.status === 400 &&
        error.success &&
        (error.data.error === 'invalid_tenant' || error.data.error_description?.includes('AADSTS90002') === true)
      ) {
        return { exists: false };
      }
      return { exists: null, reason: `HTTP ${response.status}` };
    },
  };
}
