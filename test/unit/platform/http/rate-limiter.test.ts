// The token bucket on a fake clock: a burst goes at once, then one request per 60/limit seconds, in order.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, createRateLimiterRegistry } from '../../../../main/platform/http/rate-limiter';

function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('rate limiter', () => {
  it('lets the burst through, then paces at the per-minute rate', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 600, burst: 2, ...clock });
    const times: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      await limiter.acquire();
      times.push(clock.now());
    }
    // 600 per minute is one every 100 ms.
    expect(times).toEqual([0, 0, 100, 200, 300]);
  });

  it('serves concurrent callers first come, first served', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 1, ...clock });
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((index) => limiter.acquire().then(() => order.push(index))));
    expect(order).toEqual([0, 1, 2]);
    expect(clock.now()).toBe(2000);
  });

  it('defaults to 500 per minute and refuses a nonsense limit', () => {
    expect(createRateLimiter().requestsPerMinute).toBe(500);
    expect(() => createRateLimiter({ requestsPerMinute: 0 })).toThrow(/positive/);
  });

  it('keeps one bucket per tenant', () => {
    const limiterFor = createRateLimiterRegistry();
    expect(limiterFor('ABC')).toBe(limiterFor('abc'));
    expect(limiterFor('abc')).not.toBe(limiterFor('def'));
  });
});
