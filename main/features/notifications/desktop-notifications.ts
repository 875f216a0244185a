// Desktop notifications and the icon's badge, decided here and shown by the shell. Main shows the
// notification itself (Electron's Notification), so it needs no permission from the window's session, and
// a click brings the window forward and asks it to open the customer.
import type { EmitPushEvent } from '../../platform/service-context';
import type { DesktopShell } from '../../platform/window/desktop-shell';

export interface DesktopNotifications {
  customerAuthorized(notice: { customerId: string; companyName: string }): void;
  setAttentionCount(count: number): void;
}

export function createDesktopNotifications(shell: DesktopShell, emit: EmitPushEvent): DesktopNotifications {
  return {
    customerAuthorized({ customerId, companyName }) {
      shell.showNotification({
        title: `${companyName} authorized you`,
        body: 'The customer accepted the invitation. Checkout is open.',
        onClick: () => {
          shell.focusWindow();
          emit('openCustomerRequested', { customerId });
        },
      });
    },
    setAttentionCount: (count) => shell.setBadgeCount(count),
  };
}
