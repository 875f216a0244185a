import { describe, expect, it } from 'vitest';
import { SecretRedactor } from '../../../../main/platform/logging/redact-secrets';

describe('secret redactor', () => {
  it('masks registered secrets wherever they appear, however often', () => {
    const redactor = new SecretRedactor();
    redactor.register('s3cr3t-Pässwort');
    expect(redactor.redact('auth s3cr3t-Pässwort failed; retry with s3cr3t-Pässwort')).toBe(
      'auth [redacted] failed; retry with [redacted]',
    );
  });

  it('masks shapes of credentials nobody registered: bearer tokens, JWTs, name=value secrets', () => {
    const redactor = new SecretRedactor();
    expect(redactor.redact('Authorization: Bearer abc.def-123')).toBe('Authorization: [redacted]');
    expect(redactor.redact('id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end')).toBe('id [redacted] end');
    expect(redactor.redact('client_secret=abc123&grant_type=x')).toBe('client_secret=[redacted]&grant_type=x');
    expect(redactor.redact('{"password":"hunter22"}')).toBe('{"password":"[redacted]"}');
  });

  it('masks a short secret where it stands alone, and leaves words that merely contain it', () => {
    const redactor = new SecretRedactor();
    redactor.register('abc');
    redactor.register(null);
    redactor.register('');
    const text = 'Verification passed for abc.onmicrosoft.com (4 checks), cabcd';
    expect(redactor.redact(text)).toBe(text);
    expect(redactor.redact('AUTH PLAIN user abc')).toBe('AUTH PLAIN user [redacted]');
    expect(redactor.redact('{"pass":"abc"}')).toBe('{"pass":"[redacted]"}');
    expect(redactor.redact('pw=abc&x=1')).toBe('pw=[redacted]&x=1');
  });

  it('masks JSON-escaped, doubly escaped and URL-encoded copies of a secret', () => {
    const redactor = new SecretRedactor();
    const secret = 'p"ss\\wörd&=1';
    redactor.register(secret);
    const once = JSON.stringify({ smtp: { pass: secret } });
    const twice = JSON.stringify({ body: once });
    const form = `user=anna&pw=${encodeURIComponent(secret)}`;
    for (const line of [once, twice, form]) {
      const redacted = redactor.redact(line);
      expect(redacted, line).toContain('[redacted]');
      expect(redacted, line).not.toContain('wörd');
      expect(redacted, line).not.toContain('w%C3%B6rd');
    }
  });

  it('masks the longer of two secrets whole when one contains the other', () => {
    const redactor = new SecretRedactor();
    redactor.register('hunter');
    redactor.register('hunter2-extended');
    expect(redactor.redact('tried hunter2-extended')).toBe('tried [redacted]');
  });
});
