// What "Test connection" runs against, in either mode. Signed in: Partner Center and Graph (the configured
// URLs) with the user's tokens from MSAL, the same the app's calls carry. Sandbox: the running simulator, with
// the client secret kept in the keychain, as partner-center-connection and graph-connection sign in there.
import { AppError } from '../../../shared/ipc/ipc-error';
import { defaultGraphUrl } from '../../microsoft/graph/graph-client';
import { sandboxClientSecretName, type PartnerCenterConnection } from '../../microsoft/partner-center-connection';
import { simulatorTokenProvider } from '../../microsoft/sign-in/simulator-token-client';
import type { AppConfig } from '../../platform/config/app-config';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import type { ConnectionTestTarget } from './connection-test-service';
import type { SignInService } from './sign-in-service';

export interface ConnectionTestTargetOptions {
  config: AppConfig;
  connection: PartnerCenterConnection;
  credentials: CredentialStore;
  signIn: SignInService;
  // The saved partner's tenant, which the sandbox signs in as.
  partnerTenantId: () => string;
}

export async function connectionTestTarget(options: ConnectionTestTargetOptions): Promise<ConnectionTestTarget> {
  const { config, connection, credentials, signIn } = options;
  if (connection.mode === 'production') {
    return {
      mode: 'production',
      partnerCenterUrl: await connection.baseUrl(),
      graphUrl: config.graphUrl ?? defaultGraphUrl,
      account: (await signIn.status()).account?.username ?? null,
      accessToken: (audience, request) => signIn.accessToken(audience, request),
      rateLimiter: connection.rateLimiter(),
    };
  }
  const simulatorUrl = await connection.sandboxSimulatorUrl();
  const tenantId = options.partnerTenantId();
  // One token for both APIs, as in the sandbox's own clients; read when the first check asks for it, so a
  // keychain that does not answer fails that check rather than the whole test.
  let provider: ((request: { forceRefresh: boolean }) => Promise<string>) | null = null;
  return {
    mode: 'sandbox',
    partnerCenterUrl: simulatorUrl,
    graphUrl: config.graphUrl ?? `${simulatorUrl}/v1.0`,
    account: null,
    async accessToken(_audience, request) {
      provider ??= simulatorTokenProvider({
        simulatorUrl,
        tenantId,
        clientSecret: (await credentials.get(sandboxClientSecretName)) ?? '',
      });
      try {
        return await provider(request);
      } catch (error) {
        if (error instanceof TypeError) throw new AppError('offline', `The sandbox at ${simulatorUrl} did not answer.`);
        throw error;
      }
    },
    rateLimiter: connection.rateLimiter(),
  };
}
