// The simulator's Partner Center /v1 routes, answering with the shapes in partner-center-api.md.
import {
  header,
  json,
  partnerCenterError,
  type Route,
  type SimulatorRequest,
  type SimulatorResponse,
} from './simulator-http';
import {
  domainIsTaken,
  findCustomer,
  findReseller,
  isCustomer,
  type SimulatedReseller,
  type SimulatedTenant,
  type SimulatorState,
} from './simulator-state';
import { advanceEveryScenario, advanceScenarios } from './simulator-scenarios';

const invitationFragment = '#/BillingAccounts/partner-invitation';
const defaultPageSize = 100;
const maxPageSize = 1000;

export function directInvitationUrl(partnerTenantId: string): string {
  return `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${partnerTenantId}&msppId=0&DAP=false${invitationFragment}`;
}

export function indirectInvitationUrl(reseller: SimulatedReseller, providerTenantId: string): string {
  return `https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=${reseller.tenantId}&msppId=${reseller.mpnId}&indirectCSPId=${providerTenantId}&DAP=false${invitationFragment}`;
}

export function customerBody(state: SimulatorState, tenant: SimulatedTenant, byId: boolean) {
  const associated = tenant.associatedResellerIds[0];
  return {
    id: tenant.id,
    companyProfile: {
      tenantId: tenant.id,
      domain: tenant.defaultDomain,
      companyName: tenant.companyName,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: tenant.relationshipToPartner,
    // Partner Center returns allowDelegatedAccess only from get-by-id; the simulator does the same.
    ...(byId ? { allowDelegatedAccess: tenant.allowDelegatedAccess } : {}),
    ...(associated && state.partner.role === 'indirect-provider' ? { associatedPartnerId: associated } : {}),
    customDomains: tenant.customDomains,
    attributes: { objectType: 'Customer' },
  };
}

function relationshipRequest(request: SimulatorRequest): SimulatorResponse {
  const { state } = request;
  const resellerId = request.query.get('indirectResellerId');
  if (!resellerId) {
    return json(200, {
      url: directInvitationUrl(state.partner.tenantId),
      attributes: { objectType: 'RelationshipRequest' },
    });
  }
  const reseller = findReseller(state, resellerId);
  if (!reseller) {
    return partnerCenterError(
      404,
      3000,
      `Partner Organization with indirect reseller id ${resellerId} could not be found`,
    );
  }
  return json(200, {
    url: indirectInvitationUrl(reseller, state.partner.tenantId),
    attributes: { objectType: 'RelationshipRequest' },
  });
}

interface CustomerFilter {
  field: string;
  value: string;
}

// The continuation token carries the whole query, so the next page needs nothing but the token.
interface PageCursor {
  filter: CustomerFilter | null;
  offset: number;
  size: number;
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): PageCursor | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageCursor>;
    if (typeof value.offset !== 'number' || typeof value.size !== 'number') return null;
    return { filter: value.filter ?? null, offset: value.offset, size: value.size };
  } catch {
    return null;
  }
}

function parseFilter(raw: string | null): CustomerFilter | null | 'invalid' {
  if (raw === null || raw === '') return null;
  try {
    const value = JSON.parse(raw) as { Field?: unknown; Value?: unknown; Operator?: unknown };
    if (typeof value.Field !== 'string' || typeof value.Value !== 'string') return 'invalid';
    // starts_with is Partner Center's only operator.
    if (typeof value.Operator !== 'string' || value.Operator.toLowerCase() !== 'starts_with') return 'invalid';
    return { field: value.Field, value: value.Value };
  } catch {
    return 'invalid';
  }
}

function matchesFilter(tenant: SimulatedTenant, filter: CustomerFilter | null): boolean {
  if (filter === null) return true;
  const value = filter.value.toLowerCase();
  switch (filter.field.toLowerCase()) {
    case 'domain':
      // Only the default domain (companyProfile.domain) is searched, as the seed describes.
      return tenant.defaultDomain.toLowerCase().startsWith(value);
    case 'companyname':
      return tenant.companyName.toLowerCase().startsWith(value);
    case 'indirectreseller':
      return tenant.associatedResellerIds.some((id) => id.toLowerCase().startsWith(value));
    default:
      return false;
  }
}

function listCustomers(request: SimulatorRequest): SimulatorResponse {
  const { state, query } = request;
  let cursor: PageCursor;
  if (query.get('seekOperation')?.toLowerCase() === 'next') {
    const token = header(request, 'ms-continuationtoken');
    const decoded = token ? decodeCursor(token) : null;
    if (!decoded) return partnerCenterError(400, 400, 'The continuation token is missing or invalid.');
    cursor = decoded;
  } else {
    const filter = parseFilter(query.get('filter'));
    if (filter === 'invalid') return partnerCenterError(400, 400, 'The filter is not valid.');
    const requested = Number(query.get('size') ?? defaultPageSize);
    const size = Number.isInteger(requested) && requested > 0 ? Math.min(requested, maxPageSize) : defaultPageSize;
    cursor = { filter, offset: 0, size };
    if (filter !== null && filter.field.toLowerCase() === 'domain') advanceScenarios(state, filter.value);
    if (filter === null) advanceEveryScenario(state);
  }
  const matching = state.tenants.filter((tenant) => isCustomer(tenant) && matchesFilter(tenant, cursor.filter));
  const items = matching
    .slice(cursor.offset, cursor.offset + cursor.size)
    .map((tenant) => customerBody(state, tenant, false));
  const nextOffset = cursor.offset + cursor.size;
  const continuationToken = nextOffset < matching.length ? encodeCursor({ ...cursor, offset: nextOffset }) : null;
  return json(200, {
    totalCount: items.length,
    items,
    ...(continuationToken ? { continuationToken } : {}),
    links: {
      self: { uri: `/customers?size=${cursor.size}`, method: 'GET', headers: [] },
      ...(continuationToken
        ? {
            next: {
              uri: `/customers?size=${cursor.size}&seekOperation=Next`,
              method: 'GET',
              headers: [{ key: 'MS-ContinuationToken', value: continuationToken }],
            },
          }
        : {}),
    },
    attributes: { objectType: 'Collection' },
  });
}

function customerNotFound(tenantId: string): SimulatorResponse {
  return partnerCenterError(
    404,
    3000,
    `Customer ${tenantId} could not be found or has no relationship with the partner`,
  );
}

function getCustomer(request: SimulatorRequest, [tenantId = '']: string[]): SimulatorResponse {
  const tenant = findCustomer(request.state, tenantId);
  return tenant ? json(200, customerBody(request.state, tenant, true)) : customerNotFound(tenantId);
}

function customerRelationships(request: SimulatorRequest, [tenantId = '']: string[]): SimulatorResponse {
  const { state } = request;
  // Only indirect providers and resellers may ask; a direct-bill partner gets 1002, as documented.
  if (state.partner.role !== 'indirect-provider') return partnerCenterError(403, 1002, 'Authorization Failed');
  const tenant = findCustomer(state, tenantId);
  if (!tenant) return customerNotFound(tenantId);
  const items = tenant.associatedResellerIds
    .map((id) => findReseller(state, id))
    .filter((reseller): reseller is SimulatedReseller => reseller !== undefined)
    .map((reseller) => ({
      id: reseller.tenantId,
      name: reseller.name,
      relationshipType: 'is_indirect_cloud_solution_provider_of',
      mpnId: reseller.mpnId,
      attributes: { objectType: 'PartnerRelationship' },
    }));
  return json(200, { totalCount: items.length, items, attributes: { objectType: 'Collection' } });
}

function listRelationships(request: SimulatorRequest): SimulatorResponse {
  const type = request.query.get('relationship_type') ?? '';
  if (type.toLowerCase() !== 'isindirectcloudsolutionproviderof') {
    return partnerCenterError(400, 400, 'relationship_type must be IsIndirectCloudSolutionProviderOf.');
  }
  const items = request.state.resellers.map((reseller) => ({
    id: reseller.tenantId,
    name: reseller.name,
    relationshipType: 'is_indirect_cloud_solution_provider_of',
    state: reseller.state,
    mpnId: reseller.mpnId,
    location: reseller.location,
    attributes: { objectType: 'PartnerRelationship' },
  }));
  return json(200, { totalCount: items.length, items, attributes: { objectType: 'Collection' } });
}

function mpnProfile(request: SimulatorRequest): SimulatorResponse {
  const { state } = request;
  const mpnId = request.query.get('mpnId');
  // Without an id Partner Center answers with the signed-in partner's own profile.
  const wanted = mpnId ?? state.partner.mpnId;
  const known = [
    { mpnId: state.partner.mpnId, name: state.partner.name },
    ...state.resellers.map((reseller) => ({ mpnId: reseller.mpnId, name: reseller.name })),
    ...state.mpnPartners,
  ].find((partner) => partner.mpnId === wanted.trim());
  if (!known) return partnerCenterError(404, 3000, `Partner Organization with partner_id ${wanted} could not be found`);
  return json(200, {
    mpnId: known.mpnId,
    partnerName: known.name,
    profileType: 'MpnProfile',
    attributes: { objectType: 'MpnProfile' },
  });
}

function domainExists(request: SimulatorRequest, [domain = '']: string[]): SimulatorResponse {
  return { status: domainIsTaken(request.state, domain) ? 200 : 404 };
}

// Order matters: /customers/relationshiprequests before /customers/{id}.
export const partnerCenterRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v1\/customers\/relationshiprequests\/?$/i, handler: relationshipRequest },
  { method: 'GET', pattern: /^\/v1\/customers\/?$/i, handler: listCustomers },
  { method: 'GET', pattern: /^\/v1\/customers\/([^/]+)\/relationships\/?$/i, handler: customerRelationships },
  { method: 'GET', pattern: /^\/v1\/customers\/([^/]+)\/?$/i, handler: getCustomer },
  { method: 'GET', pattern: /^\/v1\/relationships\/?$/i, handler: listRelationships },
  { method: 'GET', pattern: /^\/v1\/profiles\/mpn\/?$/i, handler: mpnProfile },
  { method: 'HEAD', pattern: /^\/v1\/domains\/([^/]+)\/?$/i, handler: domainExists },
];
