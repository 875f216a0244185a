// Customers set up at a given stage through the same API the page uses, for the e2e tests whose behaviour under
// test is what the screen then shows (typing each customer in would add nothing to them).
import type { AppHarness } from '../harness/launch-app';

// How far a customer has come: 'accepted' means the customer accepted in the sandbox but nobody has verified
// yet (AuthDesk still shows Sent); 'needs-attention' accepted without delegated admin and was verified.
export type SeedStage = 'link-ready' | 'sent' | 'accepted' | 'needs-attention' | 'authorized' | 'checked-out';

export interface SeededCustomer {
  companyName: string;
  domainPrefix: string;
  resellerMpnId: string;
  stage: SeedStage;
}

// An indirect customer of the distributor profile, brought to its stage; resolves with its id.
export async function seedIndirectCustomer(app: AppHarness, customer: SeededCustomer): Promise<string> {
  const { companyName, domainPrefix, stage } = customer;
  const { detail } = await app.invoke('createCustomer', {
    kind: 'indirect',
    companyName,
    contactName: `IT at ${companyName}`,
    contactEmail: `it@${domainPrefix}.com`,
    domainPrefix,
    ownsExistingTenant: true,
    resellerMpnId: customer.resellerMpnId,
    includeDelegatedAdmin: true,
    billingAddress: null,
  });
  const customerId = detail.customer.id;
  if (stage === 'link-ready') return customerId;
  await app.invoke('recordHandOff', { customerId, channel: 'copy-link' });
  if (stage === 'sent') return customerId;
  await app.invoke('sandboxAcceptInvitation', {
    customerId,
    grantDelegatedAdmin: stage !== 'needs-attention',
    associateReseller: true,
    customDefaultDomain: null,
  });
  if (stage === 'accepted') return customerId;
  await app.invoke('verifyAuthorization', { customerId, defaultDomain: `${domainPrefix}.onmicrosoft.com` });
  if (stage === 'checked-out') await app.invoke('checkOut', { customerId, orderReference: 'SO-2291' });
  return customerId;
}
