// window.authdesk is installed by the preload (or, in tests, by the browser harness).
import type { IpcApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    authdesk: IpcApi;
  }
}
export {};
