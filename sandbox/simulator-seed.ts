// The simulator's starting data: one partner, its indirect resellers, and a few customer tenants chosen to
// exercise the hard cases (look-alike domains, a custom default domain, a tenant that is not a customer).
import type { PartnerRole } from '../shared/domain/partner-profile';

export interface SimulatedPartner {
  tenantId: string;
  name: string;
  role: PartnerRole;
  mpnId: string;
}

export interface SimulatedReseller {
  tenantId: string;
  name: string;
  mpnId: string;
  state: string;
  location: string;
}

// A Microsoft 365 tenant. It is one of the partner's customers once relationshipToPartner is not 'none'.
export interface SimulatedTenant {
  id: string;
  companyName: string;
  onMicrosoftDomain: string;
  // companyProfile.domain: what the Domain filter matches. A custom domain once the customer made it default.
  defaultDomain: string;
  customDomains: string[];
  relationshipToPartner: 'none' | 'reseller' | 'advisor';
  allowDelegatedAccess: boolean;
  // Tenant ids of the indirect resellers associated with this customer.
  associatedResellerIds: string[];
}

// Partners that exist in Partner Center but are not our resellers, so MPN lookups can find them.
export interface SimulatedMpnPartner {
  mpnId: string;
  name: string;
}

export const defaultPartner: SimulatedPartner = {
  tenantId: '6f2b8c1e-4d3a-4b7e-9c5f-1a2b3c4d5e6f',
  name: 'Contoso Distribution',
  role: 'indirect-provider',
  mpnId: '1234567',
};

export const seedResellers: readonly SimulatedReseller[] = [
  {
    tenantId: 'a3c5e7f9-1b2d-4e6f-8a0c-2d4f6a8c0e11',
    name: 'Fabrikam IT Services',
    mpnId: '4391507',
    state: 'Active',
    location: 'GB',
  },
  {
    tenantId: 'b4d6f8a0-2c3e-4f70-9b1d-3e5a7b9d1f22',
    name: 'Northwind Cloud',
    mpnId: '5123456',
    state: 'Active',
    location: 'DE',
  },
  {
    tenantId: 'c5e7a9b1-3d4f-4a81-8c2e-4f6b8c0e2a33',
    name: 'Tailspin Partners',
    mpnId: '6234567',
    state: 'Active',
    location: 'US',
  },
];

export const seedMpnPartners: readonly SimulatedMpnPartner[] = [{ mpnId: '7345678', name: 'Litware Consulting' }];

export function seedTenants(): SimulatedTenant[] {
  const fabrikam = seedResellers[0]?.tenantId;
  return [
    // A customer whose domain starts with "contoso": a starts_with search for contoso must not be fooled.
    {
      id: '0a1b2c3d-4e5f-4061-8273-94a5b6c7d801',
      companyName: 'Contoso Labs',
      onMicrosoftDomain: 'contosolabs.onmicrosoft.com',
      defaultDomain: 'contosolabs.onmicrosoft.com',
      customDomains: [],
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: false,
      associatedResellerIds: fabrikam ? [fabrikam] : [],
    },
    // A customer whose default domain starts with contoso.com: a search for contoso.com returns it too.
    {
      id: '4e5f6071-8293-44a5-b6b7-d8e9fa0b1c05',
      companyName: 'Contoso Pty Ltd',
      onMicrosoftDomain: 'contosoau.onmicrosoft.com',
      defaultDomain: 'contoso.com.au',
      customDomains: ['contoso.com.au'],
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      associatedResellerIds: fabrikam ? [fabrikam] : [],
    },
    {
      id: '1b2c3d4e-5f60-4172-8384-a5b6c7d8e902',
      companyName: 'Woodgrove Bank',
      onMicrosoftDomain: 'woodgrove.onmicrosoft.com',
      defaultDomain: 'woodgrove.onmicrosoft.com',
      customDomains: [],
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      associatedResellerIds: [],
    },
    // An existing tenant that is nobody's customer yet: its domain is taken, it can accept a link.
    {
      id: '2c3d4e5f-6071-4283-9495-b6c7d8e9fa03',
      companyName: 'Adatum Corporation',
      onMicrosoftDomain: 'adatum.onmicrosoft.com',
      defaultDomain: 'adatum.onmicrosoft.com',
      customDomains: [],
      relationshipToPartner: 'none',
      allowDelegatedAccess: false,
      associatedResellerIds: [],
    },
    // A tenant whose default domain is a custom one: Partner Center finds it only by tailwindtraders.com.
    {
      id: '3d4e5f60-7182-4394-a5a6-c7d8e9fa0b04',
      companyName: 'Tailwind Traders',
      onMicrosoftDomain: 'tailwindtraders.onmicrosoft.com',
      defaultDomain: 'tailwindtraders.com',
      customDomains: ['tailwindtraders.com'],
      relationshipToPartner: 'none',
      allowDelegatedAccess: false,
      associatedResellerIds: [],
    },
  ];
}
