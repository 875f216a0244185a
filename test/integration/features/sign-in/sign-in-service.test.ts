// Connect to Partner Center through the IPC contract: settings, sign-in in the browser (MSAL against the
// simulator), production mode with the user's token on every Partner Center call, the MFA warning, "sign in
// again", sign-out back to the sandbox, and the signed-in state surviving a restart (keychain token cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../../main/platform/keychain/credential-store';
import { tokenCacheSecretName } from '../../../../main/microsoft/sign-in/keychain-token-cache-plugin';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { completeSignInInBrowser } from '../../../support/sign-in-browser';
import { startTestApp, type TestApp } from '../../../support/test-app';
import { makeTempDir } from '../../../support/temp-dir';
import { runCli } from '../../../../main/cli/run-cli';
import { recordingCliIo } from '../../../support/cli-fixtures';

const settings = { clientId: '11111111-2222-4333-8444-555555555555', tenantId: distributorProfile.partnerTenantId };

describe('Connect to Partner Center', () => {
  let sandbox: Simulator;
  // Plays Microsoft: the sign-in authority and the production Partner Center.
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
      credentials,
      browser: completeSignInInBrowser,
    });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterAll(async () => {
    await app.close();
    await credentials.delete(tokenCacheSecretName);
    await sandbox.stop();
    await microsoft.stop();
  });

  it('asks for the app registration before signing in', async () => {
    const status = await call(app, 'getSignInStatus', {});
    expect(status).toMatchObject({ settings: null, account: null, loginUrl: microsoft.url });
    const error = await callError(app, 'signIn', {});
    expect(error).toMatchObject({ code: 'not-configured' });
    const invalid = await callError(app, 'saveSignInSettings', { clientId: 'my app', tenantId: settings.tenantId });
    expect(invalid.fieldErrors?.clientId).toContain('GUID');
  });

  it('signs in, switches to production and calls Partner Center with the user token', async () => {
    await call(app, 'saveSignInSettings', settings);
    expect((await call(app, 'getAppInfo', {})).mode).toBe('sandbox');
    const status = await call(app, 'signIn', {});
    expect(status.account?.username).toBe('alex@contosodistribution.onmicrosoft.com');
    expect(status).toMatchObject({ mfa: true, warning: null });
    expect(app.opened.at(-1)).toMatch(new RegExp(`^${microsoft.url}/${settings.tenantId}/oauth2/v2.0/authorize\\?`));
    const info = await call(app, 'getAppInfo', {});
    expect(info).toMatchObject({ mode: 'production', partnerCenterUrl: microsoft.url });

    await microsoft.control.clearRequestLog();
    const resellers = await call(app, 'refreshResellers', {});
    expect(resellers.length).toBeGreaterThan(0);
    const authorization = microsoft.state.requests.at(-1)?.headers.authorization ?? '';
    // An App+User token from the sign-in (a JWT), not the sandbox's client-credentials token.
    expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.$/);
  });

  it('signed in, refuses to play the customer: a real customer never gets a simulated acceptance', async () => {
    const { detail } = await call(app, 'createCustomer', indirectDetails());
    expect(detail.customer.authorizationLink).not.toBeNull();
    const error = await callError(app, 'sandboxAcceptInvitation', {
      customerId: detail.customer.id,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Accepting on the customer’s behalf exists only in sandbox mode.',
    });
    const { events } = await call(app, 'getCustomer', { customerId: detail.customer.id });
    expect(events.map((event) => event.type)).not.toContain('sandbox-accepted');
  });

  it('stays signed in across a restart: the token cache is in the keychain', async () => {
    await app.restart();
    expect((await call(app, 'getAppInfo', {})).mode).toBe('production');
    expect((await call(app, 'getSignInStatus', {})).account?.username).toBe('alex@contosodistribution.onmicrosoft.com');
  });

  it('warns when the token lacks MFA', async () => {
    await microsoft.control.setUserSignIn({ mfa: false });
    const status = await call(app, 'signIn', {});
    expect(status.mfa).toBe(false);
    expect(status.warning).toContain('without multi-factor authentication');
    await microsoft.control.setUserSignIn({ mfa: true });
  });

  it('says "sign in again" on a Partner Center call once the refresh token expired (AADSTS700082)', async () => {
    await call(app, 'signIn', {});
    await microsoft.control.setUserSignIn({ refreshTokensExpired: true });
    // Drop the cached access token so the next call must renew it.
    const cache = JSON.parse((await credentials.get(tokenCacheSecretName)) ?? '{}') as Record<string, unknown>;
    cache.AccessToken = {};
    await credentials.set(tokenCacheSecretName, JSON.stringify(cache));
    const error = await callError(app, 'refreshResellers', {});
    expect(error).toEqual({
      code: 'not-configured',
      message: 'Your Partner Center sign-in has expired after 90 days without use: sign in again in Settings.',
    });
    expect((await call(app, 'getSignInStatus', {})).warning).toBe(error.message);
    await microsoft.control.setUserSignIn({ refreshTokensExpired: false });
  });

  it('signs out back to the sandbox', async () => {
    const status = await call(app, 'signOut', {});
    expect(status.account).toBeNull();
    expect((await call(app, 'getAppInfo', {})).mode).toBe('sandbox');
    expect(await credentials.get(tokenCacheSecretName)).toBeNull();
  });

  it('signs in from the command line with a device code, says who is signed in, and signs out', async () => {
    const data = makeTempDir();
    const env = {
      AUTHDESK_SIMULATOR_URL: sandbox.url,
      AUTHDESK_PARTNER_CENTER_URL: microsoft.url,
      AUTHDESK_LOGIN_URL: microsoft.url,
    };
    const authdesk = async (args: string[], user?: (line: string) => Promise<void>) => {
      const entered: Promise<void>[] = [];
      const terminal = recordingCliIo((line) => {
        if (user) entered.push(user(line));
      });
      const code = await runCli([...args, '--data-dir', data.dir], {
        io: terminal.io,
        env,
        overrides: { credentials },
      });
      await Promise.all(entered);
      return terminal.output(code);
    };
    try {
      expect((await authdesk(['whoami'])).stdout).toContain('Not signed in, and no app registration yet');
      // The user opens the printed page on any device and types the printed code.
      let prompt = '';
      const signedIn = await authdesk(
        ['sign-in', '--client-id', settings.clientId, '--tenant-id', settings.tenantId],
        async (line) => {
          prompt ||= line;
          const match = /open the page (\S+) and enter the code (\S+) to authenticate/.exec(line);
          if (!match) return;
          const page = await fetch(`${match[1]}?code=${encodeURIComponent(match[2] as string)}`);
          expect(page.status).toBe(200);
        },
      );
      expect(prompt).toMatch(
        new RegExp(`^To sign in, use a web browser to open the page ${microsoft.url}/devicelogin`),
      );
      expect(signedIn).toMatchObject({ code: 0 });
      expect(signedIn.stdout).toBe(
        `Signed in to Partner Center as Alex Wilber <alex@contosodistribution.onmicrosoft.com> (tenant ${settings.tenantId}).`,
      );
      // A later run (a scheduled script) finds the sign-in in the keychain and uses it.
      const whoami = JSON.parse((await authdesk(['whoami', '--json'])).stdout) as { signedIn: boolean; mfa: unknown };
      expect(whoami).toMatchObject({
        signedIn: true,
        account: { username: 'alex@contosodistribution.onmicrosoft.com' },
      });
      const profile = await authdesk([
        'profile',
        'set',
        '--role',
        'indirect-provider',
        '--org',
        'Contoso Distribution',
        '--tenant',
        settings.tenantId,
      ]);
      expect(profile.code).toBe(0);
      const before = (await microsoft.control.state()).requestCount;
      const added = await authdesk([
        'customers',
        'add',
        '--kind',
        'indirect',
        '--company',
        'Device Code Ltd',
        '--contact',
        'Dee Code',
        '--email',
        'dee@devicecode.example',
        '--domain-prefix',
        'devicecode',
        '--reseller-mpn-id',
        '4391507',
      ]);
      expect(added.code).toBe(0);
      // Its link came from the production Partner Center, with the device code sign-in's token.
      expect((await microsoft.control.state()).requestCount).toBeGreaterThan(before);

      expect((await authdesk(['sign-out'])).stdout).toBe('Not signed in: run `authdesk sign-in`.');
      expect(await credentials.get(tokenCacheSecretName)).toBeNull();
      expect((await authdesk(['whoami'])).stdout).toBe('Not signed in: run `authdesk sign-in`.');
    } finally {
      data.remove();
    }
  });
});
