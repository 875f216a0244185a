// The app scheme's file handler against a real folder on disk: what it serves, with which type, and every
// way a URL might try to leave the renderer folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRendererFileHandler, fileFor } from '../../../../main/platform/security/renderer-file-handler';
import { makeTempDir } from '../../../support/temp-dir';

let folder: ReturnType<typeof makeTempDir>;
let root: string;
let handle: (request: Request) => Promise<Response>;
const policy = "default-src 'self'";

beforeAll(() => {
  folder = makeTempDir();
  root = path.join(folder.dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>AuthDesk</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  writeFileSync(path.join(root, 'assets', 'data.bin'), 'b');
  // A secret beside the renderer folder that no URL may reach.
  writeFileSync(path.join(folder.dir, 'secret.txt'), 'secret');
  handle = createRendererFileHandler({ rootDir: root, contentSecurityPolicy: policy });
});
afterAll(() => folder.remove());

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('renderer file handler', () => {
  it('serves the renderer with the MIME type of each file and the CSP on every answer', async () => {
    const page = await get('authdesk://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(policy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>AuthDesk</title>');
    expect((await get('authdesk://app/assets/index-abc.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('authdesk://app/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('authdesk://app/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect((await get('authdesk://app/assets/data.bin')).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get('authdesk://app/index.html?x=1#/customers/2')).status).toBe(200);
  });

  it('serves index.html for the bare origin, and HEAD without a body', async () => {
    expect(await (await get('authdesk://app/')).text()).toContain('AuthDesk');
    const head = await get('authdesk://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for missing files and folders, and 405 for other methods', async () => {
    expect((await get('authdesk://app/nope.js')).status).toBe(404);
    expect((await get('authdesk://app/assets')).status).toBe(404);
    expect((await get('authdesk://app/assets/')).status).toBe(404);
    const post = await get('authdesk://app/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(policy);
  });

  it('never leaves the renderer folder, however the path is written', async () => {
    for (const url of [
      'authdesk://app/../secret.txt',
      'authdesk://app/%2e%2e/secret.txt',
      'authdesk://app/%2E%2E%2Fsecret.txt',
      'authdesk://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'authdesk://app/..%5csecret.txt',
      'authdesk://app/%252e%252e/secret.txt',
      'authdesk://app/index.html%00.js',
      'authdesk://app/%E0%A4%A',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('answers only for the app host and scheme', () => {
    expect(fileFor(root, 'authdesk://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(fileFor(root, 'authdesk://evil/index.html')).toBeNull();
    expect(fileFor(root, 'file:///etc/passwd')).toBeNull();
    expect(fileFor(root, 'https://app/index.html')).toBeNull();
    expect(fileFor(root, 'not a url')).toBeNull();
  });
});
