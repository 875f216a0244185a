// Push events from main to the renderer (customer changed, connectivity): one channel, { event, payload },
// sent to the main window only, and only while it exists.
import type { BrowserWindow } from 'electron';
import { pushChannel, pushEvents, type PushEvent, type PushPayloadOf } from '../../../shared/ipc/contract';
import type { EmitPushEvent } from '../service-context';

export function createPushEmitter(getWindow: () => BrowserWindow | null): EmitPushEvent {
  return <E extends PushEvent>(event: E, payload: PushPayloadOf<E>) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    // Checked like requests are: the renderer must be able to trust the shape of what arrives.
    const parsed = pushEvents[event].parse(payload);
    window.webContents.send(pushChannel, { event, payload: parsed });
  };
}
