// The Microsoft HTTP core on its own, with an injected fetch: headers and the request id across retries,
// timeouts, the one token refresh on 401, Retry-After, accepted statuses, resend rules, the rate limiter,
// validation, and the error factory every failure goes through.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../../shared/ipc/ipc-error';
import { createMicrosoftHttpCore, type MicrosoftHttpOptions } from '../../../../main/platform/http/microsoft-http-core';
import { MicrosoftHttpError, type MicrosoftHttpFailure } from '../../../../main/platform/http/microsoft-http-error';

class TestError extends MicrosoftHttpError {
  constructor(readonly failure: MicrosoftHttpFailure) {
    super(`test: ${failure.kind}`, failure);
  }
}

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

// One answer per attempt, in order: a Response, an error to throw, or 'hang' (wait for the abort signal).
type Answer = Response | Error | 'hang';

function setup(answers: Answer[], overrides: Partial<MicrosoftHttpOptions<TestError>> = {}) {
  const sent: SentRequest[] = [];
  const sleeps: number[] = [];
  const fakeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('More attempts than answers');
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const core = createMicrosoftHttpCore<TestError>({
    baseUrl: 'https://api.example.test/',
    getAccessToken: async () => 'token-1',
    requestIdHeader: 'MS-RequestId',
    errorOf: (failure) => new TestError(failure),
    fetch: fakeFetch as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { core, sent, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail');
}

async function failure(promise: Promise<unknown>): Promise<MicrosoftHttpFailure> {
  const error = await caught(promise);
  if (error instanceof TestError) return error.failure;
  throw error;
}

const requestIds = (sent: SentRequest[]) => sent.map((request) => request.headers['MS-RequestId']);

describe('the request', () => {
  it('sends the token, the request id header, the client and call headers, the query and a JSON body', async () => {
    const { core, sent } = setup([json(201, { id: 'a' })], { headers: { 'X-Locale': 'de-DE' } });
    const response = await core.send({
      method: 'POST',
      path: '/v1/things',
      query: { size: '10' },
      headers: { 'MS-CorrelationId': 'corr-1' },
      body: { name: 'x' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'a' });
    const [request] = sent;
    expect(request?.url).toBe('https://api.example.test/v1/things?size=10');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      Accept: 'application/json',
      'X-Locale': 'de-DE',
      'MS-CorrelationId': 'corr-1',
      'Content-Type': 'application/json',
    });
    expect(request?.headers['MS-RequestId']).toBe(response.requestId);
    expect(request?.body).toBe('{"name":"x"}');
  });

  it('names the request id header as the client says, and sends no body or Content-Type without one', async () => {
    const { core, sent } = setup([json(200, {})], { requestIdHeader: 'client-request-id' });
    const response = await core.send({ method: 'GET', path: '/items' });
    expect(sent[0]?.headers['client-request-id']).toBe(response.requestId);
    expect(sent[0]?.headers['MS-RequestId']).toBeUndefined();
    expect(sent[0]?.headers['Content-Type']).toBeUndefined();
    expect(sent[0]?.body).toBeUndefined();
  });

  it('uses a new request id per call', async () => {
    const { core, sent } = setup([json(200, {}), json(200, {})]);
    await core.send({ method: 'GET', path: '/a' });
    await core.send({ method: 'GET', path: '/a' });
    expect(new Set(requestIds(sent)).size).toBe(2);
  });

  it('waits for the rate limiter before every attempt, retries included', async () => {
    let turns = 0;
    const { core, sent } = setup([json(503, {}), json(200, {})], {
      rateLimiter: {
        requestsPerMinute: 500,
        acquire: async () => {
          turns += 1;
        },
      },
    });
    await core.send({ method: 'GET', path: '/a' });
    expect(sent).toHaveLength(2);
    expect(turns).toBe(2);
  });
});

describe('retries', () => {
  it('retries 5xx with backoff and jitter, keeping the request id', async () => {
    const { core, sent, sleeps } = setup([json(503, {}), json(500, {}), json(200, { ok: true })]);
    const response = await core.send({ method: 'GET', path: '/a' });
    expect(response.body).toEqual({ ok: true });
    // random() = 0.5: 0.75 * 500 * 2^n.
    expect(sleeps).toEqual([375, 750]);
    expect(new Set(requestIds(sent))).toEqual(new Set([response.requestId]));
  });

  it('waits exactly Retry-After on the first 429, and never less on the next ones', async () => {
    const { core, sleeps } = setup([
      json(429, {}, { 'Retry-After': '3' }),
      json(429, {}, { 'Retry-After': '1' }),
      json(429, {}, { 'Retry-After': '1' }),
      json(200, {}),
    ]);
    await core.send({ method: 'GET', path: '/a' });
    // Then max(1000, 750) and max(1000, 1500).
    expect(sleeps).toEqual([3000, 1000, 1500]);
  });

  it('remembers a throttle across a server error in between', async () => {
    const { core, sleeps } = setup([
      json(429, {}, { 'Retry-After': '1' }),
      json(503, {}),
      json(429, {}, { 'Retry-After': '1' }),
      json(200, {}),
    ]);
    await core.send({ method: 'GET', path: '/a' });
    expect(sleeps).toEqual([1000, 750, 1500]);
  });

  it('backs off on a 429 without Retry-After, and ignores Retry-After on a 5xx', async () => {
    const { core, sleeps } = setup([json(429, {}), json(503, {}, { 'Retry-After': '9' }), json(200, {})]);
    await core.send({ method: 'GET', path: '/a' });
    expect(sleeps).toEqual([375, 750]);
  });

  it('stops after maxRetries with the kind of the last answer', async () => {
    const { core, sent, sleeps } = setup(
      [json(429, {}, { 'Retry-After': '1' }), json(429, {}, { 'Retry-After': '1' }), json(429, { message: 'slow' })],
      { maxRetries: 2 },
    );
    const details = await failure(core.send({ method: 'GET', path: '/a' }));
    expect(details).toMatchObject({ kind: 'throttled', status: 429, refusal: { body: { message: 'slow' } } });
    expect(details.requestId).toBe(sent[0]?.headers['MS-RequestId']);
    expect(sent).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry other 4xx answers', async () => {
    const { core, sent, sleeps } = setup([json(400, { code: 400, description: 'Bad filter' })]);
    const details = await failure(core.send({ method: 'GET', path: '/a' }));
    expect(details).toMatchObject({ kind: 'forbidden', status: 400, refusal: { body: { code: 400 } } });
    expect(sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a network error, keeping the request id, and reports kind network when it lasts', async () => {
    const { core, sent, sleeps } = setup([new TypeError('fetch failed'), new TypeError('fetch failed')], {
      maxRetries: 1,
    });
    const details = await failure(core.send({ method: 'GET', path: '/a' }));
    expect(details).toMatchObject({ kind: 'network', status: null, description: 'fetch failed' });
    expect(details.refusal).toBeUndefined();
    expect(details.cause).toBeInstanceOf(TypeError);
    expect(sleeps).toEqual([375]);
    expect(new Set(requestIds(sent)).size).toBe(1);
  });
});

describe('timeouts', () => {
  it('aborts an attempt after timeoutMs and reports kind timeout once the retries are spent', async () => {
    const { core, sent, sleeps } = setup(['hang', 'hang'], { timeoutMs: 5, maxRetries: 1 });
    const details = await failure(core.send({ method: 'GET', path: '/a' }));
    expect(details.kind).toBe('timeout');
    expect(details.status).toBeNull();
    expect(sent).toHaveLength(2);
    expect(sleeps).toEqual([375]);
    expect(new Set(requestIds(sent)).size).toBe(1);
  });

  it('recognises a TimeoutError from fetch as a timeout', async () => {
    const timedOut = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { core } = setup([timedOut], { maxRetries: 0 });
    expect((await failure(core.send({ method: 'GET', path: '/a' }))).kind).toBe('timeout');
  });

  it('does not resend a call that may have arrived when its rules say so, but resends after a network error', async () => {
    const resend = { afterNetworkError: true, afterTimeout: false };
    const timedOut = setup(['hang'], { timeoutMs: 5 });
    const details = await failure(timedOut.core.send({ method: 'POST', path: '/create', body: {}, resend }));
    expect(details.kind).toBe('timeout');
    expect(timedOut.sent).toHaveLength(1);
    expect(timedOut.sleeps).toEqual([]);

    const dropped = setup([new TypeError('fetch failed'), json(201, {})]);
    await dropped.core.send({ method: 'POST', path: '/create', body: {}, resend });
    expect(dropped.sent).toHaveLength(2);
  });

  it('does not resend after a network error either when the rules forbid it', async () => {
    const { core, sent } = setup([new TypeError('fetch failed')]);
    const resend = { afterNetworkError: false, afterTimeout: false };
    expect((await failure(core.send({ method: 'POST', path: '/create', resend }))).kind).toBe('network');
    expect(sent).toHaveLength(1);
  });
});

describe('tokens', () => {
  it('gets a token per attempt and refreshes once on 401, keeping the request id and not waiting', async () => {
    let calls = 0;
    const { core, sent, sleeps } = setup([json(401, {}), json(200, {})], {
      getAccessToken: async () => {
        calls += 1;
        return `token-${calls}`;
      },
    });
    await core.send({ method: 'GET', path: '/a' });
    expect(sent.map((request) => request.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(new Set(requestIds(sent)).size).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('asks for a fresh token, not the cached one, only for the attempt after a 401', async () => {
    const asked: boolean[] = [];
    const { core } = setup([json(401, {}), json(200, {}), json(200, {})], {
      getAccessToken: async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return 'token';
      },
    });
    await core.send({ method: 'GET', path: '/a' });
    await core.send({ method: 'GET', path: '/b' });
    expect(asked).toEqual([false, true, false]);
  });

  it('reports a second 401 as unauthorized', async () => {
    const { core, sent } = setup([json(401, {}), json(401, { error: 'expired' })]);
    const details = await failure(core.send({ method: 'GET', path: '/a' }));
    expect(details).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(sent).toHaveLength(2);
  });

  it("keeps the token provider's own errors, and makes any other failure unauthorized", async () => {
    const signIn = new AppError('not-configured', 'Sign in first.');
    const refused = setup([], { getAccessToken: () => Promise.reject(signIn) });
    expect(await caught(refused.core.send({ method: 'GET', path: '/a' }))).toBe(signIn);

    const broken = setup([], { getAccessToken: () => Promise.reject(new Error('no cache')) });
    const details = await failure(broken.core.send({ method: 'GET', path: '/a' }));
    expect(details).toMatchObject({ kind: 'unauthorized', status: null, description: 'no cache' });
    expect(broken.sent).toEqual([]);
  });

  it('retries an unreachable token endpoint like a dropped connection, even for a call never resent', async () => {
    let calls = 0;
    const offline = new TestError({ kind: 'network', status: null, requestId: 'token', description: null });
    const { core, sent, sleeps } = setup([json(201, {})], {
      getAccessToken: async () => {
        calls += 1;
        if (calls === 1) throw offline;
        return 'token-2';
      },
    });
    const resend = { afterNetworkError: false, afterTimeout: false };
    await core.send({ method: 'POST', path: '/create', resend });
    expect(sent).toHaveLength(1);
    expect(sleeps).toEqual([375]);
  });
});

describe('answers', () => {
  it('returns a status the call accepts without retrying, and builds the error it stands for on request', async () => {
    const { core, sent } = setup([json(404, { code: 3000, description: 'Not found' })]);
    const response = await core.send({ method: 'GET', path: '/a', accept: (status) => status === 404 });
    expect(response.status).toBe(404);
    expect(sent).toHaveLength(1);
    const error = core.refusal(response);
    expect(error.failure).toMatchObject({
      kind: 'not-found',
      status: 404,
      requestId: response.requestId,
      refusal: { body: { code: 3000, description: 'Not found' } },
    });
  });

  it('validates the body with the schema, or reports invalid-response', async () => {
    const schema = z.object({ url: z.string() });
    const { core } = setup([json(200, { url: 'https://x' }), json(200, { link: 1 })]);
    expect(await core.sendJson({ method: 'GET', path: '/a' }, schema)).toEqual({ url: 'https://x' });
    const details = await failure(core.sendJson({ method: 'GET', path: '/a' }, schema));
    expect(details.kind).toBe('invalid-response');
    expect(details.status).toBe(200);
    expect(details.description).toMatch(/^url: /);
  });

  it('keeps a body that is not JSON as text, an empty one as null, and does not read one for HEAD', async () => {
    const { core } = setup(
      [new Response('Bad Gateway', { status: 502 }), new Response(null, { status: 204 }), json(200, { a: 1 })],
      { maxRetries: 0 },
    );
    expect((await failure(core.send({ method: 'GET', path: '/a' }))).refusal).toEqual({ body: 'Bad Gateway' });
    expect((await core.send({ method: 'GET', path: '/a' })).body).toBeNull();
    expect((await core.send({ method: 'HEAD', path: '/a' })).body).toBeNull();
  });
});
