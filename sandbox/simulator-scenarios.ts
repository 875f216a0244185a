// Scripted customers for the simulator: "accepts after N checks", "accepts without delegated admin",
// "reseller not associated", "custom default domain", and "no such tenant". Tests, the bench and demos use
// them to play a customer who accepts between two verifications without driving the admin center by hand.
import { z } from 'zod';
import { domainNameSchema } from '../shared/domain/validation';
import { AcceptInvitationError, applyAcceptance } from './accept-invitation';
import { json, type SimulatorRequest, type SimulatorResponse } from './simulator-http';
import type { SimulatedScenario, SimulatorState } from './simulator-state';

export const scenarioSchema = z.object({
  // The domain verifications ask about: the tenant's onmicrosoft.com domain.
  domain: domainNameSchema,
  companyName: z.string().trim().min(1).max(200).optional(),
  acceptAfterChecks: z.number().int().min(0).max(1000).default(0),
  grantDelegatedAdmin: z.boolean().default(true),
  associateReseller: z.boolean().default(true),
  // The reseller the customer accepts (indirect); absent for a direct partner's customer.
  resellerMpnId: z.string().trim().min(1).optional(),
  customDefaultDomain: domainNameSchema.nullable().default(null),
  // false: no Microsoft 365 organisation has this domain (the OpenID configuration says so).
  tenantExists: z.boolean().default(true),
});
export type ScenarioInput = z.infer<typeof scenarioSchema>;

export function addScenario(state: SimulatorState, input: ScenarioInput): SimulatedScenario {
  let associateResellerId: string | null = null;
  if (input.associateReseller && input.resellerMpnId !== undefined) {
    const reseller = state.resellers.find((candidate) => candidate.mpnId === input.resellerMpnId);
    if (!reseller)
      throw new AcceptInvitationError(`The simulated partner has no reseller ${input.resellerMpnId}.`, 400);
    associateResellerId = reseller.tenantId;
  }
  const domain = input.domain.toLowerCase();
  const scenario: SimulatedScenario = {
    domain,
    companyName: input.companyName ?? domain.split('.')[0] ?? domain,
    acceptAfterChecks: input.acceptAfterChecks,
    grantDelegatedAdmin: input.grantDelegatedAdmin,
    associateResellerId,
    customDefaultDomain: input.customDefaultDomain?.toLowerCase() ?? null,
    checksSoFar: 0,
    tenantExists: input.tenantExists,
  };
  // A new script for the same domain replaces the old one.
  state.scenarios = state.scenarios.filter((existing) => existing.domain !== domain);
  state.scenarios.push(scenario);
  return scenario;
}

// Called for every customer lookup by domain, before it is answered: a scenario whose turn has come
// accepts now, so this very lookup already finds the customer.
export function advanceScenarios(state: SimulatorState, domainFilter: string): void {
  const asked = domainFilter.trim().toLowerCase();
  const scenario = state.scenarios.find(
    (candidate) => candidate.tenantExists && (candidate.domain === asked || candidate.customDefaultDomain === asked),
  );
  if (scenario) advance(state, scenario);
}

// A listing of every customer (a bulk verification pages through it) checks each scripted customer once.
export function advanceEveryScenario(state: SimulatorState): void {
  for (const scenario of state.scenarios.filter((candidate) => candidate.tenantExists)) advance(state, scenario);
}

function advance(state: SimulatorState, scenario: SimulatorState['scenarios'][number]): void {
  if (scenario.checksSoFar < scenario.acceptAfterChecks) {
    scenario.checksSoFar += 1;
    return;
  }
  state.scenarios = state.scenarios.filter((candidate) => candidate !== scenario);
  applyAcceptance(state, {
    domain: scenario.domain,
    companyName: scenario.companyName,
    grantDelegatedAdmin: scenario.grantDelegatedAdmin,
    associateResellerId: scenario.associateResellerId,
    customDefaultDomain: scenario.customDefaultDomain,
  });
}

export function scenarioRoute(request: SimulatorRequest, body: unknown): SimulatorResponse {
  const items = Array.isArray(body) ? body : [body];
  const parsed = z.array(scenarioSchema).max(10_000).safeParse(items);
  if (!parsed.success) {
    return json(400, {
      error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
    });
  }
  try {
    const scenarios = parsed.data.map((input) => addScenario(request.state, input));
    return json(200, { scenarios });
  } catch (error) {
    if (error instanceof AcceptInvitationError) return json(error.status, { error: error.message });
    throw error;
  }
}
