// Which Partner Center AuthDesk talks to, and how it signs in. Production (once the user signed in with
// Microsoft in Settings): the configured Partner Center URL with the user's App+User token from MSAL.
// Sandbox (otherwise): the local simulator, started in-process unless one is given, signing in with a client
// secret generated once and kept in the keychain, so even the sandbox goes through the real OS keychain.
// The mode follows the sign-in as it changes, without a restart.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenAudience } from './sign-in/partner-center-sign-in';
import type { TokenRequest } from '../platform/http/microsoft-http-core';
import type { PartnerProfile } from '../../shared/domain/partner-profile';
import { AppError } from '../../shared/ipc/ipc-error';
import type { AppConfig } from '../platform/config/app-config';
import type { CredentialStore } from '../platform/keychain/credential-store';
import { createPartnerCenterClient, type PartnerCenterClient } from './partner-center/partner-center-client';
import { PartnerCenterError } from './partner-center/partner-center-error';
import { createRateLimiterRegistry, type RateLimiter } from '../platform/http/rate-limiter';
import { createTenantDirectory, defaultLoginUrl, type TenantDirectory } from './partner-center/tenant-directory';
import {
  createSandboxControlClient,
  defaultPartner,
  startSimulator,
  type SandboxControlClient,
  type Simulator,
} from '../../sandbox/index';
import { simulatorTokenProvider } from './sign-in/simulator-token-client';

export const sandboxClientSecretName = 'sandbox-client-secret';
export const defaultPartnerCenterUrl = 'https://api.partnercenter.microsoft.com';

export interface PartnerCenterConnection {
  readonly mode: 'sandbox' | 'production';
  // The base URL the REST client calls (the simulator's in sandbox mode).
  readonly url: string;
  // The sandbox's simulator: where the sandbox controls (/sandbox/accept) live.
  simulatorUrl: string | null;
  // The client of those controls; null outside sandbox mode's connection.
  sandboxControl: SandboxControlClient | null;
  // The sign-in authority host: the simulator in sandbox mode, Microsoft's (or AUTHDESK_LOGIN_URL) otherwise.
  readonly loginUrl: string;
  tenantDirectory: TenantDirectory;
  // The pacing of the current tenant's calls (shared by every client of that tenant).
  rateLimiter(): RateLimiter;
  // Async because the first call may need the keychain; a keychain failure surfaces as AppError('keychain').
  client(): Promise<PartnerCenterClient>;
  partnerChanged(profile: PartnerProfile): void;
  stop(): Promise<void>;
}

// The signed-in partner user, when there is one (see sign-in-service).
export interface UserSession {
  isSignedIn(): boolean;
  // Partner Center's token by default; Graph's for GDAP.
  accessToken(audience?: TokenAudience, request?: TokenRequest): Promise<string>;
}

export interface ConnectOptions {
  config: AppConfig;
  credentials: CredentialStore;
  profile: PartnerProfile | null;
  user?: UserSession;
}

type ModeConnection = Omit<PartnerCenterConnection, 'mode' | 'tenantDirectory' | 'partnerChanged' | 'stop'> & {
  tenantDirectory: TenantDirectory;
};

export function productionLoginUrl(config: AppConfig): string {
  return config.loginUrl ?? defaultLoginUrl;
}

export async function connectPartnerCenter(options: ConnectOptions): Promise<PartnerCenterConnection> {
  const { config, user } = options;
  const limiterFor = createRateLimiterRegistry(
    config.requestsPerMinute ? { requestsPerMinute: config.requestsPerMinute } : {},
  );
  let tenantId = options.profile?.partnerTenantId ?? 'organizations';
  const sandbox = await sandboxConnection(options, limiterFor);
  const production = productionConnection(config, () => tenantId, limiterFor, user);
  const current = (): ModeConnection => (user?.isSignedIn() ? production : sandbox.connection);
  return {
    get mode() {
      return user?.isSignedIn() ? 'production' : 'sandbox';
    },
    get url() {
      return current().url;
    },
    simulatorUrl: sandbox.connection.simulatorUrl,
    sandboxControl: sandbox.connection.sandboxControl,
    get loginUrl() {
      return current().loginUrl;
    },
    tenantDirectory: { lookup: (domain) => current().tenantDirectory.lookup(domain) },
    rateLimiter: () => current().rateLimiter(),
    client: () => current().client(),
    partnerChanged(profile) {
      tenantId = profile.partnerTenantId;
      sandbox.partnerChanged(profile);
    },
    stop: () => sandbox.stop(),
  };
}

function productionConnection(
  config: AppConfig,
  tenantId: () => string,
  limiterFor: (tenantId: string) => RateLimiter,
  user: UserSession | undefined,
): ModeConnection {
  const url = config.partnerCenterUrl ?? defaultPartnerCenterUrl;
  const loginUrl = productionLoginUrl(config);
  let cached: { tenantId: string; client: PartnerCenterClient } | null = null;
  return {
    url,
    simulatorUrl: null,
    sandboxControl: null,
    loginUrl,
    tenantDirectory: createTenantDirectory({ loginUrl }),
    rateLimiter: () => limiterFor(tenantId()),
    async client() {
      if (cached?.tenantId === tenantId()) return cached.client;
      const client = createPartnerCenterClient({
        baseUrl: url,
        rateLimiter: limiterFor(tenantId()),
        getAccessToken: async (request) => {
          if (!user) {
            throw new PartnerCenterError({
              kind: 'unauthorized',
              status: null,
              code: null,
              description: null,
              requestId: randomUUID(),
            });
          }
          return user.accessToken('partner-center', request);
        },
      });
      cached = { tenantId: tenantId(), client };
      return client;
    },
  };
}

interface SandboxConnection {
  connection: ModeConnection;
  partnerChanged(profile: PartnerProfile): void;
  stop(): Promise<void>;
}

async function sandboxConnection(
  { config, credentials, profile }: ConnectOptions,
  limiterFor: (tenantId: string) => RateLimiter,
): Promise<SandboxConnection> {
  let simulator: Simulator | null = null;
  if (config.simulatorUrl === null) {
    simulator = await startSimulator({
      ...(profile ? { partner: simulatedPartner(profile) } : {}),
      // Until the keychain has answered, no secret anyone knows opens the token endpoint.
      clientSecret: randomBytes(32).toString('base64url'),
      // Its controls answer only this connection, not other programs on the machine.
      controlToken: randomBytes(32).toString('base64url'),
    });
  }
  const simulatorUrl = simulator?.url ?? (config.simulatorUrl as string);
  const sandboxControl = simulator?.control ?? createSandboxControlClient(simulatorUrl);
  let tenantId = profile?.partnerTenantId ?? 'organizations';
  let cached: { tenantId: string; client: PartnerCenterClient } | null = null;
  // The simulator plays the saved partner (over its control route) before any call reaches it; an update that
  // failed is tried again by the next call.
  let wantedPartner: PartnerProfile | null = null;
  let partnerInSync: Promise<void> = Promise.resolve();
  const syncPartner = async (): Promise<void> => {
    const wanted = wantedPartner;
    if (wanted === null) return;
    const { tenantId: id, name, role } = simulatedPartner(wanted);
    // Without an MPN ID the simulator keeps its own; a change of role brings its resellers back or drops them.
    await sandboxControl.setPartner({ tenantId: id, name, role });
    if (wantedPartner === wanted) wantedPartner = null;
  };

  const clientSecret = async (): Promise<string> => {
    let secret = await credentials.get(sandboxClientSecretName);
    if (secret === null) {
      secret = randomBytes(32).toString('base64url');
      await credentials.set(sandboxClientSecretName, secret);
    }
    // Only the simulator started here is ours to configure; one given by URL keeps its own secret.
    if (simulator) await sandboxControl.setClientSecret(secret);
    return secret;
  };
  // Load (or create) the secret now if the keychain answers; if not, the first call reports it.
  await clientSecret().catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });

  const partnerSynced = async (): Promise<void> => {
    partnerInSync = partnerInSync.catch(syncPartner);
    await partnerInSync;
  };

  const client = async (): Promise<PartnerCenterClient> => {
    await partnerSynced();
    if (cached?.tenantId === tenantId) return cached.client;
    const secret = await clientSecret();
    const provider = simulatorTokenProvider({ simulatorUrl, tenantId, clientSecret: secret });
    const created = createPartnerCenterClient({
      baseUrl: simulatorUrl,
      getAccessToken: (request) => networkAware(() => provider(request)),
      rateLimiter: limiterFor(tenantId),
    });
    cached = { tenantId, client: created };
    return created;
  };

  return {
    connection: {
      url: simulatorUrl,
      simulatorUrl,
      // Accepting checks the link against the simulated partner, so it too waits for the partner to be in step.
      sandboxControl: {
        ...sandboxControl,
        accept: async (input) => {
          await partnerSynced();
          await sandboxControl.accept(input);
        },
      },
      // The simulator serves the sign-in side too (token endpoint, OpenID configuration).
      loginUrl: simulatorUrl,
      tenantDirectory: createTenantDirectory({ loginUrl: simulatorUrl }),
      rateLimiter: () => limiterFor(tenantId),
      client,
    },
    partnerChanged(saved) {
      tenantId = saved.partnerTenantId;
      if (!simulator) return;
      wantedPartner = saved;
      partnerInSync = partnerInSync.catch(() => undefined).then(syncPartner);
      // Handled here so a failure waits, without an unhandled rejection, for the next call to retry it.
      partnerInSync.catch(() => undefined);
    },
    stop: async () => {
      await simulator?.stop();
    },
  };
}

function simulatedPartner(profile: PartnerProfile) {
  return {
    tenantId: profile.partnerTenantId,
    name: profile.organizationName,
    role: profile.role,
    // The profile has no MPN ID of its own; the simulator's default partner number stands in.
    mpnId: defaultPartner.mpnId,
  };
}

// A token endpoint that cannot be reached means offline, not "your sign-in expired".
async function networkAware(provider: () => Promise<string>): Promise<string> {
  try {
    return await provider();
  } catch (error) {
    if (error instanceof TypeError) {
      throw new PartnerCenterError({
        kind: 'network',
        status: null,
        code: null,
        description: error.message,
        requestId: randomUUID(),
        cause: error,
      });
    }
    throw error;
  }
}
