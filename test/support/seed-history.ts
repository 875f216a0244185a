// A database filled directly through the repositories (as the benchmarks do): customers and a long history,
// for tests whose subject is what happens with many rows (a CSV export a chunk at a time).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Customer } from '../../shared/domain/customer';
import { insertCustomer } from '../../main/features/customers/customers-repository';
import { appendEvent } from '../../main/features/customers/events-repository';
import { savePartnerProfile } from '../../main/features/partner-profile/partner-profile-repository';

export function seedHistory(db: Database, customers: number, events: number, now = new Date()): string[] {
  const ids: string[] = [];
  db.transaction(() => {
    savePartnerProfile(
      db,
      {
        role: 'indirect-provider',
        organizationName: 'Contoso Distribution',
        partnerTenantId: '0d9b2d24-6c1f-4a51-9b4a-3f6d5e2f1a01',
        requireBillingAddress: false,
      },
      now,
    );
    for (let index = 0; index < customers; index++) {
      const at = new Date(now.getTime() - (customers - index) * 60_000).toISOString();
      const customer: Customer = {
        id: randomUUID(),
        kind: 'indirect',
        // Names a CSV must quote or defuse, among plain ones.
        companyName: index % 10 === 0 ? `=Formula, "Quoted" ${index}` : `History Customer ${index}`,
        contactName: `Contact ${index}`,
        contactEmail: `it${index}@history${index}.example`,
        domainPrefix: `history${index}`,
        // Some of each empty or set, as a CSV row holds them.
        defaultDomain: index % 5 === 1 ? `history${index}.example` : null,
        resellerMpnId: index % 3 === 2 ? null : '4000001',
        resellerName: index % 3 === 2 ? null : 'Reseller 1',
        includeDelegatedAdmin: index % 3 !== 2,
        billingAddress:
          index % 4 === 1
            ? { addressLine1: `${index} Main Street, Suite "B"`, city: 'Reading', postalCode: 'RG1 1AA', country: 'GB' }
            : null,
        status: 'sent',
        authorizationLink: `https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&n=${index}`,
        lastVerification: null,
        orderReference: null,
        createdAt: at,
        updatedAt: at,
      };
      insertCustomer(db, customer, 'tester');
      ids.push(customer.id);
    }
    for (let index = 0; index < events; index++) {
      appendEvent(db, {
        customerId: ids[index % ids.length] ?? '',
        type: 'updated',
        at: new Date(now.getTime() - (events - index) * 1000).toISOString(),
        actor: 'tester',
        summary: index % 7 === 0 ? `Line one\nline two, "quoted" ${index}` : `History event ${index}`,
      });
    }
  })();
  return ids;
}
