import { describe, expect, it } from 'vitest';
import { serviceDetailsErrors, blankMpnIdWarning } from '../../../shared/domain/service-details-rules';
import type { ServiceDetails } from '../../../shared/domain/customer';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';

const provider: PartnerProfile = {
  role: 'indirect-provider',
  organizationName: 'Contoso Distribution',
  partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  requireBillingAddress: true,
};
const details: ServiceDetails = {
  kind: 'indirect',
  companyName: 'Adatum',
  contactName: 'Anna',
  contactEmail: 'anna@adatum.com',
  domainPrefix: 'adatum',
  ownsExistingTenant: true,
  resellerMpnId: '4391507',
  includeDelegatedAdmin: true,
  billingAddress: { addressLine1: '1 Main St', city: 'Leeds', postalCode: 'LS1', country: 'GB' },
};

describe('service details rules', () => {
  it('accepts a complete indirect customer', () => {
    expect(serviceDetailsErrors(details, provider)).toEqual({});
  });
  it('requires the billing address when the profile says so, naming the organisation', () => {
    expect(serviceDetailsErrors({ ...details, billingAddress: null }, provider)).toEqual({
      billingAddress:
        'Contoso Distribution requires the billing address of indirect customers before a link is issued.',
    });
    expect(
      serviceDetailsErrors({ ...details, billingAddress: null }, { ...provider, requireBillingAddress: false }),
    ).toEqual({});
  });
  it('requires an existing tenant', () => {
    expect(Object.keys(serviceDetailsErrors({ ...details, ownsExistingTenant: false }, provider))).toEqual([
      'ownsExistingTenant',
    ]);
  });
  it('keeps indirect customers to indirect providers, who may have direct customers too', () => {
    // A distributor also sells to some customers directly.
    expect(serviceDetailsErrors({ ...details, kind: 'direct', resellerMpnId: '' }, provider).kind).toBeUndefined();
    expect(serviceDetailsErrors(details, { ...provider, role: 'direct' }).kind).toContain('Indirect provider');
    expect(
      serviceDetailsErrors({ ...details, kind: 'direct' }, { ...provider, role: 'direct' }).resellerMpnId,
    ).toContain('no reseller');
  });
  it('words the blank MPN ID warning as the storefront does', () => {
    expect(blankMpnIdWarning('Contoso Distribution')).toBe(
      "It seems that you have not provided a valid MPN ID. Without a valid MPN ID, delegated administration privileges will only be provided to Contoso Distribution and not to the customer's reseller.",
    );
  });
});
