// The simulator's /sandbox controls for tests, the bench and the CLI test: the same typed client the app uses.
export { createSandboxControlClient as simulatorControl, SandboxControlError } from '../../sandbox/index';
export type { SandboxControlClient } from '../../sandbox/index';
