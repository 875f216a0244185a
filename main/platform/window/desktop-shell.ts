// The desktop's attention signals as the shell gives them on this OS: Electron's Notification and app.setBadgeCount in the app; nothing in the
// CLI; a recording stand-in in tests.
export interface DesktopShell {
  showNotification(notification: { title: string; body: string; onClick: () => void }): void;
  setBadgeCount(count: number): void;
  focusWindow(): void;
}

export const noDesktopShell: DesktopShell = {
  showNotification: () => undefined,
  setBadgeCount: () => undefined,
  focusWindow: () => undefined,
};
