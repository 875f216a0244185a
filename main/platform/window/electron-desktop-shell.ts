// The desktop signals through Electron: a Notification from main (no renderer permission involved), the
// dock/task-bar badge (app.setBadgeCount: macOS and Linux Unity launchers; on Windows the title's count
// stands in, as Electron has no Windows badge), and bringing the window forward.
import { Notification, app, type BrowserWindow } from 'electron';
import type { DesktopShell } from './desktop-shell';

export function electronDesktopShell(showWindow: () => BrowserWindow | null): DesktopShell {
  // Held until closed or clicked: a notification garbage-collected while shown loses its click handler.
  const shown = new Set<Notification>();
  return {
    showNotification({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      const release = () => shown.delete(notification);
      notification.on('click', () => {
        release();
        onClick();
      });
      notification.on('close', release);
      shown.add(notification);
      notification.show();
    },
    setBadgeCount(count) {
      app.setBadgeCount(count);
    },
    focusWindow() {
      const window = showWindow();
      if (window && !window.isDestroyed()) {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      }
    },
  };
}
