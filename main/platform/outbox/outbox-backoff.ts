// How long an action waits after a failure that may pass by itself: doubling from 5 seconds up to 5 minutes,
// with jitter so many queued actions do not all hit Partner Center in the same second when it returns.
export const firstRetryMs = 5_000;
export const longestRetryMs = 5 * 60_000;

export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));
  // +/- 20 %.
  return Math.round(base * (0.8 + 0.4 * random()));
}
