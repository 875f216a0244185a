// The one way AuthDesk sends a request to a Microsoft API (Partner Center, Graph): each attempt with a fresh
// token, the rate limiter's turn and a timeout; the same request id on every retry; after a 401 one retry
// with a token fetched anew (not the cached one, which the server may have revoked); bounded retries on throttling, server errors and network trouble; the body validated with zod. Every
// failure is described once here and built into the client's own error by the factory it passes in.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/ipc-error';
import { MicrosoftHttpError, isOfflineError, kindForStatus, type MicrosoftHttpFailure } from './microsoft-http-error';
import type { RateLimiter } from './rate-limiter';
import { describeSchemaMismatch, parseJson } from './response-body';
import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from './retry-policy';

// Where a client talks to and how patiently: what a caller of either client may tune (tests inject fetch,
// sleep and random).
export interface MicrosoftHttpTuning {
  baseUrl: string;
  // forceRefresh: the last token was refused (401), so the provider must not hand out its cached one again.
  getAccessToken: (request: TokenRequest) => Promise<string>;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  // Paces every attempt (retries included) under the tenant's request limit; none means unpaced.
  rateLimiter?: RateLimiter;
}

export interface TokenRequest {
  forceRefresh: boolean;
}

export interface MicrosoftHttpOptions<E extends MicrosoftHttpError> extends MicrosoftHttpTuning {
  // The API's tracing header (Partner Center's MS-RequestId, Graph's client-request-id): one value per
  // call, kept on its retries so the API recognises them as one request.
  requestIdHeader: string;
  // Sent with every call, after the standard ones.
  headers?: Record<string, string>;
  // Builds the client's own error, with its messages, from what went wrong.
  errorOf: (failure: MicrosoftHttpFailure) => E;
}

export interface MicrosoftHttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  // Sent as JSON.
  body?: unknown;
  // The statuses this call handles itself (Partner Center's 404 for an unknown MPN ID); 2xx by default.
  accept?: (status: number) => boolean;
  // Whether the call may be sent again after a network error or a timeout (both by default). A call that
  // creates something may have reached Microsoft before the answer was lost, so it is not resent blindly.
  resend?: { afterNetworkError: boolean; afterTimeout: boolean };
}

export interface MicrosoftHttpResponse {
  status: number;
  // Parsed JSON, text when it is not JSON, null when empty (always null for HEAD).
  body: unknown;
  requestId: string;
}

export interface MicrosoftHttpCore<E extends MicrosoftHttpError> {
  // The answer with an accepted status, after the retries; any other outcome throws E (or the token
  // provider's own error, which already speaks to the user).
  send(request: MicrosoftHttpRequest): Promise<MicrosoftHttpResponse>;
  // send, then the body validated against the schema.
  sendJson<Schema extends z.ZodType>(request: MicrosoftHttpRequest, schema: Schema): Promise<z.infer<Schema>>;
  // The body validated against the schema, or an 'invalid-response' error.
  parse<Schema extends z.ZodType>(response: MicrosoftHttpResponse, schema: Schema): z.infer<Schema>;
  // The error an answer stands for had the call not accepted its status.
  refusal(response: MicrosoftHttpResponse): E;
}

type Attempt =
  | { answered: true; response: MicrosoftHttpResponse; retryAfterMs: number | null }
  | { answered: false; error: unknown; mayResend: boolean };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isSuccess = (status: number) => status >= 200 && status < 300;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : null);

export function createMicrosoftHttpCore<E extends MicrosoftHttpError>(
  options: MicrosoftHttpOptions<E>,
): MicrosoftHttpCore<E> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  function urlFor(request: MicrosoftHttpRequest): string {
    const url = new URL(baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    return url.toString();
  }

  async function attempt(request: MicrosoftHttpRequest, requestId: string, forceRefresh: boolean): Promise<Attempt> {
    let token: string;
    try {
      token = await options.getAccessToken({ forceRefresh });
    } catch (error) {
      // Nothing was sent, so an unreachable token endpoint is worth another try like a dropped connection.
      if (isOfflineError(error)) return { answered: false, error, mayResend: true };
      // The token provider already speaks to the user (sign-in needed, AADSTS700082); keep its error.
      if (error instanceof MicrosoftHttpError || error instanceof AppError) throw error;
      throw options.errorOf({
        kind: 'unauthorized',
        status: null,
        requestId,
        description: messageOf(error),
        cause: error,
      });
    }
    await options.rateLimiter?.acquire();
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(urlFor(request), {
        method: request.method,
        signal,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          [options.requestIdHeader]: requestId,
          ...options.headers,
          ...request.headers,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = request.method === 'HEAD' ? '' : await response.text();
      return {
        answered: true,
        response: { status: response.status, body: parseJson(text), requestId },
        retryAfterMs: parseRetryAfterMs(response.headers.get('Retry-After')),
      };
    } catch (error) {
      const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
      const resend = request.resend ?? { afterNetworkError: true, afterTimeout: true };
      return {
        answered: false,
        error: options.errorOf({
          kind: timedOut ? 'timeout' : 'network',
          status: null,
          requestId,
          description: messageOf(error),
          cause: error,
        }),
        mayResend: timedOut ? resend.afterTimeout : resend.afterNetworkError,
      };
    }
  }

  function refusal(response: MicrosoftHttpResponse): E {
    return options.errorOf({
      kind: kindForStatus(response.status),
      status: response.status,
      requestId: response.requestId,
      description: null,
      refusal: { body: response.body },
    });
  }

  function parse<Schema extends z.ZodType>(response: MicrosoftHttpResponse, schema: Schema): z.infer<Schema> {
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      throw options.errorOf({
        kind: 'invalid-response',
        status: response.status,
        requestId: response.requestId,
        description: describeSchemaMismatch(parsed.error),
      });
    }
    return parsed.data;
  }

  async function send(request: MicrosoftHttpRequest): Promise<MicrosoftHttpResponse> {
    const accept = request.accept ?? isSuccess;
    const requestId = randomUUID();
    let retries = 0;
    let throttledBefore = false;
    let tokenRefreshed = false;
    let forceRefresh = false;
    for (;;) {
      const outcome = await attempt(request, requestId, forceRefresh);
      forceRefresh = false;
      if (!outcome.answered) {
        if (!outcome.mayResend || retries >= maxRetries) throw outcome.error;
        await sleep(backoffDelayMs(retries, random));
        retries += 1;
        continue;
      }
      const { response } = outcome;
      if (accept(response.status)) return response;
      if (response.status === 401 && !tokenRefreshed) {
        // The token may have expired on its way or been revoked (password reset, Conditional Access): the next
        // attempt gets a new one from the refresh token. A second 401 means the sign-in itself is gone.
        tokenRefreshed = true;
        forceRefresh = true;
        continue;
      }
      const throttled = response.status === 429;
      if ((throttled || response.status >= 500) && retries < maxRetries) {
        const retryAfterMs = throttled ? outcome.retryAfterMs : null;
        await sleep(retryDelayMs({ retry: retries, retryAfterMs, throttledBefore, random }));
        throttledBefore ||= throttled;
        retries += 1;
        continue;
      }
      throw refusal(response);
    }
  }

  return {
    send,
    async sendJson(request, schema) {
      return parse(await send(request), schema);
    },
    parse,
    refusal,
  };
}
