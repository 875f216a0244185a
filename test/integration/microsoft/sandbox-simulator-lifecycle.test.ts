// The in-process sandbox simulator runs only in sandbox mode: it starts with a signed-out app, stops when the
// user signs in to Partner Center (its port closes), does not start when a signed-in app restarts, and comes
// back, playing the saved partner, once the user signs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { distributorProfile, indirectDetails } from '../../support/customer-fixtures';
import { call } from '../../support/ipc-call';
import { completeSignInInBrowser } from '../../support/sign-in-browser';
import { startTestApp, type TestApp } from '../../support/test-app';

const settings = { clientId: '11111111-2222-4333-8444-555555555555', tenantId: distributorProfile.partnerTenantId };

// Whether anything still answers HTTP at that address.
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

describe('The sandbox simulator runs only in sandbox mode', () => {
  // Plays Microsoft: the sign-in authority and the production Partner Center.
  let microsoft: Simulator;
  let app: TestApp;
  let firstSimulatorUrl = '';
  let customerId = '';

  beforeAll(async () => {
    microsoft = await startSimulator();
    // No simulatorUrl: the app starts its own, as the installed app does.
    app = await startTestApp({
      partnerCenterUrl: microsoft.url,
      loginUrl: microsoft.url,
      browser: completeSignInInBrowser,
    });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterAll(async () => {
    await app.close();
    await microsoft.stop();
  });

  it('signed out, the app starts its own simulator and calls it', async () => {
    const info = await call(app, 'getAppInfo', {});
    expect(info.mode).toBe('sandbox');
    expect(info.sandboxSimulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.partnerCenterUrl).toBe(info.sandboxSimulatorUrl);
    firstSimulatorUrl = info.sandboxSimulatorUrl ?? '';
    expect(await answers(firstSimulatorUrl)).toBe(true);
    expect((await call(app, 'refreshResellers', {})).length).toBeGreaterThan(0);
    const { detail } = await call(app, 'createCustomer', indirectDetails());
    customerId = detail.customer.id;
    await call(app, 'recordHandOff', { customerId, channel: 'copy-link' });
    // The customer accepts in the sandbox; only the simulator knows it until AuthDesk verifies.
    await call(app, 'sandboxAcceptInvitation', {
      customerId,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
  });

  it('signing in stops the simulator: its port no longer answers', async () => {
    await call(app, 'saveSignInSettings', settings);
    await call(app, 'signIn', {});
    const info = await call(app, 'getAppInfo', {});
    expect(info).toMatchObject({ mode: 'production', partnerCenterUrl: microsoft.url, sandboxSimulatorUrl: null });
    expect(await answers(firstSimulatorUrl)).toBe(false);
    const { text } = await call(app, 'getDiagnostics', {});
    expect(text).toContain('Sandbox simulator: not running');
  });

  it('signing out resumes the simulator where it was, playing the partner saved meanwhile', async () => {
    await call(app, 'savePartnerProfile', { ...distributorProfile, organizationName: 'Contoso Distribution EU' });
    await call(app, 'signOut', {});
    const info = await call(app, 'getAppInfo', {});
    expect(info.mode).toBe('sandbox');
    expect(info.sandboxSimulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await answers(info.sandboxSimulatorUrl ?? '')).toBe(true);
    // The acceptance made before signing in is still there to verify.
    const verified = await call(app, 'verifyAuthorization', { customerId, defaultDomain: 'litware.onmicrosoft.com' });
    expect(verified.detail.customer.status).toBe('authorized');
    const state = await app.services.sandboxControl?.state();
    expect(state?.partner).toMatchObject({
      tenantId: distributorProfile.partnerTenantId,
      name: 'Contoso Distribution EU',
    });
  });

  it('a signed-in app that restarts starts no simulator, and production calls still work', async () => {
    await call(app, 'signIn', {});
    await app.restart();
    const info = await call(app, 'getAppInfo', {});
    expect(info).toMatchObject({ mode: 'production', sandboxSimulatorUrl: null });
    await microsoft.control.clearRequestLog();
    expect((await call(app, 'refreshResellers', {})).length).toBeGreaterThan(0);
    expect((await microsoft.control.requestLog()).requestCount).toBeGreaterThan(0);
    expect((await call(app, 'getAppInfo', {})).sandboxSimulatorUrl).toBeNull();
  });
});
