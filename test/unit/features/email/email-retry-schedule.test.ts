// Email's retry schedule in the outbox's one policy: minutes to hours, exact (the user is told the time), and
// a person decides after the sixth attempt.
import { describe, expect, it } from 'vitest';
import { backoffDelay, mayRetry } from '../../../../main/platform/outbox/outbox-backoff';
import { emailRetrySchedule } from '../../../../main/features/email/email-outbox-handler';

describe('email retry schedule', () => {
  it('waits 5, 15, 60, 240 and 720 minutes, then gives up', () => {
    const minutes = [1, 2, 3, 4, 5].map((attempts) => backoffDelay(attempts, Math.random, emailRetrySchedule) / 60_000);
    expect(minutes).toEqual([5, 15, 60, 240, 720]);
    expect([1, 5, 6].map((attempts) => mayRetry(attempts, emailRetrySchedule))).toEqual([true, true, false]);
  });
});
