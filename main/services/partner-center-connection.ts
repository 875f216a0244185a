// Which Partner Center AuthDesk talks to, and how it signs in. Production: the configured URL with an access
// token from the keychain. Sandbox (the default until production sign-in exists): the local simulator,
// started in-process unless one is given, signing in with a client secret generated once and kept in the
// keychain, so even the sandbox goes through the real OS keychain.
import { randomBytes, randomUUID } from 'node:crypto';
import type { PartnerProfile } from '../../shared/domain/partner-profile';
import { AppError } from '../../shared/ipc/ipc-error';
import type { AppConfig } from '../config/app-config';
import type { CredentialStore } from '../credentials/credential-store';
import { createPartnerCenterClient, type PartnerCenterClient } from '../partner-center/partner-center-client';
import { PartnerCenterError } from '../partner-center/partner-center-error';
import {
  defaultPartner,
  seedResellers,
  startSimulator,
  type Simulator,
} from '../partner-center/simulator/start-simulator';
import { simulatorTokenProvider } from '../partner-center/simulator/simulator-token-client';

export const sandboxClientSecretName = 'sandbox-client-secret';
export const productionAccessTokenName = 'partner-center-access-token';

export interface PartnerCenterConnection {
  mode: 'sandbox' | 'production';
  // The base URL the REST client calls (the simulator's in sandbox mode).
  url: string;
  // Set in sandbox mode: where the sandbox controls (/sandbox/accept) live.
  simulatorUrl: string | null;
  // Async because the first call may need the keychain; a keychain failure surfaces as AppError('keychain').
  client(): Promise<PartnerCenterClient>;
  partnerChanged(profile: PartnerProfile): void;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  config: AppConfig;
  credentials: CredentialStore;
  profile: PartnerProfile | null;
}

export async function connectPartnerCenter(options: ConnectOptions): Promise<PartnerCenterConnection> {
  const { config, credentials } = options;
  if (config.partnerCenterUrl !== null) {
    const token = await credentials.get(productionAccessTokenName).catch(() => null);
    if (token !== null) return productionConnection(config.partnerCenterUrl, credentials);
  }
  return sandboxConnection(options);
}

function productionConnection(url: string, credentials: CredentialStore): PartnerCenterConnection {
  const client = createPartnerCenterClient({
    baseUrl: url,
    getAccessToken: async () => {
      const token = await credentials.get(productionAccessTokenName);
      if (token === null) {
        throw new PartnerCenterError({
          kind: 'unauthorized',
          status: null,
          code: null,
          description: null,
          requestId: randomUUID(),
        });
      }
      return token;
    },
  });
  return {
    mode: 'production',
    url,
    simulatorUrl: null,
    client: async () => client,
    partnerChanged: () => undefined,
    stop: async () => undefined,
  };
}

async function sandboxConnection({ config, credentials, profile }: ConnectOptions): Promise<PartnerCenterConnection> {
  let simulator: Simulator | null = null;
  if (config.simulatorUrl === null) {
    simulator = await startSimulator({
      ...(profile ? { partner: simulatedPartner(profile, undefined) } : {}),
      // Until the keychain has answered, no secret anyone knows opens the token endpoint.
      clientSecret: randomBytes(32).toString('base64url'),
    });
  }
  const simulatorUrl = simulator?.url ?? (config.simulatorUrl as string);
  let tenantId = profile?.partnerTenantId ?? 'organizations';
  let cached: { tenantId: string; client: PartnerCenterClient } | null = null;

  const clientSecret = async (): Promise<string> => {
    let secret = await credentials.get(sandboxClientSecretName);
    if (secret === null) {
      secret = randomBytes(32).toString('base64url');
      await credentials.set(sandboxClientSecretName, secret);
    }
    if (simulator) simulator.state.clientSecret = secret;
    return secret;
  };
  // Load (or create) the secret now if the keychain answers; if not, the first call reports it.
  await clientSecret().catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });

  return {
    mode: 'sandbox',
    url: simulatorUrl,
    simulatorUrl,
    async client() {
      if (cached?.tenantId === tenantId) return cached.client;
      const secret = await clientSecret();
      const provider = simulatorTokenProvider({ simulatorUrl, tenantId, clientSecret: secret });
      const client = createPartnerCenterClient({ baseUrl: simulatorUrl, getAccessToken: () => networkAware(provider) });
      cached = { tenantId, client };
      return client;
    },
    partnerChanged(saved) {
      tenantId = saved.partnerTenantId;
      if (!simulator) return;
      const state = simulator.state;
      const previousRole = state.partner.role;
      state.partner = simulatedPartner(saved, state.partner.mpnId);
      // The simulator plays the same partner as the profile: a distributor has resellers, a direct partner none.
      if (saved.role !== previousRole) {
        state.resellers = saved.role === 'indirect-provider' ? seedResellers.map((reseller) => ({ ...reseller })) : [];
      }
    },
    stop: async () => {
      await simulator?.stop();
    },
  };
}

function simulatedPartner(profile: PartnerProfile, mpnId: string | undefined) {
  return {
    tenantId: profile.partnerTenantId,
    name: profile.organizationName,
    role: profile.role,
    // The profile has no MPN ID of its own; the simulator's default partner number stands in.
    mpnId: mpnId ?? defaultPartner.mpnId,
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
