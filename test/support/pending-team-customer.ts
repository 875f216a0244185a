// A customer in Sent with its link, of the simulator's first reseller, numbered so many can be made at once:
// the customers the team bench and the team chaos run share out between their desktops.
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../shared/domain/customer';
import { indirectInvitationUrl } from '../../sandbox/partner-center-routes';
import { defaultPartner, seedResellers } from '../../sandbox/start-simulator';

export const teamReseller = seedResellers[0]!;

export function pendingTeamCustomer(index: number, now: string): Customer {
  const prefix = `team${String(index).padStart(4, '0')}`;
  return {
    id: randomUUID(),
    kind: 'indirect',
    companyName: `Team customer ${index}`,
    contactName: 'Team Contact',
    contactEmail: `it@${prefix}.example`,
    domainPrefix: prefix,
    defaultDomain: null,
    resellerMpnId: teamReseller.mpnId,
    resellerName: teamReseller.name,
    includeDelegatedAdmin: true,
    billingAddress: { addressLine1: '1 Main Street', city: 'Reading', postalCode: 'RG1 1AA', country: 'GB' },
    status: 'sent',
    authorizationLink: indirectInvitationUrl(teamReseller, defaultPartner.tenantId),
    lastVerification: null,
    orderReference: null,
    createdAt: now,
    updatedAt: now,
  };
}
