// The simulator's public entry for the app: start it in-process, and drive it only through its /sandbox
// control client. main/ may import nothing else from sandbox/ (lint rule), so it never touches the state.
import {
  startSimulator as startInProcess,
  type Simulator as InProcessSimulator,
  type SimulatorOptions as InProcessOptions,
} from './start-simulator';
import type { SandboxControlClient } from './sandbox-control-client';

export { createSandboxControlClient, SandboxControlError } from './sandbox-control-client';
export type { SandboxControlClient, ScenarioRequest } from './sandbox-control-client';
export type {
  FaultInput,
  PartnerInput,
  RequestLog,
  SimulatorSnapshot,
  UserSignInInput,
} from './sandbox-control-schemas';
export type { AcceptInvitationInput } from './accept-invitation';
export type { SimulatedPartner } from './simulator-seed';
export { defaultPartner } from './simulator-seed';

export type SimulatorOptions = Omit<InProcessOptions, 'state'>;

export interface Simulator {
  url: string;
  control: SandboxControlClient;
  stop(): Promise<void>;
  // Starts a stopped simulator again (on a new port) with everything it held: tenants, links, partner, secret.
  resume(): Promise<Simulator>;
}

// The same server tests start, typed without its state.
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  return withoutState(await startInProcess(options));
}

function withoutState(simulator: InProcessSimulator): Simulator {
  return {
    url: simulator.url,
    control: simulator.control,
    stop: () => simulator.stop(),
    resume: async () => withoutState(await startInProcess({ state: simulator.state })),
  };
}
