// Launches Debian's Chromium through Playwright (browser downloads are not possible on our machines).
import { chromium, type Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';

export function chromiumPath(): string {
  const configured = process.env.AUTHDESK_CHROMIUM;
  if (configured) return configured;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install Debian\'s "chromium" package or set AUTHDESK_CHROMIUM.');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
