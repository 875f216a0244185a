// Serves the built renderer (out/renderer) over HTTP on 127.0.0.1, as Electron would load it from disk.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

// The build to test: out/ by default, or AUTHDESK_OUT_DIR (an absolute --outDir given to electron-vite build).
export const rendererDir = resolve(process.env.AUTHDESK_OUT_DIR ?? resolve(__dirname, '../../../out'), 'renderer');

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string = rendererDir): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The renderer is not built (${root}/index.html is missing): run "npm run build" first.`);
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => {
        response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}
