// The hybrid logical clock: string order is clock order, stamps only go forward (even when the wall clock goes
// back), and a received stamp moves the clock past it so the next local change sorts after what was seen.
import { describe, expect, it } from 'vitest';
import { createHybridLogicalClock, formatStamp, parseStamp } from '../../../../main/platform/sync/hybrid-logical-clock';

describe('hybrid logical clock', () => {
  it('orders stamps by time, then counter, as strings', () => {
    const early = formatStamp({ ms: 9, counter: 999, deviceId: 'b' });
    const late = formatStamp({ ms: 10, counter: 0, deviceId: 'a' });
    expect(early < late).toBe(true);
    expect(parseStamp(late)).toEqual({ ms: 10, counter: 0, deviceId: 'a' });
    expect(() => parseStamp('10:0:a')).toThrow('Not a clock stamp');
  });

  it('never goes back, even when the wall clock does', () => {
    let wall = 1_000;
    const clock = createHybridLogicalClock('device', () => wall);
    const first = clock.now();
    wall = 500;
    const second = clock.now();
    const third = clock.now();
    expect(first < second && second < third).toBe(true);
    expect(parseStamp(third)).toEqual({ ms: 1_000, counter: 2, deviceId: 'device' });
  });

  it('after receiving a stamp from a desktop whose clock runs ahead, the next local stamp is later still', () => {
    const clock = createHybridLogicalClock('slow', () => 1_000);
    const remote = formatStamp({ ms: 60_000, counter: 4, deviceId: 'fast' });
    clock.receive(remote);
    const next = clock.now();
    expect(next > remote).toBe(true);
    expect(parseStamp(next)).toEqual({ ms: 60_000, counter: 5, deviceId: 'slow' });
  });

  it('starts past the latest stamp it is given (the newest clock in the database)', () => {
    const latest = formatStamp({ ms: 5_000, counter: 3, deviceId: 'me' });
    const clock = createHybridLogicalClock('me', () => 10, latest);
    expect(clock.now() > latest).toBe(true);
  });
});
