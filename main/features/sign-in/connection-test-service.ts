// "Test connection": proves, call by call, what works with the app registration and account AuthDesk is
// connected with: a token (renewed silently if need be, checked for MFA), one Partner Center read (the first
// page of the customer list) and one Graph read (a GDAP relationship). Each check is reported with the reason
// it failed (401, 403, throttled, offline...) so Settings can say what to do. Its own clients make a single
// attempt with a short timeout: a test answers now, it does not wait through the retries a real call makes.
// Nothing it returns or logs carries a token.
import type {
  ConnectionCheck,
  ConnectionCheckId,
  ConnectionFailureReason,
  ConnectionTestResult,
} from '../../../shared/domain/connection-test';
import { AppError } from '../../../shared/ipc/ipc-error';
import { createGraphClient } from '../../microsoft/graph/graph-client';
import { GraphError } from '../../microsoft/graph/graph-error';
import { createPartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import { PartnerCenterError } from '../../microsoft/partner-center/partner-center-error';
import type { TokenAudience } from '../../microsoft/sign-in/partner-center-sign-in';
import { accessTokenUsedMfa } from '../../microsoft/sign-in/token-claims';
import type { TokenRequest } from '../../platform/http/microsoft-http-core';
import { MicrosoftHttpError } from '../../platform/http/microsoft-http-error';
import type { RateLimiter } from '../../platform/http/rate-limiter';
import type { ServiceContext } from '../../platform/service-context';

// What the test runs against: the sandbox's simulator or Microsoft, with the token the app's calls carry.
export interface ConnectionTestTarget {
  mode: 'sandbox' | 'production';
  partnerCenterUrl: string;
  graphUrl: string;
  account: string | null;
  accessToken(audience: TokenAudience, request: TokenRequest): Promise<string>;
  rateLimiter: RateLimiter;
}

export interface ConnectionTestService {
  run(): Promise<ConnectionTestResult>;
}

export interface ConnectionTestOptions {
  target: () => Promise<ConnectionTestTarget>;
  // Masks secrets in Microsoft's words before they reach the window or the log.
  redact: (text: string) => string;
  log?: (message: string, data: unknown) => void;
  timeoutMs?: number;
}

const defaultTimeoutMs = 15_000;

function check(id: ConnectionCheckId, fields: Partial<ConnectionCheck> = {}): ConnectionCheck {
  return {
    id,
    outcome: 'passed',
    reason: null,
    status: null,
    code: null,
    detail: null,
    requestId: null,
    found: null,
    mfa: null,
    ...fields,
  };
}

function reasonOf(error: unknown): ConnectionFailureReason {
  if (error instanceof MicrosoftHttpError) return error.kind;
  if (error instanceof AppError) {
    if (error.code === 'not-configured') return 'sign-in-needed';
    if (error.code === 'offline') return 'network';
    if (error.code === 'keychain') return 'keychain';
    return 'other';
  }
  // fetch's own failure: nothing answered.
  if (error instanceof TypeError) return 'network';
  return 'other';
}

function failed(id: ConnectionCheckId, error: unknown, redact: (text: string) => string): ConnectionCheck {
  const http = error instanceof MicrosoftHttpError ? error : null;
  const code =
    error instanceof PartnerCenterError && error.code !== null
      ? String(error.code)
      : error instanceof GraphError
        ? error.code
        : null;
  // Microsoft's own description of a refusal; for anything else the error's message, which already speaks
  // to the user (the sign-in's "sign in again", the keychain's).
  const words = http ? http.description : error instanceof Error ? error.message : String(error);
  return check(id, {
    outcome: 'failed',
    reason: reasonOf(error),
    status: http?.status ?? null,
    code,
    detail: words ? redact(words).slice(0, 500) : null,
    requestId: http?.requestId ?? null,
  });
}

export function createConnectionTestService(
  context: ServiceContext,
  options: ConnectionTestOptions,
): ConnectionTestService {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return {
    async run() {
      const target = await options.target();
      const checks: ConnectionCheck[] = [];

      let signedIn = false;
      try {
        const token = await target.accessToken('partner-center', { forceRefresh: false });
        const mfa = accessTokenUsedMfa(token);
        checks.push(check('sign-in', { outcome: mfa === false ? 'warning' : 'passed', mfa }));
        signedIn = true;
      } catch (error) {
        checks.push(failed('sign-in', error, options.redact));
      }

      if (!signedIn) {
        checks.push(check('partner-center', { outcome: 'skipped' }), check('graph', { outcome: 'skipped' }));
      } else {
        const partnerCenter = createPartnerCenterClient({
          baseUrl: target.partnerCenterUrl,
          getAccessToken: (request) => target.accessToken('partner-center', request),
          rateLimiter: target.rateLimiter,
          maxRetries: 0,
          timeoutMs,
        });
        try {
          const listing = await partnerCenter.listCustomers(1);
          checks.push(check('partner-center', { found: listing.customers.length }));
        } catch (error) {
          checks.push(failed('partner-center', error, options.redact));
        }
        const graph = createGraphClient({
          baseUrl: target.graphUrl,
          getAccessToken: (request) => target.accessToken('graph', request),
          maxRetries: 0,
          timeoutMs,
        });
        try {
          const page = await graph.listRelationships({ top: 1 });
          checks.push(check('graph', { found: page.items.length }));
        } catch (error) {
          checks.push(failed('graph', error, options.redact));
        }
      }

      const result: ConnectionTestResult = {
        mode: target.mode,
        partnerCenterUrl: target.partnerCenterUrl,
        graphUrl: target.graphUrl,
        account: target.account,
        checks,
        testedAt: context.now().toISOString(),
      };
      options.log?.(
        'Connection test',
        checks.map(({ id, outcome, reason, status, code, requestId }) => ({
          id,
          outcome,
          reason,
          status,
          code,
          requestId,
        })),
      );
      return result;
    },
  };
}
