// The client's contract, over real HTTP against the simulator: every call, its headers, pagination, errors
// and retries. Faults come from the simulator (injected) or a closed port, never from a mocked fetch.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createPartnerCenterClient,
  type PartnerCenterClientOptions,
} from '../../../../main/microsoft/partner-center/partner-center-client';
import { PartnerCenterError } from '../../../../main/microsoft/partner-center/partner-center-error';
import { isOfflineError } from '../../../../main/platform/http/microsoft-http-error';
import { directInvitationUrl } from '../../../../sandbox/partner-center-routes';
import { simulatorTokenProvider } from '../../../../main/microsoft/sign-in/simulator-token-client';
import { seedResellers, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { customerTenants } from '../../../support/simulated-tenants';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const fabrikam = seedResellers[0]!;

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.stop();
});
beforeEach(async () => {
  await simulator.control.reset();
});

function setup(overrides: Partial<PartnerCenterClientOptions> = {}, target: Simulator = simulator) {
  const sleeps: number[] = [];
  const client = createPartnerCenterClient({
    baseUrl: target.url,
    getAccessToken: simulatorTokenProvider({ simulatorUrl: target.url, tenantId: target.state.partner.tenantId }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps };
}

const requests = () => simulator.state.requests;

async function caught(promise: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PartnerCenterError) return error;
    throw error;
  }
  throw new Error('Expected a PartnerCenterError');
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('calls and headers', () => {
  it('gets the direct relationship link with every Partner Center header', async () => {
    const { client } = setup();
    const url = await client.getRelationshipRequestUrl({});
    expect(url).toBe(directInvitationUrl(simulator.state.partner.tenantId));
    expect(requests()).toHaveLength(1);
    const request = requests()[0]!;
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/customers/relationshiprequests');
    expect(request.query).toEqual({});
    expect(request.headers.authorization).toMatch(/^Bearer sim-/);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['ms-requestid']).toMatch(guid);
    expect(request.headers['ms-correlationid']).toMatch(guid);
    expect(request.headers['ms-requestid']).not.toBe(request.headers['ms-correlationid']);
    expect(request.headers['ms-partnercenter-application']).toBe('AuthDesk');
    expect(request.headers['ms-contract-version']).toBe('v1');
    expect(request.headers['x-locale']).toBe('en-US');
  });

  it('sends the configured application name and locale, and a new request id per call', async () => {
    const { client } = setup({ applicationName: 'AuthDesk Test', locale: 'de-DE' });
    await client.getRelationshipRequestUrl({});
    await client.getRelationshipRequestUrl({});
    const [first, second] = requests();
    expect(first?.headers['ms-partnercenter-application']).toBe('AuthDesk Test');
    expect(first?.headers['x-locale']).toBe('de-DE');
    expect(first?.headers['ms-requestid']).not.toBe(second?.headers['ms-requestid']);
    expect(first?.headers['ms-correlationid']).not.toBe(second?.headers['ms-correlationid']);
  });

  it('gets the indirect link for a reseller tenant', async () => {
    const { client } = setup();
    const url = await client.getRelationshipRequestUrl({ indirectResellerId: fabrikam.tenantId });
    expect(requests()[0]?.query).toEqual({ indirectResellerId: fabrikam.tenantId });
    const query = new URL(url).searchParams;
    expect(query.get('invType')).toBe('IndirectResellerRelationship');
    expect(query.get('partnerId')).toBe(fabrikam.tenantId);
    expect(query.get('msppId')).toBe('4391507');
    expect(query.get('indirectCSPId')).toBe(simulator.state.partner.tenantId);
    expect(query.get('DAP')).toBe('false');
  });

  it('reports an unknown reseller as not found (3000)', async () => {
    const { client, sleeps } = setup();
    const error = await caught(
      client.getRelationshipRequestUrl({ indirectResellerId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.code).toBe(3000);
    expect(error.message).toContain('(3000)');
    expect(error.requestId).toBe(requests()[0]?.headers['ms-requestid']);
    expect(sleeps).toEqual([]);
  });

  it('finds customers by domain with a starts_with filter, look-alikes included', async () => {
    const { client } = setup();
    const customers = await client.findCustomersByDomain('contoso');
    expect(customers.map((customer) => customer.companyProfile.domain)).toEqual([
      'contosolabs.onmicrosoft.com',
      'contoso.com.au',
    ]);
    expect(customers[0]?.relationshipToPartner).toBe('reseller');
    expect(customers[0]?.allowDelegatedAccess).toBeUndefined();
    const request = requests()[0]!;
    expect(request.query.size).toBe('100');
    expect(JSON.parse(request.query.filter ?? '')).toEqual({
      Field: 'Domain',
      Value: 'contoso',
      Operator: 'starts_with',
    });
  });

  it('follows every page with seekOperation=Next and the continuation token header', async () => {
    await simulator.control.addTenants(customerTenants(230, 'Bulk'));
    const { client } = setup();
    const customers = await client.findCustomersByDomain('BULK');
    expect(customers).toHaveLength(230);
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(230);
    const pages = requests();
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query.seekOperation).toBeUndefined();
    expect(pages[0]?.headers['ms-continuationtoken']).toBeUndefined();
    for (const page of pages.slice(1)) {
      expect(page.query.seekOperation).toBe('Next');
      expect(page.headers['ms-continuationtoken']).toBeTruthy();
    }
    expect(pages[1]?.headers['ms-continuationtoken']).not.toBe(pages[2]?.headers['ms-continuationtoken']);
    // Microsoft asks for a fresh correlation id on every call, each continuation page included.
    expect(new Set(pages.map((page) => page.headers['ms-correlationid'])).size).toBe(3);
    expect(new Set(pages.map((page) => page.headers['ms-requestid'])).size).toBe(3);
  });

  it('lists every customer within a page budget, and says when the budget ran out first', async () => {
    // Every other one through Fabrikam.
    await simulator.control.addTenants(
      customerTenants(230, 'Listed', { resellersOf: (index) => (index % 2 === 0 ? [fabrikam.tenantId] : []) }),
    );
    const { client } = setup();
    const all = await client.listCustomers(10);
    // The seed's customers (not Adatum or Tailwind, who are nobody's customers yet) and the 230.
    expect(all).toMatchObject({ complete: true, pages: 3 });
    expect(all.customers.length).toBe(233);
    const partial = await client.listCustomers(2);
    expect(partial).toMatchObject({ complete: false, pages: 2 });
    expect(partial.customers.length).toBe(200);

    await simulator.control.clearRequestLog();
    const fabrikams = await client.listResellerCustomers(fabrikam.tenantId, 5);
    expect(fabrikams.complete).toBe(true);
    // 115 of the 230, and the seed's Contoso Labs and Contoso Pty.
    expect(fabrikams.customers.length).toBe(117);
    const filter = JSON.parse(String(requests()[0]?.query.filter)) as unknown;
    expect(filter).toEqual({ Field: 'IndirectReseller', Value: fabrikam.tenantId, Operator: 'starts_with' });
  });

  it('gets a customer by id with allowDelegatedAccess, and 3000 for a tenant that is not a customer', async () => {
    const { client } = setup();
    const woodgrove = simulator.state.tenants.find((tenant) => tenant.companyName === 'Woodgrove Bank')!;
    const customer = await client.getCustomer(woodgrove.id);
    expect(customer.id).toBe(woodgrove.id);
    expect(customer.companyProfile).toMatchObject({
      tenantId: woodgrove.id,
      domain: 'woodgrove.onmicrosoft.com',
      companyName: 'Woodgrove Bank',
    });
    expect(customer.allowDelegatedAccess).toBe(true);
    const adatum = simulator.state.tenants.find((tenant) => tenant.companyName === 'Adatum Corporation')!;
    const error = await caught(client.getCustomer(adatum.id));
    expect(error.kind).toBe('not-found');
    expect(error.code).toBe(3000);
  });

  it("lists a customer's reseller relationships", async () => {
    const { client } = setup();
    const labs = simulator.state.tenants.find((tenant) => tenant.companyName === 'Contoso Labs')!;
    const relationships = await client.getCustomerRelationships(labs.id);
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({ id: fabrikam.tenantId, name: 'Fabrikam IT Services', mpnId: '4391507' });
    expect(requests()[0]?.path).toBe(`/v1/customers/${labs.id}/relationships`);
  });

  it("lists the distributor's indirect resellers", async () => {
    const { client } = setup();
    const resellers = await client.listIndirectResellers();
    expect(resellers.map((reseller) => [reseller.name, reseller.mpnId, reseller.state])).toEqual([
      ['Fabrikam IT Services', '4391507', 'Active'],
      ['Northwind Cloud', '5123456', 'Active'],
      ['Tailspin Partners', '6234567', 'Active'],
    ]);
    expect(requests()[0]?.query).toEqual({ relationship_type: 'IsIndirectCloudSolutionProviderOf' });
  });

  it('validates MPN IDs: a profile, or null for 3000', async () => {
    const { client } = setup();
    expect(await client.getMpnProfile('4391507')).toMatchObject({
      mpnId: '4391507',
      partnerName: 'Fabrikam IT Services',
      profileType: 'MpnProfile',
    });
    expect(await client.getMpnProfile('7345678')).toMatchObject({ partnerName: 'Litware Consulting' });
    expect(await client.getMpnProfile('9999999')).toBeNull();
  });

  it('does not mistake a 404 without code 3000 for an unknown MPN ID', async () => {
    await simulator.control.addFault({
      path: '/v1/profiles/mpn',
      times: 1,
      status: 404,
      body: { error: 'No such route' },
    });
    const { client } = setup();
    const error = await caught(client.getMpnProfile('4391507'));
    expect(error.kind).toBe('not-found');
    expect(error.code).toBeNull();
    expect(error.description).toBe(null);
  });

  it('checks whether a domain is taken with HEAD', async () => {
    const { client } = setup();
    expect(await client.domainExists('adatum.onmicrosoft.com')).toBe(true);
    expect(await client.domainExists('tailwindtraders.com')).toBe(true);
    expect(await client.domainExists('freshname123.onmicrosoft.com')).toBe(false);
    expect(requests().map((request) => [request.method, request.path])).toEqual([
      ['HEAD', '/v1/domains/adatum.onmicrosoft.com'],
      ['HEAD', '/v1/domains/tailwindtraders.com'],
      ['HEAD', '/v1/domains/freshname123.onmicrosoft.com'],
    ]);
  });

  it('rejects a response body that does not have the documented shape', async () => {
    await simulator.control.addFault({
      path: '/v1/customers/relationshiprequests',
      times: 1,
      status: 200,
      body: { link: 'x' },
    });
    const { client, sleeps } = setup();
    const error = await caught(client.getRelationshipRequestUrl({}));
    expect(error.kind).toBe('invalid-response');
    expect(error.description).toContain('url');
    expect(requests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('errors and retries', () => {
  it('answers 1002 to a direct partner asking for customer relationships, without retrying', async () => {
    const direct = await startSimulator({ partner: { ...simulator.state.partner, role: 'direct' } });
    try {
      const { client, sleeps } = setup({}, direct);
      const labs = direct.state.tenants.find((tenant) => tenant.companyName === 'Contoso Labs')!;
      const error = await caught(client.getCustomerRelationships(labs.id));
      expect(error.kind).toBe('forbidden');
      expect(error.status).toBe(403);
      expect(error.code).toBe(1002);
      expect(error.message).toMatch(/^Partner Center refused this call \(1002 Authorization Failed\)/);
      expect(direct.state.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    } finally {
      await direct.stop();
    }
  });

  it('retries a 401 once with a fresh token, keeping the request id', async () => {
    const realToken = simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'x' });
    let calls = 0;
    const { client, sleeps } = setup({
      getAccessToken: async () => {
        calls += 1;
        return calls === 1 ? 'expired-token' : realToken();
      },
    });
    expect(await client.getRelationshipRequestUrl({})).toContain('invType=ResellerRelationship');
    expect(calls).toBe(2);
    const [first, second] = requests();
    expect(first?.headers.authorization).toBe('Bearer expired-token');
    expect(second?.headers.authorization).toMatch(/^Bearer sim-/);
    expect(second?.headers['ms-requestid']).toBe(first?.headers['ms-requestid']);
    expect(sleeps).toEqual([]);
  });

  it('gives up after one 401 retry with kind unauthorized', async () => {
    const { client } = setup({ getAccessToken: async () => 'never-valid' });
    const error = await caught(client.listIndirectResellers());
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/sign-in/);
    expect(requests()).toHaveLength(2);
  });

  it('waits Retry-After on 429, then retries with the same request id', async () => {
    await simulator.control.addFault({ path: '/v1/relationships', times: 1, status: 429, retryAfterSeconds: 7 });
    const { client, sleeps } = setup();
    expect(await client.listIndirectResellers()).toHaveLength(3);
    expect(sleeps).toEqual([7000]);
    const [first, second] = requests();
    expect(requests()).toHaveLength(2);
    expect(second?.headers['ms-requestid']).toBe(first?.headers['ms-requestid']);
  });

  it('backs off exponentially when throttling repeats, never waiting less than Retry-After', async () => {
    await simulator.control.addFault({ path: '/v1/relationships', times: 3, status: 429, retryAfterSeconds: 1 });
    const { client, sleeps } = setup();
    expect(await client.listIndirectResellers()).toHaveLength(3);
    // random() = 0.5: backoff(n) = 0.75 * 500 * 2^n → 375, 750, 1500.
    expect(sleeps).toEqual([1000, 1000, 1500]);
    expect(new Set(requests().map((request) => request.headers['ms-requestid'])).size).toBe(1);
  });

  it('stops after maxRetries throttled attempts with kind throttled', async () => {
    await simulator.control.addFault({ path: '/v1/relationships', times: 10, status: 429, retryAfterSeconds: 2 });
    const { client, sleeps } = setup({ maxRetries: 2 });
    const error = await caught(client.listIndirectResellers());
    expect(error.kind).toBe('throttled');
    expect(error.status).toBe(429);
    expect(error.description).toMatch(/Rate limit is exceeded/);
    expect(requests()).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries 5xx with exponential backoff and jitter, reusing the request id', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 2, status: 503 });
    const { client, sleeps } = setup();
    expect(await client.findCustomersByDomain('woodgrove')).toHaveLength(1);
    expect(sleeps).toEqual([375, 750]);
    expect(requests()).toHaveLength(3);
    expect(new Set(requests().map((request) => request.headers['ms-requestid'])).size).toBe(1);
  });

  it('jitters the backoff with the random source', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 1, status: 500 });
    const { client, sleeps } = setup({ random: () => 0 });
    await client.findCustomersByDomain('woodgrove');
    expect(sleeps).toEqual([250]);
  });

  it('reports a lasting server error as kind server after maxRetries', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 10, status: 500 });
    const { client, sleeps } = setup({ maxRetries: 3 });
    const error = await caught(client.findCustomersByDomain('woodgrove'));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/^Microsoft had a problem answering \(HTTP 500\)/);
    expect(requests()).toHaveLength(4);
    expect(sleeps).toEqual([375, 750, 1500]);
  });

  it('does not retry other 4xx answers', async () => {
    await simulator.control.addFault({
      path: '/v1/customers',
      times: 5,
      status: 400,
      body: { code: 400, description: 'Bad filter', data: [], source: 'PartnerFD' },
    });
    const { client, sleeps } = setup();
    const error = await caught(client.findCustomersByDomain('woodgrove'));
    expect(error.status).toBe(400);
    expect(error.description).toBe('Bad filter');
    expect(requests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports an unreachable Partner Center as kind network after retrying', async () => {
    const { client, sleeps } = setup({
      baseUrl: await closedPortUrl(),
      getAccessToken: async () => 'token',
      maxRetries: 2,
    });
    const error = await caught(client.findCustomersByDomain('woodgrove'));
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
    expect(error.message).toBe('Partner Center could not be reached. Check the connection.');
    expect(isOfflineError(error)).toBe(true);
    expect(sleeps).toEqual([375, 750]);
  });

  it('retries a dropped connection', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 1, dropConnection: true });
    const { client, sleeps } = setup();
    expect(await client.findCustomersByDomain('woodgrove')).toHaveLength(1);
    expect(sleeps).toEqual([375]);
    expect(requests()).toHaveLength(2);
    expect(requests()[1]?.headers['ms-requestid']).toBe(requests()[0]?.headers['ms-requestid']);
  });

  it('times out a slow answer, retries, and reports kind timeout when it stays slow', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 1, delayMs: 600 });
    const retried = setup({ timeoutMs: 150 });
    expect(await retried.client.findCustomersByDomain('woodgrove')).toHaveLength(1);
    expect(retried.sleeps).toEqual([375]);

    await simulator.control.addFault({ path: '/v1/customers', times: 1, delayMs: 600 });
    const once = setup({ timeoutMs: 150, maxRetries: 0 });
    const error = await caught(once.client.findCustomersByDomain('woodgrove'));
    expect(error.kind).toBe('timeout');
    expect(isOfflineError(error)).toBe(true);
  });
});
