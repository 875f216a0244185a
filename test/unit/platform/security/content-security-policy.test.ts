// The renderer's CSP: strict in production, the dev server added only in development.
import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../../main/platform/security/app-origin';
import { contentSecurityPolicy } from '../../../../main/platform/security/content-security-policy';

describe('content security policy', () => {
  it('allows only the app itself in production', () => {
    const policy = contentSecurityPolicy(undefined);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('localhost');
  });

  it('adds the dev server and its websocket in development', () => {
    expect(contentSecurityPolicy('http://localhost:5173/')).toContain(
      "connect-src 'self' http://localhost:5173 ws://localhost:5173",
    );
  });
});

describe('app origin', () => {
  it('recognises the app scheme host and nothing else, by scheme and host rather than path', () => {
    const origin = appOrigin(undefined);
    expect(origin.url).toBe('authdesk://app/index.html');
    expect(origin.isAppUrl('authdesk://app/index.html#/customers/1')).toBe(true);
    expect(origin.isAppUrl('authdesk://other/index.html')).toBe(false);
    expect(origin.isAppUrl('file:///opt/AuthDesk/resources/app/out/renderer/index.html')).toBe(false);
    expect(origin.isAppUrl('https://app/index.html')).toBe(false);
    expect(origin.isAppUrl('https://admin.microsoft.com/')).toBe(false);
    expect(origin.isAppUrl('garbage')).toBe(false);
  });

  it('recognises the dev server origin in development', () => {
    const origin = appOrigin('http://localhost:5173');
    expect(origin.isAppUrl('http://localhost:5173/#/settings')).toBe(true);
    expect(origin.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(origin.isAppUrl('garbage')).toBe(false);
  });
});
