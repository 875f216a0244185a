// Answers the app scheme's requests from the built renderer folder and nothing else: GET and HEAD only, the
// app host only, a path that stays inside the folder however it is encoded, the right MIME type, 404 for
// anything missing. A plain function over web Request and Response, so it is tested without Electron.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { appHost, appScheme } from './app-scheme';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFileHandlerOptions {
  // The built renderer folder (out/renderer).
  rootDir: string;
  // Sent on every answer: webRequest's header hook does not see custom-scheme responses.
  contentSecurityPolicy: string;
}

export function createRendererFileHandler(
  options: RendererFileHandlerOptions,
): (request: Request) => Promise<Response> {
  const root = path.resolve(options.rootDir);
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  const answer = (status: number, text: string) =>
    new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
    const file = fileFor(root, request.url);
    if (file === null) return answer(404, 'Not found');
    try {
      if (!(await stat(file)).isFile()) return answer(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: { ...baseHeaders, 'Content-Type': type } });
    } catch {
      return answer(404, 'Not found');
    }
  };
}

// The file a URL names inside the root, or null when it is not the app's or would leave the root.
export function fileFor(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Encoded separators and NUL have no business in a renderer asset's path.
  if (relative.includes('\0') || relative.includes('\\') || /%2f|%5c/i.test(parsed.pathname)) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const resolved = path.resolve(root, `.${relative}`);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}
