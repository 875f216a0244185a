// The renderer's Content-Security-Policy: only the app's own scripts and styles, no remote content, no
// plugins, no framing. In development Vite's dev server (and its hot-reload websocket) is allowed too.
export function contentSecurityPolicy(devServerUrl: string | undefined): string {
  const connect = ["'self'"];
  if (devServerUrl) {
    const origin = new URL(devServerUrl);
    connect.push(origin.origin, `ws://${origin.host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets inline style attributes; inline <script> stays forbidden.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
