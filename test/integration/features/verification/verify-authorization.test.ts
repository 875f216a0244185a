// Verify Authorization end to end against the simulator: the customer accepts (or not) through the sandbox
// routes exactly as a Global admin would, and the verdict and messages are checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withDelegatedAdmin } from '../../../../shared/domain/relationship-link';
import type { VerificationResult } from '../../../../shared/domain/verification';
import {
  createPartnerCenterClient,
  type PartnerCenterClient,
} from '../../../../main/microsoft/partner-center/partner-center-client';
import { PartnerCenterError } from '../../../../main/microsoft/partner-center/partner-center-error';
import { simulatorTokenProvider } from '../../../../main/microsoft/sign-in/simulator-token-client';
import { defaultPartner, seedResellers, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import {
  verifyAuthorization,
  type VerificationRequest,
} from '../../../../main/features/verification/verify-authorization';

const fabrikam = seedResellers[0]!;
const fixedNow = new Date('2026-03-01T12:00:00.000Z');

function clientFor(simulator: Simulator): PartnerCenterClient {
  return createPartnerCenterClient({
    baseUrl: simulator.url,
    getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: simulator.state.partner.tenantId }),
    sleep: async () => {},
  });
}

async function accept(
  simulator: Simulator,
  invitationUrl: string,
  options: Partial<{
    domainPrefix: string;
    grantDelegatedAdmin: boolean;
    associateReseller: boolean;
    customDefaultDomain: string | null;
  }> = {},
): Promise<string> {
  const response = await fetch(`${simulator.url}/sandbox/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      invitationUrl,
      domainPrefix: 'contoso',
      companyName: 'Contoso Ltd',
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
      ...options,
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { customer: { id: string } };
  return body.customer.id;
}

// The window shows each check from the catalog keys main sends: with their values, the English catalog must say
// exactly what main wrote in English, or a screen would tell the user something else than the CLI and logs.
const englishCheckText = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../../renderer/i18n/locales/en/verify.json'), 'utf8')) as {
    checkText: Record<'label' | 'message', Record<string, string>>;
  }
).checkText;
function expectCatalogSaysTheSame(result: VerificationResult): void {
  const fill = (template: string | undefined, params: Record<string, string> = {}) =>
    template?.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);
  for (const check of result.checks) {
    if (check.labelKey) expect(fill(englishCheckText.label[check.labelKey], check.params)).toBe(check.label);
    if (check.messageKey) expect(fill(englishCheckText.message[check.messageKey], check.params)).toBe(check.message);
  }
}

const states = (result: VerificationResult) => {
  expectCatalogSaysTheSame(result);
  return Object.fromEntries(result.checks.map((check) => [check.id, check.state]));
};
const message = (result: VerificationResult, id: string) => {
  expectCatalogSaysTheSame(result);
  return result.checks.find((check) => check.id === id)?.message ?? '';
};

describe('direct-bill partner', () => {
  let simulator: Simulator;
  let client: PartnerCenterClient;
  const request: VerificationRequest = {
    defaultDomain: 'contoso.onmicrosoft.com',
    kind: 'direct',
    reseller: null,
    delegatedAdminRequested: true,
    partnerName: 'Contoso Distribution',
    now: () => fixedNow,
  };

  beforeAll(async () => {
    simulator = await startSimulator({ partner: { ...defaultPartner, name: 'Contoso Direct', role: 'direct' } });
    client = clientFor(simulator);
  });
  afterAll(async () => {
    await simulator.stop();
  });
  beforeEach(async () => {
    await simulator.control.reset();
  });

  it('is not authorized before the customer accepts, and says what to do', async () => {
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('not-authorized');
    expect(result.customerTenantId).toBeNull();
    expect(result.defaultDomain).toBe('contoso.onmicrosoft.com');
    expect(result.checkedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(states(result)).toEqual({
      'customer-relationship': 'failed',
      'reseller-associated': 'not-required',
      'delegated-admin': 'unknown',
    });
    expect(result.checks[0]?.label).toBe('Customer accepted Contoso Distribution as reseller');
    expect(message(result, 'customer-relationship')).toBe(
      "No customer with the default domain contoso.onmicrosoft.com has accepted the invitation yet. If the customer's default domain is not contoso.onmicrosoft.com, verify with that domain.",
    );
    expect(message(result, 'delegated-admin')).toBe('Checked once the customer is found');
  });

  it('is authorized once the customer accepts with delegated admin', async () => {
    const link = withDelegatedAdmin(await client.getRelationshipRequestUrl({}), true);
    const tenantId = await accept(simulator, link);
    const result = await verifyAuthorization(client, { ...request, defaultDomain: 'Contoso.onmicrosoft.com ' });
    expect(result.outcome).toBe('authorized');
    expect(result.customerTenantId).toBe(tenantId);
    expect(states(result)).toEqual({
      'customer-relationship': 'passed',
      'reseller-associated': 'not-required',
      'delegated-admin': 'passed',
    });
  });

  it('is partial when the customer accepted without delegated admin, and names it', async () => {
    const link = withDelegatedAdmin(await client.getRelationshipRequestUrl({}), true);
    await accept(simulator, link, { grantDelegatedAdmin: false });
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('partial');
    expect(states(result)['delegated-admin']).toBe('failed');
    expect(message(result, 'delegated-admin')).toMatch(
      /^The customer accepted without delegated administration privileges/,
    );
  });

  it('needs no delegated admin when none was requested', async () => {
    await accept(simulator, await client.getRelationshipRequestUrl({}), { grantDelegatedAdmin: false });
    const result = await verifyAuthorization(client, { ...request, delegatedAdminRequested: false });
    expect(result.outcome).toBe('authorized');
    expect(states(result)['delegated-admin']).toBe('not-required');
  });

  it('does not mistake a look-alike customer (contosolabs) for contoso', async () => {
    // contosolabs.onmicrosoft.com is already a customer with a reseller relationship.
    const before = await verifyAuthorization(client, request);
    expect(before.outcome).toBe('not-authorized');

    const tenantId = await accept(simulator, await client.getRelationshipRequestUrl({}), {
      grantDelegatedAdmin: false,
    });
    const after = await verifyAuthorization(client, { ...request, delegatedAdminRequested: false });
    expect(after.customerTenantId).toBe(tenantId);
    const labs = simulator.state.tenants.find((tenant) => tenant.companyName === 'Contoso Labs');
    expect(after.customerTenantId).not.toBe(labs?.id);
  });

  it('does not mistake a look-alike custom domain (contoso.com.au) for contoso.com', async () => {
    const before = await verifyAuthorization(client, {
      ...request,
      defaultDomain: 'contoso.com',
      delegatedAdminRequested: false,
    });
    expect(before.outcome).toBe('not-authorized');
    expect(before.customerTenantId).toBeNull();

    const tenantId = await accept(simulator, await client.getRelationshipRequestUrl({}), {
      customDefaultDomain: 'contoso.com',
      grantDelegatedAdmin: false,
    });
    const after = await verifyAuthorization(client, {
      ...request,
      defaultDomain: 'contoso.com',
      delegatedAdminRequested: false,
    });
    expect(after.outcome).toBe('authorized');
    expect(after.customerTenantId).toBe(tenantId);
  });

  it('finds a customer with a custom default domain only by that domain', async () => {
    const tenantId = await accept(simulator, await client.getRelationshipRequestUrl({}), {
      domainPrefix: 'northwindtraders',
      customDefaultDomain: 'northwindtraders.com',
      grantDelegatedAdmin: false,
    });
    const byOnMicrosoft = await verifyAuthorization(client, {
      ...request,
      defaultDomain: 'northwindtraders.onmicrosoft.com',
      delegatedAdminRequested: false,
    });
    expect(byOnMicrosoft.outcome).toBe('not-authorized');
    expect(message(byOnMicrosoft, 'customer-relationship')).toContain('verify with that domain');

    const byDefault = await verifyAuthorization(client, {
      ...request,
      defaultDomain: 'northwindtraders.com',
      delegatedAdminRequested: false,
    });
    expect(byDefault.outcome).toBe('authorized');
    expect(byDefault.customerTenantId).toBe(tenantId);
  });

  it('fails the relationship check for a customer that is not a reseller customer', async () => {
    const tenantId = await accept(simulator, await client.getRelationshipRequestUrl({}), {
      grantDelegatedAdmin: false,
    });
    await simulator.control.updateTenant(tenantId, { relationshipToPartner: 'advisor' });
    const result = await verifyAuthorization(client, { ...request, delegatedAdminRequested: false });
    expect(result.outcome).toBe('not-authorized');
    expect(result.customerTenantId).toBe(tenantId);
    expect(message(result, 'customer-relationship')).toMatch(
      /has not accepted Contoso Distribution as its reseller \(relationship: advisor\)/,
    );
  });

  it('reports a reseller check it may not run (1002) as unknown with the reason', async () => {
    await accept(simulator, await client.getRelationshipRequestUrl({}), { grantDelegatedAdmin: false });
    const result = await verifyAuthorization(client, {
      ...request,
      kind: 'indirect',
      reseller: { tenantId: fabrikam.tenantId, mpnId: fabrikam.mpnId },
      delegatedAdminRequested: false,
    });
    expect(result.outcome).toBe('unknown');
    expect(states(result)['reseller-associated']).toBe('unknown');
    expect(message(result, 'reseller-associated')).toMatch(
      /^Partner Center refused this call \(1002 Authorization Failed\)/,
    );
  });
});

describe('indirect provider', () => {
  let simulator: Simulator;
  let client: PartnerCenterClient;
  const request: VerificationRequest = {
    defaultDomain: 'contoso.onmicrosoft.com',
    kind: 'indirect',
    reseller: { tenantId: fabrikam.tenantId, mpnId: fabrikam.mpnId },
    delegatedAdminRequested: false,
    now: () => fixedNow,
  };
  const resellerLink = async () => client.getRelationshipRequestUrl({ indirectResellerId: fabrikam.tenantId });

  beforeAll(async () => {
    simulator = await startSimulator();
    client = clientFor(simulator);
  });
  afterAll(async () => {
    await simulator.stop();
  });
  beforeEach(async () => {
    await simulator.control.reset();
  });

  it('is not authorized before acceptance; the reseller check waits for the customer', async () => {
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('not-authorized');
    expect(states(result)).toEqual({
      'customer-relationship': 'failed',
      'reseller-associated': 'unknown',
      'delegated-admin': 'not-required',
    });
    expect(result.checks[0]?.label).toBe('Customer accepted us as indirect provider');
    expect(message(result, 'reseller-associated')).toBe('Checked once the customer is found');
  });

  it('is authorized once the customer accepts the reseller link', async () => {
    const tenantId = await accept(simulator, await resellerLink());
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('authorized');
    expect(result.customerTenantId).toBe(tenantId);
    expect(states(result)).toEqual({
      'customer-relationship': 'passed',
      'reseller-associated': 'passed',
      'delegated-admin': 'not-required',
    });
    expect(message(result, 'reseller-associated')).toContain('Fabrikam IT Services (MPN ID 4391507)');
  });

  it('matches the reseller by MPN ID when its tenant id is not known', async () => {
    await accept(simulator, await resellerLink());
    const result = await verifyAuthorization(client, { ...request, reseller: { tenantId: null, mpnId: '4391507' } });
    expect(result.outcome).toBe('authorized');
  });

  it('is partial when the reseller is not associated, and names the reseller', async () => {
    await accept(simulator, await resellerLink(), { associateReseller: false });
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('partial');
    expect(states(result)['reseller-associated']).toBe('failed');
    expect(message(result, 'reseller-associated')).toContain('MPN ID 4391507');
  });

  it('is partial when another reseller was associated', async () => {
    const northwind = seedResellers[1]!;
    await accept(simulator, await client.getRelationshipRequestUrl({ indirectResellerId: northwind.tenantId }));
    const result = await verifyAuthorization(client, request);
    expect(result.outcome).toBe('partial');
    expect(message(result, 'reseller-associated')).toContain('MPN ID 4391507');
  });

  it('is partial without delegated admin when it was requested', async () => {
    await accept(simulator, withDelegatedAdmin(await resellerLink(), true), { grantDelegatedAdmin: false });
    const result = await verifyAuthorization(client, { ...request, delegatedAdminRequested: true });
    expect(result.outcome).toBe('partial');
    expect(states(result)).toEqual({
      'customer-relationship': 'passed',
      'reseller-associated': 'passed',
      'delegated-admin': 'failed',
    });
    expect(message(result, 'delegated-admin')).toContain('delegated administration');
  });

  it('skips the reseller check when the MPN ID was left blank', async () => {
    await accept(simulator, await resellerLink(), { associateReseller: false });
    const result = await verifyAuthorization(client, { ...request, reseller: null });
    expect(result.outcome).toBe('authorized');
    expect(states(result)['reseller-associated']).toBe('not-required');
  });

  it('makes a check unknown on a Partner Center outage, with its message', async () => {
    await accept(simulator, await resellerLink());
    await simulator.control.addFault({ path: '/v1/customers/', times: 10, status: 503 });
    const result = await verifyAuthorization(
      createPartnerCenterClient({
        baseUrl: simulator.url,
        getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'x' }),
        sleep: async () => {},
        maxRetries: 1,
      }),
      request,
    );
    expect(result.outcome).toBe('unknown');
    expect(states(result)['customer-relationship']).toBe('passed');
    expect(states(result)['reseller-associated']).toBe('unknown');
    expect(message(result, 'reseller-associated')).toMatch(/^Microsoft had a problem answering \(HTTP 503\)/);
  });

  it('rethrows offline errors so the caller can queue the verification', async () => {
    await simulator.control.addFault({ path: '/v1/customers', times: 10, dropConnection: true });
    const offline = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'x' }),
      sleep: async () => {},
      maxRetries: 1,
    });
    const error = await verifyAuthorization(offline, request).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect((error as PartnerCenterError).kind).toBe('network');
  });
});
