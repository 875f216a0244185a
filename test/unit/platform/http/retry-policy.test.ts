import { describe, expect, it } from 'vitest';
import {
  backoffCapMs,
  backoffDelayMs,
  parseRetryAfterMs,
  retryAfterCapMs,
  retryDelayMs,
} from '../../../../main/platform/http/retry-policy';

describe('backoffDelayMs', () => {
  it('doubles with each retry and spreads between half and all of the ceiling', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(250);
    expect(backoffDelayMs(0, () => 1)).toBe(500);
    expect(backoffDelayMs(1, () => 0.5)).toBe(750);
    expect(backoffDelayMs(3, () => 1)).toBe(4000);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(30, () => 1)).toBe(backoffCapMs);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds', () => {
    expect(parseRetryAfterMs('57')).toBe(57_000);
    expect(parseRetryAfterMs(' 1.5 ')).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('gives null for a missing or unreadable value, and caps very long waits', () => {
    expect(parseRetryAfterMs(null)).toBeNull();
    expect(parseRetryAfterMs('')).toBeNull();
    expect(parseRetryAfterMs('soon')).toBeNull();
    expect(parseRetryAfterMs('86400')).toBe(retryAfterCapMs);
  });
});

describe('retryDelayMs', () => {
  const random = () => 1;
  it('waits exactly Retry-After on the first throttle, and never less on the next ones', () => {
    expect(retryDelayMs({ retry: 0, retryAfterMs: 7_000, throttledBefore: false, random })).toBe(7_000);
    expect(retryDelayMs({ retry: 3, retryAfterMs: 100, throttledBefore: true, random })).toBe(
      backoffDelayMs(3, random),
    );
    expect(retryDelayMs({ retry: 1, retryAfterMs: 60_000, throttledBefore: true, random })).toBe(60_000);
  });
  it('backs off exponentially when there is no Retry-After', () => {
    expect(retryDelayMs({ retry: 2, retryAfterMs: null, throttledBefore: false, random })).toBe(
      backoffDelayMs(2, random),
    );
  });
});
