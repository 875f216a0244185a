// Which Microsoft Graph the GDAP calls go to, with which token: the sandbox's simulator (its /v1.0 Graph
// routes) with the same keychain-held client secret Partner Center's sandbox uses, or Graph itself
// (AUTHDESK_GRAPH_URL or graph.microsoft.com) with the signed-in user's token.
import type { AppConfig } from '../../platform/config/app-config';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { createGraphClient, defaultGraphUrl, type GraphClient } from './graph-client';
import { simulatorTokenProvider } from '../sign-in/simulator-token-client';
import { sandboxClientSecretName, type PartnerCenterConnection, type UserSession } from '../partner-center-connection';

export interface GraphConnectionOptions {
  config: AppConfig;
  credentials: CredentialStore;
  connection: PartnerCenterConnection;
  user: UserSession;
  partnerTenantId: () => string;
}

export function createGraphConnection(options: GraphConnectionOptions): () => Promise<GraphClient> {
  const { config, credentials, connection, user } = options;
  let sandbox: { key: string; client: GraphClient } | null = null;
  let production: GraphClient | null = null;
  return async () => {
    if (connection.mode === 'production') {
      production ??= createGraphClient({
        baseUrl: config.graphUrl ?? defaultGraphUrl,
        getAccessToken: (request) => user.accessToken('graph', request),
      });
      return production;
    }
    const simulatorUrl = await connection.sandboxSimulatorUrl();
    const tenantId = options.partnerTenantId();
    const secret = (await credentials.get(sandboxClientSecretName)) ?? '';
    const key = `${simulatorUrl}|${tenantId}|${secret}`;
    if (sandbox?.key !== key) {
      sandbox = {
        key,
        client: createGraphClient({
          baseUrl: config.graphUrl ?? `${simulatorUrl}/v1.0`,
          getAccessToken: simulatorTokenProvider({ simulatorUrl, tenantId, clientSecret: secret }),
        }),
      };
    }
    return sandbox.client;
  };
}
