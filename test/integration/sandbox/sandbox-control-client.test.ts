// The typed client of the simulator's /sandbox controls, against a real simulator over HTTP: what sandbox
// mode uses (partner, client secret, accept) and what tests use (tenants, faults, the bounded request log).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directInvitationUrl } from '../../../sandbox/partner-center-routes';
import { SandboxControlError } from '../../../sandbox/sandbox-control-client';
import { maxRecordedRequests } from '../../../sandbox/simulator-state';
import { defaultPartner, seedResellers, startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { simulatorTokenProvider } from '../../../main/microsoft/sign-in/simulator-token-client';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ clientSecret: 'first-secret' });
});
afterAll(async () => {
  await simulator.stop();
});
beforeEach(async () => {
  await simulator.control.reset();
  await simulator.control.setPartner(defaultPartner);
});

const token = (clientSecret: string) =>
  simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: defaultPartner.tenantId, clientSecret })();

describe('sandbox control client', () => {
  it('sets the client secret the token endpoint accepts', async () => {
    await expect(token('first-secret')).resolves.toMatch(/^sim-/);
    await simulator.control.setClientSecret('second-secret');
    await expect(token('first-secret')).rejects.toThrow(/refused/);
    await expect(token('second-secret')).resolves.toMatch(/^sim-/);
    await simulator.control.setClientSecret('first-secret');
  });

  it('plays the partner it is told, keeping its MPN ID, with resellers only for an indirect provider', async () => {
    const direct = await simulator.control.setPartner({
      tenantId: '11111111-2222-4333-8444-555555555555',
      name: 'Contoso Direct',
      role: 'direct',
    });
    expect(direct.partner).toEqual({
      tenantId: '11111111-2222-4333-8444-555555555555',
      name: 'Contoso Direct',
      role: 'direct',
      mpnId: defaultPartner.mpnId,
    });
    expect((await simulator.control.state()).resellers).toEqual([]);

    await simulator.control.setPartner({ ...defaultPartner, role: 'indirect-provider' });
    const state = await simulator.control.state();
    expect(state.partner).toEqual(defaultPartner);
    expect(state.resellers.map((reseller) => reseller.tenantId)).toEqual(seedResellers.map((r) => r.tenantId));
  });

  it('accepts a link as the customer, and refuses one for another partner with the reason', async () => {
    const acceptance = {
      domainPrefix: 'fourthcoffee',
      companyName: 'Fourth Coffee',
      grantDelegatedAdmin: false,
      associateReseller: false,
      customDefaultDomain: null,
    };
    await simulator.control.accept({ ...acceptance, invitationUrl: directInvitationUrl(defaultPartner.tenantId) });
    expect((await simulator.control.state()).tenants.map((tenant) => tenant.onMicrosoftDomain)).toContain(
      'fourthcoffee.onmicrosoft.com',
    );
    const refusal = await simulator.control
      .accept({ ...acceptance, invitationUrl: directInvitationUrl('99999999-2222-4333-8444-555555555555') })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SandboxControlError);
    expect(refusal).toMatchObject({ status: 400, reason: expect.stringMatching(/another partner/) });
  });

  it('adds tenants and changes one', async () => {
    const tenant = {
      id: '00000000-0000-4000-8000-000000000001',
      companyName: 'Added Tenant',
      onMicrosoftDomain: 'addedtenant.onmicrosoft.com',
      defaultDomain: 'addedtenant.onmicrosoft.com',
      customDomains: [],
      relationshipToPartner: 'reseller' as const,
      allowDelegatedAccess: false,
      associatedResellerIds: [],
    };
    await simulator.control.addTenants([tenant]);
    await simulator.control.updateTenant(tenant.id, { relationshipToPartner: 'advisor' });
    const found = (await simulator.control.state()).tenants.find((candidate) => candidate.id === tenant.id);
    expect(found).toEqual({ ...tenant, relationshipToPartner: 'advisor' });
    await expect(
      simulator.control.updateTenant('no-such-tenant', { allowDelegatedAccess: true }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('queues faults (first ones ahead) and clears them', async () => {
    await simulator.control.addFault({ path: '/v1/customers', status: 503 });
    await simulator.control.addFault({ path: '/v1/customers', status: 429, first: true });
    expect((await simulator.control.state()).faults.map((fault) => fault.status)).toEqual([429, 503]);
    expect((await fetch(`${simulator.url}/v1/customers`)).status).toBe(429);
    await simulator.control.clearFaults();
    expect((await simulator.control.state()).faults).toEqual([]);
    await expect(simulator.control.addFault({ path: 'no-slash' })).rejects.toMatchObject({ status: 400 });
  });

  it('keeps a bounded request log that still counts every request, and clears it', async () => {
    const total = maxRecordedRequests + 25;
    // In batches, so the sockets stay few; unauthenticated /v1 calls are recorded like any other.
    for (let sent = 0; sent < total; sent += 50) {
      const batch = Array.from({ length: Math.min(50, total - sent) }, (_, index) =>
        fetch(`${simulator.url}/v1/customers?n=${sent + index}`).then((response) => response.body?.cancel()),
      );
      await Promise.all(batch);
    }
    const log = await simulator.control.requestLog();
    expect(log.requestCount).toBe(total);
    expect(log.requests).toHaveLength(maxRecordedRequests);
    expect(log.requests.map((request) => request.query.n)).not.toContain('0');
    await simulator.control.clearRequestLog();
    expect(await simulator.control.requestLog()).toEqual({ requestCount: 0, requests: [] });
  });
});

describe('sandbox controls with a control token (the app’s in-process simulator)', () => {
  it('answers only callers that send the token; Partner Center routes stay as they are', async () => {
    const guarded = await startSimulator({ controlToken: 'the-apps-own-token' });
    try {
      for (const [method, route] of [
        ['GET', 'state'],
        ['POST', 'client-secret'],
        ['POST', 'accept'],
        ['POST', 'faults'],
      ] as const) {
        const response = await fetch(`${guarded.url}/sandbox/${route}`, {
          method,
          headers: { 'X-AuthDesk-Sandbox-Control': 'a-guess' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(response.status, route).toBe(401);
      }
      expect((await fetch(`${guarded.url}/sandbox/state`)).status).toBe(401);
      // The client the simulator hands out carries the token.
      expect((await guarded.control.state()).faults).toEqual([]);
      await guarded.control.setClientSecret('set-by-the-app');
      expect(guarded.state.clientSecret).toBe('set-by-the-app');
      // Partner Center's own routes are guarded by the bearer token, not by this.
      expect((await fetch(`${guarded.url}/v1/customers`)).status).toBe(401);
      expect(
        (await fetch(`${guarded.url}/${defaultPartner.tenantId}/v2.0/.well-known/openid-configuration`)).status,
      ).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});
