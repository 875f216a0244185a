// Sign-in to Partner Center as the partner user (App+User) with MSAL Node: a PublicClientApplication,
// interactive sign-in in the system browser with a loopback redirect and PKCE, silent renewal, sign-out.
// The token cache lives in the OS keychain (keychain-token-cache-plugin). The authority is configurable
// (AUTHDESK_LOGIN_URL) so tests run MSAL end to end against the simulator on 127.0.0.1.
import { isLoopbackHost } from '../../../shared/domain/loopback-host';
import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-node';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { createKeychainCachePlugin, tokenCacheSecretName } from './keychain-token-cache-plugin';
import { accessTokenUsedMfa } from './token-claims';
import type { TokenRequest } from '../../platform/http/microsoft-http-core';

// The scopes are shared with the connection guide in Settings, which lists them as the permissions to add.
import {
  graphDelegatedAdminScope,
  graphGroupReadScope,
  partnerCenterScope,
} from '../../../shared/domain/partner-center-permissions';
export { graphDelegatedAdminScope, graphGroupReadScope, partnerCenterScope };
const graphScopes = [graphDelegatedAdminScope, graphGroupReadScope];
export type TokenAudience = 'partner-center' | 'graph';
const scopesFor = (audience: TokenAudience) => (audience === 'graph' ? graphScopes : [partnerCenterScope]);

export interface SignInOptions {
  clientId: string;
  tenantId: string;
  loginUrl: string;
  credentials: CredentialStore;
  // Opens the sign-in page in the system browser.
  openBrowser: (url: string) => Promise<void>;
}

export interface SignedInAccount {
  username: string;
  name: string | null;
  tenantId: string;
}

// What the device code flow asks the user to do on any device with a browser.
export interface DeviceCodePrompt {
  verificationUri: string;
  userCode: string;
  message: string;
}

export interface PartnerCenterSignIn {
  signIn(): Promise<{ account: SignedInAccount; mfa: boolean | null }>;
  // Sign-in for scripts and terminals (the CLI): shows a code to enter at Microsoft's device login page, then
  // waits until the user has signed in there (or the code expires).
  signInWithDeviceCode(
    show: (prompt: DeviceCodePrompt) => void,
  ): Promise<{ account: SignedInAccount; mfa: boolean | null }>;
  account(): Promise<SignedInAccount | null>;
  // A valid access token (silently renewed); an AppError saying "sign in again" when that is needed.
  // forceRefresh skips the cached access token (the API refused it) and redeems the refresh token.
  getAccessToken(
    audience?: TokenAudience,
    request?: TokenRequest,
  ): Promise<{ accessToken: string; mfa: boolean | null }>;
  signOut(): Promise<void>;
}

const openIdConfigurationSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  end_session_endpoint: z.string().optional(),
});

// MSAL insists on an https authority and would look the host up in Microsoft's cloud list. For a loopback
// authority (the simulator), AuthDesk reads its OpenID configuration itself and hands it to MSAL, and names
// the host a known authority, so MSAL neither fetches over https nor asks Microsoft about it.
async function msalConfiguration(options: SignInOptions): Promise<Configuration> {
  const login = new URL(options.loginUrl);
  const cachePlugin = createKeychainCachePlugin(options.credentials, tokenCacheSecretName);
  if (login.protocol === 'https:') {
    const isMicrosoft = login.hostname === 'login.microsoftonline.com';
    return {
      auth: {
        clientId: options.clientId,
        authority: `${login.origin}/${options.tenantId}`,
        ...(isMicrosoft ? {} : { knownAuthorities: [login.host] }),
      },
      cache: { cachePlugin },
    };
  }
  if (!isLoopbackHost(login.hostname)) {
    throw new AppError('not-configured', 'The sign-in address (AUTHDESK_LOGIN_URL) must use https.');
  }
  const response = await fetch(`${login.origin}/${options.tenantId}/v2.0/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  if (!response?.ok) throw new AppError('offline', `The sign-in service at ${login.origin} could not be reached.`);
  const metadata = openIdConfigurationSchema.parse(await response.json());
  return {
    auth: {
      clientId: options.clientId,
      authority: `https://${login.host}/${options.tenantId}`,
      knownAuthorities: [login.host],
      authorityMetadata: JSON.stringify(metadata),
    },
    cache: { cachePlugin },
  };
}

function toAccount(account: AccountInfo): SignedInAccount {
  return { username: account.username, name: account.name ?? null, tenantId: account.tenantId };
}

// MSAL's errors in the user's words: an expired refresh token (AADSTS700082) or any other "interaction
// required" means signing in again.
export function signInFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('AADSTS700082')) {
    return new AppError(
      'not-configured',
      'Your Partner Center sign-in has expired after 90 days without use: sign in again in Settings.',
    );
  }
  if (error instanceof InteractionRequiredAuthError) {
    return new AppError('not-configured', 'Partner Center needs you to sign in again: open Settings and sign in.');
  }
  if (/ENOTFOUND|ECONNREFUSED|network|fetch failed/i.test(message)) {
    return new AppError('offline', `The Microsoft sign-in service could not be reached: ${message}`);
  }
  return new AppError('partner-center', `Signing in to Partner Center failed: ${message}`);
}

export function createPartnerCenterSignIn(options: SignInOptions): PartnerCenterSignIn {
  let application: Promise<PublicClientApplication> | null = null;
  const app = () => {
    application ??= msalConfiguration(options).then((configuration) => new PublicClientApplication(configuration));
    // A failed start (sign-in service unreachable) is tried again next time.
    application.catch(() => {
      application = null;
    });
    return application;
  };
  // One cache operation at a time: each reads the keychain copy into MSAL's memory and may write it back, so
  // two interleaved ones (a background check and a click) could overwrite each other's tokens.
  let cacheTurn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const turn = cacheTurn.then(operation, operation);
    cacheTurn = turn.catch(() => undefined);
    return turn;
  };
  // The account of this authority and tenant: the cache may still hold one from another sign-in address.
  // (For Microsoft's cloud MSAL records an alias such as login.windows.net, so the tenant decides there.)
  const loginHost = new URL(options.loginUrl).host.toLowerCase();
  const firstAccount = async (): Promise<AccountInfo | null> => {
    const accounts = await (await app()).getTokenCache().getAllAccounts();
    const tenantId = options.tenantId.toLowerCase();
    const sameHost = (account: AccountInfo) => account.environment.toLowerCase() === loginHost;
    const sameTenant = (account: AccountInfo) => account.tenantId.toLowerCase() === tenantId;
    return (
      accounts.find((account) => sameHost(account) && sameTenant(account)) ??
      accounts.find(sameTenant) ??
      accounts[0] ??
      null
    );
  };

  return {
    async signIn() {
      try {
        const result = await (
          await app()
        ).acquireTokenInteractive({
          scopes: [partnerCenterScope],
          extraScopesToConsent: graphScopes,
          openBrowser: options.openBrowser,
          successTemplate: 'Signed in to Partner Center. You can close this window and return to AuthDesk.',
          errorTemplate: 'Signing in to Partner Center failed: return to AuthDesk to see why.',
        });
        if (!result.account) throw new AppError('partner-center', 'The sign-in returned no account.');
        return { account: toAccount(result.account), mfa: accessTokenUsedMfa(result.accessToken) };
      } catch (error) {
        throw signInFailure(error);
      }
    },
    async signInWithDeviceCode(show) {
      try {
        const result = await (
          await app()
        ).acquireTokenByDeviceCode({
          scopes: [partnerCenterScope],
          deviceCodeCallback: (response) =>
            show({ verificationUri: response.verificationUri, userCode: response.userCode, message: response.message }),
        });
        if (!result?.account) throw new AppError('partner-center', 'The sign-in returned no account.');
        return { account: toAccount(result.account), mfa: accessTokenUsedMfa(result.accessToken) };
      } catch (error) {
        throw signInFailure(error);
      }
    },
    account: () =>
      exclusive(async () => {
        const account = await firstAccount().catch((error: unknown) => {
          throw signInFailure(error);
        });
        return account ? toAccount(account) : null;
      }),
    getAccessToken: (audience = 'partner-center', request) =>
      exclusive(async () => {
        const account = await firstAccount();
        if (!account) throw new AppError('not-configured', 'Sign in to Partner Center in Settings first.');
        try {
          const result = await (
            await app()
          ).acquireTokenSilent({
            account,
            scopes: scopesFor(audience),
            forceRefresh: request?.forceRefresh ?? false,
          });
          return { accessToken: result.accessToken, mfa: accessTokenUsedMfa(result.accessToken) };
        } catch (error) {
          throw signInFailure(error);
        }
      }),
    signOut: () =>
      exclusive(async () => {
        const account = await firstAccount().catch(() => null);
        if (account) await (await app()).getTokenCache().removeAccount(account);
        await options.credentials.delete(tokenCacheSecretName);
      }),
  };
}
