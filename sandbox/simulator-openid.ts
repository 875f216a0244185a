// The public OpenID configuration of a tenant (GET /{tenant or domain}/v2.0/.well-known/openid-configuration),
// as login.microsoftonline.com serves it: AuthDesk uses it to tell "not a Microsoft 365 tenant" from "not
// accepted yet", and MSAL uses it to find the simulator's authorize and token endpoints.
import { createHash } from 'node:crypto';
import { json, type Route, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';

const multiTenant = new Set(['common', 'organizations', 'consumers']);
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A stable made-up tenant id for an onmicrosoft.com tenant the simulator has not met yet.
function derivedTenantId(domain: string): string {
  const hex = createHash('sha256').update(domain).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The tenant id behind a domain or id, or null when no Microsoft 365 organisation has it. Customers of the
// sandbox only become tenants when they accept, so every onmicrosoft.com domain counts as a tenant unless a
// scenario says it does not exist; a custom domain must belong to a known tenant.
export function resolveTenant(state: SimulatorState, tenantOrDomain: string): string | null {
  const wanted = tenantOrDomain.trim().toLowerCase();
  if (multiTenant.has(wanted)) return wanted;
  if (guidPattern.test(wanted)) return wanted;
  if (state.scenarios.some((scenario) => !scenario.tenantExists && scenario.domain === wanted)) return null;
  const tenant = state.tenants.find(
    (candidate) =>
      candidate.onMicrosoftDomain === wanted ||
      candidate.defaultDomain === wanted ||
      candidate.customDomains.includes(wanted),
  );
  if (tenant) return tenant.id;
  const scenario = state.scenarios.find(
    (candidate) => candidate.domain === wanted || candidate.customDefaultDomain === wanted,
  );
  if (scenario || wanted.endsWith('.onmicrosoft.com')) return derivedTenantId(scenario?.domain ?? wanted);
  return null;
}

function openIdConfiguration(request: SimulatorRequest, [tenant = '']: string[]): SimulatorResponse {
  const tenantId = resolveTenant(request.state, tenant);
  if (tenantId === null) {
    return json(400, {
      error: 'invalid_tenant',
      error_description: `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      error_codes: [90002],
    });
  }
  const base = `${request.baseUrl}/${tenantId}`;
  return json(200, {
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${request.baseUrl}/${tenantId}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    code_challenge_methods_supported: ['plain', 'S256'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
  });
}

export const openIdRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration\/?$/i,
    handler: openIdConfiguration,
  },
];
