// A complete Customer record for repository tests.
import type { Customer } from '../../shared/domain/customer';

export function sampleCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'customer-1',
    kind: 'indirect',
    companyName: 'Litware Inc',
    contactName: 'Anna Bell',
    contactEmail: 'anna@litware.com',
    domainPrefix: 'litware',
    defaultDomain: null,
    resellerMpnId: '4391507',
    resellerName: 'Fabrikam IT Services',
    includeDelegatedAdmin: true,
    billingAddress: { addressLine1: '1 Main Street', city: 'Reading', postalCode: 'RG1 1AA', country: 'GB' },
    status: 'draft',
    authorizationLink: null,
    lastVerification: null,
    orderReference: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}
