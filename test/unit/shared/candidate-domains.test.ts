import { describe, expect, it } from 'vitest';
import { candidateDefaultDomains } from '../../../shared/domain/candidate-domains';

describe('candidate default domains', () => {
  it('offers the learnt domain, the onmicrosoft.com one and the contact email domain, once each', () => {
    expect(
      candidateDefaultDomains({ defaultDomain: null, domainPrefix: 'Litware', contactEmail: 'anna@Litware.com' }),
    ).toEqual(['litware.onmicrosoft.com', 'litware.com']);
    expect(
      candidateDefaultDomains({
        defaultDomain: 'litware.com',
        domainPrefix: 'litware',
        contactEmail: 'anna@litware.com',
      }),
    ).toEqual(['litware.com', 'litware.onmicrosoft.com']);
  });

  it('leaves out a public mailbox provider and an address without a domain', () => {
    expect(
      candidateDefaultDomains({ defaultDomain: null, domainPrefix: 'adatum', contactEmail: 'adatum.it@gmail.com' }),
    ).toEqual(['adatum.onmicrosoft.com']);
    expect(candidateDefaultDomains({ defaultDomain: null, domainPrefix: 'adatum', contactEmail: 'nobody' })).toEqual([
      'adatum.onmicrosoft.com',
    ]);
  });
});
