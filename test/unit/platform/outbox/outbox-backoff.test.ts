// The one retry policy of the outbox: the default (Partner Center) schedule doubles from 5 seconds to 5 minutes
// with jitter and never gives up; a kind's own schedule sets its steps, jitter and last attempt.
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  defaultRetrySchedule,
  mayRetry,
  type RetrySchedule,
} from '../../../../main/platform/outbox/outbox-backoff';

describe('outbox backoff', () => {
  it('doubles from 5 seconds up to 5 minutes by default, with 20 % jitter either way', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempts) => backoffDelay(attempts, middle))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(4_000);
    expect(backoffDelay(1, () => 1)).toBe(6_000);
    expect(mayRetry(1_000, defaultRetrySchedule)).toBe(true);
  });

  it("follows a kind's own schedule: its steps exactly without jitter, and a last attempt", () => {
    const schedule: RetrySchedule = { delaysMs: [5, 15, 60], jitter: 0, maxAttempts: 3 };
    expect([1, 2, 3, 4].map((attempts) => backoffDelay(attempts, () => 0, schedule))).toEqual([5, 15, 60, 60]);
    expect([1, 2, 3, 4].map((attempts) => mayRetry(attempts, schedule))).toEqual([true, true, false, false]);
  });

  it('repeats the last step of a short schedule', () => {
    const schedule: RetrySchedule = { delaysMs: [100], jitter: 0, maxAttempts: null };
    expect([0, 1, 9].map((attempts) => backoffDelay(attempts, Math.random, schedule))).toEqual([100, 100, 100]);
  });
});
