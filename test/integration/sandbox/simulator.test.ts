// The simulator's own behaviour that the client tests do not cover: sign-in, the bearer check, the
// sandbox control routes (accept, state, reset, faults) and the invitation links it hands out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerCenterHeaders } from '../../support/partner-center-headers';
import { directInvitationUrl } from '../../../sandbox/partner-center-routes';
import { defaultPartner, seedResellers, startSimulator, type Simulator } from '../../../sandbox/start-simulator';

const fabrikam = seedResellers[0]!;
const secret = 'sandbox-secret';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ clientSecret: secret });
});
afterAll(async () => {
  await simulator.stop();
});
beforeEach(async () => {
  const response = await fetch(`${simulator.url}/sandbox/reset`, { method: 'POST' });
  expect(response.status).toBe(200);
});

async function token(clientSecret = secret): Promise<Response> {
  return fetch(`${simulator.url}/${defaultPartner.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'authdesk',
      client_secret: clientSecret,
    }).toString(),
  });
}

async function accessToken(): Promise<string> {
  const body = (await (await token()).json()) as { access_token: string };
  return body.access_token;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const acceptBody = {
  invitationUrl: directInvitationUrl(defaultPartner.tenantId),
  domainPrefix: 'fourthcoffee',
  companyName: 'Fourth Coffee',
  grantDelegatedAdmin: false,
  associateReseller: false,
  customDefaultDomain: null,
};

describe('simulator', () => {
  it('listens on 127.0.0.1', () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('issues Bearer tokens for the right client secret only', async () => {
    const good = await token();
    expect(good.status).toBe(200);
    const body = (await good.json()) as Record<string, unknown>;
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(typeof body.access_token).toBe('string');

    const bad = await token('wrong');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses /v1 calls without a token it issued, with the Partner Center error shape', async () => {
    const response = await fetch(
      `${simulator.url}/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`,
      {
        headers: { Authorization: 'Bearer made-up', 'MS-RequestId': 'r-1', 'MS-CorrelationId': 'c-1' },
      },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('ms-requestid')).toBe('r-1');
    expect(response.headers.get('ms-correlationid')).toBe('c-1');
    expect(await response.json()).toMatchObject({ data: [], source: 'PartnerFD' });
  });

  it('refuses a call without the headers Microsoft lists as required, naming each', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${simulator.url}/v1/customers/relationshiprequests`, {
        headers: { Authorization: `Bearer ${token}`, ...headers },
      });
    const token = await accessToken();
    const bare = await call({});
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({
      description:
        'Missing or invalid request headers: MS-Contract-Version must be v1; MS-RequestId must be a GUID; MS-CorrelationId must be a GUID.',
    });
    const notGuids = await call({ 'MS-Contract-Version': 'v1', 'MS-RequestId': 'r-1', 'MS-CorrelationId': 'c-1' });
    expect(notGuids.status).toBe(400);
    expect(((await notGuids.json()) as { description: string }).description).not.toContain('Contract');
    expect((await call(partnerCenterHeaders())).status).toBe(200);
  });

  it('echoes the tracing headers on a successful call', async () => {
    const headers = partnerCenterHeaders();
    const response = await fetch(`${simulator.url}/v1/customers/relationshiprequests`, {
      headers: { Authorization: `Bearer ${await accessToken()}`, ...headers },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ms-requestid')).toBe(headers['MS-RequestId']);
    expect(response.headers.get('ms-correlationid')).toBe(headers['MS-CorrelationId']);
    expect(await response.json()).toEqual({
      url: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${defaultPartner.tenantId}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
      attributes: { objectType: 'RelationshipRequest' },
    });
  });

  it('accepts a direct link: a new tenant becomes a customer without DAP when the link says DAP=false', async () => {
    const response = await post('/sandbox/accept', { ...acceptBody, grantDelegatedAdmin: true });
    expect(response.status).toBe(200);
    const { customer } = (await response.json()) as { customer: Record<string, unknown> };
    expect(customer).toMatchObject({
      companyProfile: { domain: 'fourthcoffee.onmicrosoft.com', companyName: 'Fourth Coffee' },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: false,
    });
    const tenant = simulator.state.tenants.find(
      (candidate) => candidate.onMicrosoftDomain === 'fourthcoffee.onmicrosoft.com',
    );
    expect(tenant?.relationshipToPartner).toBe('reseller');
  });

  it('reuses an existing tenant and grants DAP only when the link asks and the admin agrees', async () => {
    const dapLink = acceptBody.invitationUrl.replace('DAP=false', 'DAP=true');
    const adatum = simulator.state.tenants.find((tenant) => tenant.companyName === 'Adatum Corporation')!;
    const response = await post('/sandbox/accept', {
      ...acceptBody,
      invitationUrl: dapLink,
      domainPrefix: 'adatum',
      grantDelegatedAdmin: true,
    });
    expect(response.status).toBe(200);
    expect(
      simulator.state.tenants.filter((tenant) => tenant.onMicrosoftDomain === 'adatum.onmicrosoft.com'),
    ).toHaveLength(1);
    expect(adatum.relationshipToPartner).toBe('reseller');
    expect(adatum.allowDelegatedAccess).toBe(true);
    expect(adatum.companyName).toBe('Adatum Corporation');
  });

  it('associates the reseller of an indirect link only when asked', async () => {
    const indirect = `https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=${fabrikam.tenantId}&msppId=${fabrikam.mpnId}&indirectCSPId=${defaultPartner.tenantId}&DAP=false#/BillingAccounts/partner-invitation`;
    await post('/sandbox/accept', {
      ...acceptBody,
      invitationUrl: indirect,
      domainPrefix: 'one',
      associateReseller: false,
    });
    await post('/sandbox/accept', {
      ...acceptBody,
      invitationUrl: indirect,
      domainPrefix: 'two',
      associateReseller: true,
    });
    const byDomain = (domain: string) => simulator.state.tenants.find((tenant) => tenant.onMicrosoftDomain === domain);
    expect(byDomain('one.onmicrosoft.com')?.associatedResellerIds).toEqual([]);
    expect(byDomain('two.onmicrosoft.com')?.associatedResellerIds).toEqual([fabrikam.tenantId]);
  });

  it('sets a custom default domain', async () => {
    await post('/sandbox/accept', { ...acceptBody, customDefaultDomain: 'FourthCoffee.com' });
    const tenant = simulator.state.tenants.find(
      (candidate) => candidate.onMicrosoftDomain === 'fourthcoffee.onmicrosoft.com',
    );
    expect(tenant?.defaultDomain).toBe('fourthcoffee.com');
  });

  it('refuses links for another partner, malformed bodies and taken custom domains', async () => {
    const otherPartner = await post('/sandbox/accept', {
      ...acceptBody,
      invitationUrl: directInvitationUrl('11111111-2222-4333-8444-555555555555'),
    });
    expect(otherPartner.status).toBe(400);
    expect(((await otherPartner.json()) as { error: string }).error).toMatch(/another partner/);

    const malformed = await post('/sandbox/accept', { ...acceptBody, domainPrefix: 'not valid!' });
    expect(malformed.status).toBe(400);

    const notAdminCenter = await post('/sandbox/accept', {
      ...acceptBody,
      invitationUrl: 'https://example.com/?partnerId=x',
    });
    expect(notAdminCenter.status).toBe(400);

    const taken = await post('/sandbox/accept', { ...acceptBody, customDefaultDomain: 'tailwindtraders.com' });
    expect(taken.status).toBe(409);
  });

  it('dumps and resets its state', async () => {
    await post('/sandbox/accept', acceptBody);
    const dump = (await (await fetch(`${simulator.url}/sandbox/state`)).json()) as {
      partner: { name: string; mpnId: string };
      resellers: { name: string }[];
      tenants: { onMicrosoftDomain: string }[];
    };
    expect(dump.partner).toMatchObject({ name: 'Contoso Distribution', mpnId: '1234567' });
    expect(dump.resellers.map((reseller) => reseller.name)).toEqual([
      'Fabrikam IT Services',
      'Northwind Cloud',
      'Tailspin Partners',
    ]);
    expect(dump.tenants.map((tenant) => tenant.onMicrosoftDomain)).toContain('fourthcoffee.onmicrosoft.com');
    expect(JSON.stringify(dump)).not.toContain('sim-');

    await post('/sandbox/reset', {});
    expect(simulator.state.tenants.map((tenant) => tenant.onMicrosoftDomain)).not.toContain(
      'fourthcoffee.onmicrosoft.com',
    );
  });

  it('injects faults through /sandbox/faults', async () => {
    const added = await post('/sandbox/faults', { path: '/v1/relationships', status: 503 });
    expect(added.status).toBe(200);
    const headers = { Authorization: `Bearer ${await accessToken()}`, ...partnerCenterHeaders() };
    const url = `${simulator.url}/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`;
    expect((await fetch(url, { headers })).status).toBe(503);
    expect((await fetch(url, { headers })).status).toBe(200);
  });

  it('gives a direct-bill partner no resellers', async () => {
    const direct = await startSimulator({ partner: { ...defaultPartner, role: 'direct' } });
    try {
      expect(direct.state.resellers).toEqual([]);
    } finally {
      await direct.stop();
    }
  });
});
