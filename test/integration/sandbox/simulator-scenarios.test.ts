// The simulator's scenario control, throttling and OpenID configuration, seen through the real REST client,
// the tenant directory and Verify Authorization over HTTP.
import { partnerCenterHeaders } from '../../support/partner-center-headers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createPartnerCenterClient,
  type PartnerCenterClient,
} from '../../../main/microsoft/partner-center/partner-center-client';
import { PartnerCenterError } from '../../../main/microsoft/partner-center/partner-center-error';
import { createRateLimiter } from '../../../main/platform/http/rate-limiter';
import { resetSimulatorState } from '../../../sandbox/simulator-state';
import { simulatorTokenProvider } from '../../../main/microsoft/sign-in/simulator-token-client';
import { seedResellers, startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { createTenantDirectory } from '../../../main/microsoft/partner-center/tenant-directory';
import {
  verifyAuthorization,
  type VerificationRequest,
} from '../../../main/features/verification/verify-authorization';
import { summarizeVerification } from '../../../shared/domain/verification';

const fabrikam = seedResellers[0]!;
let simulator: Simulator;
let client: PartnerCenterClient;

const states = (result: { checks: { id: string; state: string }[] }) =>
  Object.fromEntries(result.checks.map((check) => [check.id, check.state]));

function request(overrides: Partial<VerificationRequest> = {}): VerificationRequest {
  return {
    defaultDomain: 'adatum.onmicrosoft.com',
    kind: 'indirect',
    reseller: { tenantId: fabrikam.tenantId, mpnId: fabrikam.mpnId },
    delegatedAdminRequested: true,
    partnerName: 'Contoso Distribution',
    tenantDirectory: createTenantDirectory({ loginUrl: simulator.url }),
    ...overrides,
  };
}

beforeAll(async () => {
  simulator = await startSimulator();
  client = createPartnerCenterClient({
    baseUrl: simulator.url,
    getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: simulator.state.partner.tenantId }),
    sleep: async () => {},
  });
});
afterAll(() => simulator.stop());
beforeEach(() => resetSimulatorState(simulator.state));

describe('scenario control', () => {
  it('accepts after N checks: the first N verifications find nothing, the next one everything', async () => {
    await simulator.control.addScenarios({
      domain: 'adatum.onmicrosoft.com',
      companyName: 'Adatum',
      acceptAfterChecks: 2,
      resellerMpnId: fabrikam.mpnId,
    });
    expect((await verifyAuthorization(client, request())).outcome).toBe('not-authorized');
    const second = await verifyAuthorization(client, request());
    expect(second.outcome).toBe('not-authorized');
    // Not accepted yet is not "no such tenant": the domain exists.
    expect(second.domainIsTenant).toBeUndefined();
    expect(summarizeVerification(second)).toContain('has not accepted the invitation');
    const third = await verifyAuthorization(client, request());
    expect(third.outcome).toBe('authorized');
    expect(states(third)).toEqual({
      'customer-relationship': 'passed',
      'reseller-associated': 'passed',
      'delegated-admin': 'passed',
    });
  });

  it('accepts without delegated admin', async () => {
    await simulator.control.addScenarios({
      domain: 'adatum.onmicrosoft.com',
      grantDelegatedAdmin: false,
      resellerMpnId: fabrikam.mpnId,
    });
    const result = await verifyAuthorization(client, request());
    expect(result.outcome).toBe('partial');
    expect(states(result)['delegated-admin']).toBe('failed');
  });

  it('accepts without the reseller', async () => {
    await simulator.control.addScenarios({
      domain: 'adatum.onmicrosoft.com',
      associateReseller: false,
      resellerMpnId: fabrikam.mpnId,
    });
    const result = await verifyAuthorization(client, request());
    expect(result.outcome).toBe('partial');
    expect(states(result)['reseller-associated']).toBe('failed');
  });

  it('accepts with a custom default domain: found only by that domain', async () => {
    await simulator.control.addScenarios([
      { domain: 'adatum.onmicrosoft.com', customDefaultDomain: 'adatum.com', resellerMpnId: fabrikam.mpnId },
    ]);
    const byOnMicrosoft = await verifyAuthorization(client, request());
    expect(byOnMicrosoft.outcome).toBe('not-authorized');
    expect(byOnMicrosoft.domainIsTenant).toBeUndefined();
    const byCustom = await verifyAuthorization(client, request({ defaultDomain: 'adatum.com' }));
    expect(byCustom.outcome).toBe('authorized');
  });

  it('tells a domain that is no Microsoft 365 tenant from one that has not accepted', async () => {
    await simulator.control.addScenarios({ domain: 'nosuch.onmicrosoft.com', tenantExists: false });
    const missing = await verifyAuthorization(client, request({ defaultDomain: 'nosuch.onmicrosoft.com' }));
    expect(missing.outcome).toBe('not-authorized');
    expect(missing.domainIsTenant).toBe(false);
    expect(missing.checks[0]?.message).toContain('nosuch.onmicrosoft.com is not a Microsoft 365 tenant');
    expect(summarizeVerification(missing)).toBe(
      'nosuch.onmicrosoft.com is not a Microsoft 365 tenant: check the domain with the customer.',
    );
    const typo = await verifyAuthorization(client, request({ defaultDomain: 'adatum.con' }));
    expect(typo.domainIsTenant).toBe(false);
  });

  it('refuses a scenario naming an unknown reseller', async () => {
    await expect(
      simulator.control.addScenarios({ domain: 'adatum.onmicrosoft.com', resellerMpnId: '9999999' }),
    ).rejects.toMatchObject({ status: 400, reason: expect.stringMatching(/no reseller 9999999/) });
  });
});

describe('OpenID configuration', () => {
  it('resolves a known domain to its tenant id and refuses an unknown one with AADSTS90002', async () => {
    const seeded = simulator.state.tenants.find((tenant) => tenant.defaultDomain !== tenant.onMicrosoftDomain)!;
    const known = await fetch(`${simulator.url}/${seeded.defaultDomain}/v2.0/.well-known/openid-configuration`);
    expect(known.status).toBe(200);
    const configuration = (await known.json()) as { issuer: string; token_endpoint: string };
    expect(configuration.issuer).toBe(`${simulator.url}/${seeded.id}/v2.0`);
    const directory = createTenantDirectory({ loginUrl: simulator.url });
    expect(await directory.lookup(seeded.defaultDomain)).toEqual({ exists: true, tenantId: seeded.id });
    const unknown = await fetch(`${simulator.url}/example.invalid/v2.0/.well-known/openid-configuration`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error_description: string }).error_description).toContain('AADSTS90002');
    expect(await directory.lookup('example.invalid')).toEqual({ exists: false });
  });

  it('does not claim "no tenant" when the sign-in service cannot be reached', async () => {
    const directory = createTenantDirectory({ loginUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect((await directory.lookup('contoso.com')).exists).toBeNull();
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After past the per-minute limit', async () => {
    await simulator.control.setRateLimit(3);
    const token = await simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'organizations' })();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 5; index += 1) {
      const response = await fetch(`${simulator.url}/v1/customers?size=1`, {
        headers: { Authorization: `Bearer ${token}`, ...partnerCenterHeaders() },
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('Retry-After');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(simulator.state.rateLimit?.throttled).toBe(2);
  });

  it('a client paced by its rate limiter is never throttled by the same limit', async () => {
    await simulator.control.setRateLimit(600);
    // Drain the simulator's own burst so only the sustained rate (10 per second) is left.
    simulator.state.rateLimit!.tokens = 1;
    const paced = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'organizations' }),
      rateLimiter: createRateLimiter({ requestsPerMinute: 540, burst: 1 }),
      maxRetries: 0,
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: 15 }, () => paced.findCustomersByDomain('contoso.onmicrosoft.com')));
    expect(simulator.state.rateLimit?.throttled).toBe(0);
    // 15 requests at 9 per second after the first: at least 1.5 seconds.
    expect(performance.now() - started).toBeGreaterThan(1400);
  });

  it('an unpaced client is throttled, honours Retry-After and gets through', async () => {
    await simulator.control.setRateLimit(60);
    simulator.state.rateLimit!.tokens = 1;
    const waits: number[] = [];
    const eager = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'organizations' }),
      sleep: async (ms) => {
        waits.push(ms);
        simulator.state.rateLimit!.tokens = 1;
      },
    });
    await eager.findCustomersByDomain('contoso.onmicrosoft.com');
    await eager.findCustomersByDomain('contoso.onmicrosoft.com');
    expect(waits).toEqual([1000]);
  });

  it('turns endless throttling into a typed error', async () => {
    await simulator.control.setRateLimit(1);
    simulator.state.rateLimit!.tokens = 0;
    const eager = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: 'organizations' }),
      sleep: async () => {},
      maxRetries: 2,
    });
    const error = await eager.findCustomersByDomain('contoso.onmicrosoft.com').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect((error as PartnerCenterError).status).toBe(429);
  });
});
