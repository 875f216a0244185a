// A client-side token bucket that keeps AuthDesk under Partner Center's request limit (500 requests per
// minute per tenant for the Customer resource), so a bulk verification paces itself instead of being
// throttled with 429s. Requests wait in arrival order for their token.

export const defaultRequestsPerMinute = 500;

export interface RateLimiterOptions {
  requestsPerMinute?: number;
  // How many requests may go at once after a quiet spell. Small by default: a full minute's burst would
  // let a sliding one-minute window on the server see more than the limit.
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  readonly requestsPerMinute: number;
  // Resolves when a request may be sent; each call uses one token.
  acquire(): Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const requestsPerMinute = options.requestsPerMinute ?? defaultRequestsPerMinute;
  if (!Number.isFinite(requestsPerMinute) || requestsPerMinute <= 0) {
    throw new Error(`The request limit must be a positive number per minute (got ${requestsPerMinute}).`);
  }
  const ratePerMs = requestsPerMinute / 60_000;
  // One second's worth of requests, at least one.
  const burst = Math.max(1, options.burst ?? Math.floor(requestsPerMinute / 60));
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  let tokens = burst;
  let refilledAt = now();
  // Every caller reserves its token on this chain, so the order is first come, first served.
  let queue: Promise<void> = Promise.resolve();

  function refill(): void {
    const at = now();
    tokens = Math.min(burst, tokens + (at - refilledAt) * ratePerMs);
    refilledAt = at;
  }

  async function takeOne(): Promise<void> {
    for (;;) {
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.max(1, Math.ceil((1 - tokens) / ratePerMs)));
    }
  }

  return {
    requestsPerMinute,
    acquire() {
      const turn = queue.then(takeOne);
      queue = turn;
      return turn;
    },
  };
}

// One limiter per partner tenant: the limit is Microsoft's per tenant, and a signed-in user switching
// tenants starts with that tenant's own budget.
export function createRateLimiterRegistry(options: RateLimiterOptions = {}): (tenantId: string) => RateLimiter {
  const limiters = new Map<string, RateLimiter>();
  return (tenantId) => {
    const key = tenantId.toLowerCase();
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = createRateLimiter(options);
      limiters.set(key, limiter);
    }
    return limiter;
  };
}
