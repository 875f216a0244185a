// Settings › Connect to Partner Center: the app registration (client ID, partner tenant), interactive sign-in
// in the system browser, the signed-in account, sign-out, and access tokens for the production client.
// Signed in means production mode; signed out, the sandbox.
import type { SignInSettings, SignInStatus } from '../../../shared/domain/partner-center-sign-in';
import type { TokenAudience } from '../../microsoft/sign-in/partner-center-sign-in';
import type { TokenRequest } from '../../platform/http/microsoft-http-core';
import { AppError } from '../../../shared/ipc/ipc-error';
import {
  createPartnerCenterSignIn,
  type DeviceCodePrompt,
  type PartnerCenterSignIn,
  type SignedInAccount,
} from '../../microsoft/sign-in/partner-center-sign-in';
import { missingMfaWarning } from '../../microsoft/sign-in/token-claims';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { getSignInSettings, saveSignInSettings } from './sign-in-settings-repository';
import type { OpenExternal } from '../../platform/security/external-url-policy';
import type { ServiceContext } from '../../platform/service-context';

export interface SignInService {
  status(): Promise<SignInStatus>;
  saveSettings(settings: SignInSettings): Promise<SignInStatus>;
  signIn(): Promise<SignInStatus>;
  // The device code flow, for the command line: show says where to go and which code to enter.
  signInWithDeviceCode(show: (prompt: DeviceCodePrompt) => void): Promise<SignInStatus>;
  signOut(): Promise<SignInStatus>;
  isSignedIn(): boolean;
  accessToken(audience?: TokenAudience, request?: TokenRequest): Promise<string>;
  // Reads the cached account at start, so a signed-in user starts in production mode.
  restore(): Promise<void>;
}

export interface SignInServiceOptions {
  credentials: CredentialStore;
  loginUrl: string;
  openExternal: OpenExternal;
  // Awaited, so a sign-in or sign-out returns once the app has followed it (the sandbox stopped or not).
  onChange?: (signedIn: boolean) => Promise<void>;
}

export function createSignInService(context: ServiceContext, options: SignInServiceOptions): SignInService {
  let session: { key: string; signIn: PartnerCenterSignIn } | null = null;
  let account: SignedInAccount | null = null;
  let mfa: boolean | null = null;
  let warning: string | null = null;

  const settings = () => getSignInSettings(context.db);
  const signInFor = (current: SignInSettings): PartnerCenterSignIn => {
    const key = `${current.clientId}|${current.tenantId}`;
    if (session?.key !== key) {
      session = {
        key,
        signIn: createPartnerCenterSignIn({
          ...current,
          loginUrl: options.loginUrl,
          credentials: options.credentials,
          openBrowser: (url) => options.openExternal(url),
        }),
      };
    }
    return session.signIn;
  };
  const requireSettings = (): SignInSettings => {
    const current = settings();
    if (!current) {
      throw new AppError('not-configured', 'Enter the application (client) ID and partner tenant ID first.');
    }
    return current;
  };
  const setAccount = async (next: SignedInAccount | null): Promise<void> => {
    const changed = (account === null) !== (next === null);
    account = next;
    if (changed) await options.onChange?.(next !== null);
  };
  const noteMfa = (value: boolean | null) => {
    mfa = value;
    warning = value === false ? missingMfaWarning : null;
  };
  const status = async (): Promise<SignInStatus> => ({
    settings: settings(),
    account,
    mfa,
    warning,
    loginUrl: options.loginUrl,
  });

  return {
    status,
    async saveSettings(next) {
      const current = settings();
      const changed = current?.clientId !== next.clientId || current?.tenantId !== next.tenantId;
      // Another app registration or tenant: the old account's tokens do not belong to it.
      if (changed && current && account) {
        await signInFor(current).signOut();
        await setAccount(null);
        noteMfa(null);
      }
      saveSignInSettings(context.db, next, context.now());
      return status();
    },
    async signIn() {
      const result = await signInFor(requireSettings()).signIn();
      noteMfa(result.mfa);
      await setAccount(result.account);
      return status();
    },
    async signInWithDeviceCode(show) {
      const result = await signInFor(requireSettings()).signInWithDeviceCode(show);
      noteMfa(result.mfa);
      await setAccount(result.account);
      return status();
    },
    async signOut() {
      const current = settings();
      if (current) await signInFor(current).signOut();
      noteMfa(null);
      await setAccount(null);
      return status();
    },
    isSignedIn: () => account !== null,
    async accessToken(audience: TokenAudience = 'partner-center', request?: TokenRequest) {
      try {
        const token = await signInFor(requireSettings()).getAccessToken(audience, request);
        noteMfa(token.mfa);
        return token.accessToken;
      } catch (error) {
        if (error instanceof AppError && error.code === 'not-configured') warning = error.message;
        throw error;
      }
    },
    async restore() {
      const current = settings();
      if (!current) return;
      // An unreachable keychain or sign-in service at start leaves the app in sandbox mode; Settings says why.
      try {
        await setAccount(await signInFor(current).account());
      } catch (error) {
        warning = error instanceof Error ? error.message : String(error);
      }
    },
  };
}
