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

  it('leaves ordinary text alone and ignores values too short to be secrets', () => {
    const redactor = new SecretRedactor();
    redactor.register('abc');
    redactor.register(null);
    const text = 'Verification passed for abc.onmicrosoft.com (4 checks)';
    expect(redactor.redact(text)).toBe(text);
  });
});
