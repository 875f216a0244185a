// The preload: the only bridge between the sandboxed renderer and main. It exposes the typed API built
// from the contract and nothing else: no ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './build-api';
import { pushChannel } from '../shared/ipc/contract';
import type { IpcResult } from '../shared/ipc/ipc-error';

const api = buildApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>,
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) =>
      listener(message.event, message.payload);
    ipcRenderer.on(pushChannel, handler);
    return () => ipcRenderer.removeListener(pushChannel, handler);
  },
});

contextBridge.exposeInMainWorld('authdesk', api);
