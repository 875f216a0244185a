// Starts the local Partner Center simulator: a real HTTP server on 127.0.0.1 used by sandbox mode and tests.
import type { AddressInfo } from 'node:net';
import { createSandboxControlClient, type SandboxControlClient } from './sandbox-control-client';
import { createSimulatorServer } from './simulator-server';
import { createSimulatorState, type SimulatedPartner, type SimulatorState } from './simulator-state';

export type {
  SimulatedFault,
  SimulatedPartner,
  SimulatedReseller,
  SimulatedTenant,
  SimulatorState,
} from './simulator-state';
export { defaultPartner, seedResellers } from './simulator-seed';

export interface SimulatorOptions {
  // 0 or absent: a free port chosen by the system.
  port?: number;
  partner?: SimulatedPartner;
  // When set, the token endpoint accepts only this client secret.
  clientSecret?: string;
  // When set, the /sandbox controls answer only `control` (and callers that send it).
  controlToken?: string;
  // Tests only: carry on with a stopped simulator's state, as Partner Center going away and coming back.
  state?: SimulatorState;
}

export interface Simulator {
  url: string;
  // Its /sandbox controls over HTTP, as anyone outside this process would drive it.
  control: SandboxControlClient;
  // In-process access for tests' assertions; the app goes through `control` (sandbox/index.ts hides this).
  state: SimulatorState;
  stop(): Promise<void>;
}

const host = '127.0.0.1';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state =
    options.state ??
    createSimulatorState({
      partner: options.partner,
      clientSecret: options.clientSecret,
      controlToken: options.controlToken,
    });
  let url = '';
  const server = createSimulatorServer(state, () => url);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;
  return {
    url,
    control: createSandboxControlClient(url, state.controlToken),
    state,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
