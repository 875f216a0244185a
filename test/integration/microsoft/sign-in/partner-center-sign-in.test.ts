// MSAL Node end to end against the simulator on 127.0.0.1: interactive sign-in (system browser played by a
// fetch that submits the form_post page to MSAL's loopback server, PKCE checked by the simulator), the
// token cache in the real OS keychain, silent renewal, MFA warning, AADSTS700082, sign-out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tokenCacheSecretName } from '../../../../main/microsoft/sign-in/keychain-token-cache-plugin';
import {
  createPartnerCenterSignIn,
  type PartnerCenterSignIn,
} from '../../../../main/microsoft/sign-in/partner-center-sign-in';
import {
  createKeychainCredentialStore,
  type CredentialStore,
} from '../../../../main/platform/keychain/credential-store';
import { createPartnerCenterClient } from '../../../../main/microsoft/partner-center/partner-center-client';
import { defaultPartner, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { AppError } from '../../../../shared/ipc/ipc-error';
import { partnerCenterHeaders } from '../../../support/partner-center-headers';
import { completeSignInInBrowser } from '../../../support/sign-in-browser';

const clientId = '11111111-2222-4333-8444-555555555555';
let simulator: Simulator;
let credentials: CredentialStore;
const opened: string[] = [];

function signInFor(): PartnerCenterSignIn {
  return createPartnerCenterSignIn({
    clientId,
    tenantId: defaultPartner.tenantId,
    loginUrl: simulator.url,
    credentials,
    openBrowser: async (url) => {
      opened.push(url);
      await completeSignInInBrowser(url);
    },
  });
}

beforeAll(async () => {
  simulator = await startSimulator();
  credentials = createKeychainCredentialStore();
});
afterAll(async () => {
  await credentials.delete(tokenCacheSecretName);
  await simulator.stop();
});
beforeEach(async () => {
  await credentials.delete(tokenCacheSecretName);
  await simulator.control.setUserSignIn({ mfa: true, refreshTokensExpired: false });
  opened.length = 0;
});

describe('Partner Center sign-in with MSAL', () => {
  it('signs in through the browser with PKCE, keeps the cache in the keychain, and renews silently', async () => {
    const signIn = signInFor();
    expect(await signIn.account()).toBeNull();
    const { account, mfa } = await signIn.signIn();
    expect(account).toMatchObject({
      username: 'alex@contosodistribution.onmicrosoft.com',
      name: 'Alex Wilber',
      tenantId: defaultPartner.tenantId,
    });
    expect(mfa).toBe(true);
    const authorizeUrl = new URL(opened[0] ?? '');
    expect(authorizeUrl.pathname).toBe(`/${defaultPartner.tenantId}/oauth2/v2.0/authorize`);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('scope')).toContain(
      'https://api.partnercenter.microsoft.com/user_impersonation',
    );
    expect(authorizeUrl.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);

    // The cache is in the keychain, with the refresh token.
    const cached = await credentials.get(tokenCacheSecretName);
    expect(cached).toContain('RefreshToken');

    // A new application instance (an app restart) finds the account and a token without the browser.
    const restarted = signInFor();
    expect((await restarted.account())?.username).toBe('alex@contosodistribution.onmicrosoft.com');
    const { accessToken } = await restarted.getAccessToken();
    const partnerCenter = await fetch(`${simulator.url}/v1/customers?size=1`, {
      headers: { Authorization: `Bearer ${accessToken}`, ...partnerCenterHeaders() },
    });
    expect(partnerCenter.status).toBe(200);
    expect(opened).toHaveLength(1);
  });

  it('consents to Graph at the same sign-in and gets a separate Graph token for GDAP, silently', async () => {
    const signIn = signInFor();
    await signIn.signIn();
    const authorizeUrl = new URL(opened[0] ?? '');
    expect(authorizeUrl.searchParams.get('scope')).toContain(
      'https://graph.microsoft.com/DelegatedAdminRelationship.ReadWrite.All',
    );
    // Reading the partner's security groups, for the access assignments.
    expect(authorizeUrl.searchParams.get('scope')).toContain('https://graph.microsoft.com/Group.Read.All');
    const audienceOf = (token: string) =>
      (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud: string }).aud;
    const partnerCenter = await signIn.getAccessToken();
    const graph = await signIn.getAccessToken('graph');
    expect(audienceOf(partnerCenter.accessToken)).toBe('https://api.partnercenter.microsoft.com');
    expect(audienceOf(graph.accessToken)).toBe('https://graph.microsoft.com');
    expect(opened).toHaveLength(1);
  });

  it('after the server revoked the access token, the one retry redeems the refresh token silently', async () => {
    const signIn = signInFor();
    await signIn.signIn();
    const refreshes: boolean[] = [];
    const client = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: async (request) => {
        refreshes.push(request.forceRefresh);
        return (await signIn.getAccessToken('partner-center', request)).accessToken;
      },
    });
    expect(await client.getRelationshipRequestUrl({})).toContain('partner-invitation');
    await simulator.control.setUserSignIn({ revokeAccessTokens: true });
    await simulator.control.clearRequestLog();

    expect(await client.getRelationshipRequestUrl({})).toContain('partner-invitation');
    // The cached token was refused once; the retry asked MSAL for a new one, without the browser.
    expect(refreshes).toEqual([false, false, true]);
    const { requests } = await simulator.control.requestLog();
    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers.authorization).not.toBe(requests[1]?.headers.authorization);
    // One call retried: the same MS-RequestId on both attempts.
    expect(requests[0]?.headers['ms-requestid']).toBe(requests[1]?.headers['ms-requestid']);
    expect(opened).toHaveLength(1);
  });

  it('asks to sign in again when the token is revoked and the refresh token is gone too', async () => {
    const signIn = signInFor();
    await signIn.signIn();
    const client = createPartnerCenterClient({
      baseUrl: simulator.url,
      getAccessToken: async (request) => (await signIn.getAccessToken('partner-center', request)).accessToken,
    });
    await simulator.control.setUserSignIn({ revokeAccessTokens: true, refreshTokensExpired: true });
    await expect(client.getRelationshipRequestUrl({})).rejects.toThrow(
      'Your Partner Center sign-in has expired after 90 days without use: sign in again in Settings.',
    );
  });

  it('tells when the sign-in lacked MFA', async () => {
    await simulator.control.setUserSignIn({ mfa: false });
    const { mfa } = await signInFor().signIn();
    expect(mfa).toBe(false);
  });

  it('says "sign in again" when the refresh token expired (AADSTS700082)', async () => {
    const signIn = signInFor();
    await signIn.signIn();
    await simulator.control.setUserSignIn({ refreshTokensExpired: true });
    // Force a renewal: the cached access token is still valid, so drop it from the keychain copy.
    const cache = JSON.parse((await credentials.get(tokenCacheSecretName)) ?? '{}') as Record<string, unknown>;
    cache.AccessToken = {};
    await credentials.set(tokenCacheSecretName, JSON.stringify(cache));
    const error = await signInFor()
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'Your Partner Center sign-in has expired after 90 days without use: sign in again in Settings.',
    );
  });

  it('signs out: the account and the keychain entry are gone', async () => {
    const signIn = signInFor();
    await signIn.signIn();
    await signIn.signOut();
    expect(await signIn.account()).toBeNull();
    expect(await credentials.get(tokenCacheSecretName)).toBeNull();
    await expect(signIn.getAccessToken()).rejects.toThrow('Sign in to Partner Center in Settings first.');
  });
});
