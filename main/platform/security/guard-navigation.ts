// Keeps the window on the app: navigation and redirects away from the app's own page are blocked, new windows
// are never created, and links the policy allows (mailto:, the Microsoft 365 admin center) open in the OS.
import type { WebContents } from 'electron';
import type { AppOrigin } from './app-origin';
import { isAllowedExternalUrl, type OpenExternal } from './external-url-policy';

export function guardNavigation(contents: WebContents, origin: AppOrigin, openExternal: OpenExternal): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!origin.isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
