// The one retry policy of the outbox: after a failure that may pass by itself, how long an item waits before
// its next attempt, and when it stops trying and waits for a person instead. Each outbox kind may declare its
// own schedule (email does); the default is the Partner Center one.
export interface RetrySchedule {
  // The wait after the 1st, 2nd, … failed attempt; the last one repeats.
  delaysMs: readonly number[];
  // +/- this fraction of randomness, so many queued items do not all go in the same second.
  jitter: number;
  // After this many attempts a failure is final; null: keep trying as long as the failure may pass.
  maxAttempts: number | null;
}

function doubling(firstMs: number, longestMs: number): number[] {
  const delays: number[] = [];
  for (let delay = firstMs; delay < longestMs; delay *= 2) delays.push(delay);
  return [...delays, longestMs];
}

// Partner Center actions: doubling from 5 seconds up to 5 minutes with 20 % jitter, never giving up (they
// wait for the connection), so queued work resumes soon after Microsoft returns without all hitting it at once.
export const defaultRetrySchedule: RetrySchedule = {
  delaysMs: doubling(5_000, 5 * 60_000),
  jitter: 0.2,
  maxAttempts: null,
};

export function backoffDelay(
  attempts: number,
  random: () => number = Math.random,
  schedule: RetrySchedule = defaultRetrySchedule,
): number {
  const { delaysMs, jitter } = schedule;
  const base = delaysMs[Math.min(Math.max(0, attempts - 1), delaysMs.length - 1)] ?? 0;
  return Math.round(base * (1 - jitter + 2 * jitter * random()));
}

// Whether a failure that may pass by itself gets another attempt after `attempts` tries.
export function mayRetry(attempts: number, schedule: RetrySchedule = defaultRetrySchedule): boolean {
  return schedule.maxAttempts === null || attempts < schedule.maxAttempts;
}
