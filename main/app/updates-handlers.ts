// The updates channels' handlers: what the shell's updater has downloaded, and the restart that installs it.
import type { updatesChannels } from '../../shared/ipc/channels/updates';
import { AppError } from '../../shared/ipc/ipc-error';
import type { HandlersOf } from '../platform/ipc/handlers-of';
import type { UpdateControl } from './create-services';

export function createUpdatesHandlers({ updates }: { updates: UpdateControl }): HandlersOf<typeof updatesChannels> {
  return {
    getUpdateStatus: async () => ({ readyVersion: updates.ready() }),
    restartToUpdate: async () => {
      if (updates.ready() === null) throw new AppError('conflict', 'No update has been downloaded yet.');
      updates.restartToUpdate();
      return {};
    },
  };
}
