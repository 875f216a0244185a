// Builds window.authdesk from the IPC contract: one named method per channel and one subscription per
// push event. The transport is passed in, so the Electron preload and the browser test harness build the
// very same API object (and neither exposes a generic invoke).
import { channelOf, methods, pushEventNames, type IpcApi, type PushEvent } from '../shared/ipc/contract';
import type { IpcResult } from '../shared/ipc/ipc-error';

export interface Transport {
  invoke(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export function buildApi(transport: Transport): IpcApi {
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    const channel = channelOf(method);
    api[method] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  const known = new Set<string>(pushEventNames);
  api.on = (event: PushEvent, listener: (payload: unknown) => void) => {
    if (!known.has(event)) throw new Error(`Unknown AuthDesk event: ${String(event)}`);
    return transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  };
  return Object.freeze(api) as IpcApi;
}
