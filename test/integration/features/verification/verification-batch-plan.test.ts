// Bulk verification planned per batch, against the simulator over HTTP: the customer list paged once, each
// reseller's customers listed once, "customer by id" only where delegated admin must be known. Every customer's
// checks and messages are the same as when it is verified on its own (the same customers verified one by one
// right after), across a mix: accepted in full, without delegated admin, reseller not associated, a second
// reseller, a mixed-case prefix, a custom default domain, a look-alike of a real customer, an existing tenant
// that is nobody's customer, and a domain no tenant has. With a customer list longer than the batch's page
// budget, the customers the listing did not reach are looked up one by one, with the same results.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../../../shared/domain/verification';
import { seedResellers, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { customerTenants } from '../../../support/simulated-tenants';
import { startTestApp, type TestApp } from '../../../support/test-app';

const [fabrikam, northwind] = seedResellers as [(typeof seedResellers)[0], (typeof seedResellers)[0]];

let simulator: Simulator;
let app: TestApp;

beforeEach(async () => {
  simulator = await startSimulator();
  app = await startTestApp({ simulatorUrl: simulator.url, requestsPerMinute: 60_000 });
  await call(app, 'savePartnerProfile', distributorProfile);
  await call(app, 'refreshResellers', {});
});
afterEach(async () => {
  await app.close();
  await simulator.stop();
});

interface Mix {
  prefix: string;
  reseller?: string;
  scenario: {
    grantDelegatedAdmin?: boolean;
    associateReseller?: boolean;
    customDefaultDomain?: string;
    tenantExists?: boolean;
  } | null;
  // The domain the customer is verified by, once learnt (a custom default domain, in the case the user typed it).
  learntDomain?: string;
}

const mix: Mix[] = [
  ...Array.from({ length: 12 }, (_, index): Mix => ({ prefix: `full${index}`, scenario: {} })),
  ...Array.from({ length: 4 }, (_, index): Mix => ({
    prefix: `nodap${index}`,
    scenario: { grantDelegatedAdmin: false },
  })),
  ...Array.from({ length: 3 }, (_, index): Mix => ({
    prefix: `noassoc${index}`,
    scenario: { associateReseller: false },
  })),
  ...Array.from({ length: 3 }, (_, index): Mix => ({
    prefix: `north${index}`,
    reseller: northwind.mpnId,
    scenario: {},
  })),
  { prefix: 'MixedCase', scenario: {} },
  { prefix: 'fourthcoffee', scenario: { customDefaultDomain: 'fourthcoffee.com' }, learntDomain: 'FourthCoffee.COM' },
  // Contoso Labs (contosolabs.onmicrosoft.com) is a customer; contoso is not.
  { prefix: 'contoso', scenario: null },
  // Adatum's tenant exists but is nobody's customer; nobody has the last one.
  { prefix: 'adatum', scenario: null },
  { prefix: 'nosuchtenant', scenario: { tenantExists: false } },
];

async function createMix(): Promise<string[]> {
  const ids: string[] = [];
  for (const customer of mix) {
    const created = await call(
      app,
      'createCustomer',
      indirectDetails({
        companyName: `Batch ${customer.prefix}`,
        domainPrefix: customer.prefix,
        resellerMpnId: customer.reseller ?? fabrikam.mpnId,
      }),
    );
    await call(app, 'recordHandOff', { customerId: created.detail.customer.id, channel: 'copy-link' });
    ids.push(created.detail.customer.id);
  }
  await simulator.control.addScenarios(
    mix
      .filter((customer) => customer.scenario !== null)
      .map((customer) => ({
        domain: `${customer.prefix.toLowerCase()}.onmicrosoft.com`,
        resellerMpnId: customer.reseller ?? fabrikam.mpnId,
        ...customer.scenario,
      })),
  );
  // The custom default domain is what the user verifies with (and AuthDesk then remembers).
  for (const [index, customer] of mix.entries()) {
    if (customer.learntDomain) {
      await call(app, 'verifyAuthorization', {
        customerId: ids[index] as string,
        defaultDomain: customer.learntDomain,
      });
    }
  }
  return ids;
}

const checksOf = (result: VerificationResult | null) => ({
  outcome: result?.outcome,
  defaultDomain: result?.defaultDomain,
  customerTenantId: result?.customerTenantId,
  domainIsTenant: result?.domainIsTenant,
  checks: result?.checks,
});

async function lastResults(ids: readonly string[]) {
  const results = [];
  for (const customerId of ids) {
    results.push(checksOf((await call(app, 'getCustomer', { customerId })).customer.lastVerification));
  }
  return results;
}

async function verifyOneByOne(ids: readonly string[]) {
  for (const customerId of ids) {
    const { customer } = await call(app, 'getCustomer', { customerId });
    await call(app, 'verifyAuthorization', {
      customerId,
      defaultDomain: customer.defaultDomain ?? `${customer.domainPrefix}.onmicrosoft.com`,
    });
  }
}

const requestCount = async () => (await simulator.control.state()).requestCount;

describe('bulk verification planned per batch', () => {
  it('gives every customer the checks and messages it gets alone, in far fewer calls', async () => {
    const ids = await createMix();
    const before = await requestCount();
    await call(app, 'verifyCustomers', { selection: { kind: 'customers', customerIds: ids } });
    const batchCalls = (await requestCount()) - before;
    const batch = await lastResults(ids);

    const alone = await requestCount();
    await verifyOneByOne(ids);
    const oneByOneCalls = (await requestCount()) - alone;
    expect(await lastResults(ids)).toEqual(batch);

    // The mix came out as meant (so the comparison covers every kind of answer).
    const outcomes = batch.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === 'authorized')).toHaveLength(12 + 3 + 2);
    expect(outcomes.filter((outcome) => outcome === 'partial')).toHaveLength(4 + 3);
    expect(batch.at(-1)?.domainIsTenant).toBe(false);
    expect(batch[mix.findIndex((customer) => customer.prefix === 'fourthcoffee')]?.defaultDomain).toBe(
      'fourthcoffee.com',
    );
    console.log(
      `batch plan: ${batchCalls} calls for ${ids.length} customers (${(batchCalls / ids.length).toFixed(2)} per customer), one by one ${oneByOneCalls}`,
    );
    expect(batchCalls / ids.length).toBeLessThanOrEqual(1.2);
    expect(batchCalls).toBeLessThan(oneByOneCalls / 2);
  });

  it('looks up one by one the customers a listing longer than its page budget did not reach', async () => {
    // 3,000 other customers ahead of the batch's own: more pages than a batch of 30 may spend.
    await simulator.control.addTenants(
      customerTenants(3_000, 'Other', { allowDelegatedAccess: true, resellersOf: () => [fabrikam.tenantId] }),
    );
    const ids = await createMix();
    await call(app, 'verifyCustomers', { selection: { kind: 'customers', customerIds: ids } });
    const batch = await lastResults(ids);
    await verifyOneByOne(ids);
    expect(await lastResults(ids)).toEqual(batch);
    expect(batch.map((result) => result.outcome).filter((outcome) => outcome === 'authorized')).toHaveLength(17);
  });
});
