// The notifications channels' handler: the window reports its unread count, main puts it on the icon.
import type { notificationsChannels } from '../../../shared/ipc/channels/notifications';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { DesktopNotifications } from './desktop-notifications';

export function createNotificationsHandlers({
  notifications,
}: {
  notifications: DesktopNotifications;
}): HandlersOf<typeof notificationsChannels> {
  return {
    setAttentionCount: async ({ count }) => {
      notifications.setAttentionCount(count);
      return {};
    },
  };
}
