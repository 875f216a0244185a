// The app-info channel's handler: the composition root knows the version, mode and data folder it started with.
import type { appInfoChannels, AppInfo } from '../../shared/ipc/channels/app-info';
import type { HandlersOf } from '../platform/ipc/handlers-of';

export function createAppInfoHandlers({
  appInfo,
}: {
  appInfo: () => Promise<AppInfo>;
}): HandlersOf<typeof appInfoChannels> {
  return {
    getAppInfo: async () => appInfo(),
  };
}
