// What counts as "the app's own page": the Vite dev server in development, the built renderer file otherwise.
// Navigation guards and the IPC sender check both ask this one question.
import { pathToFileURL } from 'node:url';

export interface AppOrigin {
  // The URL the main window loads.
  url: string;
  isAppUrl(url: string): boolean;
}

export function appOrigin(rendererFile: string, devServerUrl: string | undefined): AppOrigin {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return {
      url: devServerUrl,
      isAppUrl: (url) => {
        try {
          return new URL(url).origin === origin;
        } catch {
          return false;
        }
      },
    };
  }
  const fileUrl = pathToFileURL(rendererFile);
  return {
    url: fileUrl.toString(),
    // file: URLs have no origin worth comparing: only the renderer's own index.html (any #route) is the app.
    isAppUrl: (url) => {
      try {
        const parsed = new URL(url);
        return parsed.protocol === 'file:' && parsed.pathname === fileUrl.pathname;
      } catch {
        return false;
      }
    },
  };
}
