// Which Partner Center AuthDesk talks to, and how it signs in. Production (once the user signed in with
// Microsoft in Settings): the configured Partner Center URL with the user's App+User token from MSAL.
// Sandbox (otherwise): the local simulator, started in-process unless one is given, signing in with a client
// secret generated once and kept in the keychain, so even the sandbox goes through the real OS keychain.
// The mode follows the sign-in as it changes, without a restart. No simulator runs while signed in: it starts
// with the app in sandbox mode, stops at sign-in and starts again when the sandbox is next needed.
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
import { sandboxControlOnDemand } from './sandbox-control-on-demand';

export const sandboxClientSecretName = 'sandbox-client-secret';
export const defaultPartnerCenterUrl = 'https://api.partnercenter.microsoft.com';

export interface PartnerCenterConnection {
  readonly mode: 'sandbox' | 'production';
  // The base URL the REST client calls: the sandbox's simulator (started if it is not running) or Partner Center.
  baseUrl(): Promise<string>;
  // The sandbox's simulator, started if need be: Graph's sandbox routes live there too.
  sandboxSimulatorUrl(): Promise<string>;
  // The simulator running right now, if any: none while signed in, nor before the sandbox is first needed.
  runningSimulatorUrl(): string | null;
  // The sandbox controls (/sandbox/accept...); the first use starts the simulator.
  sandboxControl: SandboxControlClient;
  tenantDirectory: TenantDirectory;
  // The pacing of the current tenant's calls (shared by every client of that tenant).
  rateLimiter(): RateLimiter;
  // Async because the first call may need the keychain; a keychain failure surfaces as AppError('keychain').
  client(): Promise<PartnerCenterClient>;
  partnerChanged(profile: PartnerProfile): void;
  // Signing in stops the in-process simulator (production needs none); signing out lets the next call start one.
  signInChanged(signedIn: boolean): Promise<void>;
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
  // The pacing of a tenant's calls when it is not this desktop's alone (a team shares the tenant's budget).
  limiterFor?: (tenantId: string) => RateLimiter;
}

// What differs between the modes: where calls go, and with which token.
interface ModeConnection {
  baseUrl(): Promise<string>;
  tenantDirectory: TenantDirectory;
  rateLimiter(): RateLimiter;
  client(): Promise<PartnerCenterClient>;
}

export function productionLoginUrl(config: AppConfig): string {
  return config.loginUrl ?? defaultLoginUrl;
}

export async function connectPartnerCenter(options: ConnectOptions): Promise<PartnerCenterConnection> {
  const { config, user } = options;
  const limiterFor =
    options.limiterFor ??
    createRateLimiterRegistry(config.requestsPerMinute ? { requestsPerMinute: config.requestsPerMinute } : {});
  let tenantId = options.profile?.partnerTenantId ?? 'organizations';
  const sandbox = sandboxConnection(options, limiterFor);
  const production = productionConnection(config, () => tenantId, limiterFor, user);
  const signedIn = () => user?.isSignedIn() ?? false;
  const current = (): ModeConnection => (signedIn() ? production : sandbox.connection);
  // In sandbox mode the simulator starts with the app, so a simulator that cannot start says so at once.
  if (!signedIn()) await sandbox.simulator();
  return {
    get mode() {
      return signedIn() ? 'production' : 'sandbox';
    },
    baseUrl: () => current().baseUrl(),
    sandboxSimulatorUrl: async () => (await sandbox.simulator()).url,
    runningSimulatorUrl: () => sandbox.runningUrl(),
    sandboxControl: sandbox.control,
    tenantDirectory: { lookup: (domain) => current().tenantDirectory.lookup(domain) },
    rateLimiter: () => current().rateLimiter(),
    client: () => current().client(),
    partnerChanged(profile) {
      tenantId = profile.partnerTenantId;
      sandbox.partnerChanged(profile);
    },
    async signInChanged(nowSignedIn) {
      if (nowSignedIn) await sandbox.stop();
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
  let cached: { tenantId: string; client: PartnerCenterClient } | null = null;
  return {
    baseUrl: async () => url,
    tenantDirectory: createTenantDirectory({ loginUrl: productionLoginUrl(config) }),
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

// The sandbox's simulator: the one given by URL, or one started in-process (with a control token only this
// connection knows).
interface RunningSimulator {
  url: string;
  control: SandboxControlClient;
  inProcess: boolean;
  stop(): Promise<void>;
}

interface SandboxConnection {
  connection: ModeConnection;
  // The running simulator, started if need be.
  simulator(): Promise<RunningSimulator>;
  runningUrl(): string | null;
  control: SandboxControlClient;
  partnerChanged(profile: PartnerProfile): void;
  // Stops an in-process simulator; the next call that needs the sandbox resumes it.
  stop(): Promise<void>;
}

function sandboxConnection(
  { config, credentials, profile: savedProfile }: ConnectOptions,
  limiterFor: (tenantId: string) => RateLimiter,
): SandboxConnection {
  let profile = savedProfile;
  let tenantId = profile?.partnerTenantId ?? 'organizations';
  let cached: { tenantId: string; client: PartnerCenterClient } | null = null;
  let running: Promise<RunningSimulator> | null = null;
  let runningUrl: string | null = null;
  let directory: { url: string; lookup: TenantDirectory } | null = null;
  let stopped: Simulator | null = null;

  // A partner saved while the simulator runs is played by it (over its control route) before any call reaches
  // it; an update that failed is tried again by the next call.
  let wantedPartner: PartnerProfile | null = null;
  let partnerInSync: Promise<void> = Promise.resolve();
  const syncPartner = async (): Promise<void> => {
    const wanted = wantedPartner;
    const current = running;
    if (wanted === null || current === null) return;
    const { tenantId: id, name, role } = simulatedPartner(wanted);
    // Without an MPN ID the simulator keeps its own; a change of role brings its resellers back or drops them.
    await (await current).control.setPartner({ tenantId: id, name, role });
    if (wantedPartner === wanted) wantedPartner = null;
  };
  const playPartner = (wanted: PartnerProfile): void => {
    wantedPartner = wanted;
    partnerInSync = partnerInSync.catch(() => undefined).then(syncPartner);
    // Handled here so a failure waits, without an unhandled rejection, for the next call to retry it.
    partnerInSync.catch(() => undefined);
  };
  const clientSecret = async (simulator: RunningSimulator): Promise<string> => {
    let secret = await credentials.get(sandboxClientSecretName);
    if (secret === null) {
      secret = randomBytes(32).toString('base64url');
      await credentials.set(sandboxClientSecretName, secret);
    }
    // Only the simulator started here is ours to configure; one given by URL keeps its own secret.
    if (simulator.inProcess) await simulator.control.setClientSecret(secret);
    return secret;
  };

  const start = async (): Promise<RunningSimulator> => {
    let simulator: RunningSimulator;
    if (config.simulatorUrl !== null) {
      const url = config.simulatorUrl;
      simulator = { url, control: createSandboxControlClient(url), inProcess: false, stop: async () => undefined };
    } else {
      // A simulator stopped at sign-in carries on where it was, and plays the partner saved since.
      const started: Simulator = stopped
        ? await stopped.resume()
        : await startSimulator({
            // It plays the saved partner from the start.
            ...(profile ? { partner: simulatedPartner(profile) } : {}),
            // Until the keychain has answered, no secret anyone knows opens the token endpoint.
            clientSecret: randomBytes(32).toString('base64url'),
            // Its controls answer only this connection, not other programs on the machine.
            controlToken: randomBytes(32).toString('base64url'),
          });
      if (stopped && profile) playPartner(profile);
      simulator = {
        url: started.url,
        control: started.control,
        inProcess: true,
        stop: async () => {
          await started.stop();
          stopped = started;
        },
      };
    }
    // Load (or create) the secret now if the keychain answers, so Graph's sandbox can sign in before Partner
    // Center's; if it does not, the first call reports it.
    await clientSecret(simulator).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
    });
    runningUrl = simulator.url;
    return simulator;
  };
  const simulator = (): Promise<RunningSimulator> => {
    running ??= start().catch((error: unknown) => {
      running = null;
      throw error;
    });
    return running;
  };

  const partnerSynced = async (): Promise<void> => {
    partnerInSync = partnerInSync.catch(syncPartner);
    await partnerInSync;
  };
  const syncedSimulator = async (): Promise<RunningSimulator> => {
    const started = await simulator();
    await partnerSynced();
    return started;
  };

  const client = async (): Promise<PartnerCenterClient> => {
    const started = await syncedSimulator();
    if (cached?.tenantId === tenantId) return cached.client;
    const secret = await clientSecret(started);
    const provider = simulatorTokenProvider({ simulatorUrl: started.url, tenantId, clientSecret: secret });
    const created = createPartnerCenterClient({
      baseUrl: started.url,
      getAccessToken: (request) => networkAware(() => provider(request)),
      rateLimiter: limiterFor(tenantId),
    });
    cached = { tenantId, client: created };
    return created;
  };

  return {
    connection: {
      baseUrl: async () => (await simulator()).url,
      // The simulator serves the sign-in side too (OpenID configuration, tenant discovery).
      tenantDirectory: {
        async lookup(domain) {
          const { url } = await simulator();
          if (directory?.url !== url) directory = { url, lookup: createTenantDirectory({ loginUrl: url }) };
          return directory.lookup.lookup(domain);
        },
      },
      rateLimiter: () => limiterFor(tenantId),
      client,
    },
    simulator,
    runningUrl: () => runningUrl,
    // Accepting checks the link against the simulated partner, so every control waits for it to be in step.
    control: sandboxControlOnDemand(async () => (await syncedSimulator()).control),
    partnerChanged(saved) {
      profile = saved;
      tenantId = saved.partnerTenantId;
      // A simulator started later plays the saved partner from the start; one given by URL plays its own.
      if (config.simulatorUrl !== null || running === null) return;
      playPartner(saved);
    },
    async stop() {
      const current = running;
      running = null;
      runningUrl = null;
      cached = null;
      wantedPartner = null;
      const previous = await current?.catch(() => null);
      await previous?.stop();
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
