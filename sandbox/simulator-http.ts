// Small HTTP pieces the simulator's routes share: the request context, JSON answers, Partner Center's
// error body, and reading request bodies.
import type { IncomingMessage } from 'node:http';
import type { SimulatorState } from './simulator-state';

export interface SimulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  state: SimulatorState;
  // The simulator's own address, for links that point back at it.
  baseUrl: string;
}

export interface SimulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (
  request: SimulatorRequest,
  params: string[],
) => SimulatorResponse | Promise<SimulatorResponse>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimulatorResponse {
  return { status, body, headers };
}

// Partner Center's error body, as documented: {code, description, data, source}.
export function partnerCenterError(status: number, code: number, description: string): SimulatorResponse {
  return json(status, { code, description, data: [], source: 'PartnerFD' });
}

export function header(request: SimulatorRequest, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

const maxBodyBytes = 1_000_000;

export async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Matches a request against routes in order; the first pattern that matches the path and method wins.
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | null {
  for (const route of routes) {
    // HEAD falls back to a GET route only when no HEAD route matches; here only explicit methods count.
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part ?? '')) };
  }
  return null;
}
