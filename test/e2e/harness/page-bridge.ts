// Runs inside the test page in place of the Electron preload: builds window.authdesk with the very same
// buildApi the preload uses, over a Playwright binding that reaches the real services in Node.
import { buildApi } from '../../../preload/build-api';
import type { IpcResult } from '../../../shared/ipc/ipc-error';

type PushListener = (event: string, payload: unknown) => void;

declare global {
  interface Window {
    __authdeskInvoke: (channel: string, request: unknown) => Promise<IpcResult<unknown>>;
    __authdeskPush: (event: string, payload: unknown) => void;
  }
}

const listeners = new Set<PushListener>();
window.__authdeskPush = (event, payload) => listeners.forEach((listener) => listener(event, payload));
window.authdesk = buildApi({
  invoke: (channel, request) => window.__authdeskInvoke(channel, request),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
