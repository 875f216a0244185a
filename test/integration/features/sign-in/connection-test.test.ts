// "Test connection" through the IPC contract, against the simulator over HTTP: in the sandbox every check
// passes; a fault on one API fails that check alone with the reason (403 missing permission, 401 sign-in not
// accepted, dropped connection, 429); a sandbox sign-in refused skips both reads; signed in (MSAL against a
// simulator playing Microsoft) it tests the user's tokens. No token ever appears in the answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../../main/platform/keychain/credential-store';
import { tokenCacheSecretName } from '../../../../main/microsoft/sign-in/keychain-token-cache-plugin';
import { sandboxClientSecretName } from '../../../../main/microsoft/partner-center-connection';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { distributorProfile } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { completeSignInInBrowser } from '../../../support/sign-in-browser';
import { startTestApp, type TestApp } from '../../../support/test-app';

const gdapPath = '/v1.0/tenantRelationships/delegatedAdminRelationships';

function outcomes(result: { checks: { id: string; outcome: string; reason: string | null }[] }) {
  return Object.fromEntries(result.checks.map((check) => [check.id, [check.outcome, check.reason]]));
}

describe('Test connection in the sandbox', () => {
  let sandbox: Simulator;
  let app: TestApp;

  beforeAll(async () => {
    sandbox = await startSimulator();
    app = await startTestApp({ simulatorUrl: sandbox.url });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterAll(async () => {
    await app.close();
    await sandbox.stop();
  });
  beforeEach(async () => {
    await sandbox.control.clearFaults();
  });

  it('passes each check against the simulator, with one read of each API', async () => {
    await sandbox.control.clearRequestLog();
    const result = await call(app, 'testConnection', {});
    expect(result).toMatchObject({ mode: 'sandbox', partnerCenterUrl: sandbox.url, account: null });
    expect(result.graphUrl).toBe(`${sandbox.url}/v1.0`);
    expect(outcomes(result)).toEqual({
      'sign-in': ['passed', null],
      'partner-center': ['passed', null],
      graph: ['passed', null],
    });
    expect(result.checks.find((check) => check.id === 'partner-center')?.found).toBeGreaterThan(0);
    const reads = sandbox.state.requests.filter((request) => request.path === '/v1/customers');
    expect(reads).toHaveLength(1);
  });

  it('reports a Graph 403 as a missing permission on the Graph check alone', async () => {
    await sandbox.control.addFault({
      method: 'GET',
      path: gdapPath,
      status: 403,
      body: {
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
      },
    });
    const result = await call(app, 'testConnection', {});
    expect(outcomes(result)).toMatchObject({ 'partner-center': ['passed', null], graph: ['failed', 'forbidden'] });
    expect(result.checks.find((check) => check.id === 'graph')).toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
      detail: 'Insufficient privileges to complete the operation.',
    });
  });

  it('reports a Partner Center 401 (twice: after the one fresh token too) as not accepted', async () => {
    await sandbox.control.addFault({ method: 'GET', path: '/v1/customers', status: 401, times: 2 });
    const result = await call(app, 'testConnection', {});
    expect(outcomes(result)).toMatchObject({ 'partner-center': ['failed', 'unauthorized'], graph: ['passed', null] });
    expect(result.checks.find((check) => check.id === 'partner-center')?.status).toBe(401);
  });

  it('reports a dropped connection as no connection, and a 429 as throttled, without retrying', async () => {
    await sandbox.control.addFault({ method: 'GET', path: '/v1/customers', dropConnection: true });
    await sandbox.control.addFault({ method: 'GET', path: gdapPath, status: 429, retryAfterSeconds: 30 });
    const result = await call(app, 'testConnection', {});
    expect(outcomes(result)).toMatchObject({
      'partner-center': ['failed', 'network'],
      graph: ['failed', 'throttled'],
    });
    // Each fault was used once: no retry went out.
    expect((await sandbox.control.state()).faults).toEqual([]);
  });

  it('skips both reads when the sandbox sign-in is refused, and never returns a token', async () => {
    const secret = await app.credentials.get(sandboxClientSecretName);
    await sandbox.control.setClientSecret('another-secret');
    try {
      const result = await call(app, 'testConnection', {});
      expect(result.checks.map((check) => check.outcome)).toEqual(['failed', 'skipped', 'skipped']);
      expect(result.checks[0]?.detail).toContain('refused');
      expect(JSON.stringify(result)).not.toMatch(/Bearer|eyJ/);
    } finally {
      await sandbox.control.setClientSecret(secret);
    }
  });
});

describe('Test connection signed in', () => {
  let sandbox: Simulator;
  let microsoft: Simulator;
  let app: TestApp;
  const credentials = createKeychainCredentialStore();

  beforeAll(async () => {
    await credentials.delete(tokenCacheSecretName);
    sandbox = await startSimulator();
    microsoft = await startSimulator();
    app = await startTestApp({
      simulatorUrl: sandbox.url,
      partnerCenterUrl: microsoft.url,
      loginUrl: microsoft.url,
      graphUrl: `${microsoft.url}/v1.0`,
      credentials,
      browser: completeSignInInBrowser,
    });
    await call(app, 'savePartnerProfile', distributorProfile);
    await call(app, 'saveSignInSettings', {
      clientId: '11111111-2222-4333-8444-555555555555',
      tenantId: distributorProfile.partnerTenantId,
    });
    await call(app, 'signIn', {});
  });
  afterAll(async () => {
    await app.close();
    await credentials.delete(tokenCacheSecretName);
    await sandbox.stop();
    await microsoft.stop();
  });

  it('tests the user token with MFA against Partner Center and Graph', async () => {
    await microsoft.control.clearRequestLog();
    const result = await call(app, 'testConnection', {});
    expect(result).toMatchObject({
      mode: 'production',
      partnerCenterUrl: microsoft.url,
      account: 'alex@contosodistribution.onmicrosoft.com',
    });
    expect(outcomes(result)).toEqual({
      'sign-in': ['passed', null],
      'partner-center': ['passed', null],
      graph: ['passed', null],
    });
    expect(result.checks[0]?.mfa).toBe(true);
    const read = microsoft.state.requests.find((request) => request.path === '/v1/customers');
    expect(read?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.$/);
    expect(JSON.stringify(result)).not.toContain(read?.headers.authorization?.slice('Bearer '.length) ?? 'none');
  });

  it('warns when the token lacks MFA', async () => {
    await microsoft.control.setUserSignIn({ mfa: false });
    try {
      await call(app, 'signIn', {});
      const result = await call(app, 'testConnection', {});
      expect(result.checks[0]).toMatchObject({ id: 'sign-in', outcome: 'warning', mfa: false });
    } finally {
      await microsoft.control.setUserSignIn({ mfa: true });
      await call(app, 'signIn', {});
    }
  });

  it('asks to sign in again when the refresh token has expired', async () => {
    await microsoft.control.setUserSignIn({ refreshTokensExpired: true, revokeAccessTokens: true });
    const result = await call(app, 'testConnection', {});
    // The cached access token still reads (the simulator revoked it): a fresh one is needed and refused.
    expect(result.checks.some((check) => check.outcome === 'failed')).toBe(true);
    const failure = result.checks.find((check) => check.outcome === 'failed');
    expect(failure?.reason).toBe('sign-in-needed');
  });
});
