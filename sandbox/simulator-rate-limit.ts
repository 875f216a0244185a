// Partner Center's throttling in the simulator: when a limit is set (POST /sandbox/rate-limit), /v1 calls
// beyond perMinute (a token bucket refilled continuously, one minute's worth at most) get 429 with
// Retry-After, as Microsoft answers. It also counts the calls over a sliding minute and keeps the busiest
// minute seen, so a test of many desktops can tell whether together they ever sent more than the limit.
import { json, type SimulatorResponse } from './simulator-http';
import type { SimulatorState } from './simulator-state';

export function setRateLimit(state: SimulatorState, perMinute: number | null, now = performance.now()): void {
  state.rateLimit =
    perMinute === null
      ? null
      : { perMinute, tokens: perMinute, refilledAt: now, throttled: 0, peakPerMinute: 0, lastMinute: [] };
}

// Each Partner Center call as it arrives (throttled or not, faulted or not: the tenant's gateway counts it).
export function countCall(state: SimulatorState, now = performance.now()): void {
  const limit = state.rateLimit;
  if (limit === null) return;
  limit.lastMinute.push(now);
  while ((limit.lastMinute[0] as number) <= now - 60_000) limit.lastMinute.shift();
  limit.peakPerMinute = Math.max(limit.peakPerMinute, limit.lastMinute.length);
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
