// Gets access tokens from the simulator's token endpoint, for sandbox mode and tests: a getAccessToken
// for createPartnerCenterClient that reuses a token until shortly before it expires.
import { z } from 'zod';

const tokenResponseSchema = z.looseObject({ access_token: z.string(), expires_in: z.number() });

export interface SimulatorTokenOptions {
  simulatorUrl: string;
  tenantId: string;
  clientId?: string;
  clientSecret?: string;
  now?: () => number;
}

export function simulatorTokenProvider(
  options: SimulatorTokenOptions,
): (request?: { forceRefresh: boolean }) => Promise<string> {
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | null = null;
  return async (request) => {
    // A minute's margin so a token does not expire on its way to the server.
    if (!request?.forceRefresh && cached && cached.expiresAt - 60_000 > now()) return cached.token;
    const response = await fetch(
      `${options.simulatorUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId ?? 'authdesk-sandbox',
          client_secret: options.clientSecret ?? '',
          scope: 'https://api.partnercenter.microsoft.com/.default',
        }).toString(),
      },
    );
    if (!response.ok) throw new Error(`The sandbox sign-in was refused (HTTP ${response.status}).`);
    const body = tokenResponseSchema.parse(await response.json());
    cached = { token: body.access_token, expiresAt: now() + body.expires_in * 1000 };
    return body.access_token;
  };
}
