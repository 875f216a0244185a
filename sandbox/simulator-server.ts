// The simulator's HTTP server: records and routes each request, applies injected faults and the bearer
// check and the required headers to Partner Center routes, and echoes Partner Center's tracing headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { graphRoutes } from './graph-routes';
import { graphAccessRoutes } from './graph-access-routes';
import { partnerCenterRoutes } from './partner-center-routes';
import { sandboxRoutes } from './sandbox-routes';
import { json, matchRoute, readBody, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import { recordRequest, takeFault, type SimulatedFault, type SimulatorState } from './simulator-state';
import { openIdRoutes } from './simulator-openid';
import { rejectWithoutControlToken } from './simulator-control-token';
import { holdNamed } from './simulator-holds';
import { countCall, throttle } from './simulator-rate-limit';
import { rejectMissingHeaders } from './simulator-required-headers';
import { rejectUnauthenticated, tokenRoutes } from './simulator-token';

const echoedHeaders = ['ms-requestid', 'ms-correlationid'];

export function createSimulatorServer(state: SimulatorState, baseUrl: () => string): Server {
  return createServer((message, response) => {
    handle(state, baseUrl(), message, response).catch((error: unknown) => {
      // A handler bug must not take the simulator down; the caller sees a 500 like from a real server.
      if (!response.headersSent)
        write(response, 'GET', json(500, { error: error instanceof Error ? error.message : String(error) }));
      else response.destroy();
    });
  });
}

async function handle(
  state: SimulatorState,
  baseUrl: string,
  message: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = (message.method ?? 'GET').toUpperCase();
  const url = new URL(message.url ?? '/', baseUrl);
  const request: SimulatorRequest = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: message.headers,
    body: await readBody(message),
    state,
    baseUrl,
  };
  const isPartnerCenter = url.pathname.toLowerCase().startsWith('/v1/');
  if (isPartnerCenter) {
    countCall(state);
    recordRequest(state, {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(message.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      ),
    });
  }
  const echo: Record<string, string> = {};
  for (const name of echoedHeaders) {
    const value = message.headers[name];
    if (typeof value === 'string') echo[name === 'ms-requestid' ? 'MS-RequestId' : 'MS-CorrelationId'] = value;
  }

  const noControl = rejectWithoutControlToken(request, state.controlToken);
  if (noControl) return write(response, method, noControl);

  const fault = takeFault(state, method, url.pathname);
  if (fault) {
    const faulted = await applyFault(state, fault, response);
    if (faulted === 'dropped') return;
    if (faulted) return write(response, method, { ...faulted, headers: { ...faulted.headers, ...echo } });
  }

  let answer: SimulatorResponse;
  // Throttling comes before the token check, as Microsoft's gateway counts every call; the headers are
  // looked at once the caller is known.
  const rejected = isPartnerCenter
    ? (throttle(state) ?? rejectUnauthenticated(request) ?? rejectMissingHeaders(request))
    : null;
  if (rejected) {
    answer = rejected;
  } else {
    const matched = matchRoute(
      [...tokenRoutes, ...openIdRoutes, ...partnerCenterRoutes, ...sandboxRoutes, ...graphRoutes, ...graphAccessRoutes],
      method,
      url.pathname,
    );
    answer = matched
      ? await matched.route.handler(request, matched.params)
      : json(404, { error: `The simulator has no route for ${method} ${url.pathname}.` });
  }
  write(response, method, isPartnerCenter ? { ...answer, headers: { ...answer.headers, ...echo } } : answer);
}

// A delay alone lets the request go on normally afterwards; a status replaces the answer.
async function applyFault(
  state: SimulatorState,
  fault: SimulatedFault,
  response: ServerResponse,
): Promise<SimulatorResponse | 'dropped' | null> {
  if (fault.hold) {
    const hold = holdNamed(state.holds, fault.hold);
    hold.arrive();
    await hold.released;
  }
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.dropConnection) {
    response.socket?.destroy();
    return 'dropped';
  }
  if (fault.status === undefined) return null;
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
  const body =
    fault.body !== undefined
      ? fault.body
      : fault.status === 429
        ? { statusCode: 429, message: `Rate limit is exceeded. Try again in ${fault.retryAfterSeconds ?? 1} seconds.` }
        : { code: fault.status, description: 'Simulated failure', data: [], source: 'PartnerFD' };
  return { status: fault.status, body, headers };
}

function write(response: ServerResponse, method: string, answer: SimulatorResponse): void {
  // A client that gave up (timeout) may have closed the socket already.
  if (response.destroyed || response.writableEnded) return;
  const hasBody = answer.body !== undefined && method !== 'HEAD';
  const text = hasBody ? (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)) : '';
  response.writeHead(answer.status, {
    ...(hasBody
      ? {
          'Content-Type':
            typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        }
      : {}),
    ...answer.headers,
  });
  response.end(text);
}
