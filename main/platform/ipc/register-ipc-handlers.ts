// Connects a contract's channels to Electron: one ipcMain.handle per method, each answering only the app's
// own page in the main window (a sender check before anything else), then going through dispatch.
// Generic over the contract and its handler table, so this plumbing knows no feature.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, type Channels } from '../../../shared/ipc/channel';
import type { IpcResult } from '../../../shared/ipc/ipc-error';
import type { AppOrigin } from '../security/app-origin';
import { dispatch, type DispatchLogger } from './dispatch';
import type { HandlersOf } from './handlers-of';

function isTrustedSender(event: IpcMainInvokeEvent, origin: AppOrigin, mainWindow: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  // Only the top frame of the app's own page in our window: not an iframe, not a page navigated elsewhere.
  if (!frame || frame.parent !== null || !origin.isAppUrl(frame.url)) return false;
  return mainWindow !== null && BrowserWindow.fromWebContents(event.sender) === mainWindow;
}

export function registerIpcHandlers<C extends Channels>(
  contract: C,
  handlers: HandlersOf<C>,
  origin: AppOrigin,
  getMainWindow: () => BrowserWindow | null,
  log?: DispatchLogger,
): () => void {
  const methods = Object.keys(contract);
  for (const method of methods) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, origin, getMainWindow())) {
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: 'This request did not come from AuthDesk’s window.' },
        };
      }
      return dispatch(contract, handlers, method, payload, log);
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(channelOf(method));
  };
}
