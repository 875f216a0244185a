// The real services wired over HTTP to a simulator of their own, for tests that stop and restart Partner
// Center (restartSimulator) to play the connection going away: the simulator expects a client secret and the
// app finds that secret in its in-memory credential store, as a signed-in sandbox does.
import { sandboxClientSecretName } from '../../main/microsoft/partner-center-connection';
import { startSimulator, type Simulator } from '../../sandbox/start-simulator';
import { createMemoryCredentialStore } from './memory-credential-store';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

export async function startAppWithOwnSimulator(
  secret: string,
  options: Omit<TestAppOptions, 'simulatorUrl' | 'credentials'> = {},
): Promise<{ simulator: Simulator; app: TestApp }> {
  const simulator = await startSimulator({ clientSecret: secret });
  const app = await startTestApp({
    ...options,
    simulatorUrl: simulator.url,
    credentials: createMemoryCredentialStore({ [sandboxClientSecretName]: secret }),
  });
  return { simulator, app };
}

// The app first (it may still be talking to the simulator), then the simulator, which a test may have stopped.
export async function closeAppAndSimulator(app: TestApp, simulator: Simulator): Promise<void> {
  await app.close();
  await simulator.stop().catch(() => undefined);
}
