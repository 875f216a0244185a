// Partner Center's throttling in the simulator: when a limit is set (POST /sandbox/rate-limit), /v1 calls
// beyond perMinute (a token bucket refilled continuously, one minute's worth at most) get 429 with
// Retry-After, as Microsoft answers.
import { json, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';

export function setRateLimit(state: SimulatorState, perMinute: number | null, now = performance.now()): void {
  state.rateLimit = perMinute === null ? null : { perMinute, tokens: perMinute, refilledAt: now, throttled: 0 };
}

// null when the request may go on; else the 429 to answer.
export function throttle(state: SimulatorState, now = performance.now()): SimulatorResponse | null {
  const limit = state.rateLimit;
  if (limit === null) return null;
  const perMs = limit.perMinute / 60_000;
  limit.tokens = Math.min(limit.perMinute, limit.tokens + (now - limit.refilledAt) * perMs);
  limit.refilledAt = now;
  if (limit.tokens >= 1) {
    limit.tokens -= 1;
    return null;
  }
  limit.throttled += 1;
  const seconds = Math.max(1, Math.ceil((1 - limit.tokens) / perMs / 1000));
  return json(
    429,
    { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
    { 'Retry-After': String(seconds) },
  );
}
