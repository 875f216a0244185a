// The sandbox controls of a simulator that may not be running yet: each control first gets the simulator (which
// starts it if need be), so callers hold one client for the app's lifetime across simulator restarts.
import type { SandboxControlClient } from '../../sandbox/index';

export function sandboxControlOnDemand(control: () => Promise<SandboxControlClient>): SandboxControlClient {
  return {
    accept: async (input) => (await control()).accept(input),
    state: async () => (await control()).state(),
    reset: async () => (await control()).reset(),
    addFault: async (fault) => (await control()).addFault(fault),
    clearFaults: async () => (await control()).clearFaults(),
    addScenarios: async (scenarios) => (await control()).addScenarios(scenarios),
    addTenants: async (tenants) => (await control()).addTenants(tenants),
    updateTenant: async (tenantId, changes) => (await control()).updateTenant(tenantId, changes),
    setRateLimit: async (perMinute) => (await control()).setRateLimit(perMinute),
    releaseHold: async (name) => (await control()).releaseHold(name),
    setUserSignIn: async (input) => (await control()).setUserSignIn(input),
    setPartner: async (partner) => (await control()).setPartner(partner),
    setClientSecret: async (secret) => (await control()).setClientSecret(secret),
    requestLog: async () => (await control()).requestLog(),
    clearRequestLog: async () => (await control()).clearRequestLog(),
    gdapApprove: async (relationshipId) => (await control()).gdapApprove(relationshipId),
    gdapSetStatus: async (relationshipId, status) => (await control()).gdapSetStatus(relationshipId, status),
    gdapAdvanceClock: async (days) => (await control()).gdapAdvanceClock(days),
    gdapReset: async () => (await control()).gdapReset(),
    gdapSetGroups: async (groups) => (await control()).gdapSetGroups(groups),
  };
}
