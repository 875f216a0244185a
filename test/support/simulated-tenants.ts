// Many Microsoft 365 tenants that are already the partner's customers, for paging and listing tests: ids and
// domains numbered from a prefix, each associated with the resellers `resellersOf` gives it.
import type { SimulatedTenant } from '../../sandbox/simulator-seed';

export function customerTenants(
  count: number,
  prefix: string,
  options: { allowDelegatedAccess?: boolean; resellersOf?: (index: number) => string[] } = {},
): SimulatedTenant[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    companyName: `${prefix} ${index}`,
    onMicrosoftDomain: `${prefix.toLowerCase()}${index}.onmicrosoft.com`,
    defaultDomain: `${prefix.toLowerCase()}${index}.onmicrosoft.com`,
    customDomains: [],
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: options.allowDelegatedAccess ?? false,
    associatedResellerIds: options.resellersOf?.(index) ?? [],
  }));
}
