import { describe, expect, it } from 'vitest';
import { customerInstructions, mailtoUrl } from '../../../shared/domain/customer-instructions';
import type { Customer } from '../../../shared/domain/customer';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';

const profile: PartnerProfile = {
  role: 'indirect-provider',
  organizationName: 'Contoso Distribution',
  partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  requireBillingAddress: false,
};
const customer: Customer = {
  id: 'c1',
  kind: 'indirect',
  companyName: 'Adatum Corporation',
  contactName: 'Zoë Núñez',
  contactEmail: 'zoe@adatum.com',
  domainPrefix: 'adatum',
  defaultDomain: null,
  resellerMpnId: '4391507',
  resellerName: 'Fabrikam IT Services',
  includeDelegatedAdmin: true,
  billingAddress: null,
  status: 'link-ready',
  authorizationLink: 'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&DAP=true',
  lastVerification: null,
  orderReference: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('customer instructions', () => {
  it('are signed by the distributor who sends them, never by the reseller', () => {
    const unsigned = customerInstructions(customer, profile, customer.authorizationLink ?? '').body;
    expect(unsigned.endsWith('Kind regards,\nContoso Distribution')).toBe(true);
    const named = customerInstructions(customer, { ...profile, senderName: 'Eleni Papadopoulou' }, '').body;
    expect(named.endsWith('Kind regards,\nEleni Papadopoulou\nContoso Distribution')).toBe(true);
    const signed = customerInstructions(
      customer,
      { ...profile, senderName: 'Eleni', signature: 'Eleni Papadopoulou\nAccount manager, +30 210 000 0000' },
      '',
    ).body;
    expect(signed.endsWith('Kind regards,\nEleni Papadopoulou\nAccount manager, +30 210 000 0000')).toBe(true);
    expect(signed).not.toMatch(/Kind regards,\nFabrikam/);
  });

  it('names the reseller, the distributor, the Global administrator and the link', () => {
    const { subject, body } = customerInstructions(customer, profile, customer.authorizationLink ?? '');
    expect(subject).toBe('Please authorize Fabrikam IT Services for your Microsoft 365 order');
    expect(body).toContain('Hello Zoë Núñez,');
    expect(body).toContain('Fabrikam IT Services (MPN ID 4391507) as your Microsoft reseller');
    expect(body).toContain('Contoso Distribution as its indirect Cloud Solution Provider');
    expect(body).toContain('Global administrator');
    expect(body).toContain(customer.authorizationLink);
    expect(body).toContain('adatum.onmicrosoft.com');
  });
  it('speaks for the partner itself for a direct customer and says when no admin rights are asked', () => {
    const direct = {
      ...customer,
      kind: 'direct' as const,
      resellerMpnId: null,
      resellerName: null,
      includeDelegatedAdmin: false,
    };
    const { body } = customerInstructions(direct, { ...profile, role: 'direct' }, 'https://admin.microsoft.com/x');
    expect(body).toContain('Contoso Distribution as your Microsoft Cloud Solution Provider');
    expect(body).toContain('does not ask for administration rights');
  });
  it('encodes a mailto URL that decodes back to the same text with CRLF line breaks', () => {
    const instructions = customerInstructions(customer, profile, 'https://admin.microsoft.com/x?a=1&b=2');
    const url = mailtoUrl('zoë@adatum.com', instructions);
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('mailto:');
    expect(decodeURIComponent(parsed.pathname)).toBe('zoë@adatum.com');
    expect(parsed.searchParams.get('body')).toBe(instructions.body.replace(/\n/g, '\r\n'));
    expect(parsed.searchParams.get('subject')).toBe(instructions.subject);
  });
});
