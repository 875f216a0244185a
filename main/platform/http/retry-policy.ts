// How long the HTTP core waits before retrying a Microsoft call: Retry-After when throttled, otherwise
// exponential backoff with jitter so many clients retrying at once do not hit Microsoft in step.

export const backoffBaseMs = 500;
export const backoffCapMs = 30_000;
// A Retry-After longer than this is treated as this: a desktop app should not sit silent for an hour.
export const retryAfterCapMs = 120_000;

// Retry number 0, 1, 2, ... waits base * 2^n, capped, spread between half and all of it.
export function backoffDelayMs(retry: number, random: () => number): number {
  const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// Retry-After is seconds or an HTTP date; null when absent or unreadable.
export function parseRetryAfterMs(value: string | null, now: Date = new Date()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(retryAfterCapMs, Math.round(Number(trimmed) * 1000));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(retryAfterCapMs, Math.max(0, date - now.getTime()));
}

// How long to wait before retrying a throttled (429) or failed (5xx, network) call. The first throttle waits
// exactly what Microsoft asked; if it repeats, back off further, never less than asked.
export function retryDelayMs(options: {
  retry: number;
  retryAfterMs: number | null;
  throttledBefore: boolean;
  random: () => number;
}): number {
  const backoff = backoffDelayMs(options.retry, options.random);
  if (options.retryAfterMs === null) return backoff;
  return options.throttledBefore ? Math.max(options.retryAfterMs, backoff) : options.retryAfterMs;
}
