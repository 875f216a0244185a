// The one client of the simulator's /sandbox control routes, used by sandbox mode (play the customer, keep the
// simulated partner and client secret in step with the app) and by tests and the bench (faults, scenarios,
// the request log). Every answer is checked with zod; a refusal throws SandboxControlError.
import { controlTokenHeader } from './simulator-control-token';
import { z } from 'zod';
import type { GdapStatus } from '../shared/domain/gdap-graph-limits';
import type { AcceptInvitationInput } from './accept-invitation';
import {
  gdapRelationshipAnswerSchema,
  partnerSchema,
  refusalSchema,
  requestLogSchema,
  resellerSchema,
  snapshotSchema,
  userSignInAnswerSchema,
  type FaultInput,
  type PartnerInput,
  type RequestLog,
  type SimulatorSnapshot,
  type TenantChanges,
  type UserSignInInput,
} from './sandbox-control-schemas';
import type { scenarioSchema } from './simulator-scenarios';
import type { SimulatedTenant } from './simulator-seed';

// The simulator answered but refused: `reason` is its {error} text, or the HTTP status when it gave none.
// A simulator that cannot be reached makes fetch's TypeError surface as it is.
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    route: string,
  ) {
    super(`The simulator refused ${route}: ${reason}`);
    this.name = 'SandboxControlError';
  }
}

export type ScenarioRequest = z.input<typeof scenarioSchema>;

export interface SandboxControlClient {
  // Plays the customer's Global administrator accepting the link in the Microsoft 365 admin center.
  accept(input: AcceptInvitationInput): Promise<void>;
  state(): Promise<SimulatorSnapshot>;
  // Back to the seed (the partner and its client secret stay).
  reset(): Promise<void>;
  addFault(fault: FaultInput): Promise<void>;
  clearFaults(): Promise<void>;
  addScenarios(scenarios: ScenarioRequest | readonly ScenarioRequest[]): Promise<void>;
  addTenants(tenants: readonly SimulatedTenant[]): Promise<void>;
  updateTenant(tenantId: string, changes: TenantChanges): Promise<void>;
  // null lifts the limit.
  setRateLimit(perMinute: number | null): Promise<void>;
  // Lets the requests held by a fault's `hold` name go on.
  releaseHold(name: string): Promise<void>;
  setUserSignIn(input: UserSignInInput): Promise<z.infer<typeof userSignInAnswerSchema>>;
  setPartner(partner: PartnerInput): Promise<{ partner: z.infer<typeof partnerSchema> }>;
  // null: any client secret opens the token endpoint.
  setClientSecret(secret: string | null): Promise<void>;
  requestLog(): Promise<RequestLog>;
  clearRequestLog(): Promise<void>;
  gdapApprove(relationshipId: string): Promise<void>;
  gdapSetStatus(relationshipId: string, status: GdapStatus): Promise<void>;
  // Moves the simulator's GDAP clock on (or back) by whole or fractional days.
  gdapAdvanceClock(days: number): Promise<{ now: string }>;
  gdapReset(): Promise<void>;
  // Replaces the partner tenant's security groups (GET /v1.0/groups).
  gdapSetGroups(groups: readonly { id: string; displayName: string }[]): Promise<void>;
}

const anyAnswer = z.unknown();

// controlToken: the simulator's, when it was started with one.
export function createSandboxControlClient(baseUrl: string, controlToken: string | null = null): SandboxControlClient {
  const root = baseUrl.replace(/\/+$/, '');

  async function send<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    route: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ) {
    const headers: Record<string, string> = controlToken === null ? {} : { [controlTokenHeader]: controlToken };
    const response = await fetch(`${root}/sandbox/${route}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const refusal = refusalSchema.safeParse(answer);
      throw new SandboxControlError(
        response.status,
        refusal.success ? refusal.data.error : `HTTP ${response.status}`,
        `${method} /sandbox/${route}`,
      );
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new Error(
        `The simulator's answer to ${method} /sandbox/${route} is not as expected: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }

  return {
    async accept(input) {
      await send('POST', 'accept', z.looseObject({ customer: z.looseObject({}) }), input);
    },
    state: () => send('GET', 'state', snapshotSchema),
    async reset() {
      await send('POST', 'reset', anyAnswer, {});
    },
    async addFault(fault) {
      await send('POST', 'faults', anyAnswer, fault);
    },
    async releaseHold(name) {
      await send('POST', 'holds/release', anyAnswer, { name });
    },
    async clearFaults() {
      await send('DELETE', 'faults', anyAnswer);
    },
    async addScenarios(scenarios) {
      await send('POST', 'scenarios', anyAnswer, scenarios);
    },
    async addTenants(tenants) {
      await send('POST', 'tenants', anyAnswer, tenants);
    },
    async updateTenant(tenantId, changes) {
      await send('PATCH', `tenants/${encodeURIComponent(tenantId)}`, anyAnswer, changes);
    },
    async setRateLimit(perMinute) {
      await send('POST', 'rate-limit', anyAnswer, { perMinute });
    },
    setUserSignIn: (input) => send('POST', 'sign-in', userSignInAnswerSchema, input),
    setPartner: (partner) =>
      send('POST', 'partner', z.object({ partner: partnerSchema, resellers: z.array(resellerSchema) }), partner),
    async setClientSecret(secret) {
      await send('POST', 'client-secret', anyAnswer, { secret });
    },
    requestLog: () => send('GET', 'requests', requestLogSchema),
    async clearRequestLog() {
      await send('DELETE', 'requests', anyAnswer);
    },
    async gdapApprove(relationshipId) {
      await send('POST', 'gdap/approve', gdapRelationshipAnswerSchema, { id: relationshipId });
    },
    async gdapSetStatus(relationshipId, status) {
      await send('POST', 'gdap/status', gdapRelationshipAnswerSchema, { id: relationshipId, status });
    },
    gdapAdvanceClock: (days) => send('POST', 'gdap/clock', z.object({ now: z.string() }), { days }),
    async gdapReset() {
      await send('POST', 'gdap/reset', anyAnswer, {});
    },
    async gdapSetGroups(groups) {
      await send('POST', 'gdap/groups', anyAnswer, groups);
    },
  };
}
