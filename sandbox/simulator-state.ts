// The simulator's mutable state: what Partner Center "knows", plus the request log and injected faults
// tests use. Reset happens in place so a Simulator's `state` reference stays valid.
import {
  defaultPartner,
  seedMpnPartners,
  seedResellers,
  seedTenants,
  type SimulatedMpnPartner,
  type SimulatedPartner,
  type SimulatedReseller,
  type SimulatedTenant,
} from './simulator-seed';

import { createUserSignInState, type UserSignInState } from './simulator-user-sign-in';

import { releaseAllHolds, type Hold } from './simulator-holds';
export type { SimulatedMpnPartner, SimulatedPartner, SimulatedReseller, SimulatedTenant } from './simulator-seed';

// A fault the next matching requests get instead of a normal answer: what tests need that a healthy
// Partner Center never does (throttling, outages, slow answers, dropped connections, garbage bodies).
export interface SimulatedFault {
  method?: string;
  // Matched as a prefix of the request path, such as /v1/customers.
  path: string;
  // How many requests it affects; each match uses one.
  times: number;
  status?: number;
  retryAfterSeconds?: number;
  body?: unknown;
  delayMs?: number;
  dropConnection?: boolean;
  // Between 0 and 1: the share of matching requests that get the fault (20% 5xx); absent means every one.
  probability?: number;
  // Holds the request until released by name (POST /sandbox/holds/release), then goes on as the fault says.
  hold?: string;
}

// How a simulated customer will behave once its domain is checked: what the admin center would have done
// had its Global administrator clicked the link at some point between two verifications.
export interface SimulatedScenario {
  // The customer's onmicrosoft.com domain, which verifications ask about (or the custom default domain).
  domain: string;
  companyName: string;
  // The first N lookups of the domain find nothing; the next one finds the customer accepted.
  acceptAfterChecks: number;
  grantDelegatedAdmin: boolean;
  // Tenant id of the reseller to associate; null: the customer does not accept the reseller part.
  associateResellerId: string | null;
  customDefaultDomain: string | null;
  checksSoFar: number;
  // false: no Microsoft 365 organisation has this domain; it never accepts.
  tenantExists: boolean;
}

// Partner Center's throttling, played as a token bucket refilled at perMinute / 60 per second.
export interface SimulatedRateLimit {
  perMinute: number;
  tokens: number;
  refilledAt: number;
  throttled: number;
  // The most calls that arrived within any sliding minute since the limit was set.
  peakPerMinute: number;
  // When each call of the last minute arrived (performance.now()), oldest first.
  lastMinute: number[];
}

// The request log keeps only the most recent requests, so a simulator running all day (sandbox mode, the
// bench) does not grow without bound; requestCount still counts every request since the last reset.
export const maxRecordedRequests = 1_000;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

export interface SimulatorState {
  partner: SimulatedPartner;
  resellers: SimulatedReseller[];
  mpnPartners: SimulatedMpnPartner[];
  tenants: SimulatedTenant[];
  // Issued access tokens and when they expire (ms since epoch).
  tokens: Map<string, number>;
  faults: SimulatedFault[];
  // When set, /sandbox routes answer only callers that send it (see simulator-control-token).
  controlToken: string | null;
  holds: Map<string, Hold>;
  // The last maxRecordedRequests Partner Center requests, oldest first.
  requests: RecordedRequest[];
  requestCount: number;
  clientSecret: string | null;
  scenarios: SimulatedScenario[];
  rateLimit: SimulatedRateLimit | null;
  random: () => number;
  // The partner user who signs in interactively (App+User), and the codes and refresh tokens issued.
  userSignIn: UserSignInState;
}

export interface SimulatorStateOptions {
  partner?: SimulatedPartner;
  clientSecret?: string;
  controlToken?: string;
}

export function createSimulatorState(options: SimulatorStateOptions = {}): SimulatorState {
  const state: SimulatorState = {
    partner: { ...(options.partner ?? defaultPartner) },
    resellers: [],
    mpnPartners: [],
    tenants: [],
    tokens: new Map(),
    faults: [],
    holds: new Map(),
    requests: [],
    requestCount: 0,
    clientSecret: options.clientSecret ?? null,
    controlToken: options.controlToken ?? null,
    scenarios: [],
    rateLimit: null,
    random: Math.random,
    userSignIn: createUserSignInState((options.partner ?? defaultPartner).tenantId),
  };
  resetSimulatorState(state);
  return state;
}

// Back to the seed; the partner and its client secret stay, issued tokens stay valid (a reset is not a sign-out).
export function resetSimulatorState(state: SimulatorState): void {
  // A direct-bill partner has no indirect resellers.
  state.resellers =
    state.partner.role === 'indirect-provider' ? seedResellers.map((reseller) => ({ ...reseller })) : [];
  state.mpnPartners = seedMpnPartners.map((partner) => ({ ...partner }));
  state.tenants = seedTenants().map((tenant) => ({ ...tenant }));
  state.faults = [];
  releaseAllHolds(state.holds);
  clearRequests(state);
  state.scenarios = [];
  state.rateLimit = null;
}

export function isCustomer(tenant: SimulatedTenant): boolean {
  return tenant.relationshipToPartner !== 'none';
}

export function findCustomer(state: SimulatorState, tenantId: string): SimulatedTenant | undefined {
  const id = tenantId.toLowerCase();
  return state.tenants.find((tenant) => tenant.id.toLowerCase() === id && isCustomer(tenant));
}

export function findReseller(state: SimulatorState, tenantId: string): SimulatedReseller | undefined {
  const id = tenantId.toLowerCase();
  return state.resellers.find((reseller) => reseller.tenantId.toLowerCase() === id);
}

export function domainIsTaken(state: SimulatorState, domain: string): boolean {
  const wanted = domain.toLowerCase();
  return state.tenants.some(
    (tenant) =>
      tenant.onMicrosoftDomain === wanted || tenant.defaultDomain === wanted || tenant.customDomains.includes(wanted),
  );
}

export function recordRequest(state: SimulatorState, request: RecordedRequest): void {
  state.requests.push(request);
  state.requestCount += 1;
  const excess = state.requests.length - maxRecordedRequests;
  if (excess > 0) state.requests.splice(0, excess);
}

export function clearRequests(state: SimulatorState): void {
  state.requests = [];
  state.requestCount = 0;
}

// Takes the first fault matching the request, using up one of its `times`.
export function takeFault(state: SimulatorState, method: string, path: string): SimulatedFault | null {
  const index = state.faults.findIndex(
    (fault) =>
      (!fault.method || fault.method.toUpperCase() === method) &&
      path.startsWith(fault.path) &&
      (fault.probability === undefined || state.random() < fault.probability),
  );
  const fault = state.faults[index];
  if (fault === undefined) return null;
  fault.times -= 1;
  if (fault.times <= 0) state.faults.splice(index, 1);
  return fault;
}

// What GET /sandbox/state shows: plain JSON, without the token values.
export function snapshotState(state: SimulatorState) {
  return {
    partner: state.partner,
    resellers: state.resellers,
    mpnPartners: state.mpnPartners,
    tenants: state.tenants,
    issuedTokens: state.tokens.size,
    faults: state.faults,
    scenarios: state.scenarios,
    rateLimit: state.rateLimit && {
      perMinute: state.rateLimit.perMinute,
      tokens: state.rateLimit.tokens,
      refilledAt: state.rateLimit.refilledAt,
      throttled: state.rateLimit.throttled,
      peakPerMinute: state.rateLimit.peakPerMinute,
    },
    requests: state.requests,
    requestCount: state.requestCount,
  };
}
